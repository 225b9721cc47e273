import { describe, expect, it } from 'vitest';
import {
  decodeSectionMetadata,
  encodeSectionMetadata,
  type SectionMetadata,
} from '../../../../src/slack/ui/interview/sectionMetadata.js';
import { buildSectionModal } from '../../../../src/slack/ui/interview/sectionModal.js';
import { validateView } from '../../../support/slack/blockKitValidator.js';
import { blocksOf, PLAN_ID, planFor, rowsFor, templateById } from './support/interviewFixtures.js';

const standard = templateById('standard');

function texts(view: ReturnType<typeof buildSectionModal>): string {
  return JSON.stringify(view.blocks);
}

describe('section metadata', () => {
  it('decodes what it encodes, and refuses anything else with a clear error', () => {
    const meta: SectionMetadata = { p: PLAN_ID, s: 'results', v: 4, r: { kpis: ['kpi-1'] } };
    expect(decodeSectionMetadata(encodeSectionMetadata(meta))).toEqual({ ok: true, meta });
    expect(decodeSectionMetadata('nope')).toEqual({
      ok: false,
      error: 'section metadata is not JSON',
    });
    const forged = decodeSectionMetadata(JSON.stringify({ ...meta, team: 'T999' }));
    expect(forged.ok).toBe(false);
    expect(forged.ok ? '' : forged.error).toMatch(/malformed/);
    expect(decodeSectionMetadata(JSON.stringify({ ...meta, r: { kpis: ['<bad id>'] } })).ok).toBe(
      false,
    );
  });

  it('stays under 3000 characters with the longest row ids at every list maximum', () => {
    const longId = (n: number) => `${'r'.repeat(29)}${String(n).padStart(3, '0')}`;
    const meta: SectionMetadata = {
      p: PLAN_ID,
      s: 'resourcesBudget',
      v: 999999,
      r: {
        resources: Array.from({ length: 30 }, (_, i) => longId(i)),
        budget: Array.from({ length: 40 }, (_, i) => longId(i)),
      },
    };
    expect(encodeSectionMetadata(meta).length).toBeLessThanOrEqual(3000);
  });
});

describe('sharing the window between lists', () => {
  it('every list keeps at least its first row in view, however full the others are', () => {
    const p = planFor(standard, { stage: 'decline', language: 'en' });
    // Strategy at decline has two phase lists and one of items: grow the first as far as it goes.
    const rows = rowsFor(standard, p, 'strategy', 'max');
    const view = buildSectionModal({
      template: standard,
      plan: p,
      sectionId: 'strategy',
      locale: 'en',
      version: 1,
      planId: PLAN_ID,
      rows,
    });
    expect(validateView(view)).toEqual([]);
    const ids = blocksOf(view).map((b) => b.block_id ?? '');
    for (const [fieldId, rowIds] of Object.entries(rows)) {
      expect(rowIds.length, fieldId).toBeGreaterThan(0);
      expect(ids, fieldId).toContain(`row|${fieldId}|${rowIds[0]}`);
    }
    expect(texts(view)).not.toContain('saved but do not fit');
  });

  it('forged metadata listing a row twice still gives a view Slack accepts', () => {
    const p = planFor(standard);
    const view = buildSectionModal({
      template: standard,
      plan: p,
      sectionId: 'results',
      locale: 'en',
      version: 1,
      planId: PLAN_ID,
      rows: { kpis: ['kpi-1', 'kpi-1'] },
    });
    expect(validateView(view)).toEqual([]);
  });

  it('shows back values given as Slack’s own state.values shape too', () => {
    const p = planFor(standard);
    const view = buildSectionModal({
      template: standard,
      plan: p,
      sectionId: 'results',
      locale: 'en',
      version: 1,
      planId: PLAN_ID,
      values: {
        'f|nextMilestone': { value: { type: 'plain_text_input', value: 'Beta in March' } },
      },
    });
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"Beta in March"');
  });
});
