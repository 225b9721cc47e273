import {
  CurrencySchema,
  type FieldValue,
  SlackChannelIdSchema,
  SlackUserIdSchema,
  TEXT_MAX,
  USERS_MAX,
} from '../../../domain/fieldTypes.js';
import type { TemplateField } from '../../../domain/template.js';
import { fieldBlockId, SCALAR_SUFFIX } from './blockIds.js';
import { type FormErrors, readDate, readNumber, readText } from './inputParsing.js';
import { type InputValue, listValue, singleValue } from './viewStateValues.js';

/**
 * The answer of one scalar field from its input block(s), or undefined when left empty (or when
 * it has an error, which is recorded in `errors` on the offending block).
 */
export function parseScalarField(
  field: TemplateField,
  inputs: Record<string, InputValue>,
  errors: FormErrors,
): FieldValue | undefined {
  const id = fieldBlockId(field.id);
  const raw = inputs[id];
  const t = errors.texts;
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return readText(raw, id, TEXT_MAX, errors);
    case 'number':
    case 'percent': {
      const read = readNumber(raw, id, errors);
      return read.ok ? read.value : undefined;
    }
    case 'money': {
      const curId = fieldBlockId(field.id, SCALAR_SUFFIX.currency);
      const amount = readNumber(raw, id, errors);
      if (!amount.ok || amount.value === undefined) return undefined;
      const currency = singleValue(inputs[curId]);
      if (currency === undefined || !CurrencySchema.safeParse(currency).success) {
        errors.add(curId, t.currencyMissing);
        return undefined;
      }
      return { amount: amount.value, currency };
    }
    case 'date':
      return readDate(raw, id, errors);
    case 'date_range': {
      const endId = fieldBlockId(field.id, SCALAR_SUFFIX.rangeEnd);
      const start = readDate(raw, id, errors);
      const end = readDate(inputs[endId], endId, errors);
      if (start === undefined && end === undefined) return undefined;
      if (start === undefined || end === undefined) {
        errors.add(start === undefined ? id : endId, t.rangeIncomplete);
        return undefined;
      }
      if (end < start) {
        errors.add(endId, t.endBeforeStart);
        return undefined;
      }
      return { start, end };
    }
    case 'single_select': {
      const value = singleValue(raw);
      if (value === undefined) return undefined;
      if (!field.options?.some((o) => o.value === value)) {
        errors.add(id, t.notAnOption);
        return undefined;
      }
      return value;
    }
    case 'multi_select': {
      const values = listValue(raw);
      if (values.length === 0) return undefined;
      const allowed = new Set(field.options?.map((o) => o.value));
      if (values.some((v) => !allowed.has(v))) {
        errors.add(id, t.notAnOption);
        return undefined;
      }
      if (new Set(values).size !== values.length) {
        errors.add(id, t.duplicate);
        return undefined;
      }
      return values;
    }
    case 'user':
    case 'channel': {
      const value = singleValue(raw);
      if (value === undefined) return undefined;
      const schema = field.type === 'user' ? SlackUserIdSchema : SlackChannelIdSchema;
      if (!schema.safeParse(value).success) {
        errors.add(id, field.type === 'user' ? t.notAPerson : t.notAChannel);
        return undefined;
      }
      return value;
    }
    case 'users': {
      const values = listValue(raw);
      if (values.length === 0) return undefined;
      if (values.some((v) => !SlackUserIdSchema.safeParse(v).success)) {
        errors.add(id, t.notAPerson);
        return undefined;
      }
      if (new Set(values).size !== values.length) {
        errors.add(id, t.duplicate);
        return undefined;
      }
      if (values.length > USERS_MAX) {
        errors.add(id, t.tooMany(USERS_MAX));
        return undefined;
      }
      return values;
    }
    default:
      throw new Error(`${field.type} is a list field; parse it with parseListField`);
  }
}
