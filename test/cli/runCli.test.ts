import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { defaultCliDeps, runCli } from '../../src/cli/main.js';
import { exampleValue } from '../../src/cli/skeletonExamples.js';
import { planFromYaml } from '../../src/domain/planYaml.js';
import { builtinTemplates } from '../../src/domain/templateLoader.js';
import { validateMessagePayload } from '../support/slack/blockKitValidator.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const deps = {
  ...defaultCliDeps,
  now: () => new Date('2026-03-15T04:00:00Z'),
  env: { LANG: 'en_US.UTF-8' },
};

/** Collects what the CLI prints. */
function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: (text: string) => {
      out.stdout += text;
    },
    stderr: (text: string) => {
      out.stderr += text;
    },
  };
  return { out, io };
}

async function cli(...argv: string[]): Promise<Run> {
  const { out, io } = capture();
  const code = await runCli(argv, io, deps);
  return { code, ...out };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opsplan-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The skeleton with every field answered by its example, as a person filling it in would. */
async function filledSkeleton(templateId: string, lang: 'zh-CN' | 'en'): Promise<string> {
  const skeleton = await cli('new', '--template', templateId, '--lang', lang);
  expect(skeleton.code).toBe(0);
  const template = builtinTemplates().get(templateId);
  if (!template) throw new Error(templateId);
  const doc = parseDocument(skeleton.stdout);
  for (const section of template.sections) {
    for (const field of section.fields) {
      doc.setIn(['sections', section.id, field.id], exampleValue(field, lang));
    }
  }
  return doc.toString();
}

describe('opsplan templates', () => {
  it('lists every template with its name and section count, in the chosen language', async () => {
    const en = await cli('templates');
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^standard\s+Standard operations plan.*\(8 sections\)$/m);
    const zh = await cli('templates', '--lang', 'zh-CN');
    expect(zh.stdout).toMatch(/^standard\s+标准运营计划书.*\(8 个章节\)$/m);
    expect(zh.stdout.trim().split('\n')).toHaveLength(builtinTemplates().list().length);
  });
});

