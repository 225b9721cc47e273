import { type FieldType, type FieldValue, isEmptyValue } from '../fieldTypes.js';

/**
 * Whether two stored values read the same to a person. Text is compared trimmed (renderers trim, so an
 * "old → new" with identical sides would only confuse), unanswered equals blank, and selections of
 * several options or users are sets: ticking the same boxes in another order changes nothing.
 */
export function sameFieldValue(
  type: FieldType,
  before: FieldValue | undefined,
  after: FieldValue | undefined,
): boolean {
  const emptyBefore = isEmptyValue(before);
  const emptyAfter = isEmptyValue(after);
  if (emptyBefore || emptyAfter) return emptyBefore === emptyAfter;
  if ((type === 'multi_select' || type === 'users') && Array.isArray(before)) {
    return Array.isArray(after) && sameSet(before as unknown[], after as unknown[]);
  }
  return sameValue(before, after);
}

/** Deep equality for JSON-like values; strings compared trimmed, object keys in any order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  if (a === undefined || b === undefined) return blank(a) && blank(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].every((key) => sameValue(left[key], right[key]));
  }
  return Object.is(a, b);
}

/** An optional text column left empty reads the same as one never filled in. */
function blank(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  const keys = (list: readonly unknown[]) => new Set(list.map((item) => JSON.stringify(item)));
  const left = keys(a);
  const right = keys(b);
  return left.size === right.size && [...left].every((key) => right.has(key));
}
