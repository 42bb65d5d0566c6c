import { describe, expect, it } from 'vitest';
import {
  FREQUENCY_BANDS,
  TIME_BANDS,
  classificationText,
  parsePercent,
  percentField,
  quickCheckText,
} from './dora';

describe('DORA choices', () => {
  it('offer the six survey bands of each kind, worst first', () => {
    expect(TIME_BANDS.map((b) => b.value)).toEqual([
      'more_than_six_months',
      'one_to_six_months',
      'one_week_to_one_month',
      'one_day_to_one_week',
      'less_than_one_day',
      'less_than_one_hour',
    ]);
    expect(FREQUENCY_BANDS[0]?.value).toBe('fewer_than_once_per_six_months');
    expect(FREQUENCY_BANDS.at(-1)?.value).toBe('on_demand');
  });
});

describe('DORA results', () => {
  it('always name the year whose cluster table classified the metrics', () => {
    expect(classificationText({ year: '2021', per_metric: [], overall: 'high' })).toBe('High (2021 clusters)');
    expect(classificationText({ year: '2024', per_metric: [], overall: null })).toBe(
      'not classified (no metric with a 2024 table yet)',
    );
  });

  it('write Quick Check scores out of 10, and a dash when nothing of the group is given', () => {
    expect(quickCheckText(6.666)).toBe('6.7 / 10');
    expect(quickCheckText(0)).toBe('0.0 / 10');
    expect(quickCheckText(null)).toBe('–');
  });
});

describe('typed percentages', () => {
  it('read blank as not measured, and accept a comma or a trailing %', () => {
    expect(parsePercent('')).toEqual({ value: null });
    expect(parsePercent('  ')).toEqual({ value: null });
    expect(parsePercent('15')).toEqual({ value: 15 });
    expect(parsePercent('12,5')).toEqual({ value: 12.5 });
    expect(parsePercent('12.5 %')).toEqual({ value: 12.5 });
    expect(parsePercent('0')).toEqual({ value: 0 });
    expect(parsePercent('100')).toEqual({ value: 100 });
  });

  it('refuse what is not a percentage from 0 to 100', () => {
    for (const bad of ['101', '-5', 'ten', '1e2', '5..0']) {
      expect(parsePercent(bad)).toHaveProperty('error');
    }
  });

  it('start from the stored value', () => {
    expect(percentField(null)).toBe('');
    expect(percentField(12.5)).toBe('12.5');
  });
});
