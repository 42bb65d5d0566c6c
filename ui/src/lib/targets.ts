// Which target a practice is held to, for showing it next to the levels: the
// coach's override of the practice, else of its pillar, else the blueprint's.
// The same precedence as the core's `TargetOverrides::target`, which scores.
import type { Blueprint, PillarId, Practice, TargetOverride } from './bindings';

export interface PracticeTarget {
  level: number;
  /** The override that sets it; null when it is the blueprint's. */
  override: TargetOverride | null;
}

/** The blueprint's target of a practice; a blueprint the bank leaves out expects 0 (as the core reads it). */
export function blueprintTarget(practice: Practice, blueprint: Blueprint): number {
  return practice.targets[blueprint] ?? 0;
}

export function practiceTarget(
  practice: Practice,
  pillar: PillarId,
  blueprint: Blueprint,
  overrides: readonly TargetOverride[],
): PracticeTarget {
  const own = overrides.find((o) => !o.pillar && o.key === practice.id);
  const ofPillar = overrides.find((o) => o.pillar && o.key === pillar);
  const override = own ?? ofPillar ?? null;
  return { level: override ? override.level : blueprintTarget(practice, blueprint), override };
}

/** How the target reads next to the levels: "target II" or "target (override for the pillar)". */
export function targetCaption(target: PracticeTarget, blueprint: Blueprint): string {
  if (!target.override) return `target ${blueprint}`;
  return target.override.pillar ? 'target (pillar override)' : 'target (override)';
}
