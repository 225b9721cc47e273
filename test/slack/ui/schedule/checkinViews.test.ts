import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../../../src/domain/fieldTypes.js';
import { LOCALES } from '../../../../src/domain/locale.js';
import { assessKpi } from '../../../../src/services/checkins/kpiAssessment.js';
import { ActionIds, CallbackIds, INPUT_ACTION_ID } from '../../../../src/slack/ui/ids.js';
import {
  checkinDmMessage,
  checkinNudgeMessage,
} from '../../../../src/slack/ui/schedule/checkinDm.js';
import { decodeRoundRef } from '../../../../src/slack/ui/schedule/checkinValues.js';
import { digestMessage } from '../../../../src/slack/ui/schedule/digestMessage.js';
import { kpiBlockId, reportModal } from '../../../../src/slack/ui/schedule/reportModal.js';
import { parseReportSubmission } from '../../../../src/slack/ui/schedule/reportSubmission.js';
import { validateMessagePayload, validateView } from '../../../support/slack/blockKitValidator.js';

const INJECTION = '<!channel> <@U0HACKER01> <https://evil.example|click> & >quote';
const ref = { planId: 'AB12CD34', roundId: '2027-W14~kpi-00' };
const clock = {
  planStart: '2027-01-01',
  planEnd: '2027-12-31',
  at: new Date('2027-04-05T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
};

/** 20 KPIs (the plan maximum) with the longest names allowed, each carrying an injection attempt. */
function twentyKpis(): Kpi[] {
  return Array.from({ length: 20 }, (_, i) => ({
    id: `kpi-${String(i).padStart(2, '0')}`,
    name: `${INJECTION} ${'x'.repeat(150)}`.slice(0, 150),
    baseline: 10 * i,
    target: 10 * i + 100,
    unit: '<b>units</b>',
    direction: (['increase', 'decrease', 'stay_above', 'stay_below'] as const)[i % 4] ?? 'increase',
    deadline: '2027-12-31',
    owner: `U0OWNER${String(i).padStart(4, '0')}`,
  }));
}

function rendered(payload: unknown): string {
  return JSON.stringify(payload);
}

/** Every mrkdwn text (and the notification text) in a payload; plain text is never parsed by Slack. */
function mrkdwnTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) mrkdwnTexts(item, out);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'mrkdwn' && typeof record.text === 'string') out.push(record.text);
    for (const value of Object.values(record)) mrkdwnTexts(value, out);
  }
  return out;
}

function expectInert(payload: { text?: string } | unknown): void {
  const texts = mrkdwnTexts(payload);
  const fallback = (payload as { text?: unknown }).text;
  if (typeof fallback === 'string') texts.push(fallback);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil.example');
    expect(text).not.toContain('<@U0HACKER01>');
  }
}

