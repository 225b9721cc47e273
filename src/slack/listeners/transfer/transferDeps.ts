import type { Plan } from '../../../domain/plan.js';
import type { TemplateRegistry } from '../../../domain/templateParse.js';
import type { AppLogger } from '../../../logging/logger.js';
import type { PublishedVersionReader } from '../../../services/transfer/publishedVersions.js';
import type { UserLocaleResolver } from '../../../services/userLocaleResolver.js';
import type { DraftStore } from '../../../store/draftStore.js';

/**
 * What export / import need from the app. A superset-compatible subset of `BrowseDeps`, so the
 * composition root can pass `{ ...browseDeps, published }`.
 */
export interface TransferDeps {
  drafts: DraftStore<Plan>;
  templates: TemplateRegistry;
  locales: UserLocaleResolver;
  logger: AppLogger;
  /**
   * Frozen versions. When present, `/opsplan export <plan> v2` exports that version and members of
   * the workspace may export published versions; without it only the current draft is exported.
   * The app's `PublishedStore<Plan>` is one.
   */
  published?: PublishedVersionReader;
  /** Downloads an attached file (injected so tests and proxies can replace it); default: global fetch. */
  fetch?: typeof fetch;
}
