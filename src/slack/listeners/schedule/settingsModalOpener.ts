import type { WebClient } from '@slack/web-api';
import type { Locale } from '../../../domain/locale.js';
import type { Plan } from '../../../domain/plan.js';
import { planKpis } from '../../../scheduler/engine/index.js';
import { userTimezone } from '../../../services/userTimezone.js';
import type { PublishedVersion } from '../../../store/publishedStore.js';
import type { WorkspaceKey } from '../../../store/workspaceKey.js';
import { formFromSettings } from '../../ui/schedule/settingsForm.js';
import { settingsModal } from '../../ui/schedule/settingsModal.js';
import { openView } from '../../viewCalls.js';
import type { ScheduleSliceDeps } from './scheduleDeps.js';

type Deps = Pick<ScheduleSliceDeps, 'templates' | 'engine' | 'defaultTimezone' | 'values'>;

/** Opens the settings modal of a published plan for its owner (command or App Home button). */
export async function openSettingsModal(
  deps: Deps,
  args: {
    client: WebClient;
    triggerId: string;
    ws: WorkspaceKey;
    version: PublishedVersion<Plan>;
    locale: Locale;
  },
): Promise<void> {
  const { version, locale } = args;
  const template = deps.templates.get(version.doc.meta.templateId);
  const kpis = template ? planKpis(version.doc, template) : [];
  const settings = await deps.engine().getSettings(args.ws, version.planId);
  const timezone =
    // The owner's Slack profile zone when none was chosen yet (only the owner opens this).
    settings.timezone ?? (await userTimezone(args.client, version.ownerId, deps.defaultTimezone));
  const thresholds = await deps.values.getThresholds(args.ws, version.planId);
  const form = formFromSettings(
    settings,
    kpis.map((k) => k.id),
    timezone,
    thresholds,
  );
  await openView(args.client, {
    trigger_id: args.triggerId,
    view: settingsModal({ planId: version.planId, title: version.title, form, kpis, locale }),
  });
}
