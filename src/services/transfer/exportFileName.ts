export type ExportFormat = 'md' | 'yaml';

/** Long enough to recognise a plan, short enough for every file system and Slack's file list. */
const SLUG_MAX = 60;

/**
 * An ASCII file-name slug of a title: accents dropped (`Café` → `cafe`), everything that is not a
 * letter or digit becomes one hyphen. Empty when nothing ASCII is left (e.g. a Chinese title).
 */
export function titleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, SLUG_MAX).replace(/-+$/, '');
}

/**
 * `growth-plan-2027-v2.md`, `growth-plan-2027-draft.yaml`. A title without ASCII letters would give a
 * name nobody can tell apart (`2027-v2.md`), so the plan id is added: `2027-7k3m9qxa-v2.md`,
 * `plan-7k3m9qxa-draft.md`.
 */
export function exportFileName(args: {
  title: string;
  planId: string;
  /** A published version; undefined for the current draft. */
  version?: number;
  format: ExportFormat;
}): string {
  const slug = titleSlug(args.title);
  const id = args.planId.toLowerCase().replace(/[^a-z0-9]/g, '');
  const base = /[a-z]/.test(slug) ? slug : slug ? `${slug}-${id}` : `plan-${id}`;
  const which = args.version === undefined ? 'draft' : `v${args.version}`;
  return `${base}-${which}.${args.format}`;
}
