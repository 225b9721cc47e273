import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/domain/lifecycle.js';
import { builtinTemplates, loadTemplates } from '../../src/domain/templateLoader.js';
import {
  buildTemplateRegistry,
  parseTemplate,
  TemplateLoadError,
} from '../../src/domain/templateParse.js';

const minimal = (id: string) => `
id: ${id}
version: 1
name: { zh-CN: 团队模板, en: Team template }
description: { zh-CN: 我们自己的模板, en: Our own template }
sections:
  - id: goals
    title: { zh-CN: 目标, en: Goals }
    titleShort: { zh-CN: 目标, en: Goals }
    fields:
      - id: vision
        type: long_text
        role: vision
        label: { zh-CN: 愿景, en: Vision }
`;

function loadError(fn: () => unknown): TemplateLoadError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TemplateLoadError) return error;
    throw error;
  }
  throw new Error('expected a TemplateLoadError');
}

describe('parseTemplate', () => {
  it('parses a valid template', () => {
    expect(parseTemplate(minimal('team'), 'team.yaml').sections[0]?.fields[0]?.role).toBe('vision');
  });

  it('reports a syntax error with file, line and column', () => {
    const error = loadError(() => parseTemplate('id: x\nname: [unclosed\n', 'broken.yaml'));
    expect(error.problems[0]).toMatchObject({ file: 'broken.yaml', line: expect.any(Number) });
    expect(error.message).toMatch(/^Invalid template:\n {2}broken\.yaml:\d+:\d+ /);
  });

  it('reports a schema error with file, path, line and reason in one message', () => {
    const text = minimal('team').replace(
      'label: { zh-CN: 愿景, en: Vision }',
      'label: { zh-CN: 愿景 }',
    );
    const error = loadError(() => parseTemplate(text, 'team.yaml'));
    expect(error.problems).toEqual([
      expect.objectContaining({
        file: 'team.yaml',
        path: 'sections[0].fields[0].label.en',
        line: 14,
      }),
    ]);
    expect(error.message).toContain('team.yaml:14:');
    expect(error.message).toContain('sections[0].fields[0].label.en:');
  });

  it('refuses duplicate keys, which would silently drop a text', () => {
    const error = loadError(() => parseTemplate(`${minimal('team')}\nid: again\n`, 'dup.yaml'));
    expect(error.problems[0]?.reason).toMatch(/unique/i);
  });
});

describe('buildTemplateRegistry', () => {
  it('refuses two templates with the same id, naming both files', () => {
    const error = loadError(() =>
      buildTemplateRegistry([
        { fileName: 'a.yaml', text: minimal('same') },
        { fileName: 'b.yaml', text: minimal('same') },
      ]),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({ file: 'b.yaml', reason: expect.stringContaining('a.yaml') }),
    ]);
  });

  it('collects the problems of every broken file into one error', () => {
    const error = loadError(() =>
      buildTemplateRegistry([
        { fileName: 'a.yaml', text: 'id: [' },
        { fileName: 'b.yaml', text: minimal('Bad Id') },
      ]),
    );
    expect(error.problems.map((p) => p.file)).toEqual(['a.yaml', 'b.yaml']);
  });
});

describe('loadTemplates', () => {
  it('adds a team directory to the built-ins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsplan-templates-'));
    writeFileSync(join(dir, 'team.yaml'), minimal('team-plan'));
    writeFileSync(join(dir, 'README.md'), 'not a template');
    const registry = await loadTemplates({ extraDir: dir });
    expect(registry.get('team-plan')?.name.en).toBe('Team template');
    expect(registry.get('standard')).toBeDefined();
  });

  it('refuses a team template that reuses a built-in id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsplan-templates-'));
    writeFileSync(join(dir, 'mine.yml'), minimal('standard'));
    await expect(loadTemplates({ extraDir: dir })).rejects.toThrow(
      /duplicate template id "standard"/,
    );
  });
});

describe('built-in templates', () => {
  const registry = builtinTemplates();

  it('are cached', () => {
    expect(builtinTemplates()).toBe(registry);
  });

  it('include the required templates', () => {
    expect(registry.list().map((t) => t.id)).toEqual(
      expect.arrayContaining(['standard', 'marketing-4p', 'ecommerce-store', 'website-launch']),
    );
  });

  it('standard has the 8 framework sections with guidance for every stage', () => {
    const standard = registry.get('standard');
    expect(standard?.sections.map((s) => s.id)).toEqual([
      'product',
      'goals',
      'scope',
      'resources',
      'strategy',
      'systems',
      'results',
      'budget',
    ]);
    for (const section of standard?.sections ?? []) {
      expect(Object.keys(section.guidance).sort(), section.id).toEqual([...STAGES].sort());
    }
  });

  it.each(['standard', 'marketing-4p', 'ecommerce-store', 'website-launch'])(
    '%s has a vision and KPIs for the review to find',
    (id) => {
      const roles = registry.get(id)?.sections.flatMap((s) => s.fields.map((f) => f.role));
      expect(roles).toEqual(expect.arrayContaining(['vision', 'kpis']));
    },
  );

  it.each(['standard', 'marketing-4p', 'ecommerce-store', 'website-launch'])(
    '%s gives every section an intro and guidance for every stage',
    (id) => {
      for (const section of registry.get(id)?.sections ?? []) {
        expect(section.intro, `${id}.${section.id}`).toBeDefined();
        expect(Object.keys(section.guidance).sort(), `${id}.${section.id}`).toEqual(
          [...STAGES].sort(),
        );
      }
    },
  );

  it('website-launch plans the four phases from build-out to brand', () => {
    const ids = registry.get('website-launch')?.sections.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['phases', 'build', 'trial', 'growth', 'brand']));
  });

  it('ecommerce-store reports the daily KPIs and checks the store daily', () => {
    const template = registry.get('ecommerce-store');
    const hint = template?.sections.find((s) => s.id === 'dailyReport')?.fields[0]?.hint?.en ?? '';
    for (const kpi of [
      'page views',
      'visitors',
      'sales',
      'orders',
      'conversion rate',
      'average order value',
      'DSR',
    ]) {
      expect(hint).toContain(kpi);
    }
    const checks = template?.sections
      .find((s) => s.id === 'dailyChecks')
      ?.fields[0]?.options?.map((o) => o.value);
    expect(checks).toEqual(expect.arrayContaining(['complaints', 'violations', 'pages', 'stock']));
  });

  it('marketing-4p covers the 4Ps plus service, execution, risks and safeguards', () => {
    expect(registry.get('marketing-4p')?.sections.map((s) => s.id)).toEqual([
      'background',
      'objectives',
      'product',
      'price',
      'channel',
      'promotion',
      'service',
      'execution',
      'risks',
      'safeguards',
    ]);
  });
});
