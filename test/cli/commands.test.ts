import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/cliArgs.js';
import { lintPlan } from '../../src/cli/commands/lintPlan.js';
import { listTemplates } from '../../src/cli/commands/listTemplates.js';
import { renderPlan } from '../../src/cli/commands/renderPlan.js';
import { loadPlan } from '../../src/cli/planFile.js';
import { builtinTemplates } from '../../src/domain/templateLoader.js';
import { renderPlanMarkdown } from '../../src/render/planMarkdown.js';

const templates = builtinTemplates();
const EXAMPLE = fileURLToPath(new URL('../../examples/standard.zh-CN.yaml', import.meta.url));

function example() {
  const loaded = loadPlan(EXAMPLE, readFileSync(EXAMPLE, 'utf8'), templates, 'zh-CN');
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded;
}

describe('parseCliArgs', () => {
  it('reads each command with its options', () => {
    expect(parseCliArgs(['render', 'p.yaml', '--format', 'blocks', '--with-review'], 'en')).toEqual(
      {
        ok: true,
        command: { kind: 'render', path: 'p.yaml', format: 'blocks', withReview: true },
      },
    );
    expect(parseCliArgs(['new', '--template', 'standard', '--lang', 'zh-CN'], 'en')).toEqual({
      ok: true,
      command: { kind: 'new', templateId: 'standard', lang: 'zh-CN' },
    });
    expect(
      parseCliArgs(['lint', 'p.yaml', '--today', '2026-02-01', '--templates-dir', 't'], 'en'),
    ).toEqual({
      ok: true,
      command: { kind: 'lint', path: 'p.yaml', today: '2026-02-01', templatesDir: 't' },
    });
  });

  it('explains usage errors in the terminal language', () => {
    expect(parseCliArgs(['render', 'p.yaml'], 'zh-CN')).toEqual({
      ok: false,
      error: '需要 --format md|blocks',
    });
    const unknown = parseCliArgs(['templates', '--colour'], 'zh-CN');
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.error).toContain('--colour');
  });
});

describe('command functions', () => {
  it('listTemplates shows id, localized name and section count', () => {
    const result = listTemplates(templates.list(), 'en');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^website-launch\s+Website launch plan.*\(8 sections\)$/m);
  });

  it('lintPlan exits 0 for a clean plan and 1 once a KPI loses its target', () => {
    const { plan, template } = example();
    expect(lintPlan('p.yaml', plan, template, 'en', '2026-01-05').exitCode).toBe(0);
    const kpis = plan.sections.results?.kpis;
    if (!Array.isArray(kpis) || typeof kpis[0] !== 'object') throw new Error('no KPIs');
    delete (kpis[0] as { target?: number }).target;
    const failed = lintPlan('p.yaml', plan, template, 'en', '2026-01-05');
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toMatch(
      /⛔ error {2}Operations results › Key performance indicators.*\[kpi-1\]: .*\(kpi-quantified\)/,
    );
  });

  it('renderPlan prints exactly what the Markdown renderer produces', () => {
    const { plan, template } = example();
    const result = renderPlan(plan, template, { format: 'md', locale: 'zh-CN' });
    expect(result.stdout).toBe(renderPlanMarkdown(plan, template));
  });

  it('loadPlan reports a plan for an unknown template with the file path', () => {
    const text = readFileSync(EXAMPLE, 'utf8').replace('templateId: standard', 'templateId: nope');
    const loaded = loadPlan('x.yaml', text, templates, 'en');
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.error).toMatch(
      /^x\.yaml: not a valid plan:\n {2}line \d+, column \d+: meta\.templateId: unknown template "nope"/,
    );
  });
});
