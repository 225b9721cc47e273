import type { Kpi, Phase } from '../../domain/fieldTypes.js';
import type { Plan } from '../../domain/plan.js';
import { typedFieldsWithRole } from '../../domain/planFields.js';
import type { Template } from '../../domain/template.js';
import type { TemplateRegistry } from '../../domain/templateParse.js';
import { planKpis } from '../../scheduler/engine/index.js';
import type { PublishedStore, PublishedVersion } from '../../store/publishedStore.js';
import type { WorkspaceKey } from '../../store/workspaceKey.js';

/** A published version with what reminders and check-ins read from it. */
export interface PublishedPlan {
  version: PublishedVersion<Plan>;
  plan: Plan;
  /** Undefined when the template was removed since: no KPIs or phases can be read then. */
  template?: Template;
  kpis: Kpi[];
  phases: Phase[];
  /** Where the version was posted (else the plan's channel); undefined when neither is known. */
  channel?: string;
}

export interface PublishedPlanSource {
  published: Pick<PublishedStore<Plan>, 'latest' | 'get'>;
  templates: TemplateRegistry;
}

/** The latest published version (or a given one), or null when the plan was never published. */
export async function loadPublishedPlan(
  source: PublishedPlanSource,
  ws: WorkspaceKey,
  planId: string,
  versionNumber?: number,
): Promise<PublishedPlan | null> {
  const version =
    versionNumber === undefined
      ? await source.published.latest(ws, planId)
      : await source.published.get(ws, planId, versionNumber);
  if (!version) return null;
  const plan = version.doc;
  const template = source.templates.get(plan.meta.templateId);
  const kpis = template ? planKpis(plan, template) : [];
  const phases = template
    ? typedFieldsWithRole(plan, template, 'phases', 'phases').flatMap((f) => f.value ?? [])
    : [];
  const channel = version.post?.channel ?? plan.meta.channel;
  return {
    version,
    plan,
    ...(template ? { template } : {}),
    kpis,
    phases,
    ...(channel ? { channel } : {}),
  };
}
