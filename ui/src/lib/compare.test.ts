import { describe, expect, it } from 'vitest';
import { deltaText, progressText, trendPoints } from './compare';

describe('deltas and progress', () => {
  it('carry their sign, and a dash when a side is not assessed', () => {
    expect(deltaText(12.5)).toBe('+12.5');
    expect(deltaText(-3)).toBe('−3.0');
    expect(deltaText(0)).toBe('0.0');
    expect(deltaText(-0.01)).toBe('0.0');
    expect(deltaText(2, 0)).toBe('+2');
    expect(deltaText(null)).toBe('–');
  });

  it('read as the way travelled toward the target', () => {
    expect(progressText(0.5)).toBe('50 % of the way');
    expect(progressText(1)).toBe('target reached');
    expect(progressText(1.4)).toBe('beyond target');
    expect(progressText(-0.2)).toBe('moved away');
    expect(progressText(null)).toBe('–');
  });
});

describe('trend chart points', () => {
  it('spread the workshops evenly and put 100 at the top', () => {
    expect(trendPoints([0, 50, 100], 200, 100)).toEqual([
      { x: 0, y: 100, index: 0 },
      { x: 100, y: 50, index: 1 },
      { x: 200, y: 0, index: 2 },
    ]);
  });

  it('leave out a workshop that was not assessed rather than drawing it at zero', () => {
    expect(trendPoints([null, 40], 100, 100)).toEqual([{ x: 100, y: 60, index: 1 }]);
  });

  it('centre a single workshop', () => {
    expect(trendPoints([25], 100, 100)).toEqual([{ x: 50, y: 75, index: 0 }]);
  });
});
