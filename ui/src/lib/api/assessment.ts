// The current assessment of a component. Writes go through one queue so the
// views they return arrive in the order the coach gave the answers.
import { invoke } from '@tauri-apps/api/core';
import type { Answer, AssessmentView } from '../bindings';
import { serial } from './queue';

export function loadAssessment(componentId: number): Promise<AssessmentView> {
  return invoke<AssessmentView>('load_assessment', { componentId });
}

/** Records (or, with null, clears) an answer; resolves to the rescored view. */
export function setAnswer(
  componentId: number,
  practiceId: string,
  answer: Answer | null,
): Promise<AssessmentView> {
  return serial(() => invoke<AssessmentView>('set_answer', { componentId, practiceId, answer }));
}

export function setNote(componentId: number, practiceId: string, note: string): Promise<AssessmentView> {
  return serial(() => invoke<AssessmentView>('set_note', { componentId, practiceId, note }));
}

/** Overrides the target of a practice (or, with `pillar`, of a whole pillar) for this component; a reason is required. */
export function setTargetOverride(
  componentId: number,
  key: string,
  pillar: boolean,
  level: number,
  reason: string,
): Promise<AssessmentView> {
  return serial(() => invoke<AssessmentView>('set_target_override', { componentId, key, pillar, level, reason }));
}

/** Goes back to the blueprint's target. */
export function clearTargetOverride(componentId: number, key: string, pillar: boolean): Promise<AssessmentView> {
  return serial(() => invoke<AssessmentView>('clear_target_override', { componentId, key, pillar }));
}
