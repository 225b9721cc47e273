import type { Locale } from '../../../domain/locale.js';
import { formatPlanYamlProblem, type PlanYamlProblem } from '../../../domain/planYaml.js';
import { truncatePlain } from '../../../render/blocks/blockBuilders.js';
import { transferTexts } from './transferTexts.js';

/**
 * How much an inline error may say. Slack documents no limit for `response_action: errors`, but it
 * shows the text under the input, and a wall of text there helps nobody: this fits a dozen problems.
 */
export const IMPORT_ERROR_MAX_CHARS = 1500;
/** One problem never crowds out the others (a syntax error can quote a whole line). */
const PROBLEM_MAX_CHARS = 300;

/**
 * Every problem of a YAML plan, one per line with its line, column and path, in the user's language,
 * as long as they fit; the rest are counted. Inline errors are plain text: nothing to escape.
 */
export function formatImportProblems(
  problems: readonly PlanYamlProblem[],
  locale: Locale,
  maxChars = IMPORT_ERROR_MAX_CHARS,
): string {
  const t = transferTexts(locale).import;
  let text = t.problemsIntro({ count: problems.length });
  for (const [index, problem] of problems.entries()) {
    const line = `\n• ${truncatePlain(formatPlanYamlProblem(problem, locale).replace(/\s+/g, ' '), PROBLEM_MAX_CHARS)}`;
    const left = problems.length - index - 1;
    const more = left > 0 ? `\n${t.moreProblems({ count: left + 1 })}` : '';
    // Keep room for the "…and N more" line that would follow if a later problem did not fit.
    const reserve = left > 0 ? `\n${t.moreProblems({ count: left })}`.length : 0;
    if (text.length + line.length + reserve > maxChars) return `${text}${more}`;
    text += line;
  }
  return text;
}
