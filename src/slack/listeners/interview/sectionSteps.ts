import type { ModalView } from '@slack/types';
import type { Plan, SectionValues } from '../../../domain/plan.js';
import type { Template } from '../../../domain/template.js';
import { messagesFor } from '../../../i18n/messages.js';
import type { SaveOutcome } from '../../../services/interview/interviewService.js';
import type { DraftRecord } from '../../../store/draftStore.js';
import { buildConflictModal } from '../../ui/interview/conflictModal.js';
import { sectionProgress } from '../../ui/interview/sectionLayout.js';
import type { SectionMetadata } from '../../ui/interview/sectionMetadata.js';
import { parseSectionSubmission, stateToPrefill } from '../../ui/interview/sectionSubmission.js';
import { typedValuesForConflict } from '../../ui/interview/typedValues.js';
import type { WorkspaceIdentity } from '../../workspaceIdentity.js';
import type { InterviewDeps } from './interviewDeps.js';
import { sectionScreen } from './sectionScreens.js';

/** What a user typed into a step, kept when it cannot be saved yet (closed, conflict). */
export interface UnsavedStep {
  state: Record<string, unknown>;
  rows: Record<string, string[]>;
}

export function isUnsavedStep(value: unknown): value is UnsavedStep {
  return typeof value === 'object' && value !== null && 'state' in value && 'rows' in value;
}

/**
 * The step to show for a section: the saved answers, or — when this user left unsaved
 * input there (closed the modal, hit a conflict) — that input, marked as not yet saved.
 */
export async function stepScreen(
  deps: InterviewDeps,
  identity: WorkspaceIdentity,
  record: DraftRecord<Plan>,
  template: Template,
  sectionId: string,
): Promise<ModalView> {
  const pending = await deps.interview.unsaved(identity, record.id, sectionId);
  if (!pending || !isUnsavedStep(pending.values)) return sectionScreen(record, template, sectionId);
  const m = messagesFor(record.doc.meta.language);
  return sectionScreen(record, template, sectionId, {
    values: stateToPrefill(pending.values.state),
    rows: pending.values.rows,
    notice: { kind: 'info', text: m.plans.restoredUnsaved },
  });
}

export type StepParse =
  | { ok: true; values: SectionValues }
  | { ok: false; errors: Record<string, string> };

/**
 * `partial` (Back, Save & close) saves an incomplete step — a draft may have gaps — but
 * still refuses values that are wrong.
 */
export function parseStep(
  record: DraftRecord<Plan>,
  template: Template,
  meta: SectionMetadata,
  stateValues: Record<string, unknown>,
  partial = false,
): StepParse {
  return parseSectionSubmission({
    template,
    plan: record.doc,
    sectionId: meta.s,
    stateValues,
    rows: meta.r,
    partial,
  });
}

/** After a refused save because someone else saved first: show the user their own input. */
export async function conflictScreen(
  deps: InterviewDeps,
  identity: WorkspaceIdentity,
  outcome: Extract<SaveOutcome, { reason: 'conflict' }>,
  template: Template,
  meta: SectionMetadata,
  stateValues: Record<string, unknown>,
): Promise<ModalView> {
  // Kept server-side so "Reload" can lay the typed input over the latest version.
  await deps.interview.keepUnsaved(identity, meta.p, meta.s, { state: stateValues, rows: meta.r });
  const plan = outcome.current.doc;
  return buildConflictModal({
    locale: plan.meta.language,
    planTitle: outcome.current.title,
    updatedBy: outcome.current.updatedBy,
    updatedAt: outcome.current.updatedAt,
    typed: typedValuesForConflict({ template, plan, sectionId: meta.s, stateValues, rows: meta.r }),
    planId: meta.p,
    sectionId: meta.s,
  });
}

export function nextSectionOf(template: Template, plan: Plan, sectionId: string) {
  return sectionProgress(template, plan.meta.stage, sectionId);
}
