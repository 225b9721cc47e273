import { isoDateInTimeZone } from '../../domain/dates.js';
import type { Plan } from '../../domain/plan.js';
import { type ReviewResult, reviewPlan } from '../../domain/review/index.js';
import type { Template } from '../../domain/template.js';
import type { TemplateRegistry } from '../../domain/templateParse.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import type { DraftRecord, DraftStore } from '../../store/draftStore.js';
import type { PublishedStore } from '../../store/publishedStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { workspaceKey } from '../../store/workspaceKey.js';
import { canEdit } from '../planAccess.js';

interface Reviewed {
  record: DraftRecord<Plan>;
  template: Template;
  review: ReviewResult;
}

export type PublishCheck =
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'template_missing' }
  /** The review found errors: nothing may be posted until they are fixed. */
  | ({ kind: 'blocked' } & Reviewed)
  /** Neither the request nor the plan names a channel. */
  | ({ kind: 'no_channel' } & Reviewed)
  /** Warnings: the user must confirm before posting. */
  | ({ kind: 'needs_confirmation'; channel: string } & Reviewed)
  | ({ kind: 'ready'; channel: string } & Reviewed);

export interface PublishCheckDeps {
  drafts: DraftStore<Plan>;
  templates: TemplateRegistry;
  published: PublishedStore<Plan>;
}

/** Where the latest version was posted: a revision goes to the same channel by default. */
async function lastPostedChannel(
  published: PublishedStore<Plan>,
  identity: WorkspaceIdentity,
  planId: string,
): Promise<string | undefined> {
  const versions = await withStorage(() => published.list(workspaceKey(identity), planId));
  return versions.find((v) => v.post)?.post?.channel;
}

/**
 * Everything decided before anything is posted: the plan exists, the acting user (from the verified
 * request) is its owner or an editor, its template is installed, the review does not block it, and
 * a channel is known: the one asked for, else the plan's own, else where its last version went.
 */
export async function checkPublish(
  deps: PublishCheckDeps,
  identity: WorkspaceIdentity,
  planId: string,
  options: { channel?: string; now: Date },
): Promise<PublishCheck> {
  const record = await withStorage(() => deps.drafts.get(workspaceKey(identity), planId));
  if (!record) return { kind: 'not_found' };
  if (!canEdit(record, identity.userId)) return { kind: 'forbidden' };
  const template = deps.templates.get(record.doc.meta.templateId);
  if (!template) return { kind: 'template_missing' };
  const review = reviewPlan(record.doc, template, {
    today: isoDateInTimeZone(options.now, record.doc.meta.timezone),
  });
  const reviewed = { record, template, review };
  if (!review.passed) return { kind: 'blocked', ...reviewed };
  const channel =
    options.channel ??
    record.doc.meta.channel ??
    (await lastPostedChannel(deps.published, identity, record.id));
  if (!channel) return { kind: 'no_channel', ...reviewed };
  if (review.summary.warning > 0) return { kind: 'needs_confirmation', channel, ...reviewed };
  return { kind: 'ready', channel, ...reviewed };
}
