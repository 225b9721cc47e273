import { describe, expect, it } from 'vitest';
import { nextRowId } from '../../src/domain/rowIds.js';

describe('nextRowId', () => {
  it('numbers rows after the highest id with the prefix', () => {
    expect(nextRowId('kpi', [])).toBe('kpi-1');
    expect(nextRowId('kpi', ['kpi-1', 'kpi-7', 'phase-9', 'custom'])).toBe('kpi-8');
  });

  it('does not reuse a removed row id when the previous version is passed too', () => {
    const previous = ['kpi-1', 'kpi-2', 'kpi-3'];
    const current = ['kpi-1', 'kpi-2'];
    expect(nextRowId('kpi', [...previous, ...current])).toBe('kpi-4');
  });
});
