import type { InputBlock, KnownBlock, PlainTextOption } from '@slack/types';
import { CurrencySchema, isListFieldType, TEXT_MAX } from '../../../domain/fieldTypes.js';
import type { Locale } from '../../../domain/locale.js';
import type { TemplateField } from '../../../domain/template.js';
import { fieldBlockId, SCALAR_SUFFIX } from './blockIds.js';
import { decimalString, option } from './blockParts.js';
import {
  channelElement,
  dateElement,
  inputBlock,
  multiSelectElement,
  numberElement,
  selectElement,
  textElement,
  userElement,
  usersElement,
} from './inputElements.js';
import { COMMON_CURRENCIES } from './planContext.js';
import { SECTION_TEXTS } from './sectionTexts.js';
import type { InputValue } from './viewStateValues.js';

/** The saved answer of a scalar field as the values of its input blocks. */
export function savedScalarInputs(
  field: TemplateField,
  value: unknown,
): Record<string, InputValue> {
  const id = fieldBlockId(field.id);
  if (value === undefined || value === null || isListFieldType(field.type)) return {};
  if (typeof value === 'number') return { [id]: decimalString(value) };
  if (typeof value === 'string') return { [id]: value };
  if (Array.isArray(value))
    return { [id]: value.filter((v): v is string => typeof v === 'string') };
  if (typeof value !== 'object') return {};
  const record = value as Record<string, unknown>;
  if (field.type === 'money') {
    return {
      ...(typeof record.amount === 'number' ? { [id]: decimalString(record.amount) } : {}),
      ...(typeof record.currency === 'string'
        ? { [fieldBlockId(field.id, SCALAR_SUFFIX.currency)]: record.currency }
        : {}),
    };
  }
  if (field.type === 'date_range') {
    return {
      ...(typeof record.start === 'string' ? { [id]: record.start } : {}),
      ...(typeof record.end === 'string'
        ? { [fieldBlockId(field.id, SCALAR_SUFFIX.rangeEnd)]: record.end }
        : {}),
    };
  }
  return {};
}

/** Currency choices, including the one shown if it is not a common one. */
export function currencyOptions(shown: InputValue | undefined): PlainTextOption[] {
  const codes = [...COMMON_CURRENCIES];
  if (
    typeof shown === 'string' &&
    CurrencySchema.safeParse(shown).success &&
    !codes.includes(shown)
  ) {
    codes.push(shown);
  }
  return codes.map((code) => option(code, code));
}

/** The input block(s) of one scalar field, labelled in the plan's language. */
export function scalarFieldBlocks(
  field: TemplateField,
  locale: Locale,
  inputs: Record<string, InputValue>,
  currency: string,
): KnownBlock[] {
  const texts = SECTION_TEXTS[locale];
  const id = fieldBlockId(field.id);
  const label = field.label[locale];
  const hint = field.hint?.[locale];
  const placeholder = field.placeholder?.[locale];
  const optional = !field.required;
  const value = inputs[id];
  const one = (element: InputBlock['element']) => [
    inputBlock(id, label, element, { optional, hint }),
  ];
  switch (field.type) {
    case 'short_text':
      return one(textElement(value, { max: TEXT_MAX, placeholder }));
    case 'long_text':
      return one(textElement(value, { max: TEXT_MAX, multiline: true, placeholder }));
    case 'number':
    case 'percent':
      return one(numberElement(value, placeholder));
    case 'date':
      return one(dateElement(value, placeholder));
    case 'single_select':
    case 'multi_select': {
      const options = (field.options ?? []).map((o) => option(o.value, o.label[locale]));
      return one(
        field.type === 'single_select'
          ? selectElement(options, value, placeholder)
          : multiSelectElement(options, value, placeholder),
      );
    }
    case 'user':
      return one(userElement(value, placeholder));
    case 'users':
      return one(usersElement(value, placeholder));
    case 'channel':
      return one(channelElement(value, placeholder));
    case 'money': {
      const curId = fieldBlockId(field.id, SCALAR_SUFFIX.currency);
      const shown = inputs[curId] === undefined ? currency : inputs[curId];
      return [
        inputBlock(id, texts.amountLabel(label), numberElement(value, placeholder), {
          optional,
          hint,
        }),
        inputBlock(
          curId,
          texts.currencyLabel(label),
          selectElement(currencyOptions(shown), shown),
          {
            optional,
          },
        ),
      ];
    }
    case 'date_range': {
      const endId = fieldBlockId(field.id, SCALAR_SUFFIX.rangeEnd);
      return [
        inputBlock(id, texts.rangeStart(label), dateElement(value), { optional, hint }),
        inputBlock(endId, texts.rangeEnd(label), dateElement(inputs[endId]), { optional }),
      ];
    }
    default:
      throw new Error(`${field.type} is a list field; build it with listFieldBlocks`);
  }
}
