import { z } from 'zod';
import { RowIdSchema } from '../../../domain/fieldTypes.js';
import type { Plan } from '../../../domain/plan.js';
import { nextRowId } from '../../../domain/rowIds.js';
import { ID_PATTERN, type Template } from '../../../domain/template.js';
import { LIST_SPECS } from './listColumns.js';
import { isListField, savedRowIds, stageFields } from './planContext.js';
import { layoutSection } from './sectionLayout.js';

/**
 * The section step's `private_metadata`: which plan and section, the draft version the user
 * started from (for compare-and-set), and the rows of each list as currently shown. Keys are
 * short because Slack caps it at 3000 characters. It never carries a workspace or user: those
 * come from the verified request.
 */
export const PRIVATE_METADATA_MAX = 3000;
const Id = z.string().regex(ID_PATTERN);

export const SectionMetadataSchema = z.strictObject({
  p: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'not a plan id' }),
  s: Id,
  v: z.number().int().nonnegative(),
  r: z.record(Id, z.array(RowIdSchema).max(40)),
});
export type SectionMetadata = z.infer<typeof SectionMetadataSchema>;

export function encodeSectionMetadata(meta: SectionMetadata): string {
  const text = JSON.stringify(meta);
  if (text.length > PRIVATE_METADATA_MAX) {
    // Only reachable with a custom template holding many long-id lists in one section.
    throw new Error(
      `section metadata is ${text.length} characters, Slack allows ${PRIVATE_METADATA_MAX}`,
    );
  }
  return text;
}

export type DecodedSectionMetadata =
  | { ok: true; meta: SectionMetadata }
  | { ok: false; error: string };

/** Reads `private_metadata` back; it comes from the client, so nothing is assumed. */
export function decodeSectionMetadata(text: string): DecodedSectionMetadata {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'section metadata is not JSON' };
  }
  const parsed = SectionMetadataSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: `section metadata is malformed: ${z.prettifyError(parsed.error)}` };
  }
  return { ok: true, meta: parsed.data };
}

/**
 * The rows a step starts with: the saved rows, and one blank row for an empty list so there
 * is something to type into.
 */
export function initialSectionRows(
  template: Template,
  plan: Plan,
  sectionId: string,
): Record<string, string[]> {
  const rows: Record<string, string[]> = {};
  for (const field of stageFields(template, plan, sectionId)) {
    if (!isListField(field)) continue;
    const saved = savedRowIds(plan, sectionId, field.id);
    rows[field.id] = saved.length > 0 ? saved : [nextRowId(LIST_SPECS[field.type].rowIdPrefix, [])];
  }
  return rows;
}

/**
 * A new blank row at the end of a list, when the list's maximum and the modal's space allow;
 * otherwise the metadata unchanged. New ids never reuse a saved row's id, so a removed row is
 * not confused with a new one.
 */
export function addRow(
  meta: SectionMetadata,
  fieldId: string,
  plan: Plan,
  template: Template,
): SectionMetadata {
  const layout = layoutSection(template, plan, meta.s, meta.r).lists.get(fieldId);
  if (!layout?.canAdd) return meta;
  const taken = [...layout.rowIds, ...savedRowIds(plan, meta.s, fieldId)];
  const id = nextRowId(LIST_SPECS[layout.field.type].rowIdPrefix, taken);
  return { ...meta, r: { ...meta.r, [fieldId]: [...layout.rowIds, id] } };
}

/** Removes a row; the last row of a list stays (clearing its inputs empties the list). */
export function removeRow(meta: SectionMetadata, fieldId: string, rowId: string): SectionMetadata {
  const current = meta.r[fieldId];
  if (!current?.includes(rowId) || current.length <= 1) return meta;
  return { ...meta, r: { ...meta.r, [fieldId]: current.filter((id) => id !== rowId) } };
}
