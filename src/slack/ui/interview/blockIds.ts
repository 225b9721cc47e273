/**
 * Block ids of the section step. Inputs: `f|<fieldId>` for a scalar field (`f|<fieldId>|cur`,
 * `f|<fieldId>|end` for its second input) and `f|<fieldId>|<rowId>|<column>` for a list row's
 * column. Errors of `response_action: errors` are keyed by these ids, so they only ever name
 * input blocks. Non-input blocks use other prefixes so they can never collide with an input.
 */
export const SCALAR_SUFFIX = { currency: 'cur', rangeEnd: 'end' } as const;

export function fieldBlockId(fieldId: string, suffix?: string): string {
  return suffix ? `f|${fieldId}|${suffix}` : `f|${fieldId}`;
}

export function rowColumnBlockId(fieldId: string, rowId: string, column: string): string {
  return `f|${fieldId}|${rowId}|${column}`;
}

export const SectionBlockIds = {
  intro: 'intro',
  guidance: 'guidance',
  notice: 'notice',
  footer: 'footer',
  listLabel: (fieldId: string) => `list|${fieldId}`,
  listAdd: (fieldId: string) => `add|${fieldId}`,
  rowHeader: (fieldId: string, rowId: string) => `row|${fieldId}|${rowId}`,
} as const;
