// The pace line of the participant page: the timebox counting down and the agenda. Pure: the page passes the
// clock in; the countdown itself (deadlines from the seconds left received) is shared with the window's
// projector view.
import { clockText, minutesOf, secondsLeft, type Deadlines } from '../src/lib/countdown';
import { t } from './i18n';
import type { Lang, LiveState } from './types';

export { deadlinesOf, type Deadlines } from '../src/lib/countdown';

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

export function paceView(state: LiveState, lang: Lang, deadlines: Deadlines, now: number): PaceView {
  const pace = state.pace;
  const parts: string[] = [];
  const practice = state.practice;
  if (practice !== null) parts.push(t(lang, 'practiceOf', { position: practice.position, count: practice.count }));
  parts.push(
    practice === null
      ? t(lang, 'agendaDoneOf', { done: pace.agenda.done, total: pace.agenda.total })
      : t(lang, pace.agenda.done < 2 ? 'agendaDoneOne' : 'agendaDone', { done: pace.agenda.done }),
  );
  if (deadlines.workshop !== null) {
    const seconds = secondsLeft(deadlines.workshop, now);
    parts.push(t(lang, seconds >= 0 ? 'agendaMinutesLeft' : 'agendaMinutesOver', { minutes: minutesOf(seconds) }));
  }
  let countdown: Countdown | null = null;
  if (practice !== null && deadlines.timebox !== null) {
    const left = secondsLeft(deadlines.timebox, now);
    const over = left < 0;
    countdown = {
      clock: clockText(left),
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
