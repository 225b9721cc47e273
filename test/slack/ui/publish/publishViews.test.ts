import { describe, expect, it } from 'vitest';
import type { Finding, ReviewResult } from '../../../../src/domain/review/index.js';
import { builtinTemplates } from '../../../../src/domain/templateLoader.js';
import type { PublishOutcome } from '../../../../src/services/publish/publishService.js';
import { splitPublishArgs } from '../../../../src/slack/commands/subcommands/publishSubcommand.js';
import { ActionIds, CallbackIds } from '../../../../src/slack/ui/ids.js';
import {
  publishOutcomeText,
  slackLink,
} from '../../../../src/slack/ui/publish/publishOutcomeText.js';
import { publishOutcomeView } from '../../../../src/slack/ui/publish/publishOutcomeView.js';
import {
  decodeConfirmMetadata,
  encodeConfirmMetadata,
  parseChannelArg,
} from '../../../../src/slack/ui/publish/publishValues.js';
import {
  buildBlockedMessage,
  buildBlockedModal,
  buildConfirmModal,
  LISTED_FINDINGS_MAX,
} from '../../../../src/slack/ui/publish/publishViews.js';
import { validateMessagePayload, validateView } from '../../../support/slack/blockKitValidator.js';

const template = builtinTemplates().get('standard');
if (!template) throw new Error('standard template missing');
const LOCALES = ['en', 'zh-CN'] as const;
const INJECTION = '<!channel> & <https://evil.example|click>';

function review(count: number, severity: Finding['severity']): ReviewResult {
  const findings: Finding[] = Array.from({ length: count }, (_, i) => ({
    ruleId: 'r',
    severity,
    sectionId: i % 2 === 0 ? 'results' : 'nowhere',
    fieldId: 'kpis',
    message: { en: `${INJECTION} ${'x'.repeat(900)}`, 'zh-CN': `问题 ${INJECTION}` },
  }));
  return {
    findings,
    summary: { error: 0, warning: 0, tip: 0, [severity]: count },
    passed: severity !== 'error',
  };
}

