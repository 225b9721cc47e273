import type { ExportFormat } from './exportFileName.js';

/** Which copy of a plan to export. */
export type ExportVersion =
  /** Nothing said: the draft for its owner and editors, the latest published version for others. */
  | { kind: 'default' }
  | { kind: 'draft' }
  | { kind: 'latest' }
  | { kind: 'number'; version: number };

export interface ExportRequest {
  /** The plan's short id or title; empty when the user named none. */
  ref: string;
  format: ExportFormat;
  version: ExportVersion;
}

const FORMATS: Record<string, ExportFormat> = {
  md: 'md',
  markdown: 'md',
  yaml: 'yaml',
  yml: 'yaml',
};

const DRAFT_WORDS = new Set(['draft', '草稿']);
const LATEST_WORDS = new Set(['latest', 'published', '最新', '已发布']);
// `v2` / `版本2`. A bare number stays part of the title: "Growth plan 2027" is a title, not version 2027.
const VERSION_WORD = /^(?:v|版本)(\d{1,6})$/i;

function versionOf(word: string): ExportVersion | undefined {
  const lower = word.toLowerCase();
  if (DRAFT_WORDS.has(lower)) return { kind: 'draft' };
  if (LATEST_WORDS.has(lower)) return { kind: 'latest' };
  const match = VERSION_WORD.exec(word);
  const digits = match?.[1];
  if (digits === undefined) return undefined;
  const version = Number(digits);
  return version >= 1 ? { kind: 'number', version } : undefined;
}

/**
 * `/opsplan export Growth plan 2027 v2 yaml` → ref `Growth plan 2027`, version 2, YAML. The version
 * and the format are read from the end, in either order; the rest is the plan's id or title.
 */
export function parseExportArgs(args: readonly string[]): ExportRequest {
  const words = [...args];
  let format: ExportFormat | undefined;
  let version: ExportVersion | undefined;
  for (let taken = 0; taken < 2 && words.length > 1; taken++) {
    const last = words[words.length - 1] ?? '';
    const asFormat = format ? undefined : FORMATS[last.toLowerCase()];
    const asVersion = version ? undefined : versionOf(last);
    if (asFormat) format = asFormat;
    else if (asVersion) version = asVersion;
    else break;
    words.pop();
  }
  return {
    ref: words.join(' ').trim(),
    format: format ?? 'md',
    version: version ?? { kind: 'default' },
  };
}
