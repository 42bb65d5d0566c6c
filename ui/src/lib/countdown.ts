// Counting down from the seconds left the room sends, shared by the participant page (`live/pace.ts`) and the
// window's projector view. Pure: the caller passes its clock in. The room sends seconds left, not times, so a
// screen whose clock is off still counts right; each screen turns them into deadlines on its own monotonic
// clock (`performance.now()`) when a state arrives, and counts down between reads.

/** When the practice's timebox and the workshop end, in milliseconds of the screen's clock. */
export interface Deadlines {
  timebox: number | null;
  workshop: number | null;
}

/** The seconds left as read (negative once over time; null: no timebox, no planned length). */
export interface SecondsLeft {
  timebox_left: number | null;
  workshop_left: number | null;
}

/** A re-read state moves a deadline only when it differs by more than this: the seconds the room sends are
 *  whole, and a countdown must not jump back and forth by one at each read. */
const STEADY_MS = 1500;

/** The deadlines of `pace` read at `receivedAt`; those of `before` kept when they still agree (pass null when the
 *  practice on screen changed, so the new practice's timebox starts afresh). */
export function deadlinesOf(pace: SecondsLeft, receivedAt: number, before: Deadlines | null): Deadlines {
  const steady = (seconds: number | null, old: number | null | undefined): number | null => {
    if (seconds === null) return null;
    const next = receivedAt + seconds * 1000;
    return old != null && Math.abs(old - next) < STEADY_MS ? old : next;
  };
  return { timebox: steady(pace.timebox_left, before?.timebox), workshop: steady(pace.workshop_left, before?.workshop) };
}

/** Whole seconds left (negative: over), counted down from `deadline` at `now`. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.ceil((deadline - now) / 1000);
}

/** "1:23" or, over time, "+0:10". */
export function clockText(seconds: number): string {
  const whole = Math.abs(seconds);
  return `${seconds < 0 ? '+' : ''}${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Whole minutes for an agenda: 40 min left, or 2 min over; a started minute counts. */
export function minutesOf(seconds: number): number {
  return Math.ceil(Math.abs(seconds) / 60);
}
