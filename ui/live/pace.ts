// The pace line of the participant page: the timebox counting down and the agenda. Pure: the page passes the
// clock in. The server sends seconds left, not times, so a phone whose clock is off still counts right; the
// page turns them into deadlines on its own monotonic clock (`performance.now()`) when a state arrives.
import { t } from './i18n';
import type { Lang, LiveState, RoomPace } from './types';

/** When the practice's timebox and the workshop end, in milliseconds of the page's clock. */
export interface Deadlines {
  timebox: number | null;
  workshop: number | null;
}

/** A re-read state moves a deadline only when it differs by more than this: the seconds the server sends are
 *  whole, and a countdown must not jump back and forth by one at each event. */
const STEADY_MS = 1500;

export function deadlinesOf(pace: RoomPace, receivedAt: number, before: Deadlines | null): Deadlines {
  const steady = (seconds: number | null, old: number | null | undefined): number | null => {
    if (seconds === null) return null;
    const next = receivedAt + seconds * 1000;
    return old != null && Math.abs(old - next) < STEADY_MS ? old : next;
  };
  return { timebox: steady(pace.timebox_left, before?.timebox), workshop: steady(pace.workshop_left, before?.workshop) };
}

export interface Countdown {
  /** "1:23", over time "+0:10". */
  clock: string;
  over: boolean;
  /** "left on this practice" or "over time". */
  label: string;
  /** What a screen reader hears: changes once a minute at most. */
  spoken: string;
}

export interface PaceView {
  /** "Practice 3 of 52 · 12 done · 40 min left"; empty before the state arrives. */
  agenda: string;
  countdown: Countdown | null;
}

/** Whole seconds left (negative: over), counted down from `deadline` at `now`. */
function secondsLeft(deadline: number, now: number): number {
  return Math.ceil((deadline - now) / 1000);
}

function clockText(seconds: number): string {
  const whole = Math.abs(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function paceView(state: LiveState, lang: Lang, deadlines: Deadlines, now: number): PaceView {
  const pace = state.pace;
  const parts: string[] = [];
  const practice = state.practice;
  if (practice !== null) parts.push(t(lang, 'practiceOf', { position: practice.position, count: practice.count }));
  parts.push(
    practice === null
      ? t(lang, 'agendaDoneOf', { done: pace.agenda.done, total: pace.agenda.total })
      : t(lang, 'agendaDone', { done: pace.agenda.done }),
  );
  if (deadlines.workshop !== null) {
    const seconds = secondsLeft(deadlines.workshop, now);
    const minutes = Math.ceil(Math.abs(seconds) / 60);
    parts.push(t(lang, seconds >= 0 ? 'agendaMinutesLeft' : 'agendaMinutesOver', { minutes }));
  }
  let countdown: Countdown | null = null;
  if (practice !== null && deadlines.timebox !== null) {
    const left = secondsLeft(deadlines.timebox, now);
    const over = left < 0;
    countdown = {
      clock: over ? `+${clockText(left)}` : clockText(left),
      over,
      label: t(lang, over ? 'timeboxOver' : 'timeboxLeft'),
      spoken: spokenLeft(left, lang),
    };
  }
  return { agenda: parts.join(' · '), countdown };
}

/** The timebox in whole minutes, for a screen reader: the same text for a whole minute. */
function spokenLeft(seconds: number, lang: Lang): string {
  if (seconds < 0) return t(lang, 'timeboxOverSpoken');
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 1) return t(lang, 'timeboxLastMinute');
  return t(lang, 'timeboxMinutesSpoken', { minutes });
}
