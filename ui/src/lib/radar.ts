// The radar geometry comes from the core on the unit circle (y up); the UI
// only scales it into SVG coordinates (y down) and places the labels.
import type { Point } from './bindings';

export interface Frame {
  cx: number;
  cy: number;
  radius: number;
}

export function toSvg(point: Point, frame: Frame): Point {
  return { x: frame.cx + point.x * frame.radius, y: frame.cy - point.y * frame.radius };
}

/** The `points` attribute of an SVG polygon. */
export function polygonPoints(points: Point[], frame: Frame): string {
  return points
    .map((p) => toSvg(p, frame))
    .map((p) => `${round(p.x)},${round(p.y)}`)
    .join(' ');
}

/** Where an axis label goes: just beyond the axis tip, anchored away from the centre. */
export function labelPlacement(
  end: Point,
  frame: Frame,
  gap: number,
): { x: number; y: number; anchor: 'start' | 'middle' | 'end'; baseline: 'auto' | 'middle' | 'hanging' } {
  const length = Math.hypot(end.x, end.y) || 1;
  const reach = (frame.radius + gap) / frame.radius / length;
  const at = toSvg({ x: end.x * reach, y: end.y * reach }, frame);
  const anchor = end.x > 0.3 ? 'start' : end.x < -0.3 ? 'end' : 'middle';
  const baseline = end.y > 0.3 ? 'auto' : end.y < -0.3 ? 'hanging' : 'middle';
  return { x: round(at.x), y: round(at.y), anchor, baseline };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
