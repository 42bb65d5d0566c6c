// The organisation heatmap's wording: what a cell says, its tooltip, the
// roll-up's spread. The core computes every score, band, gap and mean;
// these functions only format them. Null is "not assessed", never 0.
import type { HeatCell, PillarRollup } from './bindings';
import { formatPercent, NOT_ASSESSED } from './format';

/** What a cell shows: "62" (a rounded score) or a blank dash when not assessed. */
export function cellText(score: number | null): string {
  return score === null ? '–' : score.toFixed(0);
}

/** The CSS class colouring a cell by its band; "unassessed" when blank. */
export function bandClass(cell: HeatCell): string {
  return cell.level_band === null ? 'unassessed' : `band-${cell.level_band}`;
}

/** The tooltip of a cell: score, target and gap, each only when known. */
export function cellTitle(component: string, pillar: string, cell: HeatCell, target: number | null): string {
  const head = `${component} · ${pillar}`;
  if (cell.score === null) return `${head}: ${NOT_ASSESSED}`;
  const parts = [`${head}: ${formatPercent(cell.score)}`];
  if (target !== null) parts.push(`target ${formatPercent(target)}`);
  if (cell.gap_to_target !== null) parts.push(gapText(cell.gap_to_target));
  return parts.join(' · ');
}

/** "12.5 points below target" or "target reached". */
export function gapText(gap: number): string {
  return gap > 0 ? `${gap.toFixed(1)} points below target` : 'target reached';
}

/** A roll-up's spread, "25–75", or the mean alone when every component agrees; blank when none assessed. */
export function spreadText(pillar: PillarRollup): string {
  if (pillar.min === null || pillar.max === null) return '';
  const [low, high] = [pillar.min.toFixed(0), pillar.max.toFixed(0)];
  return low === high ? `all ${low}` : `${low}–${high}`;
}
