import { describe, expect, it } from 'vitest';
import {
  BUDGET_LINE_LIMITS,
  KPI_LIMITS,
  PHASE_LIMITS,
  PRIORITISED_ITEM_LIMITS,
  RESOURCE_LIMITS,
  TEXT_MAX,
} from '../../src/domain/fieldTypes.js';
import { type Plan, PlanSchema, validatePlanAgainstTemplate } from '../../src/domain/plan.js';
import {
  formatPlanYamlProblem,
  type PlanYamlProblem,
  parsePlanYaml,
  planFromYaml,
  planToYaml,
} from '../../src/domain/planYaml.js';
import { allTypesTemplate } from './fixtures/allTypesTemplate.js';

const templates = (id: string) => (id === allTypesTemplate.id ? allTypesTemplate : undefined);

function fullPlan(
  text = '第一段：提升复购。\n\n第二段 — "quotes", \'single\', #hash, key: value\n  indented line\n',
): Plan {
  return PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: '2026 年度运营计划: Q1–Q4',
      templateId: 'all-types',
      stage: 'maturity',
      audience: 'investors',
      period: { start: '2026-01-01', end: '2026-12-31' },
      owner: 'U0OWNER1',
      editors: ['U0EDIT01', 'W0EDIT02'],
      channel: 'C0PLANS1',
      language: 'zh-CN',
      timezone: 'Asia/Shanghai',
    },
    sections: {
      simple: {
        short: 'true',
        long: text,
        count: 0.1,
        total: { amount: 1234567.89, currency: 'CNY' },
        share: -12.5,
        launch: '2026-03-01',
        window: { start: '2026-03-01', end: '2026-04-30' },
        tier: 'gold',
        regions: ['north', 'south'],
        lead: 'U0LEAD01',
        team: ['U0A', 'U0B'],
        room: 'C0ROOM01',
      },
      lists: {
        kpis: [
          {
            id: 'kpi-1',
            name: '复购率',
            baseline: 18,
            target: 25,
            unit: '%',
            direction: 'increase',
            deadline: '2026-12-31',
            owner: 'U0A',
            cadence: 'monthly',
          },
          { id: 'kpi-2', name: 'Complaints', direction: 'stay_below', target: 50 },
        ],
        phases: [
          {
            id: 'p1',
            name: '试运营',
            start: '2026-01-01',
            end: '2026-03-31',
            goal: '跑通流程',
            successCriteria: '订单 ≥ 1000',
            tasks: '- 招商\n- 培训',
          },
        ],
        budget: [
          {
            id: 'b1',
            item: '投放',
            category: '推广',
            amount: 50000,
            currency: 'CNY',
            phaseId: 'p1',
          },
        ],
        resources: [
          {
            id: 'r1',
            item: '客服 2 名',
            status: 'need',
            source: '外包',
            howToObtain: '3 月前签约',
          },
        ],
        modules: [{ id: 'm1', title: '会员体系', priority: 'P0', owner: 'U0A', notes: '' }],
      },
    },
  });
}

/** Deterministic pseudo-random strings full of characters YAML treats specially. */
function randomTexts(count: number, seed = 42): string[] {
  const pool = [
    'a',
    'Z',
    '中',
    '文',
    '😀',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '\t',
    ':',
    '#',
    '-',
    '"',
    "'",
    '|',
    '>',
    '{',
    '}',
    '[',
    ']',
    '&',
    '*',
    '!',
    '%',
    '@',
    '`',
    ',',
    '?',
    '\\',
    'null',
    'true',
    '0x1F',
    '1e3',
    '~',
    '---',
    '...',
    '\u00a0',
    '\u2028',
  ];
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: next() % 40 }, () => pool[next() % pool.length]).join(''),
  );
}

