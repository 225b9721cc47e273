import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/domain/diff/index.js';
import type { Locale } from '../../src/domain/locale.js';
import { type Plan, PlanSchema } from '../../src/domain/plan.js';
import type { Template } from '../../src/domain/template.js';
import { type PlanChangesMessage, renderPlanChangesBlocks } from '../../src/render/planChanges.js';
import { validateMessagePayload } from '../support/slack/blockKitValidator.js';
import { allTypesTemplate, widestTemplate } from './support/fixtureTemplates.js';
import { INJECTIONS, randomPlan } from './support/randomPlan.js';
import { foreignControls, mentionableIds, textObjects } from './support/renderedText.js';
import { samplePlan } from './support/samplePlan.js';

const template = allTypesTemplate();
const PERMALINK = 'https://acme.slack.com/archives/C0123OPS/p1767225600000100';

function edited(plan: Plan, edit: (draft: Plan) => void): Plan {
  const copy = structuredClone(plan);
  edit(copy);
  return PlanSchema.parse(copy);
}

function answers(plan: Plan, section: string): Record<string, unknown> {
  return plan.sections[section] as Record<string, unknown>;
}

function rows(plan: Plan, section: string, field: string): Record<string, unknown>[] {
  return answers(plan, section)[field] as Record<string, unknown>[];
}

function render(
  before: Plan,
  after: Plan,
  options: { locale?: Locale; permalink?: string; template?: Template } = {},
) {
  const used = options.template ?? template;
  return renderPlanChangesBlocks(diffPlans(before, after, used), {
    locale: options.locale ?? after.meta.language,
    template: used,
    previousVersion: { number: 1, ...(options.permalink ? { permalink: options.permalink } : {}) },
    version: 2,
    planTitle: after.meta.title,
  }).messages;
}

function allText(messages: readonly PlanChangesMessage[]): string {
  return messages.flatMap((m) => textObjects(m.blocks).map((t) => t.text)).join('\n');
}

function expectValid(messages: readonly PlanChangesMessage[]): void {
  for (const [index, message] of messages.entries()) {
    expect(validateMessagePayload(message), `message ${index + 1}`).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  }
}

