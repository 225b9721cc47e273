import type { Plan } from '../../domain/plan.js';
import { planToYaml } from '../../domain/planYaml.js';
import type { TemplateRegistry } from '../../domain/templateParse.js';
import { renderPlanMarkdown } from '../../render/planMarkdown.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import { normalizeDraftId } from '../../store/draftId.js';
import type { DraftRecord, DraftStore } from '../../store/draftStore.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { workspaceKey } from '../../store/workspaceKey.js';
import { lookupPlanByRef } from '../browse/planLookup.js';
import { canEdit } from '../planAccess.js';
import { type ExportFormat, exportFileName } from './exportFileName.js';
import type { ExportRequest } from './exportRequest.js';
import type { PublishedVersionReader, ReadablePublishedVersion } from './publishedVersions.js';

export interface ExportFile {
  filename: string;
  content: string;
  /** The plan's title, as stored (unescaped). */
  title: string;
  planId: string;
  format: ExportFormat;
  /** What was exported: the draft at a save number, or a published version. */
  source: { kind: 'draft'; savedVersion: number } | { kind: 'published'; version: number };
}

export type ExportOutcome =
  | { kind: 'ok'; file: ExportFile }
  | { kind: 'missing_ref' }
  | { kind: 'not_found' }
  | { kind: 'ambiguous'; candidates: DraftRecord<Plan>[] }
  /** A draft, and the user is neither its owner nor an editor. */
  | { kind: 'draft_forbidden' }
  /** A published version that was not posted where the whole workspace can read it. */
  | { kind: 'version_forbidden' }
  | { kind: 'not_published' }
  | { kind: 'version_not_found'; version: number; latest: number }
  /** Published versions were asked for, but this app has no published store wired. */
  | { kind: 'versions_unavailable' }
  | { kind: 'template_missing'; templateId: string };

export interface ExportDeps {
  drafts: DraftStore<Plan>;
  templates: TemplateRegistry;
  published?: PublishedVersionReader;
  /** Whether everyone in the workspace can read a channel (public); false when unknown. */
  isPublicChannel(channelId: string): Promise<boolean>;
}

/**
 * Who may export what:
 * - the current draft: its owner and editors only, as for editing it;
 * - a published version: the plan's owner and editors (of the draft or of that version), and anyone
 *   in the workspace when that version was posted in a public channel — published plans are meant to
 *   be read, but a version posted in a private channel stays with that channel's readers.
 */
export async function exportPlan(
  deps: ExportDeps,
  identity: WorkspaceIdentity,
  request: ExportRequest,
): Promise<ExportOutcome> {
  if (request.ref === '') return { kind: 'missing_ref' };
  const lookup = await lookupPlanByRef(deps.drafts, identity, request.ref);
  if (lookup.kind === 'ambiguous') return { kind: 'ambiguous', candidates: lookup.candidates };

  let draft: DraftRecord<Plan> | undefined;
  let planId: string | undefined;
  if (lookup.kind === 'found' || lookup.kind === 'forbidden') {
    draft = lookup.record;
    planId = lookup.record.id;
  } else {
    // A published plan whose draft is gone is still reachable by its id.
    planId = normalizeDraftId(request.ref);
  }
  const editor = lookup.kind === 'found';
  const { version } = request;

  const wantsDraft = version.kind === 'draft' || (version.kind === 'default' && editor);
  if (wantsDraft) {
    if (!draft) return { kind: 'not_found' };
    if (!editor) return { kind: 'draft_forbidden' };
    return render(deps, draft.doc, draft.id, request.format, {
      kind: 'draft',
      savedVersion: draft.version,
    });
  }

  return exportPublished(deps, identity, request, { planId, draft, editor });
}

/** A published version: the one asked for, or the latest for `latest` and for readers by default. */
async function exportPublished(
  deps: ExportDeps,
  identity: WorkspaceIdentity,
  request: ExportRequest,
  plan: { planId: string | undefined; draft: DraftRecord<Plan> | undefined; editor: boolean },
): Promise<ExportOutcome> {
  const { version } = request;
  const { draft, editor } = plan;
  const published = deps.published;
  if (!published) {
    if (!draft) return { kind: 'not_found' };
    return version.kind === 'default'
      ? { kind: 'draft_forbidden' }
      : { kind: 'versions_unavailable' };
  }
  const id = plan.planId;
  if (!id) return { kind: 'not_found' };
  const ws = workspaceKey(identity);
  const latest = await withStorage(() => published.latest(ws, id));
  if (!latest) {
    if (!draft) return { kind: 'not_found' };
    return editor || version.kind !== 'default'
      ? { kind: 'not_published' }
      : { kind: 'draft_forbidden' };
  }
  let chosen: ReadablePublishedVersion | null = latest;
  if (version.kind === 'number' && version.version !== latest.version) {
    chosen = await withStorage(() => published.get(ws, id, version.version));
    if (!chosen) {
      return { kind: 'version_not_found', version: version.version, latest: latest.version };
    }
  }
  if (!(editor || canEdit(chosen, identity.userId) || (await readableByAll(deps, chosen)))) {
    return { kind: 'version_forbidden' };
  }
  return render(deps, chosen.doc, id, request.format, {
    kind: 'published',
    version: chosen.version,
  });
}

async function readableByAll(
  deps: ExportDeps,
  version: ReadablePublishedVersion,
): Promise<boolean> {
  return version.post ? deps.isPublicChannel(version.post.channel) : false;
}

/** Markdown exactly as `opsplan render` prints it; YAML exactly as the CLI reads it. */
function render(
  deps: Pick<ExportDeps, 'templates'>,
  plan: Plan,
  planId: string,
  format: ExportFormat,
  source: ExportFile['source'],
): ExportOutcome {
  let content: string;
  if (format === 'yaml') {
    content = planToYaml(plan);
  } else {
    const template = deps.templates.get(plan.meta.templateId);
    if (!template) return { kind: 'template_missing', templateId: plan.meta.templateId };
    content = renderPlanMarkdown(plan, template);
  }
  const title = plan.meta.title;
  return {
    kind: 'ok',
    file: {
      filename: exportFileName({
        title,
        planId,
        format,
        ...(source.kind === 'published' ? { version: source.version } : {}),
      }),
      content,
      title,
      planId,
      format,
      source,
    },
  };
}