function problemsOf(text: string): PlanYamlProblem[] {
  const result = parsePlanYaml(text, { templates });
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('planToYaml / planFromYaml', () => {
  it('round-trips a plan with every field type, Chinese and multi-line text', () => {
    const plan = fullPlan();
    const yaml = planToYaml(plan);
    expect(yaml).toContain('第一段');
    expect(planFromYaml(yaml, { templates })).toEqual(plan);
  });

  it('writes multi-line text as a readable literal block', () => {
    expect(planToYaml(fullPlan('line one\nline two\n'))).toContain(
      'long: |\n      line one\n      line two\n',
    );
  });

  it('round-trips text made of YAML-special characters', () => {
    for (const text of randomTexts(120)) {
      const plan = fullPlan(text);
      expect(planFromYaml(planToYaml(plan), { templates }).sections.simple?.long).toBe(text);
    }
  });

  it('keeps text that looks like numbers, booleans or dates as text', () => {
    for (const text of ['123', 'true', 'null', '2026-01-01', '0o17', '.inf', '']) {
      const plan = fullPlan();
      const simple = plan.sections.simple ?? {};
      simple.short = text;
      expect(planFromYaml(planToYaml(plan)).sections.simple?.short).toBe(text);
    }
  });
});

describe('maximal plans', () => {
  it('round-trip and validate with every list at its row limit and every text at its length limit', () => {
    const long = (n: number, seed: string) =>
      `${seed.repeat(Math.ceil(n / seed.length))}\n`.slice(0, n);
    const rows = <T>(n: number, make: (i: number) => T) =>
      Array.from({ length: n }, (_, i) => make(i));
    const plan = fullPlan(long(TEXT_MAX, '运营计划：第一段。\n'));
    const lists = plan.sections.lists ?? {};
    lists.kpis = rows(KPI_LIMITS.maxRows, (i) => ({
      id: `kpi-${i}`,
      name: long(KPI_LIMITS.name, '指标'),
      baseline: i,
      target: i * 2 + 0.5,
      unit: long(KPI_LIMITS.unit, '%'),
      direction: 'increase' as const,
      deadline: '2026-12-31',
      owner: 'U0A',
      cadence: 'weekly' as const,
    }));
    lists.phases = rows(PHASE_LIMITS.maxRows, (i) => ({
      id: `p-${i}`,
      name: long(PHASE_LIMITS.name, 'Phase '),
      start: '2026-01-01',
      end: '2026-12-31',
      goal: long(PHASE_LIMITS.goal, 'goal: yes\n'),
      successCriteria: long(PHASE_LIMITS.successCriteria, '≥ 25% '),
      tasks: long(PHASE_LIMITS.tasks, '- task\n'),
    }));
    lists.budget = rows(BUDGET_LINE_LIMITS.maxRows, (i) => ({
      id: `b-${i}`,
      item: long(BUDGET_LINE_LIMITS.item, '投放'),
      category: long(BUDGET_LINE_LIMITS.category, 'c'),
      amount: 1e12 + i / 100,
      currency: 'CNY',
      phaseId: `p-${i % PHASE_LIMITS.maxRows}`,
    }));
    lists.resources = rows(RESOURCE_LIMITS.maxRows, (i) => ({
      id: `r-${i}`,
      item: long(RESOURCE_LIMITS.item, 'r'),
      status: 'need' as const,
      source: long(RESOURCE_LIMITS.source, 's'),
      howToObtain: long(RESOURCE_LIMITS.howToObtain, '#h '),
    }));
    lists.modules = rows(PRIORITISED_ITEM_LIMITS.maxRows, (i) => ({
      id: `m-${i}`,
      title: long(PRIORITISED_ITEM_LIMITS.title, "it's "),
      priority: 'P1' as const,
      owner: 'U0B',
      notes: long(PRIORITISED_ITEM_LIMITS.notes, '"q" '),
    }));
    const valid = PlanSchema.parse(plan);
    expect(validatePlanAgainstTemplate(valid, allTypesTemplate)).toEqual({ ok: true });
    expect(planFromYaml(planToYaml(valid), { templates })).toEqual(valid);
  });
});

describe('parsePlanYaml errors', () => {
  const valid = planToYaml(fullPlan('x'));

  it('reports a syntax error with line and column', () => {
    const [problem] = problemsOf('schemaVersion: 1\nmeta: {title: "open\n');
    expect(problem).toMatchObject({
      path: '',
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(problem?.message.en).toMatch(/^YAML syntax error: /);
    expect(problem?.message['zh-CN']).toMatch(/^YAML 语法错误：/);
  });

  it('reports a wrong value with its field path and line', () => {
    const broken = valid.replace('target: 25', 'target: twenty-five');
    const line = broken.split('\n').findIndex((l) => l.includes('twenty-five')) + 1;
    expect(problemsOf(broken)).toEqual([
      expect.objectContaining({ path: 'sections.lists.kpis[0].target', line }),
    ]);
  });

  it('reports meta problems and a missing key at its parent', () => {
    const broken = valid
      .replace('stage: maturity', 'stage: teenage')
      .replace(/ {2}owner: U0OWNER1\n/, '');
    expect(problemsOf(broken).map((p) => p.path)).toEqual(['meta.stage', 'meta.owner']);
  });

  it('reports an unknown template, an unknown field and a bad option', () => {
    expect(
      problemsOf(valid.replace('templateId: all-types', 'templateId: nope'))[0]?.message.en,
    ).toBe('unknown template "nope"');
    const broken = valid.replace('tier: gold', 'tier: platinum\n    colour: red');
    expect(problemsOf(broken).map((p) => p.path)).toEqual([
      'sections.simple.tier',
      'sections.simple.colour',
    ]);
  });

  it('reports an unsupported schema version', () => {
    expect(problemsOf(valid.replace('schemaVersion: 1', 'schemaVersion: 9'))[0]?.path).toBe(
      'schemaVersion',
    );
  });

  it('formats problems in the reader language', () => {
    const problem: PlanYamlProblem = {
      path: 'meta.stage',
      line: 4,
      column: 3,
      message: { 'zh-CN': '无效', en: 'invalid' },
    };
    expect(formatPlanYamlProblem(problem, 'zh-CN')).toBe('第 4 行第 3 列：meta.stage: 无效');
    expect(formatPlanYamlProblem(problem, 'en')).toBe('line 4, column 3: meta.stage: invalid');
  });

  it('throws one error listing every problem', () => {
    const broken = valid
      .replace('stage: maturity', 'stage: x')
      .replace('audience: investors', 'audience: y');
    expect(() => planFromYaml(broken)).toThrow(/meta\.stage[\s\S]*meta\.audience/);
  });
});