describe('renderPlanChangesBlocks', () => {
  const base = samplePlan('en');
  const revised = edited(base, (p) => {
    p.meta.stage = 'maturity';
    Object.assign(answers(p, 'goals'), { vision: 'Be the first choice in East China & beyond.' });
    const kpi = rows(p, 'goals', 'kpis')[0] ?? {};
    Object.assign(kpi, { target: 2500, deadline: '2026-11-30', owner: 'U0456EFGH' });
    rows(p, 'goals', 'kpis').splice(1, 1);
    Object.assign(rows(p, 'strategy', 'phases')[0] ?? {}, { name: 'Pilot' });
    rows(p, 'strategy', 'modules').push({ id: 'item-2', title: 'Coupons', priority: 'P1' });
    Object.assign(rows(p, 'budget', 'lines')[0] ?? {}, { amount: 350000 });
  });

  it('lists what changed, grouped, old → new in the plan’s formatting, linking to v1', () => {
    const messages = render(base, revised, { permalink: PERMALINK });
    expect(messages).toHaveLength(1);
    expectValid(messages);
    const [header, compared] = messages[0]?.blocks ?? [];
    expect(header).toMatchObject({
      type: 'header',
      text: { text: 'v2 — what changed · 2026 年度运营计划' },
    });
    expect(textObjects(compared ? [compared] : [])[0]?.text).toBe(
      `Compared with <${PERMALINK}|v1>`,
    );
    const text = allText(messages);
    const order = ['*Goals*', '*KPIs*', '*Phases*', '*Strategy*', '*Budget*', '*Other*'];
    expect(order.map((heading) => text.indexOf(heading))).toEqual(
      [...order.map((heading) => text.indexOf(heading))].sort((a, b) => a - b),
    );
    expect(text).not.toContain('-1');
    expect(text).toContain(
      '成为华东地区中小商家首选的收银系统。 → Be the first choice in East China &amp; beyond.',
    );
    expect(text).toContain('• *Changed*: 付费商家数');
    expect(text).toContain('Target: 2,000 家 → 2,500 家');
    expect(text).toContain('Deadline: Dec 31, 2026 → Nov 30, 2026');
    expect(text).toContain('Owner: <@U0123ABCD> → <@U0456EFGH>');
    expect(text).toContain('• *Removed*: 月流失率');
    expect(text).toContain('Name: 试运营 → Pilot');
    expect(text).toContain('• *Added*: *P1* Coupons');
    expect(text).toContain('Amount: CN¥300,000.00 → CN¥350,000.00');
    expect(text).toContain(
      '*Total of the budget lines*\nCN¥500,000.50, $5,000.00 → CN¥550,000.50, $5,000.00',
    );
    expect(text).toContain('*Stage*\nGrowth → Maturity');
  });

  it('speaks the plan’s language: Chinese headings, labels and formats', () => {
    const messages = render(
      samplePlan('zh-CN'),
      edited(revised, (p) => {
        p.meta.language = 'zh-CN';
      }),
      { locale: 'zh-CN' },
    );
    expectValid(messages);
    expect(messages[0]?.blocks[0]).toMatchObject({
      text: { text: 'v2 — 本次修改 · 2026 年度运营计划' },
    });
    const text = allText(messages);
    expect(text).toContain('与 v1 相比');
    for (const word of ['*目标*', '*KPI*', '*阶段*', '*策略*', '*预算*', '*其他*'])
      expect(text).toContain(word);
    expect(text).toContain('截止日期：2026-12-31 → 2026-11-30');
    expect(text).toContain('• *删除*：月流失率');
  });

  it('says so when nothing changed', () => {
    const messages = render(base, structuredClone(base));
    expectValid(messages);
    expect(messages).toHaveLength(1);
    expect(allText(messages)).toContain('Nothing in the content changed since v1.');
  });

  it('links only to Slack over https; anything else is plain "v1"', () => {
    for (const permalink of [
      'javascript:alert(1)',
      'https://evil.example/archives/C1/p1',
      'http://acme.slack.com/archives/C1/p1',
      'https://acme.slack.com/a|forged',
      `https://acme.slack.com/${'a'.repeat(3000)}`,
    ]) {
      const compared = render(base, revised, { permalink })[0]?.blocks[1];
      expect(textObjects(compared ? [compared] : [])[0]?.text).toBe('Compared with v1');
    }
    const withQuery = `${PERMALINK}?thread_ts=1.2&cid=C0123OPS`;
    const compared = render(base, revised, { permalink: withQuery })[0]?.blocks[1];
    expect(textObjects(compared ? [compared] : [])[0]?.text).toContain('&amp;cid=');
  });

  describe('a maximal diff (every text at its maximum, every list at max rows, all changed)', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      it(`splits into valid messages in order, nothing over Slack’s limits (${locale})`, () => {
        const before = randomPlan(template, 11, 1);
        const after = randomPlan(template, 12, 1);
        const messages = render(before, after, { locale });
        expectValid(messages);
        expect(messages.length).toBeGreaterThan(1);
        // Every changed row is there, once: markers are our own markup and are never split.
        const changed = diffPlans(before, after, template).fields.flatMap((f) =>
          f.kind === 'list' ? f.rows.filter((r) => r.change === 'changed') : [],
        );
        expect(changed.length).toBe(20 + 12 + 30 + 30 + 30 + 40);
        const marker = locale === 'en' ? '• *Changed*:' : '• *修改*：';
        expect(allText(messages).split(marker).length - 1).toBe(changed.length);
        messages.slice(1).forEach((message, index) => {
          expect(textObjects(message.blocks)[0]?.text).toContain(`${index + 2}/${messages.length}`);
        });
      });
    }

    it('also when every row is replaced by a new one, and on the widest template', () => {
      const before = randomPlan(template, 21, 1);
      const after = randomPlan(template, 22, 1);
      for (const section of template.sections) {
        for (const value of Object.values(after.sections[section.id] ?? {})) {
          if (!Array.isArray(value)) continue;
          for (const row of value) {
            if (typeof row === 'object')
              Object.assign(row, { id: `new-${(row as { id: string }).id}` });
          }
        }
      }
      expectValid(render(before, after));
      const wide = widestTemplate();
      expectValid(render(randomPlan(wide, 1, 1), randomPlan(wide, 2, 1), { template: wide }));
    });
  });

  it('keeps mention and link injections in old and new values inert', () => {
    const attack = INJECTIONS.join(' ');
    const before = edited(base, (p) => {
      Object.assign(answers(p, 'product'), { summary: `old ${attack}` });
      Object.assign(rows(p, 'goals', 'kpis')[0] ?? {}, { name: `<!channel> KPI`, unit: '<!here>' });
    });
    const after = edited(base, (p) => {
      p.meta.title = '<!everyone> <!channel> <https://evil.example|x> & co';
      Object.assign(answers(p, 'product'), { summary: `new ${attack}` });
      Object.assign(rows(p, 'goals', 'kpis')[0] ?? {}, {
        name: `<@U0EVIL> KPI`,
        unit: '<!subteam^S1>',
        target: 1,
      });
      rows(p, 'budget', 'lines').push({
        id: 'line-9',
        item: '<!here> <@U0EVIL>',
        amount: 1,
        currency: 'CNY',
      });
      rows(p, 'strategy', 'modules').splice(0, 1);
    });
    const messages = render(before, after);
    expectValid(messages);
    const allowed = new Set([
      ...mentionableIds(before, template),
      ...mentionableIds(after, template),
    ]);
    for (const message of messages) {
      expect(message.text).not.toMatch(/<[!@#]/);
      for (const object of textObjects(message.blocks)) {
        if (object.type === 'mrkdwn') {
          expect(object.verbatim).toBe(true);
          expect(foreignControls(object.text, allowed)).toEqual([]);
        }
      }
    }
    const text = allText(messages);
    expect(text).toContain('&lt;!channel&gt; KPI');
    expect(text).toContain('&lt;!subteam^S1&gt;');
  });
});
