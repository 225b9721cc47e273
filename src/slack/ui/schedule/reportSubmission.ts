import { z } from 'zod';
import type { Locale } from '../../../domain/locale.js';
import {
  CHECKIN_COMMENT_MAX,
  type Confidence,
  ConfidenceSchema,
  KpiValueSchema,
} from '../../../store/kpiValuesStore.js';
import { INPUT_ACTION_ID } from '../ids.js';
import { checkinTexts } from './checkinTexts.js';
import { COMMENT_BLOCK, CONFIDENCE_BLOCK, kpiBlockId } from './reportModal.js';

const StateValueSchema = z.looseObject({
  value: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
});
const StateValuesSchema = z.record(z.string(), z.record(z.string(), StateValueSchema));

export type ReportParse =
  | {
      ok: true;
      values: Record<string, number>;
      comment?: string;
      confidence?: Confidence;
    }
  /** Inline errors by block id, in the user's language. */
  | { ok: false; errors: Record<string, string> };

/**
 * Reads the Report modal's state for the KPIs the owner was asked about (and only those: a forged
 * block for another KPI is ignored). Every asked KPI needs a finite number.
 */
export function parseReportSubmission(
  stateValues: unknown,
  kpiIds: readonly string[],
  locale: Locale,
): ReportParse {
  const t = checkinTexts(locale).modal;
  const state = StateValuesSchema.safeParse(stateValues);
  const values: Record<string, number> = {};
  const errors: Record<string, string> = {};
  const read = (blockId: string) =>
    state.success ? state.data[blockId]?.[INPUT_ACTION_ID] : undefined;
  for (const kpiId of kpiIds) {
    const blockId = kpiBlockId(kpiId);
    const raw = read(blockId)?.value?.trim() ?? '';
    const value = KpiValueSchema.safeParse(raw === '' ? Number.NaN : Number(raw));
    if (value.success) values[kpiId] = value.data;
    else errors[blockId] = t.badNumber;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const comment = read(COMMENT_BLOCK)?.value?.trim().slice(0, CHECKIN_COMMENT_MAX);
  const confidence = ConfidenceSchema.safeParse(read(CONFIDENCE_BLOCK)?.selected_option?.value);
  return {
    ok: true,
    values,
    ...(comment ? { comment } : {}),
    ...(confidence.success ? { confidence: confidence.data } : {}),
  };
}
