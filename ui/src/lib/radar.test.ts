import { describe, expect, it } from 'vitest';
import { labelPlacement, polygonPoints, toSvg } from './radar';

const frame = { cx: 200, cy: 150, radius: 100 };

describe('toSvg', () => {
  it('puts the centre at the frame centre', () => {
    expect(toSvg({ x: 0, y: 0 }, frame)).toEqual({ x: 200, y: 150 });
  });

  it('flips y: the first pillar (up on the unit circle) is above the centre', () => {
    expect(toSvg({ x: 0, y: 1 }, frame)).toEqual({ x: 200, y: 50 });
  });

  it('scales x by the radius', () => {
    expect(toSvg({ x: 0.5, y: -0.5 }, frame)).toEqual({ x: 250, y: 200 });
  });
});

describe('polygonPoints', () => {
  it('writes an SVG points attribute, rounded to 0.01', () => {
    expect(polygonPoints([{ x: 0, y: 1 }, { x: 0.123456, y: 0 }], frame)).toBe('200,50 212.35,150');
  });

  it('is empty without points', () => {
    expect(polygonPoints([], frame)).toBe('');
  });
});

describe('labelPlacement', () => {
  it('centres the top label above the tip', () => {
    const label = labelPlacement({ x: 0, y: 1 }, frame, 10);
    expect(label).toMatchObject({ x: 200, y: 40, anchor: 'middle', baseline: 'auto' });
  });

  it('anchors right-hand labels at their start and left-hand ones at their end', () => {
    expect(labelPlacement({ x: 0.95, y: 0.31 }, frame, 10).anchor).toBe('start');
    expect(labelPlacement({ x: -0.95, y: 0.31 }, frame, 10).anchor).toBe('end');
  });

  it('hangs labels of the lower axes below their tip', () => {
    expect(labelPlacement({ x: 0.59, y: -0.81 }, frame, 10).baseline).toBe('hanging');
  });
});
