import { describe, expect, it } from 'vitest';
import { KPI_LIMITS } from '../../../../src/domain/fieldTypes.js';
import { ActionIds } from '../../../../src/slack/ui/ids.js';
import {
  addRow,
  removeRow,
  type SectionMetadata,
} from '../../../../src/slack/ui/interview/sectionMetadata.js';
import { buildSectionModal } from '../../../../src/slack/ui/interview/sectionModal.js';
import { parseSectionSubmission } from '../../../../src/slack/ui/interview/sectionSubmission.js';
import { validateView } from '../../../support/slack/blockKitValidator.js';
import {
  blocksOf,
  kpiRow,
  metadataOf,
  PLAN_ID,
  planFor,
  rowsFor,
  submittedState,
  templateById,
} from './support/interviewFixtures.js';

const standard = templateById('standard');

function texts(view: ReturnType<typeof buildSectionModal>): string {
  return JSON.stringify(view.blocks);
}

describe('list rows: Add / Remove inside the step', () => {
  const plan = planFor(standard, { language: 'en' });

  it('Add appends a blank row with a fresh id; Remove takes it out again', () => {
    const view = buildSectionModal({
      template: standard,
      plan,
      sectionId: 'results',
      locale: 'en',
      version: 2,
      planId: PLAN_ID,
    });
    const meta = metadataOf(view);
    const added = addRow(meta, 'kpis', plan, standard);
    expect(added.r.kpis).toEqual(['kpi-1', 'kpi-2']);
    const next = buildSectionModal({
      template: standard,
      plan,
      sectionId: 'results',
      locale: 'en',
      version: 2,
      planId: PLAN_ID,
      rows: added.r,
    });
    expect(validateView(next)).toEqual([]);
    expect(texts(next)).toContain('KPI 2');
    const removeButtons = blocksOf(next).flatMap((b) =>
      b.type === 'section' &&
      b.accessory?.type === 'button' &&
      b.accessory.action_id === ActionIds.rowRemove
        ? [JSON.parse(b.accessory.value ?? '{}')]
        : [],
    );
    expect(removeButtons).toEqual([
      { f: 'kpis', r: 'kpi-1' },
      { f: 'kpis', r: 'kpi-2' },
    ]);
    expect(removeRow(added, 'kpis', 'kpi-1').r.kpis).toEqual(['kpi-2']);
  });

  it('the last row cannot be removed (it can be cleared) and shows no Remove button', () => {
    const view = buildSectionModal({
      template: standard,
      plan,
      sectionId: 'results',
      locale: 'en',
      version: 2,
      planId: PLAN_ID,
    });
    const meta = metadataOf(view);
    expect(removeRow(meta, 'kpis', 'kpi-1')).toBe(meta);
    expect(texts(view)).not.toContain(ActionIds.rowRemove);
  });

  it('never reuses the id of a saved row that was removed in this step', () => {
    const saved = planFor(standard, {
      sections: {
        results: { kpis: [kpiRow('kpi-1', 1), kpiRow('kpi-2', 2)] },
      },
    });
    const meta: SectionMetadata = {
      p: PLAN_ID,
      s: 'results',
      v: 1,
      r: { kpis: ['kpi-1', 'kpi-2'] },
    };
    const afterRemove = removeRow(meta, 'kpis', 'kpi-2');
    expect(addRow(afterRemove, 'kpis', saved, standard).r.kpis).toEqual(['kpi-1', 'kpi-3']);
  });

  it.each([
    ['en', 'This step holds at most 10 KPIs; remove one to add another.'],
    ['zh-CN', '本步骤最多可填写 10 个 KPI；如需添加，请先删除一行。'],
  ] as const)(
    'stops at what fits in one window, with a clear message (%s)',
    (language, message) => {
      const p = planFor(standard, { language });
      const rows = rowsFor(standard, p, 'results', 'max');
      expect(rows.kpis).toHaveLength(10);
      const full = buildSectionModal({
        template: standard,
        plan: p,
        sectionId: 'results',
        locale: language,
        version: 1,
        planId: PLAN_ID,
        rows,
      });
      expect(validateView(full)).toEqual([]);
      expect(texts(full)).toContain(message);
      expect(texts(full)).not.toContain(ActionIds.rowAdd);
      const meta = metadataOf(full);
      expect(addRow(meta, 'kpis', p, standard)).toBe(meta);
    },
  );

  it('in a step with two lists, says a row elsewhere must go when the window is full', () => {
    const p = planFor(standard, { stage: 'growth', language: 'en' });
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
    expect(texts(view)).toContain('This step holds at most 12 phases');
    expect(texts(view)).toContain('remove a row here or in another list to make room');
  });

  it('keeps saved rows that do not fit in the window unchanged, and says so', () => {
    const kpis = Array.from({ length: KPI_LIMITS.maxRows }, (_, i) =>
      kpiRow(`kpi-${i + 1}`, i + 1),
    );
    const p = planFor(standard, { sections: { results: { kpis, nextMilestone: 'Beta' } } });
    const view = buildSectionModal({
      template: standard,
      plan: p,
      sectionId: 'results',
      locale: 'en',
      version: 1,
      planId: PLAN_ID,
    });
    expect(validateView(view)).toEqual([]);
    expect(texts(view)).toContain('10 more KPIs are saved but do not fit in this window');
    const parsed = parseSectionSubmission({
      template: standard,
      plan: p,
      sectionId: 'results',
      stateValues: submittedState(view, { 'f|kpis|kpi-1|name': 'Renamed' }),
      rows: metadataOf(view).r,
    });
    expect(parsed.ok && parsed.values.kpis).toEqual([
      { ...kpis[0], name: 'Renamed' },
      ...kpis.slice(1),
    ]);
  });

  it('a removed row is gone from the saved values', () => {
    const kpis = [kpiRow('kpi-1', 1), kpiRow('kpi-2', 2)];
    const p = planFor(standard, { sections: { results: { kpis } } });
    const meta = removeRow(
      { p: PLAN_ID, s: 'results', v: 1, r: { kpis: ['kpi-1', 'kpi-2'] } },
      'kpis',
      'kpi-1',
    );
    const view = buildSectionModal({
      template: standard,
      plan: p,
      sectionId: 'results',
      locale: 'en',
      version: 1,
      planId: PLAN_ID,
      rows: meta.r,
    });
    const parsed = parseSectionSubmission({
      template: standard,
      plan: p,
      sectionId: 'results',
      stateValues: submittedState(view, { 'f|nextMilestone': 'Beta' }),
      rows: meta.r,
    });
    expect(parsed.ok && parsed.values.kpis).toEqual([kpis[1]]);
  });
});
