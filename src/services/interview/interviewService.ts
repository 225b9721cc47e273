import { createPlan, type Plan, type PlanMeta, type SectionValues } from '../../domain/plan.js';
import { fieldsForStage, type Template } from '../../domain/template.js';
import type { TemplateRegistry } from '../../domain/templateParse.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import { draftIdFor } from '../../store/draftId.js';
import type { DraftRecord, DraftStore, PendingInput } from '../../store/draftStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { workspaceKey } from '../../store/workspaceKey.js';
import { canEdit, isOwner } from '../planAccess.js';

/** What the start modal collects; owner and workspace come from the verified request. */
export type PlanDetails = Omit<PlanMeta, 'owner' | 'editors'> & { editors?: string[] };

export type PlanAccess =
  | { ok: true; record: DraftRecord<Plan>; template: Template }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'template_missing' };

export type SaveOutcome =
  | { ok: true; record: DraftRecord<Plan>; template: Template }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'template_missing' }
  | { ok: false; reason: 'conflict'; current: DraftRecord<Plan> };

export interface InterviewServiceDeps {
  drafts: DraftStore<Plan>;
  templates: TemplateRegistry;
}

/**
 * The interview's use-cases. Every call re-reads the draft and re-checks that the acting
 * user may edit it: a view or button can be replayed long after access was revoked.
 */
export function createInterviewService({ drafts, templates }: InterviewServiceDeps) {
  async function open(identity: WorkspaceIdentity, planId: string): Promise<PlanAccess> {
    const record = await withStorage(() => drafts.get(workspaceKey(identity), planId));
    if (!record) return { ok: false, reason: 'not_found' };
    if (!canEdit(record, identity.userId)) return { ok: false, reason: 'forbidden' };
    const template = templates.get(record.doc.meta.templateId);
    if (!template) return { ok: false, reason: 'template_missing' };
    return { ok: true, record, template };
  }

  async function save(
    identity: WorkspaceIdentity,
    access: Extract<PlanAccess, { ok: true }>,
    doc: Plan,
    expectedVersion: number,
    requestId: string | undefined,
  ): Promise<SaveOutcome> {
    const result = await withStorage(() =>
      drafts.save(workspaceKey(identity), access.record.id, {
        expectedVersion,
        doc,
        title: doc.meta.title,
        editorIds: doc.meta.editors,
        by: identity.userId,
        ...(requestId ? { requestId } : {}),
      }),
    );
    if (result.ok) return { ok: true, record: result.record, template: access.template };
    return result;
  }

  return {
    templates,
    open,

    /**
     * Creates the plan. With a `creationKey` (the start modal's view id) a repeated submission of
     * the same modal — its first answer lost, or the next screen failed after the draft was
     * created — gets the plan it already created, with the details as now submitted, not a
     * second plan.
     */
    async start(
      identity: WorkspaceIdentity,
      details: PlanDetails,
      options: { creationKey?: string } = {},
    ) {
      const template = templates.get(details.templateId);
      if (!template) return { ok: false as const, reason: 'template_missing' as const };
      const { editors = [], ...meta } = details;
      const plan = createPlan({
        ...meta,
        owner: identity.userId,
        editors: editors.filter((id) => id !== identity.userId),
      });
      const ws = workspaceKey(identity);
      const input = {
        doc: plan,
        title: plan.meta.title,
        ownerId: identity.userId,
        editorIds: plan.meta.editors,
        by: identity.userId,
      };
      if (options.creationKey) {
        const id = draftIdFor(`${ws}\n${identity.userId}\n${options.creationKey}`);
        const created = await withStorage(() => drafts.createWithId(ws, id, input));
        if (created.ok) return { ok: true as const, record: created.record, template };
        const earlier = await withStorage(() => drafts.get(ws, id));
        // Anything under that id not created by this user is another plan (a 40-bit collision):
        // this one is then created under a fresh id below.
        if (earlier?.ownerId === identity.userId) {
          if (earlier.version > 1) {
            // Saved since: the plan has moved on, so it is returned as it is.
            const earlierTemplate = templates.get(earlier.doc.meta.templateId);
            if (earlierTemplate)
              return { ok: true as const, record: earlier, template: earlierTemplate };
          } else if (JSON.stringify(earlier.doc) === JSON.stringify(plan)) {
            return { ok: true as const, record: earlier, template };
          } else {
            const { ownerId: _owner, ...changes } = input;
            const saved = await withStorage(() =>
              drafts.save(ws, id, { ...changes, expectedVersion: 1 }),
            );
            if (saved.ok) return { ok: true as const, record: saved.record, template };
          }
        }
      }
      const record = await withStorage(() => drafts.create(ws, input));
      return { ok: true as const, record, template };
    },

    /**
     * Replaces the answers of one section. Fields the step did not show (reserved for other
     * lifecycle stages) keep their values; shown fields left empty are cleared.
     */
    async saveSection(
      identity: WorkspaceIdentity,
      planId: string,
      sectionId: string,
      input: { expectedVersion: number; values: SectionValues; requestId?: string },
    ): Promise<SaveOutcome> {
      const access = await open(identity, planId);
      if (!access.ok) return access;
      const plan = access.record.doc;
      const section = access.template.sections.find((s) => s.id === sectionId);
      if (!section) return { ok: false, reason: 'not_found' };
      const shown = new Set(fieldsForStage(section, plan.meta.stage).map((f) => f.id));
      const kept = Object.fromEntries(
        Object.entries(plan.sections[sectionId] ?? {}).filter(([fieldId]) => !shown.has(fieldId)),
      );
      const doc: Plan = {
        ...plan,
        sections: { ...plan.sections, [sectionId]: { ...kept, ...input.values } },
      };
      const outcome = await save(identity, access, doc, input.expectedVersion, input.requestId);
      if (outcome.ok) {
        // The step is saved: unsaved values kept from an earlier close are now stale.
        await withStorage(() =>
          drafts.takePendingInput(workspaceKey(identity), planId, identity.userId, sectionId),
        );
      }
      return outcome;
    },

    /** Title, stage, period…; only the owner may change who the editors are. */
    async saveDetails(
      identity: WorkspaceIdentity,
      planId: string,
      input: { expectedVersion: number; details: PlanDetails; requestId?: string },
    ): Promise<SaveOutcome> {
      const access = await open(identity, planId);
      if (!access.ok) return access;
      const current = access.record.doc.meta;
      const { editors, ...details } = input.details;
      const nextEditors =
        editors && isOwner(access.record, identity.userId)
          ? editors.filter((id) => id !== current.owner)
          : current.editors;
      const doc: Plan = {
        ...access.record.doc,
        // The template is fixed once answers exist in its shape.
        meta: { ...current, ...details, templateId: current.templateId, editors: nextEditors },
      };
      return save(identity, access, doc, input.expectedVersion, input.requestId);
    },

    /** Keeps what the user typed in a step they closed without saving (Slack's view_closed). */
    async keepUnsaved(
      identity: WorkspaceIdentity,
      planId: string,
      sectionId: string,
      values: unknown,
    ) {
      const access = await open(identity, planId);
      if (!access.ok) return false;
      return withStorage(() =>
        drafts.putPendingInput(workspaceKey(identity), planId, identity.userId, sectionId, values),
      );
    },

    async unsaved(
      identity: WorkspaceIdentity,
      planId: string,
      sectionId: string,
    ): Promise<PendingInput | null> {
      return withStorage(() =>
        drafts.getPendingInput(workspaceKey(identity), planId, identity.userId, sectionId),
      );
    },
  };
}

export type InterviewService = ReturnType<typeof createInterviewService>;
