import {
  BUDGET_LINE_LIMITS,
  CHECK_IN_CADENCES,
  type FieldValue,
  KPI_DIRECTIONS,
  KPI_LIMITS,
  PHASE_LIMITS,
  PRIORITISED_ITEM_LIMITS,
  RESOURCE_LIMITS,
  TEXT_MAX,
} from '../../../src/domain/fieldTypes.js';
import { AUDIENCES, STAGES } from '../../../src/domain/lifecycle.js';
import type { Locale } from '../../../src/domain/locale.js';
import { type Plan, PlanSchema } from '../../../src/domain/plan.js';
import type { Template, TemplateField } from '../../../src/domain/template.js';

/** A small seeded PRNG (mulberry32): the same seed always gives the same plans. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const INJECTIONS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123>',
  '<!subteam^S1|x>',
  '<https://evil.example|click>',
  '<#C0EVIL>',
  '&',
  '&amp;',
  '&lt;!channel&gt;',
  '*bold*',
  '_italic_',
  '~strike~',
  '`code`',
  '```fence```',
  '> quote',
  '[link](https://evil.example)',
  '![img](https://evil.example/x.png)',
  '| a | b |',
  '# heading',
  '@channel',
  '@here',
];

const TOKENS = [
  '运营',
  '目标',
  '用户增长',
  '转化率',
  '我们计划在第一季度完成',
  '渠道',
  '，',
  '。',
  '！',
  '？',
  '；',
  '、',
  '“好的。”',
  'growth',
  'revenue',
  'the',
  'plan',
  'conversion',
  '. ',
  '! ',
  '? ',
  ', ',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '😀',
  '👨‍👩‍👧',
  'é',
];

export class TextFactory {
  constructor(readonly random: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  /** Mixed CJK/English text with injection strings, exactly `length` UTF-16 units, not blank. */
  text(length: number): string {
    let out = '';
    while (out.length < length) {
      const roll = this.random();
      if (roll < 0.12) out += this.pick(INJECTIONS);
      else if (roll < 0.13) out += `https://example.com/${'a'.repeat(this.int(10, 3500))}`;
      else if (roll < 0.14) out += '中'.repeat(this.int(10, 3500));
      else out += this.pick(TOKENS);
    }
    out = out.slice(0, length);
    // Never end on half a surrogate pair; never leave a text that trims to nothing.
    if (/[\uD800-\uDBFF]$/.test(out)) out = `${out.slice(0, -1)}x`;
    if (out.trim() === '') out = `${out.slice(0, -1)}x`;
    return out;
  }

  /** At the maximum with probability `maxChance`, else a random length up to it. */
  sized(max: number, maxChance: number): string {
    return this.text(this.random() < maxChance ? max : this.int(1, max));
  }
}

function userId(factory: TextFactory): string {
  return `U${factory.int(100000, 999999)}${factory.pick(['A', 'B', 'C'])}`;
}

function isoDate(factory: TextFactory): string {
  const month = String(factory.int(1, 12)).padStart(2, '0');
  const day = String(factory.int(1, 28)).padStart(2, '0');
  return `2026-${month}-${day}`;
}

function rows<T>(factory: TextFactory, max: number, maxChance: number, row: (i: number) => T): T[] {
  const count = factory.random() < maxChance ? max : factory.int(0, max);
  return Array.from({ length: count }, (_, i) => row(i + 1));
}

