import type { App, BlockAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Plan } from '../../../domain/plan.js';
import type { Template } from '../../../domain/template.js';
import { messagesFor } from '../../../i18n/messages.js';
import type { AppLogger } from '../../../logging/logger.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { COMMAND } from '../../commandName.js';
import { ActionIds } from '../../ui/ids.js';
import { buildSavedModal } from '../../ui/interview/savedModal.js';
import {
  addRow,
  decodeSectionMetadata,
  removeRow,
  type SectionMetadata,
} from '../../ui/interview/sectionMetadata.js';
import { stateToPrefill } from '../../ui/interview/sectionSubmission.js';
import { buildNoticeModal } from '../../ui/noticeModal.js';
import { updateView } from '../../viewCalls.js';
import { identityFromInteraction } from '../../workspaceIdentity.js';
import { confirmDone, directMessage } from '../confirmDone.js';
import type { InterviewDeps } from './interviewDeps.js';
import { refusalText } from './refusalText.js';
import { sectionScreen } from './sectionScreens.js';
import { conflictScreen, nextSectionOf, parseStep, stepScreen } from './sectionSteps.js';

const RowRef = z.object({ f: z.string(), r: z.string() });
const SectionRef = z.object({ p: z.string(), s: z.string() });

interface StepContext {
  view: {
    id: string;
    hash: string;
    private_metadata: string;
    state: { values: Record<string, unknown> };
  };
  actionValue: string;
}

/** The modal a block action came from; Slack sends its current state with the action. */
function stepContext(body: BlockAction): StepContext | undefined {
  const view = body.view as StepContext['view'] | undefined;
  const action = body.actions[0];
  if (!view || !action) return undefined;
  return {
    view,
    actionValue: 'value' in action && typeof action.value === 'string' ? action.value : '',
  };
}

/**
 * Replaces the open modal. The hash makes Slack refuse an update based on a stale view, so
 * two quick clicks never overwrite each other: the second one is simply dropped.
 */
async function replaceStepView(
  client: WebClient,
  logger: AppLogger,
  ctx: StepContext,
  view: ModalView,
) {
  try {
    await updateView(client, { view_id: ctx.view.id, hash: ctx.view.hash, view });
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code === 'hash_conflict') {
      logger.log('info', 'view changed meanwhile; update dropped', { viewId: ctx.view.id });
      return;
    }
    throw err;
  }
}

