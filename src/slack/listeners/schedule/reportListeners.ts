import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { type DigestDeps, publishDigest } from '../../../services/checkins/digestPublisher.js';
import {
  lastValues,
  type ReportServiceDeps,
  reportAccess,
  submitReport,
} from '../../../services/checkins/reportService.js';
import { workspaceKey } from '../../../store/workspaceKey.js';
import { setRequestLocale } from '../../requestLocale.js';
import { ActionIds, CallbackIds } from '../../ui/ids.js';
import { buildNoticeModal } from '../../ui/noticeModal.js';
import { checkinTexts } from '../../ui/schedule/checkinTexts.js';
import { decodeRoundRef } from '../../ui/schedule/checkinValues.js';
import { reportModal } from '../../ui/schedule/reportModal.js';
import { parseReportSubmission } from '../../ui/schedule/reportSubmission.js';
import { openView } from '../../viewCalls.js';
import { identityFromInteraction } from '../../workspaceIdentity.js';
import { clickedButtonValue } from '../browse/browseInteraction.js';
import type { ScheduleContentDeps } from './scheduleDeps.js';

export interface ReportListenerDeps extends ReportServiceDeps, DigestDeps {
  locales: ScheduleContentDeps['locales'];
  engine: ScheduleContentDeps['engine'];
  now: () => Date;
}

/** The check-in DM's Report button and the Report modal's submission. */
export function registerReportListeners(app: App, deps: ReportListenerDeps): void {
  app.action(ActionIds.checkinReport, async ({ ack, body, client, context }) => {
    await ack();
    const identity = identityFromInteraction(body);
    const locale = await deps.locales.localeOf(identity);
    setRequestLocale(context, locale);
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    if (!triggerId) throw new Error('Report click without a trigger_id');
    const ref = decodeRoundRef(clickedButtonValue(body));
    const ws = workspaceKey(identity);
    const access = ref
      ? await reportAccess(deps, ws, identity.userId, ref)
      : ({ kind: 'gone' } as const);
    if (access.kind !== 'ok' || !ref) {
      const t = checkinTexts(locale).modal;
      const text = access.kind === 'not_asked' ? t.notAsked : t.gone;
      await openView(client, { trigger_id: triggerId, view: buildNoticeModal(locale, text) });
      return;
    }
    const last = await lastValues(deps, ws, access);
    const mine = access.state.answers[identity.userId];
    const view = reportModal({
      ref,
      title: access.plan.version.title,
      kpis: access.kpis.map((kpi) => ({
        kpi,
        ...(last.has(kpi.id) ? { lastValue: last.get(kpi.id) } : {}),
        ...(mine?.values[kpi.id] !== undefined ? { current: mine.values[kpi.id] } : {}),
      })),
      ...(mine?.comment ? { comment: mine.comment } : {}),
      ...(mine?.confidence ? { confidence: mine.confidence } : {}),
      locale,
    });
    await openView(client, { trigger_id: triggerId, view });
  });

  app.view(CallbackIds.checkinReport, async ({ ack, body, view, client, context }) => {
    const identity = identityFromInteraction(body);
    const locale = await deps.locales.localeOf(identity);
    setRequestLocale(context, locale);
    const t = checkinTexts(locale).modal;
    const ref = decodeRoundRef(view.private_metadata);
    const ws = workspaceKey(identity);
    const access = ref
      ? await reportAccess(deps, ws, identity.userId, ref)
      : ({ kind: 'gone' } as const);
    if (access.kind !== 'ok' || !ref) {
      const text = access.kind === 'not_asked' ? t.notAsked : t.gone;
      await ack({ response_action: 'update', view: buildNoticeModal(locale, text) });
      return;
    }
    const parsed = parseReportSubmission(
      view.state.values,
      access.kpis.map((k) => k.id),
      locale,
    );
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const { ok: _ok, ...report } = parsed;
    const outcome = await submitReport(deps, ws, identity.userId, ref, report, deps.now());
    if (outcome.kind !== 'recorded') {
      const text = outcome.kind === 'not_asked' ? t.notAsked : t.gone;
      await ack({ response_action: 'update', view: buildNoticeModal(locale, text) });
      return;
    }
    await ack({
      response_action: 'update',
      view: buildNoticeModal(locale, t.thanks({ title: escapeMrkdwn(outcome.title) })),
    });
    deps.logger.log('info', 'check-in answer recorded', {
      ws,
      planId: ref.planId,
      roundId: ref.roundId,
      followUp: outcome.followUp,
    });
    await followUp(deps, client, { ws, ...ref }, outcome.followUp);
  });
}

/**
 * After the answer is safe: the last missing answer posts the digest at once, a late answer rewrites
 * the posted digest. Both go through the round's digest claim, so racing the window's close (or
 * another replica) still gives one message. If Slack refuses now, the engine retries the post.
 */
async function followUp(
  deps: ReportListenerDeps,
  client: WebClient,
  ref: { ws: ReturnType<typeof workspaceKey>; planId: string; roundId: string },
  next: 'update_digest' | 'post_digest' | 'none',
): Promise<void> {
  if (next === 'none') return;
  try {
    const outcome = await publishDigest(deps, clientSender(client), ref, deps.now());
    deps.logger.log('info', 'check-in digest follow-up', { ...ref, next, outcome });
  } catch (error) {
    deps.logger.log('warn', 'digest follow-up failed; the engine retries it', {
      ...ref,
      next,
      err: String(error),
    });
    try {
      await deps.engine().triggerNow(ref.ws, ref.planId, 'checkin_digest', ref.roundId);
    } catch (retryError) {
      // The answer is stored; the window's close posts or updates the digest anyway.
      deps.logger.log('warn', 'digest retry could not be queued', {
        ...ref,
        err: String(retryError),
      });
    }
  }
}

function clientSender(client: WebClient) {
  return {
    async postMessage(args: Parameters<WebClient['chat']['postMessage']>[0]) {
      const res = await client.chat.postMessage(args);
      if (!res.channel || !res.ts) throw new Error('chat.postMessage answered without channel/ts');
      return { channel: res.channel, ts: res.ts };
    },
    async updateMessage(args: Parameters<WebClient['chat']['update']>[0]) {
      await client.chat.update(args);
    },
  };
}
