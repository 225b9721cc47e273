import type { Locale } from '../domain/locale.js';
import type { Plan } from '../domain/plan.js';
import { formatPlanYamlProblem, parsePlanYaml } from '../domain/planYaml.js';
import type { Template } from '../domain/template.js';
import type { TemplateRegistry } from '../domain/templateParse.js';
import { cliText } from './cliText.js';

export type LoadedPlan =
  | { ok: true; plan: Plan; template: Template }
  | { ok: false; error: string };

/**
 * A plan file's text parsed and checked against its template. Every problem is listed with the file
 * path and, where known, line, column and field path.
 */
export function loadPlan(
  path: string,
  text: string,
  templates: TemplateRegistry,
  locale: Locale,
): LoadedPlan {
  const parsed = parsePlanYaml(text, { templates: (id) => templates.get(id) });
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => `  ${formatPlanYamlProblem(p, locale)}`);
    return { ok: false, error: [cliText(locale).invalidPlan(path), ...problems].join('\n') };
  }
  const template = templates.get(parsed.plan.meta.templateId);
  // parsePlanYaml already refused unknown templates; this keeps the types honest.
  if (!template) return { ok: false, error: cliText(locale).invalidPlan(path) };
  return { ok: true, plan: parsed.plan, template };
}
