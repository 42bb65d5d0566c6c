// How the target a practice is held to reads next to its levels. The core
// decides the target and where it comes from (`AssessmentView.targets`).
import type { Blueprint, PracticeTarget } from './bindings';

/** "target II", or "target (override)" / "target (pillar override)" when the coach set it. */
export function targetCaption(target: PracticeTarget, blueprint: Blueprint): string {
  switch (target.origin) {
    case 'blueprint':
      return `target ${blueprint}`;
    case 'practice_override':
      return 'target (override)';
    case 'pillar_override':
      return 'target (pillar override)';
  }
}

/** The tooltip of the target mark: the override's reason, or what the blueprint's target means. */
export function targetTitle(target: PracticeTarget, blueprint: Blueprint): string {
  return target.origin === 'blueprint'
    ? `The level a blueprint ${blueprint} component should reach`
    : `Overridden: ${target.reason ?? ''}`;
}
