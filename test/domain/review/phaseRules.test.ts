import { describe, expect, it } from 'vitest';
import { nextMilestone } from '../../../src/domain/review/rules/nextMilestone.js';
import { phaseDated } from '../../../src/domain/review/rules/phaseDated.js';
import { phaseSuccessCriteria } from '../../../src/domain/review/rules/phaseSuccessCriteria.js';
import { changed, findingsOf, goodPlan, section } from './fixtures.js';

const phase = {
  id: 'p1',
  name: '试运营',
  start: '2026-02-01',
  end: '2026-04-30',
  successCriteria: '订单 ≥ 1000',
};

function withPhases(...phases: Record<string, unknown>[]) {
  return changed(goodPlan(), (p) => {
    section(p, 'strategy').phases = phases;
    section(p, 'budget').lines = [];
  });
}

describe('phase-dated', () => {
  it('does not fire on dated phases inside the period (including one-day phases)', () => {
    expect(findingsOf(phaseDated, goodPlan())).toEqual([]);
    expect(
      findingsOf(phaseDated, withPhases({ ...phase, start: '2026-12-31', end: '2026-12-31' })),
    ).toEqual([]);
  });

  it.each([
    ['no end', { end: undefined }, 'error', 'has no start or no end date'],
    ['no start', { start: undefined }, 'error', 'has no start or no end date'],
    [
      'an end before its start',
      { start: '2026-05-01', end: '2026-04-01' },
      'error',
      'ends 2026-04-01, before it starts 2026-05-01',
    ],
    ['dates outside the period', { end: '2027-02-01' }, 'warning', 'runs outside the plan period'],
  ])('fires on a phase with %s', (_, change, severity, text) => {
    const findings = findingsOf(phaseDated, withPhases({ ...phase, ...change }));
    expect(findings).toEqual([
      expect.objectContaining({ severity, sectionId: 'strategy', fieldId: 'phases', rowId: 'p1' }),
    ]);
    expect(findings[0]?.message.en).toContain(text);
  });
});

describe('phase-success-criteria', () => {
  it('does not fire when every phase has success criteria', () => {
    expect(findingsOf(phaseSuccessCriteria, goodPlan())).toEqual([]);
  });

  it('fires on a phase without success criteria', () => {
    const plan = withPhases(phase, { ...phase, id: 'p2', name: '推广', successCriteria: ' ' });
    expect(findingsOf(phaseSuccessCriteria, plan)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rowId: 'p2',
        message: expect.objectContaining({ 'zh-CN': expect.stringContaining('「推广」') }),
      }),
    ]);
  });
});

describe('next-milestone', () => {
  const noMilestoneText = (plan: ReturnType<typeof goodPlan>) =>
    changed(plan, (p) => {
      delete section(p, 'results').nextMilestone;
    });

  it('does not fire when the next milestone is written down', () => {
    expect(findingsOf(nextMilestone, goodPlan())).toEqual([]);
  });

  it('does not fire without the text while a phase is still running', () => {
    expect(
      findingsOf(nextMilestone, noMilestoneText(withPhases(phase)), undefined, '2026-04-30'),
    ).toEqual([]);
  });

  it('fires when every phase has ended and nothing says what comes next', () => {
    const findings = findingsOf(
      nextMilestone,
      noMilestoneText(withPhases(phase)),
      undefined,
      '2026-05-01',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        sectionId: 'results',
        fieldId: 'nextMilestone',
      }),
    ]);
    expect(findings[0]?.message.en).toContain('Every phase ended before 2026-05-01');
  });

  it('fires when there are no dated phases and no milestone text', () => {
    const findings = findingsOf(
      nextMilestone,
      noMilestoneText(withPhases({ id: 'p1', name: 'x' })),
    );
    expect(findings[0]?.message.en).toBe(
      'The next milestone cannot be identified: give its date and the results it must achieve.',
    );
  });
});