describe.each(LOCALES)('check-in views (%s)', (locale) => {
  it('the DM and the nudge are valid messages with the Report button naming the round', () => {
    const kpis = twentyKpis();
    for (const message of [
      checkinDmMessage({
        ref,
        title: INJECTION,
        kpiNames: kpis.map((k) => k.name),
        closesAt: INJECTION,
        locale,
      }),
      checkinNudgeMessage({ ref, title: INJECTION, closesAt: INJECTION, locale }),
    ]) {
      expect(validateMessagePayload(message)).toEqual([]);
      expectInert(message);
      const button = rendered(message.blocks);
      expect(button).toContain(ActionIds.checkinReport);
      const actions = message.blocks.find((b) => b.type === 'actions');
      const value =
        actions && 'elements' in actions
          ? (actions.elements[0] as { value?: string }).value
          : undefined;
      expect(decodeRoundRef(value)).toEqual(ref);
    }
  });

  it('the Report modal has one typed number input per KPI with target, deadline and last value', () => {
    const kpis = twentyKpis();
    const view = reportModal({
      ref,
      title: INJECTION,
      kpis: kpis.map((kpi, i) => ({
        kpi,
        ...(i % 2 ? { lastValue: i * 1.5 } : {}),
        ...(i === 3 ? { current: 7 } : {}),
      })),
      comment: 'earlier comment',
      confidence: 'medium',
      locale,
    });
    expect(validateView(view)).toEqual([]);
    expect(view.callback_id).toBe(CallbackIds.checkinReport);
    expect(decodeRoundRef(view.private_metadata)).toEqual(ref);
    const inputs = view.blocks.filter((b) => rendered(b).includes('"type":"number_input"'));
    expect(inputs).toHaveLength(20);
    const fourth = view.blocks.find((b) => b.block_id === kpiBlockId('kpi-03'));
    expect(fourth).toMatchObject({
      element: { type: 'number_input', is_decimal_allowed: true, initial_value: '7' },
    });
    const hint = rendered(fourth);
    expect(hint).toContain('4.5'); // last value of KPI 3
    expect(hint).toMatch(/130/); // its target
    expectInert(view.blocks[0]);
  });

  it("names a round asked for with `checkin now` by when it was asked, in the reader's language", () => {
    const base = {
      title: 'Plan',
      periodKey: 'now-2027-03-01T08:15',
      askedAt: '2027年3月1日 16:15',
      rows: [],
      askedOwners: ['U0AAAAAAA1', 'U0AAAAAAA2'],
      missingOwners: ['U0AAAAAAA2'],
      notes: [],
    };
    const zh = JSON.stringify(digestMessage({ ...base, locale: 'zh-CN' }).blocks);
    expect(zh).toContain('2027年3月1日 16:15 临时发起的一轮 · 2 位负责人中 1 位已填报');
    const en = JSON.stringify(
      digestMessage({ ...base, askedAt: 'Mar 1, 2027, 4:15 PM', locale: 'en' }).blocks,
    );
    expect(en).toContain('Round asked for on Mar 1, 2027, 4:15 PM · 1 of 2 owners reported');
    expect(zh + en).not.toContain('now-2027');
  });

  it('the digest stays one valid message with 20 KPIs, 20 long comments and injection everywhere', () => {
    const kpis = twentyKpis();
    const rows = kpis.map((kpi, i) => ({
      row: assessKpi(kpi, i % 5 === 0 ? undefined : kpi.target, i % 3 === 0 ? undefined : 1, clock),
      ...(kpi.owner ? { ownerId: kpi.owner } : {}),
    }));
    const owners = kpis.map((k) => k.owner ?? '');
    const message = digestMessage({
      title: INJECTION,
      periodKey: '2027-W14',
      rows,
      askedOwners: owners,
      missingOwners: owners.slice(0, 4),
      notes: owners.map((userId) => ({
        userId,
        comment: `${INJECTION} ${'c'.repeat(480)}`,
        confidence: 'low' as const,
      })),
      updatedAt: INJECTION,
      locale,
    });
    expect(validateMessagePayload(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expectInert(message);
    const text = rendered(message.blocks);
    for (const owner of owners.slice(0, 4)) expect(text).toContain(`<@${owner}>`);
    expect(text).toContain('&lt;!channel&gt;');
  });
});

describe('reading the Report modal', () => {
  const state = (values: Record<string, string | null>) =>
    Object.fromEntries(
      Object.entries(values).map(([blockId, value]) => [
        blockId,
        { [INPUT_ACTION_ID]: { type: 'number_input', value } },
      ]),
    );

  it('takes one finite number per asked KPI, the comment and the confidence', () => {
    const parsed = parseReportSubmission(
      {
        ...state({
          [kpiBlockId('a')]: '12.5',
          [kpiBlockId('b')]: '-3',
          [kpiBlockId('forged')]: '999',
        }),
        checkin_comment: { [INPUT_ACTION_ID]: { type: 'plain_text_input', value: '  steady  ' } },
        checkin_confidence: {
          [INPUT_ACTION_ID]: { type: 'static_select', selected_option: { value: 'low' } },
        },
      },
      ['a', 'b'],
      'en',
    );
    expect(parsed).toEqual({
      ok: true,
      values: { a: 12.5, b: -3 },
      comment: 'steady',
      confidence: 'low',
    });
  });

  it.each(LOCALES)(
    'puts an inline error under each missing or impossible number (%s)',
    (locale) => {
      const parsed = parseReportSubmission(
        state({ [kpiBlockId('a')]: null, [kpiBlockId('b')]: '1e400', [kpiBlockId('c')]: '7' }),
        ['a', 'b', 'c'],
        locale,
      );
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(Object.keys(parsed.errors).sort()).toEqual([kpiBlockId('a'), kpiBlockId('b')]);
      expect(parsed.errors[kpiBlockId('a')]).toMatch(locale === 'en' ? /number/ : /数字/);
    },
  );
});
