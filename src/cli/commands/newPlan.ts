import type { Locale } from '../../domain/locale.js';
import type { TemplateRegistry } from '../../domain/templateParse.js';
import { cliText } from '../cliText.js';
import { type CommandResult, failure, ok } from '../commandResult.js';
import { planSkeleton } from '../planSkeleton.js';

/** `opsplan new --template ID`: the annotated YAML skeleton on stdout. */
export function newPlan(
  templates: TemplateRegistry,
  templateId: string,
  locale: Locale,
  today: string,
): CommandResult {
  const template = templates.get(templateId);
  if (!template) {
    const known = templates
      .list()
      .map((t) => t.id)
      .join(', ');
    return failure(cliText(locale).unknownTemplate(templateId, known));
  }
  return ok(planSkeleton(template, locale, today));
}
