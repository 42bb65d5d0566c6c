// The comparison screen's wording: how a delta and a progress read, where
// the trend's points go. The core computes every delta, progress and score,
// and which two workshops are compared by default.

/** "+12.5", "−3.0" (a real minus), "0.0"; a dash when either side is not assessed. */
export function deltaText(delta: number | null, digits = 1): string {
  if (delta === null) return '–';
  const text = Math.abs(delta).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${delta > 0 ? '+' : '−'}${text}`;
}

/** 0.5 → "50 % of the way", 1 → "target reached", above 1 → "beyond target", below 0 → "moved away". */
export function progressText(progress: number | null): string {
  if (progress === null) return '–';
  if (progress < 0) return 'moved away';
  if (progress > 1) return 'beyond target';
  if (progress === 1) return 'target reached';
  return `${Math.round(progress * 100)} % of the way`;
}

/**
 * Where each score (0–100) of a trend goes in a `width` × `height` chart,
 * spread evenly left to right; not assessed scores leave a gap (no point).
 */
export function trendPoints(
  scores: ReadonlyArray<number | null>,
  width: number,
  height: number,
): Array<{ x: number; y: number; index: number }> {
  const step = scores.length > 1 ? width / (scores.length - 1) : 0;
  return scores.flatMap((score, index) =>
    score === null ? [] : [{ x: scores.length > 1 ? index * step : width / 2, y: height - (score / 100) * height, index }],
  );
}
