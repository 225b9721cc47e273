import type { WebClient } from '@slack/web-api';
import type { Plan } from '../../../domain/plan.js';
import type { TemplateRegistry } from '../../../domain/templateParse.js';
import type { AppLogger } from '../../../logging/logger.js';
import type {
  PublishPolicy,
  PublishServiceDeps,
} from '../../../services/publish/publishService.js';
import type { UserLocaleResolver } from '../../../services/userLocaleResolver.js';
import type { DraftStore } from '../../../store/draftStore.js';
import type { PublishedStore } from '../../../store/publishedStore.js';
import type { OpenSectionArgs } from '../browse/browseDeps.js';

/** What the publish slice (Publish, Revise, their commands) needs from the app. */
export interface PublishDeps {
  drafts: DraftStore<Plan>;
  published: PublishedStore<Plan>;
  templates: TemplateRegistry;
  locales: UserLocaleResolver;
  logger: AppLogger;
  /**
   * Posts the plan. Must not retry by itself — `retryConfig: { retries: 0 }`,
   * `rejectRateLimitedCalls: true`, a timeout of ~10 s — because only the publish service knows
   * which calls are safe to repeat (a chat.postMessage whose answer was lost is not).
   */
  publishClient: WebClient;
  /** Names this replica in publish leases and logs. */
  replicaId: string;
  /** Opens the interview at a section (default: the first unanswered one). */
  openSection(args: OpenSectionArgs): Promise<void>;
  /** Source of "now" (review date, version time); tests pass a fixed clock. */
  now?: () => Date;
  /** Retry, pacing and lease tuning; the defaults suit production. */
  policy?: Partial<PublishPolicy>;
  /** After a version is published (the app syncs the plan's schedules). */
  onPublished?: PublishServiceDeps['onPublished'];
}
