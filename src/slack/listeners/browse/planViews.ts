import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { isoDateInTimeZone } from '../../../domain/dates.js';
import type { Locale } from '../../../domain/locale.js';
import type { Plan } from '../../../domain/plan.js';
import { reviewPlan } from '../../../domain/review/index.js';
import type { TemplateRegistry } from '../../../domain/templateParse.js';
import { loadPlanHistory } from '../../../services/browse/planHistory.js';
import { listPlanOverviews } from '../../../services/browse/planOverview.js';
import type { DraftRecord } from '../../../store/draftStore.js';
import { buildDeleteConfirmModal } from '../../ui/browse/deleteModals.js';
import { buildHistoryModal } from '../../ui/browse/historyModal.js';
import { buildPreviewModal } from '../../ui/browse/previewModal.js';
import { buildHomeView, HOME_MAX_PLANS } from '../../ui/home/homeView.js';
import { publishView } from '../../viewCalls.js';
import type { WorkspaceIdentity } from '../../workspaceIdentity.js';
import type { BrowseDeps } from './browseDeps.js';
import { reminderLookup } from './reminderLookup.js';

/** Builds the views of the browse slice from the store; the callers decide how to show them. */

export function nowOf(deps: Pick<BrowseDeps, 'now'>): Date {
  return deps.now ? deps.now() : new Date();
}

export function previewView(
  templates: TemplateRegistry,
  record: DraftRecord<Plan>,
  locale: Locale,
  now: Date,
): ModalView {
  const template = templates.get(record.doc.meta.templateId);
  const review = template
    ? reviewPlan(record.doc, template, {
        today: isoDateInTimeZone(now, record.doc.meta.timezone),
      })
    : undefined;
  return buildPreviewModal({ record, template, review, locale });
}

export function deleteConfirmView(
  record: DraftRecord<Plan>,
  locale: Locale,
  fromHome: boolean,
): ModalView {
  return buildDeleteConfirmModal({
    planId: record.id,
    title: record.title,
    version: record.version,
    fromHome,
    locale,
  });
}

export async function historyView(
  deps: Pick<BrowseDeps, 'drafts' | 'now'>,
  identity: WorkspaceIdentity,
  record: DraftRecord<Plan>,
  options: { locale: Locale; fromHome: boolean; notice?: string },
): Promise<ModalView> {
  const history = await loadPlanHistory(deps.drafts, identity, record);
  return buildHistoryModal({
    history,
    locale: options.locale,
    now: nowOf(deps),
    fromHome: options.fromHome,
    ...(options.notice ? { notice: options.notice } : {}),
  });
}

/** Publishes the user's Home tab: on app_home_opened and after a change made from it. */
export async function publishHome(
  deps: Pick<BrowseDeps, 'drafts' | 'templates' | 'now' | 'nextReminder'>,
  client: WebClient,
  identity: WorkspaceIdentity,
  locale: Locale,
): Promise<void> {
  const now = nowOf(deps);
  const page = await listPlanOverviews(deps.drafts, deps.templates, identity, {
    now,
    limit: HOME_MAX_PLANS,
    ...reminderLookup(deps, identity, now),
  });
  await publishView(client, {
    user_id: identity.userId,
    view: buildHomeView({ ...page, locale, now }),
  });
}
