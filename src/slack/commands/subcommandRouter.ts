import { closestWord } from './closestSubcommand.js';
import type { Subcommand } from './subcommand.js';

export type Route =
  | { kind: 'found'; subcommand: Subcommand }
  | { kind: 'unknown'; suggestion?: string };

export interface SubcommandRouter {
  all(): readonly Subcommand[];
  route(name: string): Route;
}

/** An empty command means help, the friendliest answer to a bare `/opsplan`. */
export function createSubcommandRouter(subcommands: readonly Subcommand[]): SubcommandRouter {
  const byWord = new Map<string, Subcommand>();
  for (const s of subcommands) {
    for (const word of [s.name, ...s.aliases]) {
      if (byWord.has(word)) throw new Error(`subcommand word "${word}" is registered twice`);
      byWord.set(word, s);
    }
  }
  const names = subcommands.map((s) => s.name);
  return {
    all: () => subcommands,
    route(name) {
      const subcommand = byWord.get(name || 'help');
      if (subcommand) return { kind: 'found', subcommand };
      const suggestion = closestWord(name, names);
      return suggestion ? { kind: 'unknown', suggestion } : { kind: 'unknown' };
    },
  };
}
