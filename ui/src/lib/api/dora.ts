// DORA outcome metrics of a workshop: stored the moment they are entered,
// through the single write queue; the core returns the classification.
import { invoke } from '@tauri-apps/api/core';
import type { DoraMetrics, DoraOutcome, ReportYear } from '../bindings';
import { serial } from './queue';

/** The workshop's metrics and what they mean; null when none were entered yet. */
export function loadDora(workshopId: number): Promise<DoraOutcome | null> {
  return invoke<DoraOutcome | null>('load_dora', { workshopId });
}

/** Stores all five metrics (each may be null) and the report year; resolves to the new outcome. */
export function setDora(workshopId: number, metrics: DoraMetrics, year: ReportYear): Promise<DoraOutcome> {
  return serial(() => invoke<DoraOutcome>('set_dora', { workshopId, metrics, year }));
}
