import { IsoDateSchema, NUMBER_ABS_MAX } from '../../../domain/fieldTypes.js';
import type { Locale } from '../../../domain/locale.js';
import type { PlanPeriod } from '../../../domain/plan.js';
import { formatDate } from '../../../render/formatFieldValue.js';
import { VALIDATION_TEXTS, type ValidationTexts } from './validationTexts.js';
import { type InputValue, singleValue } from './viewStateValues.js';

/**
 * Reading single inputs out of the view state and collecting inline errors, shared by the
 * section step and the plan-details form. The first error on a block wins: it is the one the
 * user has to fix first.
 */
export class FormErrors {
  readonly byBlock: Record<string, string> = {};
  readonly texts: ValidationTexts;

  constructor(readonly locale: Locale) {
    this.texts = VALIDATION_TEXTS[locale];
  }

  add(blockId: string, message: string): void {
    if (!(blockId in this.byBlock)) this.byBlock[blockId] = message;
  }

  get empty(): boolean {
    return Object.keys(this.byBlock).length === 0;
  }
}

export type NumberRead = { ok: true; value: number | undefined } | { ok: false };

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/** Slack's number_input checks the format client-side; replayed or forged state is checked here. */
export function readNumber(
  raw: InputValue | undefined,
  blockId: string,
  errors: FormErrors,
): NumberRead {
  const text = singleValue(raw);
  if (text === undefined) return { ok: true, value: undefined };
  if (!NUMBER_TEXT.test(text)) {
    errors.add(blockId, errors.texts.notNumber);
    return { ok: false };
  }
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > NUMBER_ABS_MAX) {
    errors.add(blockId, errors.texts.tooLarge);
    return { ok: false };
  }
  return { ok: true, value };
}

export function readDate(
  raw: InputValue | undefined,
  blockId: string,
  errors: FormErrors,
): string | undefined {
  const text = singleValue(raw);
  if (text === undefined) return undefined;
  if (!IsoDateSchema.safeParse(text).success) {
    errors.add(blockId, errors.texts.notADate);
    return undefined;
  }
  return text;
}

/** A text within `max` characters (as JavaScript and zod count them). */
export function readText(
  raw: InputValue | undefined,
  blockId: string,
  max: number,
  errors: FormErrors,
): string | undefined {
  const text = singleValue(raw);
  if (text === undefined) return undefined;
  if (text.length > max) {
    errors.add(blockId, errors.texts.tooLong(max));
    return undefined;
  }
  return text;
}

/** Reports a date outside the plan period on its block. */
export function checkInPeriod(
  date: string | undefined,
  period: PlanPeriod,
  blockId: string,
  errors: FormErrors,
): void {
  if (date === undefined) return;
  if (date < period.start || date > period.end) {
    const { locale } = errors;
    errors.add(
      blockId,
      errors.texts.outsidePeriod(formatDate(period.start, locale), formatDate(period.end, locale)),
    );
  }
}
