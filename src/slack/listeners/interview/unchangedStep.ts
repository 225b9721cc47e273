import { isDeepStrictEqual } from 'node:util';
import type { Plan } from '../../../domain/plan.js';
import type { Template } from '../../../domain/template.js';
import type { DraftRecord } from '../../../store/draftStore.js';
import { initialSectionRows, type SectionMetadata } from '../../ui/interview/sectionMetadata.js';
import { parseStep } from './sectionSteps.js';

/** True when a step's typed state says exactly what is saved (same answers, same rows). */
export function isUnchangedStep(
  record: DraftRecord<Plan>,
  template: Template,
  meta: SectionMetadata,
  stateValues: Record<string, unknown>,
): boolean {
  const parsed = parseStep(record, template, meta, stateValues, true);
  if (!parsed.ok) return false;
  const saved = record.doc.sections[meta.s] ?? {};
  return isDeepStrictEqual(parsed.values, saved) && rowsUnchanged(record, template, meta);
}

function rowsUnchanged(
  record: DraftRecord<Plan>,
  template: Template,
  meta: SectionMetadata,
): boolean {
  return isDeepStrictEqual(initialSectionRows(template, record.doc, meta.s), meta.r);
}
