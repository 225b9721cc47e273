import type { App } from '@slack/bolt';
import { z } from 'zod';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { planKpis } from '../../../scheduler/engine/index.js';
import { withStorage } from '../../../store/storageUnavailable.js';
import { workspaceKey } from '../../../store/workspaceKey.js';
import type { Subcommand } from '../../commands/subcommand.js';
import { createCheckinSubcommand } from '../../commands/subcommands/checkinSubcommand.js';
import { createRemindSubcommand } from '../../commands/subcommands/remindSubcommand.js';
import { createSettingsSubcommand } from '../../commands/subcommands/settingsSubcommand.js';
import { setRequestLocale } from '../../requestLocale.js';
import { ActionIds, CallbackIds } from '../../ui/ids.js';
import { buildNoticeModal } from '../../ui/noticeModal.js';
import { scheduleCommandTexts } from '../../ui/schedule/scheduleCommandTexts.js';
import { settingsFromForm, thresholdsFromForm } from '../../ui/schedule/settingsForm.js';
import { parseSettingsSubmission } from '../../ui/schedule/settingsSubmission.js';
import { settingsTexts } from '../../ui/schedule/settingsTexts.js';
import { openView } from '../../viewCalls.js';
import { identityFromInteraction } from '../../workspaceIdentity.js';
import { clickedButtonValue } from '../browse/browseInteraction.js';
import type { ScheduleSliceDeps } from './scheduleDeps.js';
import { openSettingsModal } from './settingsModalOpener.js';

type Deps = ScheduleSliceDeps;

/** `/opsplan settings`, `/opsplan remind … now`, `/opsplan checkin … now`. */
export function scheduleSubcommands(deps: Deps): Subcommand[] {
  return [
    createSettingsSubcommand(deps),
    createRemindSubcommand(deps),
    createCheckinSubcommand(deps),
  ];
}

const Metadata = z.object({ p: z.string().regex(/^[A-Za-z0-9]{1,64}$/) });

/** The settings modal's submission and the App Home "Schedules" button. */
export function registerSettingsListeners(app: App, deps: Deps): void {
  app.view(CallbackIds.scheduleSettings, async ({ ack, body, view, context }) => {
    const identity = identityFromInteraction(body);
    const locale = await deps.locales.localeOf(identity);
    setRequestLocale(context, locale);
    const ws = workspaceKey(identity);
    const meta = Metadata.safeParse(safeJson(view.private_metadata));
    const latest = meta.success
      ? await withStorage(() => deps.published.latest(ws, meta.data.p))
      : null;
    if (!latest || latest.ownerId !== identity.userId) {
      const t = scheduleCommandTexts(locale);
      const text = latest ? t.forbiddenOwner : t.planGone;
      await ack({ response_action: 'update', view: buildNoticeModal(locale, text) });
      return;
    }
    const template = deps.templates.get(latest.doc.meta.templateId);
    const kpis = template ? planKpis(latest.doc, template) : [];
    const parsed = parseSettingsSubmission(
      view.state.values,
      kpis.map((k) => k.id),
      locale,
    );
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const engine = deps.engine();
    const previous = await engine.getSettings(ws, latest.planId);
    const settings = settingsFromForm(parsed.form, previous, {
      userId: identity.userId,
      at: deps.now(),
    });
    await engine.saveSettings(ws, latest.planId, settings);
    await deps.values.setThresholds(ws, latest.planId, thresholdsFromForm(parsed.form.thresholds));
    if (template) {
      await engine.syncPlanSchedules(ws, latest.planId, {
        plan: latest.doc,
        template,
        settings,
        now: deps.now(),
      });
    }
    deps.logger.log('info', 'schedule settings saved', {
      ws,
      planId: latest.planId,
      by: identity.userId,
    });
    await ack({
      response_action: 'update',
      view: buildNoticeModal(
        locale,
        settingsTexts(locale).saved({ title: escapeMrkdwn(latest.title) }),
      ),
    });
  });

  app.action(ActionIds.planSettings, async ({ ack, body, client, context }) => {
    await ack();
    const identity = identityFromInteraction(body);
    const locale = await deps.locales.localeOf(identity);
    setRequestLocale(context, locale);
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    if (!triggerId) throw new Error('Schedules click without a trigger_id');
    const planId = clickedButtonValue(body) ?? '';
    const ws = workspaceKey(identity);
    const latest = /^[A-Za-z0-9]{1,64}$/.test(planId)
      ? await withStorage(() => deps.published.latest(ws, planId))
      : null;
    if (!latest || latest.ownerId !== identity.userId) {
      const t = scheduleCommandTexts(locale);
      const text = latest ? t.forbiddenOwner : t.planGone;
      await openView(client, { trigger_id: triggerId, view: buildNoticeModal(locale, text) });
      return;
    }
    await openSettingsModal(deps, { client, triggerId, version: latest, locale, ws });
  });
}

function safeJson(raw: string | undefined): unknown {
  try {
    return JSON.parse(raw ?? '');
  } catch {
    return undefined;
  }
}