describe('publish views', () => {
  it('list errors with an Open section button each, within Slack limits, in both languages', () => {
    for (const locale of LOCALES) {
      const input = {
        planId: 'C4K9QZ0B',
        template,
        review: review(45, 'error'),
        locale,
        intro: 'x',
      };
      const modal = buildBlockedModal(input);
      expect(validateView(modal)).toEqual([]);
      const message = buildBlockedMessage(input);
      expect(validateMessagePayload(message)).toEqual([]);
      const buttons = JSON.stringify(modal.blocks).split(ActionIds.openSection).length - 1;
      // Only findings whose section exists get a button; the rest beyond the cap are counted.
      expect(buttons).toBe(LISTED_FINDINGS_MAX / 2);
      expect(JSON.stringify(modal.blocks)).toContain(locale === 'en' ? '25 more' : '还有 25 条');
      expect(JSON.stringify(modal.blocks)).not.toContain('<!channel>');
    }
  });

  it('asks to confirm warnings with Publish anyway / Cancel, carrying plan, version and channel', () => {
    for (const locale of LOCALES) {
      const modal = buildConfirmModal({
        planId: 'C4K9QZ0B',
        template,
        review: review(3, 'warning'),
        locale,
        intro: 'x',
        version: 7,
        channel: 'C0PLANS0001',
      });
      expect(validateView(modal)).toEqual([]);
      expect(modal.callback_id).toBe(CallbackIds.publishConfirm);
      expect(modal.submit?.text).toBe(locale === 'en' ? 'Publish anyway' : '仍然发布');
      expect(decodeConfirmMetadata(modal.private_metadata)).toEqual({
        p: 'C4K9QZ0B',
        v: 7,
        c: 'C0PLANS0001',
      });
    }
  });

  it('refuses forged metadata and reads channels the way Slack escapes them', () => {
    expect(decodeConfirmMetadata('{"p":"X","v":0,"c":"C0PLANS0001"}')).toBeUndefined();
    expect(decodeConfirmMetadata('{"p":"X","v":1,"c":"<!channel>"}')).toBeUndefined();
    expect(decodeConfirmMetadata('not json')).toBeUndefined();
    expect(encodeConfirmMetadata({ p: 'A', v: 1, c: 'C0PLANS0001' })).toContain('C0PLANS0001');
    expect(parseChannelArg('<#C0PLANS0001|plans>')).toBe('C0PLANS0001');
    expect(parseChannelArg('<#G0SECRET01>')).toBe('G0SECRET01');
    expect(parseChannelArg('C0PLANS0001')).toBe('C0PLANS0001');
    expect(parseChannelArg('GOALS')).toBeUndefined();
    expect(parseChannelArg('#plans')).toBeUndefined();
    expect(splitPublishArgs(['Q2', 'plan', '<#C0PLANS0001|plans>'])).toEqual({
      ref: 'Q2 plan',
      channel: 'C0PLANS0001',
    });
    expect(splitPublishArgs(['C4K9QZ0B'])).toEqual({ ref: 'C4K9QZ0B' });
    expect(splitPublishArgs(['Q2', 'GOALS'])).toEqual({ ref: 'Q2 GOALS' });
    expect(splitPublishArgs(['Q2', '#plans'])).toEqual({ ref: 'Q2', badChannel: '#plans' });
  });

  it('tells every outcome in both languages, escaping titles and linking only to Slack', () => {
    const post = {
      channel: 'C0PLANS0001',
      summaryTs: '1.1',
      threadTs: '1.1',
      sectionTs: [],
      permalink: 'https://team.slack.com/archives/C0PLANS0001/p11',
    };
    const outcomes: PublishOutcome[] = [
      { kind: 'published', title: INJECTION, version: 2, post },
      { kind: 'already_published', title: INJECTION, version: 1, post },
      { kind: 'in_progress', title: INJECTION },
      { kind: 'not_in_channel', channel: 'G0SECRET01' },
      { kind: 'archived', channel: 'C0PLANS0001' },
      {
        kind: 'failed',
        title: INJECTION,
        channel: 'C0PLANS0001',
        reason: 'unknown_outcome',
        leftovers: 0,
        unknownMessage: true,
      },
      {
        kind: 'failed',
        title: INJECTION,
        channel: 'C0PLANS0001',
        reason: 'refused',
        detail: '<!here>',
        leftovers: 2,
        unknownMessage: false,
      },
      { kind: 'changed' },
      { kind: 'forbidden' },
    ];
    for (const locale of LOCALES) {
      const texts = outcomes.map((o) => publishOutcomeText(o, locale));
      for (const text of texts) {
        expect(text).not.toMatch(/<!(channel|here)>/);
        expect(text).not.toContain('<https://evil');
      }
      expect(texts[0]).toContain('<https://team.slack.com/archives/C0PLANS0001/p11|');
      expect(texts[3]).toContain('/invite @OpsPlan');
      expect(texts[5]).toContain('<#C0PLANS0001>');
    }
    expect(publishOutcomeText(outcomes[5] as PublishOutcome, 'en')).toContain('delete it');
    expect(slackLink('https://evil.example/x', 'x')).toBe('');
    expect(slackLink('javascript:alert(1)', 'x')).toBe('');
  });

  it('an outcome that comes back with findings keeps their buttons; others are a plain status', () => {
    const record = { id: 'C4K9QZ0B', title: 'Plan', version: 3 } as never;
    const blocked = publishOutcomeView(
      { kind: 'blocked', record, template, review: review(2, 'error') },
      'en',
    );
    expect(validateView(blocked)).toEqual([]);
    expect(JSON.stringify(blocked.blocks)).toContain(ActionIds.openSection);
    const confirm = publishOutcomeView(
      {
        kind: 'needs_confirmation',
        record,
        template,
        review: review(1, 'warning'),
        channel: 'C0PLANS0001',
      },
      'zh-CN',
    );
    expect(confirm.callback_id).toBe(CallbackIds.publishConfirm);
    expect(decodeConfirmMetadata(confirm.private_metadata)?.v).toBe(3);
    const changedView = publishOutcomeView({ kind: 'changed' }, 'en');
    expect(changedView.callback_id).toBe(CallbackIds.publishStatus);
    expect(validateView(changedView)).toEqual([]);
  });
});
