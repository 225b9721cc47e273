import { describe, expect, it } from 'vitest';
import {
  KPI_NO_DATA_REASON_TEXTS,
  KPI_STATUS_LABELS,
  KPI_TREND_LABELS,
} from '../../../src/domain/kpi/kpiTexts.js';
import { trend } from '../../../src/domain/kpi/trend.js';

describe('trend', () => {
  it('up is improving for increase and stay_above, worsening for decrease and stay_below', () => {
    expect(trend(10, 12, 'increase')).toBe('improving');
    expect(trend(10, 12, 'stay_above')).toBe('improving');
    expect(trend(10, 12, 'decrease')).toBe('worsening');
    expect(trend(10, 12, 'stay_below')).toBe('worsening');
    expect(trend(12, 10, 'increase')).toBe('worsening');
    expect(trend(12, 10, 'decrease')).toBe('improving');
  });

  it('is flat without a previous round, when unchanged, and for float noise', () => {
    expect(trend(undefined, 12, 'increase')).toBe('flat');
    expect(trend(12, 12, 'decrease')).toBe('flat');
    expect(trend(0.1 + 0.2, 0.3, 'increase')).toBe('flat');
    expect(trend(1e6, 1e6 + 1, 'increase')).toBe('improving');
  });
});

describe('KPI text catalogues', () => {
  it('label every status, trend and reason in Chinese and English', () => {
    for (const catalogue of [KPI_STATUS_LABELS, KPI_TREND_LABELS, KPI_NO_DATA_REASON_TEXTS]) {
      for (const text of Object.values(catalogue)) {
        expect(text.en.trim()).not.toBe('');
        expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(KPI_STATUS_LABELS.off_track).toEqual({ 'zh-CN': '已落后', en: 'Off track' });
  });
});
