import { isoDateInTimeZone } from '../../domain/dates.js';
import type { Stage } from '../../domain/lifecycle.js';
import type { LocalizedText } from '../../domain/locale.js';
import type { Plan } from '../../domain/plan.js';
import { type ReviewSummary, reviewPlan } from '../../domain/review/index.js';
import type { TemplateRegistry } from '../../domain/templateParse.js';
import type { WorkspaceIdentity } from '../../slack/workspaceIdentity.js';
import {
  DEFAULT_EXPIRY_WARNING_DAYS,
  type DraftRecord,
  type DraftStore,
  type DraftSummary,
} from '../../store/draftStore.js';
import { isStoreError } from '../../store/errors.js';
import { withStorage } from '../../store/storageUnavailable.js';
import { workspaceKey } from '../../store/workspaceKey.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One of the user's plans as the list and App Home show it. */
export interface PlanOverview {
  id: string;
  title: string;
  version: number;
  role: 'owner' | 'editor';
  updatedAt: Date;
  expiresAt: Date;
  /** Set when the draft would be swept within the warning window unless someone saves it. */
  expiresSoon: boolean;
  /** When the plan's next revision reminder is due, once it is published and scheduled. */
  nextReminder?: Date;
  /** Absent when the document could not be read (e.g. a corrupt record): the row still shows. */
  details?: {
    templateId: string;
    templateName?: LocalizedText;
    stage: Stage;
    timeZone: string;
    /** Absent when the plan's template is not (or no longer) installed. */
    review?: ReviewSummary;
  };
}

export interface PlanOverviewPage {
  plans: PlanOverview[];
  /** All of the user's plans, including those beyond `limit`. */
  total: number;
}

export interface PlanOverviewOptions {
  now: Date;
  /** Only this many (most recently edited) plans are read in full and reviewed. */
  limit: number;
  warnDays?: number;
  /** The next revision reminder of a plan; absent when nothing is scheduled. */
  nextReminder?: (planId: string) => Promise<Date | undefined>;
}

/**
 * The user's drafts (owner or editor), most recently edited first, each with its review status.
 * Only the plans that will be shown are loaded, so a user with hundreds of drafts costs `limit` reads.
 */
export async function listPlanOverviews(
  drafts: DraftStore<Plan>,
  templates: TemplateRegistry,
  identity: WorkspaceIdentity,
  options: PlanOverviewOptions,
): Promise<PlanOverviewPage> {
  const ws = workspaceKey(identity);
  const summaries = await withStorage(() => drafts.listForUser(ws, identity.userId));
  const shown = summaries.slice(0, Math.max(0, options.limit));
  const records = await Promise.all(shown.map((s) => readQuietly(drafts, identity, s.id)));
  const warnMs = (options.warnDays ?? DEFAULT_EXPIRY_WARNING_DAYS) * DAY_MS;
  const reminders = await Promise.all(
    shown.map((s) =>
      options.nextReminder ? nextReminderQuietly(options.nextReminder, s.id) : undefined,
    ),
  );
  const plans = shown.map((summary, index) => {
    const overview = overviewOf(
      summary,
      records[index] ?? null,
      identity.userId,
      templates,
      options.now,
      warnMs,
    );
    const next = reminders[index];
    return next ? { ...overview, nextReminder: next } : overview;
  });
  return { plans, total: summaries.length };
}

/** The reminder date is a nicety: failing to read it must not hide the user's plans. */
async function nextReminderQuietly(
  lookup: (planId: string) => Promise<Date | undefined>,
  planId: string,
): Promise<Date | undefined> {
  try {
    return await lookup(planId);
  } catch {
    return undefined;
  }
}

async function readQuietly(
  drafts: DraftStore<Plan>,
  identity: WorkspaceIdentity,
  id: string,
): Promise<DraftRecord<Plan> | null> {
  try {
    return await withStorage(() => drafts.get(workspaceKey(identity), id));
  } catch (err) {
    // One unreadable draft must not hide all the others; the store has logged the details.
    if (isStoreError(err, 'corrupt_record')) return null;
    throw err;
  }
}

function overviewOf(
  summary: DraftSummary,
  record: DraftRecord<Plan> | null,
  userId: string,
  templates: TemplateRegistry,
  now: Date,
  warnMs: number,
): PlanOverview {
  const overview: PlanOverview = {
    id: summary.id,
    title: summary.title,
    version: summary.version,
    role: summary.ownerId === userId ? 'owner' : 'editor',
    updatedAt: summary.updatedAt,
    expiresAt: summary.expiresAt,
    expiresSoon: summary.expiresAt.getTime() - now.getTime() <= warnMs,
  };
  if (!record) return overview;
  const plan = record.doc;
  const template = templates.get(plan.meta.templateId);
  const review = template
    ? reviewPlan(plan, template, { today: isoDateInTimeZone(now, plan.meta.timezone) }).summary
    : undefined;
  overview.details = {
    templateId: plan.meta.templateId,
    ...(template ? { templateName: template.name } : {}),
    stage: plan.meta.stage,
    timeZone: plan.meta.timezone,
    ...(review ? { review } : {}),
  };
  return overview;
}
