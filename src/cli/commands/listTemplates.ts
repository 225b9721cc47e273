import type { Locale } from '../../domain/locale.js';
import type { Template } from '../../domain/template.js';
import { cliText } from '../cliText.js';
import { type CommandResult, ok } from '../commandResult.js';

/** `opsplan templates`: one line per template — id, name in the chosen language, section count. */
export function listTemplates(templates: readonly Template[], locale: Locale): CommandResult {
  const width = Math.max(...templates.map((t) => t.id.length), 2);
  const lines = templates.map(
    (t) =>
      `${t.id.padEnd(width)}  ${t.name[locale]}  (${cliText(locale).sections(t.sections.length)})`,
  );
  return ok(lines.length > 0 ? `${lines.join('\n')}\n` : '');
}
