import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { nestedTooDeeply } from './yamlNesting.js';

/** One problem in a YAML source, located as precisely as we can. */
export interface SourceProblem {
  /** Dotted path to the offending value, e.g. `sections[2].fields[0].label.en`; empty for syntax errors. */
  path: string;
  line?: number;
  column?: number;
  reason: string;
}

export type YamlParse =
  | { ok: true; value: unknown; locate: (path: readonly PropertyKey[]) => Position | undefined }
  | { ok: false; problems: SourceProblem[] };

export interface Position {
  line: number;
  column: number;
}

/**
 * Parses YAML into plain data. Syntax errors (and duplicate keys, which would
 * silently drop an answer) come back with line and column; `locate` finds where a
 * path lives in the source, so schema errors can point at a line too.
 */
export function parseYamlSource(text: string): YamlParse {
  // The yaml parser recurses per nesting level: refuse absurd depth before it overflows its stack
  // (which can leave the process unable to parse anything afterwards).
  if (nestedTooDeeply(text)) {
    return {
      ok: false,
      problems: [{ path: '', reason: 'nested far deeper than any plan or template can be' }],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const at = lineCounter.linePos(error.pos[0]);
        return { path: '', line: at.line, column: at.col, reason: firstLine(error.message) };
      }),
    };
  }
  let value: unknown;
  try {
    // Aliases are expanded here; the yaml library caps their count, which stops alias bombs.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ path: '', reason: (error as Error).message }] };
  }
  const locate = (path: readonly PropertyKey[]): Position | undefined => {
    // A missing key has no node; point at the closest parent that exists instead.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const at = lineCounter.linePos(node.range[0]);
        return { line: at.line, column: at.col };
      }
    }
    return undefined;
  };
  return { ok: true, value, locate };
}

/** Turns zod issues into located problems. */
export function problemsFromZod(
  issues: readonly z.core.$ZodIssue[],
  locate?: (path: readonly PropertyKey[]) => Position | undefined,
): SourceProblem[] {
  return issues.map((issue) => {
    const at = locate?.(issue.path);
    return { path: formatPath(issue.path), ...at, reason: issue.message };
  });
}

/** `sections[2].fields[0].label.en` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** `file.yaml:12:5 sections[2].id: duplicate section id "goals"` */
export function formatProblem(problem: SourceProblem, fileName?: string): string {
  const where = [fileName, problem.line, problem.column].filter((p) => p !== undefined).join(':');
  const path = problem.path ? `${problem.path}: ` : '';
  return `${where ? `${where} ` : ''}${path}${problem.reason}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
