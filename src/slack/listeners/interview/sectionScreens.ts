import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Plan } from '../../../domain/plan.js';
import { fieldsForStage, type Template } from '../../../domain/template.js';
import type { DraftRecord } from '../../../store/draftStore.js';
import { buildSectionModal } from '../../ui/interview/sectionModal.js';
import { openView, updateView } from '../../viewCalls.js';
import type { WorkspaceIdentity } from '../../workspaceIdentity.js';
import type { InterviewDeps } from './interviewDeps.js';
import { stepScreen } from './sectionSteps.js';

export interface SectionScreenOptions {
  /** Typed input to show instead of the saved values (`stateToPrefill`). */
  values?: Record<string, unknown>;
  /** The version the user's edit is based on, when it is not the record's (Add/Remove row). */
  version?: number;
  rows?: Record<string, string[]>;
  notice?: { kind: 'info' | 'warning' | 'error'; text: string };
}

/** The step modal for one section of a stored draft, in the plan's language. */
export function sectionScreen(
  record: DraftRecord<Plan>,
  template: Template,
  sectionId: string,
  options: SectionScreenOptions = {},
): ModalView {
  const { version = record.version, ...rest } = options;
  return buildSectionModal({
    template,
    plan: record.doc,
    planId: record.id,
    sectionId,
    locale: record.doc.meta.language,
    version,
    ...rest,
  });
}

/** Where to resume: the first asked section with no answer yet, else the first one. */
export function resumeSectionId(plan: Plan, template: Template): string {
  const asked = template.sections.filter((s) => fieldsForStage(s, plan.meta.stage).length > 0);
  const open = asked.find((s) => Object.keys(plan.sections[s.id] ?? {}).length === 0);
  return (open ?? asked[0])?.id ?? '';
}

/** A section named by its id, its position (1-based) or its title in either language. */
export function findSection(template: Template, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const index = Number(wanted);
  if (Number.isInteger(index) && index >= 1) return template.sections[index - 1]?.id;
  return template.sections.find(
    (s) =>
      s.id.toLowerCase() === wanted ||
      Object.values(s.title).some((t) => t.toLowerCase() === wanted) ||
      Object.values(s.titleShort).some((t) => t.toLowerCase() === wanted),
  )?.id;
}

/**
 * Opens the interview at a section for an editor: in a new modal, or replacing the modal
 * the user is in (`viewId`). Unsaved input this user left in that step is shown back.
 */
export async function openSectionScreen(
  deps: InterviewDeps,
  args: {
    client: WebClient;
    identity: WorkspaceIdentity;
    triggerId: string;
    planId: string;
    sectionId?: string;
    viewId?: string;
  },
): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'forbidden' | 'template_missing' }> {
  const access = await deps.interview.open(args.identity, args.planId);
  if (!access.ok) return access;
  const { record, template } = access;
  const sectionId = args.sectionId ?? resumeSectionId(record.doc, template);
  const view = await stepScreen(deps, args.identity, record, template, sectionId);
  if (args.viewId) await updateView(args.client, { view_id: args.viewId, view });
  else await openView(args.client, { trigger_id: args.triggerId, view });
  return { ok: true };
}