describe('opsplan new', () => {
  it.each([
    ['standard', 'zh-CN'],
    ['marketing-4p', 'en'],
    ['ecommerce-store', 'zh-CN'],
    ['website-launch', 'en'],
  ] as const)(
    'prints a %s skeleton (%s) that is a valid plan as printed and once filled',
    async (id, lang) => {
      const skeleton = await cli('new', '--template', id, '--lang', lang);
      const templates = (templateId: string) => builtinTemplates().get(templateId);
      const empty = planFromYaml(skeleton.stdout, { templates });
      expect(empty.meta.templateId).toBe(id);
      expect(empty.meta.language).toBe(lang);
      const filled = planFromYaml(await filledSkeleton(id, lang), { templates });
      const template = builtinTemplates().get(id);
      for (const section of template?.sections ?? []) {
        for (const field of section.fields) {
          expect(filled.sections[section.id]?.[field.id]).toEqual(exampleValue(field, lang));
        }
      }
    },
  );

  it('explains each field with its label and hint in comments', async () => {
    const { stdout } = await cli('new', '--template', 'standard', '--lang', 'zh-CN');
    const template = builtinTemplates().get('standard');
    for (const field of template?.sections.flatMap((s) => s.fields) ?? []) {
      expect(stdout).toContain(`# ${field.label['zh-CN']} — `);
      if (field.hint) expect(stdout).toContain(field.hint['zh-CN'].split('\n')[0]);
    }
    expect(stdout).toContain('# 指引 · 衰退期:');
    // Fields asked only at some stages say so.
    expect(stdout).toMatch(/# 退出步骤与时间 — .*\[仅适用于: 衰退期\]/);
  });

  it('refuses an unknown template, naming the known ones', async () => {
    const run = await cli('new', '--template', 'nope');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown template "nope"');
    expect(run.stderr).toContain('standard');
  });
});

describe('opsplan lint', () => {
  it('prints the review and exits 1 while required answers are missing', async () => {
    const path = join(dir, 'empty.yaml');
    await writeFile(path, (await cli('new', '--template', 'standard', '--lang', 'en')).stdout);
    const run = await cli('lint', path);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${path} — Standard operations plan`);
    expect(run.stdout).toMatch(/\d+ errors · \d+ warnings · \d+ tips/);
    expect(run.stdout).toContain('(vision-and-kpis)');
    expect(run.stdout).toContain('The plan has errors to fix');
  });

  it('exits 2 with the path, line and reason for YAML that is not a plan', async () => {
    const path = join(dir, 'broken.yaml');
    await writeFile(path, 'schemaVersion: 1\nmeta:\n  title: [unclosed\n');
    const syntax = await cli('lint', path);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toContain(`${path}: not a valid plan:`);
    expect(syntax.stderr).toMatch(/line \d+, column \d+/);

    const filled = (await filledSkeleton('standard', 'en')).replace(
      'target: 15000',
      'target: lots',
    );
    await writeFile(path, filled);
    const typed = await cli('lint', path);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain('sections.results.kpis[0].target');
  });

  it('exits 2 naming the file when it cannot be read', async () => {
    const run = await cli('lint', join(dir, 'missing.yaml'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.yaml: cannot read the file');
  });
});

describe('opsplan render', () => {
  it('renders Markdown and schema-valid Slack messages', async () => {
    const path = join(dir, 'filled.yaml');
    await writeFile(path, await filledSkeleton('standard', 'zh-CN'));
    const md = await cli('render', path, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# 标准运营计划书/);
    expect(md.stdout).toContain(
      '| 月活跃用户 | 10,000 | 15,000 | 人 | 提升 | 2026-06-30 | @U0123ABCD | 每月 |',
    );

    const blocks = await cli('render', path, '--format', 'blocks', '--with-review', '--lang', 'en');
    const post = JSON.parse(blocks.stdout) as { summary: never; sections: never[] };
    for (const message of [post.summary, ...post.sections]) {
      expect(validateMessagePayload(message)).toEqual([]);
    }
    expect(blocks.stdout).toContain('*Review*: ');
  });

  it('writes the same Markdown as the renderer, so the published file can be compared', async () => {
    const path = join(dir, 'filled.yaml');
    const first = await cli('render', path, '--format', 'md');
    const second = await cli('render', path, '--format', 'md');
    expect(first.stdout).toBe(second.stdout);
    expect(await readFile(path, 'utf8')).toContain('schemaVersion: 1');
  });
});

describe('usage errors', () => {
  it.each([
    [['bogus'], 'unknown command "bogus"'],
    [[], 'no command given'],
    [['lint', '--nope', 'x.yaml'], "Unknown option '--nope'"],
    [['lint', 'x.yaml', '--format', 'md'], 'option --format does not apply to "lint"'],
    [['render', 'x.yaml'], '--format md|blocks is required'],
    [['render', 'x.yaml', '--format', 'pdf'], '--format must be md or blocks, not "pdf"'],
    [['templates', '--lang', 'fr'], '--lang must be zh-CN or en, not "fr"'],
    [['lint', 'a.yaml', 'b.yaml'], 'unexpected arguments: b.yaml'],
    [['lint', 'a.yaml', '--today', 'tomorrow'], '--today must be a date'],
    [['new'], '--template ID is required'],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('opsplan --help');
  });

  it('answers in Chinese for a Chinese terminal', async () => {
    const { out, io } = capture();
    const code = await runCli(['bogus'], io, { ...deps, env: { LANG: 'zh_CN.UTF-8' } });
    expect(code).toBe(2);
    expect(out.stderr).toContain('未知命令「bogus」');
  });

  it('prints help in the chosen language and exits 0', async () => {
    const en = await cli('--help');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('opsplan render <plan.yaml> --format md|blocks');
    const zh = await cli('lint', '-h', '--lang', 'zh-CN');
    expect(zh.stdout).toContain('用法：');
  });
});
