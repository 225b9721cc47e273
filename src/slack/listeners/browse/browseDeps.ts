import type { WebClient } from '@slack/web-api';
import type { Plan } from '../../../domain/plan.js';
import type { TemplateRegistry } from '../../../domain/templateParse.js';
import type { AppLogger } from '../../../logging/logger.js';
import type { UserLocaleResolver } from '../../../services/userLocaleResolver.js';
import type { DraftStore } from '../../../store/draftStore.js';
import type { WorkspaceKey } from '../../../store/workspaceKey.js';
import type { WorkspaceIdentity } from '../../workspaceIdentity.js';

export interface OpenSectionArgs {
  client: WebClient;
  identity: WorkspaceIdentity;
  triggerId: string;
  planId: string;
  /** Default: the first unanswered section. */
  sectionId?: string;
  /** Set when called from inside a modal: update/push that modal stack instead of opening one. */
  viewId?: string;
}

export interface OpenNewPlanArgs {
  client: WebClient;
  identity: WorkspaceIdentity;
  triggerId: string;
}

/** What the browse slice (list, preview, delete, history, App Home) needs from the app. */
export interface BrowseDeps {
  drafts: DraftStore<Plan>;
  templates: TemplateRegistry;
  locales: UserLocaleResolver;
  logger: AppLogger;
  /** Opens the interview at a section (default: the first unanswered one) — provided by the lead. */
  openSection(args: OpenSectionArgs): Promise<void>;
  /** Opens the new-plan modal — provided by the lead. */
  openNewPlan(args: OpenNewPlanArgs): Promise<void>;
  /** When a plan's next revision reminder is due (from the scheduler); absent before it exists. */
  nextReminder?: (ws: WorkspaceKey, planId: string, now: Date) => Promise<Date | undefined>;
  /** Source of "now" (relative times, expiry warnings, review "today"); tests pass a fixed clock. */
  now?: () => Date;
}
