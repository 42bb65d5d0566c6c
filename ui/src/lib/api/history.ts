// History of a component: two workshops compared, and the scores of all of them.
import { invoke } from '@tauri-apps/api/core';
import type { TrendPoint, WorkshopComparison, WorkshopPair } from '../bindings';

/** The two workshops a comparison opens with: the current one and the one held before it. */
export function comparisonPair(componentId: number): Promise<WorkshopPair> {
  return invoke<WorkshopPair>('comparison_pair', { componentId });
}

/** `from` the earlier workshop, `to` the later, both of one component. */
export function compareWorkshops(from: number, to: number): Promise<WorkshopComparison> {
  return invoke<WorkshopComparison>('compare_workshops', { from, to });
}

/** The overall and pillar scores of every workshop of a component, oldest first. */
export function componentTrend(componentId: number): Promise<TrendPoint[]> {
  return invoke<TrendPoint[]>('component_trend', { componentId });
}