export function registerStepActions(app: App, deps: InterviewDeps): void {
  /** Loads the step's plan for the acting user, or shows why it cannot be edited. */
  async function loadStep(body: BlockAction, client: WebClient) {
    const ctx = stepContext(body);
    if (!ctx) return undefined;
    const decoded = decodeSectionMetadata(ctx.view.private_metadata);
    if (!decoded.ok) throw new Error(decoded.error);
    const identity = identityFromInteraction(body);
    const access = await deps.interview.open(identity, decoded.meta.p);
    if (!access.ok) {
      const locale = await deps.locales.localeOf(identity);
      await replaceStepView(
        client,
        deps.logger,
        ctx,
        buildNoticeModal(locale, refusalText(locale, access.reason)),
      );
      return undefined;
    }
    return { ctx, meta: decoded.meta, identity, ...access };
  }

  /** Back and Save & close both save what is there first; only wrong values stop them. */
  async function saveThen(
    body: BlockAction,
    client: WebClient,
    screenAfter: (saved: NonNullable<Awaited<ReturnType<typeof loadStep>>>) => Promise<ModalView>,
  ) {
    const step = await loadStep(body, client);
    if (!step) return;
    const { ctx, meta, identity, record, template } = step;
    const state = ctx.view.state.values;
    const parsed = parseStep(record, template, meta, state, true);
    if (!parsed.ok) {
      const m = messagesFor(record.doc.meta.language);
      const problems = Object.values(parsed.errors)
        .map((e) => `• ${e}`)
        .join('\n');
      const view = sectionScreen(record, template, meta.s, {
        version: meta.v,
        rows: meta.r,
        values: stateToPrefill(state),
        notice: { kind: 'error', text: m.plans.fixErrors({ problems }) },
      });
      await replaceStepView(client, deps.logger, ctx, view);
      return;
    }
    const outcome = await deps.interview.saveSection(identity, meta.p, meta.s, {
      expectedVersion: meta.v,
      values: parsed.values,
      requestId: `${ctx.view.id}:${ctx.view.hash}`,
    });
    if (!outcome.ok) {
      const view =
        outcome.reason === 'conflict'
          ? await conflictScreen(deps, identity, outcome, template, meta, state)
          : buildNoticeModal(
              record.doc.meta.language,
              refusalText(record.doc.meta.language, outcome.reason),
            );
      await replaceStepView(client, deps.logger, ctx, view);
      return;
    }
    // Saved. From here on a failure belongs to the screen, not to the save: the user is told the
    // truth by DM instead of an apology for work that was done.
    const saved = { ...step, record: outcome.record };
    await confirmDone({
      logger: deps.logger,
      method: 'views.update',
      show: async () => replaceStepView(client, deps.logger, ctx, await screenAfter(saved)),
      otherwise: {
        method: 'chat.postMessage',
        send: async () => {
          const locale = await deps.locales.localeOf(identity);
          const text = messagesFor(locale).plans.savedWindowStale({
            title: escapeMrkdwn(saved.record.title),
            command: `${COMMAND} edit ${escapeMrkdwn(saved.record.id)}`,
          });
          await directMessage(client, identity.userId, text).send();
        },
      },
    });
  }

  app.action<BlockAction>(ActionIds.sectionBack, async ({ ack, body, client }) => {
    await ack();
    await saveThen(body, client, async ({ identity, record, template, meta }) => {
      const previous = nextSectionOf(template, record.doc, meta.s).previousId ?? meta.s;
      return stepScreen(deps, identity, record, template, previous);
    });
  });

  app.action<BlockAction>(ActionIds.sectionSaveClose, async ({ ack, body, client }) => {
    await ack();
    await saveThen(body, client, async ({ record, template, meta }) => {
      const next = nextSectionOf(template, record.doc, meta.s).nextId;
      const nextSection = template.sections.find((s) => s.id === next);
      return buildSavedModal({
        locale: record.doc.meta.language,
        planId: record.id,
        planTitle: record.title,
        savedAt: record.updatedAt,
        ...(nextSection ? { nextSectionTitle: nextSection.title[record.doc.meta.language] } : {}),
      });
    });
  });

  /** Add/Remove change only the rows shown; typed values stay, nothing is saved yet. */
  async function changeRows(
    body: BlockAction,
    client: WebClient,
    change: (meta: SectionMetadata, plan: Plan, template: Template) => SectionMetadata,
  ) {
    const step = await loadStep(body, client);
    if (!step) return;
    const { ctx, meta, record, template } = step;
    const next = change(meta, record.doc, template);
    const view = sectionScreen(record, template, meta.s, {
      version: meta.v,
      rows: next.r,
      values: stateToPrefill(ctx.view.state.values),
    });
    await replaceStepView(client, deps.logger, ctx, view);
  }

  app.action<BlockAction>(ActionIds.rowAdd, async ({ ack, body, client }) => {
    await ack();
    const fieldId = stepContext(body)?.actionValue ?? '';
    await changeRows(body, client, (meta, plan, template) => addRow(meta, fieldId, plan, template));
  });

  app.action<BlockAction>(ActionIds.rowRemove, async ({ ack, body, client }) => {
    await ack();
    const ref = RowRef.safeParse(safeJson(stepContext(body)?.actionValue));
    if (!ref.success) return;
    await changeRows(body, client, (meta) => removeRow(meta, ref.data.f, ref.data.r));
  });

  app.action<BlockAction>(ActionIds.conflictReload, async ({ ack, body, client }) => {
    await ack();
    const ctx = stepContext(body);
    const ref = SectionRef.safeParse(safeJson(ctx?.actionValue));
    if (!ctx || !ref.success) return;
    const identity = identityFromInteraction(body);
    const access = await deps.interview.open(identity, ref.data.p);
    if (!access.ok) return;
    // The user's own input was kept when the conflict happened; it is laid over the latest version.
    const view = await stepScreen(deps, identity, access.record, access.template, ref.data.s);
    await replaceStepView(client, deps.logger, ctx, view);
  });
}

function safeJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
