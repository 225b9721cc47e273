/** `/opsplan edit "Q3 plan" goals` → { name: 'edit', args: ['Q3 plan', 'goals'] } */
export interface ParsedCommand {
  /** Lower-cased subcommand; empty when the user typed nothing. */
  name: string;
  args: string[];
}

// Straight and typographic quotes: Slack clients and Chinese IMEs turn " into “ ” or 「 」.
const TOKEN = /"([^"]*)"|“([^”]*)”|「([^」]*)」|'([^']*)'|(\S+)/g;

export function parseCommandText(text: string): ParsedCommand {
  const tokens: string[] = [];
  for (const m of text.trim().matchAll(TOKEN)) {
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
  }
  const [first = '', ...args] = tokens;
  return { name: first.toLowerCase(), args };
}