function value(field: TemplateField, f: TextFactory, maxChance: number): FieldValue {
  const s = (max: number) => f.sized(max, maxChance);
  switch (field.type) {
    case 'short_text':
    case 'long_text':
      return s(TEXT_MAX);
    case 'number':
      return f.int(-1e6, 1e9) / 100;
    case 'money':
      return { amount: f.int(0, 1e9) / 100, currency: f.pick(['CNY', 'USD', 'EUR']) };
    case 'percent':
      return f.int(0, 50000) / 100;
    case 'date':
      return isoDate(f);
    case 'date_range':
      return { start: '2026-01-01', end: isoDate(f) };
    case 'single_select':
      return f.pick(field.options ?? []).value;
    case 'multi_select':
      return (field.options ?? []).map((o) => o.value);
    case 'user':
      return userId(f);
    case 'users':
      return [...new Set(Array.from({ length: f.int(1, 50) }, () => userId(f)))];
    case 'channel':
      return `C${f.int(100000, 999999)}X`;
    case 'kpis':
      return rows(f, KPI_LIMITS.maxRows, maxChance, (i) => ({
        id: `kpi-${i}`,
        name: s(KPI_LIMITS.name),
        baseline: f.int(0, 1e6),
        target: f.int(0, 1e7),
        unit: s(KPI_LIMITS.unit),
        direction: f.pick(KPI_DIRECTIONS),
        deadline: isoDate(f),
        owner: userId(f),
        cadence: f.pick(CHECK_IN_CADENCES),
      }));
    case 'phases':
      return rows(f, PHASE_LIMITS.maxRows, maxChance, (i) => ({
        id: `phase-${i}`,
        name: s(PHASE_LIMITS.name),
        start: '2026-01-01',
        end: isoDate(f),
        goal: s(PHASE_LIMITS.goal),
        successCriteria: s(PHASE_LIMITS.successCriteria),
        tasks: s(PHASE_LIMITS.tasks),
      }));
    case 'budget_lines':
      return rows(f, BUDGET_LINE_LIMITS.maxRows, maxChance, (i) => ({
        id: `line-${i}`,
        item: s(BUDGET_LINE_LIMITS.item),
        category: s(BUDGET_LINE_LIMITS.category),
        amount: f.int(0, 1e9) / 100,
        currency: f.pick(['CNY', 'USD']),
        phaseId: `phase-${f.int(1, 12)}`,
      }));
    case 'resources':
      return rows(f, RESOURCE_LIMITS.maxRows, maxChance, (i) => ({
        id: `res-${i}`,
        item: s(RESOURCE_LIMITS.item),
        status: f.pick(['have', 'need'] as const),
        source: s(RESOURCE_LIMITS.source),
        howToObtain: s(RESOURCE_LIMITS.howToObtain),
      }));
    case 'prioritised_items':
      return rows(f, PRIORITISED_ITEM_LIMITS.maxRows, maxChance, (i) => ({
        id: `item-${i}`,
        title: s(PRIORITISED_ITEM_LIMITS.title),
        priority: f.pick(['P0', 'P1', 'P2'] as const),
        owner: userId(f),
        notes: s(PRIORITISED_ITEM_LIMITS.notes),
      }));
  }
}

/**
 * A random plan for `template`. With `maxChance` 1 every text is at its maximum length and every list at
 * its maximum row count; lower values mix in shorter answers and unanswered fields.
 */
export function randomPlan(template: Template, seed: number, maxChance: number): Plan {
  const f = new TextFactory(seededRandom(seed));
  const language: Locale = f.pick(['zh-CN', 'en'] as const);
  const sections: Record<string, Record<string, FieldValue>> = {};
  for (const section of template.sections) {
    const values: Record<string, FieldValue> = {};
    for (const field of section.fields) {
      if (maxChance < 1 && f.random() < 0.1) continue;
      values[field.id] = value(field, f, maxChance);
    }
    sections[section.id] = values;
  }
  return PlanSchema.parse({
    schemaVersion: 1,
    meta: {
      title: f.sized(150, maxChance).trim() || 'x',
      templateId: template.id,
      stage: f.pick(STAGES),
      audience: f.pick(AUDIENCES),
      period: { start: '2026-01-01', end: '2026-12-31' },
      owner: userId(f),
      editors: [...new Set(Array.from({ length: f.int(0, 50) }, () => userId(f)))],
      channel: `C${f.int(100000, 999999)}Y`,
      language,
      timezone: 'Asia/Shanghai',
    },
    sections,
  });
}
