// The practices of a view in bank order, with their recorded answers and the
// targets the core holds them to, for the list and keyboard navigation.
import type { AssessmentView, Pillar, Practice, PracticeAnswer, PracticeTarget } from './bindings';

export interface PracticeRow {
  index: number;
  pillar: Pillar;
  practice: Practice;
  recorded: PracticeAnswer | undefined;
  /** As the core computed it; the core lists one per practice. */
  target: PracticeTarget | undefined;
}

export function practiceRows(view: AssessmentView): PracticeRow[] {
  const recorded = new Map(view.answers.map((a) => [a.practice_id, a]));
  const targets = new Map(view.targets.map((t) => [t.practice_id, t]));
  const rows: PracticeRow[] = [];
  for (const pillar of view.bank.pillars) {
    for (const practice of pillar.practices) {
      rows.push({
        index: rows.length,
        pillar,
        practice,
        recorded: recorded.get(practice.id),
        target: targets.get(practice.id),
      });
    }
  }
  return rows;
}

/** The index after a move, kept inside the list. */
export function moveIndex(current: number, delta: number, count: number): number {
  if (count === 0) return 0;
  return Math.min(count - 1, Math.max(0, current + delta));
}
