/**
 * The next free row id with the given prefix: `kpi-1`, `kpi-2`, …
 * Deterministic (no randomness) so the same edits give the same ids. Always above the
 * highest number seen, so pass the ids of the previous version too when revising:
 * then a removed row's id is not handed to a new row and diffs keep matching by id.
 */
export function nextRowId(prefix: string, existingIds: Iterable<string>): string {
  const taken = new Set(existingIds);
  let highest = 0;
  const pattern = new RegExp(`^${escapeRegExp(prefix)}-(\\d+)$`);
  for (const id of taken) {
    const n = Number(pattern.exec(id)?.[1] ?? 0);
    if (n > highest) highest = n;
  }
  return `${prefix}-${highest + 1}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
