// The projector view's rules that need no window: its two languages and few
// labels (the window's own i18n is a later issue), the votes as cards, the
// spread, the agenda and the timebox, what the coach just did. The core
// computes the votes, the disagreement, the agreed answer and the time left.
import type { Answer, Disagreement, Undone, Vote } from './bindings';
import { clockText, minutesOf } from './countdown';
import { answerMark } from './format';

export type ProjectorLang = 'en' | 'fr';
export const PROJECTOR_LANGS: readonly ProjectorLang[] = ['en', 'fr'];
/** Where the coach's choice of language for the projector is remembered. */
export const PROJECTOR_LANG_KEY = 'mamos.projector.lang';

export interface ProjectorLabels {
  practice: (position: number, count: number) => string;
  voted: (voted: number, total: number) => string;
  joined: (joined: number) => string;
  revealHint: string;
  notApplicable: string;
  noVote: string;
  spread: (lowest: number, highest: number) => string;
  allNotApplicable: string;
  discuss: string;
  mixedNotApplicable: string;
  agreed: string;
  language: string;
  leave: string;
  done: (done: number) => string;
  minutesLeft: (minutes: number) => string;
  minutesOver: (minutes: number) => string;
  timeboxLeft: string;
  timeboxOver: string;
  /** The coach pressed A: the next key sets the agreed answer. */
  agreeing: string;
  undone: (undone: Undone) => string;
}

const LABELS: Record<ProjectorLang, ProjectorLabels> = {
  en: {
    practice: (position, count) => `Practice ${position} of ${count}`,
    voted: (voted, total) => `${voted} of ${total} voted`,
    joined: (joined) => `${joined} joined on their devices`,
    revealHint: 'Votes stay hidden until the reveal',
    notApplicable: 'N/A',
    noVote: 'no vote',
    spread: (lowest, highest) => (lowest === highest ? `Everyone: ${lowest}` : `Spread: ${lowest}–${highest}`),
    allNotApplicable: 'Every vote is N/A',
    discuss: 'To discuss',
    mixedNotApplicable: 'N/A mixed with levels: to discuss',
    agreed: 'Agreed',
    language: 'Projector language',
    leave: 'Leave the projector view (P or Esc)',
    done: (done) => `${done} done`,
    minutesLeft: (minutes) => `${minutes} min left`,
    minutesOver: (minutes) => `${minutes} min over time`,
    timeboxLeft: 'left on this practice',
    timeboxOver: 'over time',
    agreeing: 'Agreeing: press 0–4 or N',
    undone: (undone) =>
      undone.kind === 'reveal'
        ? `Undid the reveal of practice ${undone.position}: its votes are hidden again`
        : `Undid the agreement on practice ${undone.position}: ${
            undone.restored ? `the agreed answer is ${answerMark(undone.restored)} again` : 'no agreed answer, as before'
          }`,
  },
  fr: {
    practice: (position, count) => `Pratique ${position} sur ${count}`,
    voted: (voted, total) => `${voted} sur ${total} ont voté`,
    joined: (joined) => `${joined} connectés sur leur appareil`,
    revealHint: 'Les votes restent cachés jusqu’à la révélation',
    notApplicable: 'N/A',
    noVote: 'pas de vote',
    spread: (lowest, highest) => (lowest === highest ? `Tous : ${lowest}` : `Écart : ${lowest}–${highest}`),
    allNotApplicable: 'Tous les votes sont N/A',
    discuss: 'À discuter',
    mixedNotApplicable: 'N/A mêlés à des niveaux : à discuter',
    agreed: 'Retenu',
    language: 'Langue du projecteur',
    leave: 'Quitter la vue projecteur (P ou Échap)',
    // French keeps 0 and 1 singular.
    done: (done) => `${done} ${done < 2 ? 'faite' : 'faites'}`,
    minutesLeft: (minutes) => `reste ${minutes} min`,
    minutesOver: (minutes) => `${minutes} min de dépassement`,
    timeboxLeft: 'restant pour cette pratique',
    timeboxOver: 'temps dépassé',
    agreeing: 'Accord : appuyez sur 0–4 ou N',
    undone: (undone) =>
      undone.kind === 'reveal'
        ? `Révélation de la pratique ${undone.position} annulée : ses votes sont de nouveau cachés`
        : `Accord sur la pratique ${undone.position} annulé : ${
            undone.restored ? `la réponse retenue redevient ${answerMark(undone.restored)}` : 'pas de réponse retenue, comme avant'
          }`,
  },
};

export function projectorLabels(lang: ProjectorLang): ProjectorLabels {
  return LABELS[lang];
}

/** A remembered language if it is one the projector has, else the window's (when it has it), else English. */
export function projectorLang(stored: string | null, windowLang: string): ProjectorLang {
  for (const candidate of [stored, windowLang]) {
    const found = PROJECTOR_LANGS.find((lang) => lang === candidate);
    if (found) return found;
  }
  return 'en';
}

export interface VoteCard {
  participant: string;
  /** "0"–"4", "na" or "none", as the screen's data attributes say it. */
  value: string;
  /** What the card shows large: the level, "N/A" or "–". */
  mark: string;
  /** The level's name in the projector's language; empty for N/A or no vote. */
  levelName: string;
  /** The reason of an N/A vote. */
  reason: string;
}

/** One card per participant, in the workshop's order; those who did not vote show "–". */
export function voteCards(
  participants: readonly string[],
  votes: readonly Vote[],
  levelName: (level: number) => string,
): VoteCard[] {
  const byName = new Map(votes.map((v) => [v.participant, v.answer]));
  return participants.map((participant) => card(participant, byName.get(participant)));

  function card(participant: string, answer: Answer | undefined): VoteCard {
    if (!answer) return { participant, value: 'none', mark: '–', levelName: '', reason: '' };
    if (answer.kind === 'not_applicable') {
      return { participant, value: 'na', mark: 'N/A', levelName: '', reason: answer.reason };
    }
    const level = String(answer.level);
    return { participant, value: level, mark: level, levelName: levelName(answer.level), reason: '' };
  }
}

/** The lowest and highest level voted (N/A left out): null when there is none. */
export function spreadOf(votes: readonly Vote[]): { lowest: number; highest: number } | null {
  const levels = votes.flatMap((v) => (v.answer.kind === 'level' ? [v.answer.level] : []));
  if (levels.length === 0) return null;
  return { lowest: Math.min(...levels), highest: Math.max(...levels) };
}

/** The spread line under the cards; empty before anyone voted. */
export function spreadLine(votes: readonly Vote[], labels: ProjectorLabels): string {
  if (votes.length === 0) return '';
  const spread = spreadOf(votes);
  return spread ? labels.spread(spread.lowest, spread.highest) : labels.allNotApplicable;
}

/** The core's disagreement flag in the projector's language. */
export function disagreementLine(disagreement: Disagreement, labels: ProjectorLabels): string {
  return disagreement.kind === 'spread'
    ? `${labels.discuss}: ${disagreement.low}–${disagreement.high}`
    : labels.mixedNotApplicable;
}

/** "Practice 6 of 52 · 12 done · 40 min left": `done` is null until the room is read, `workshopLeft` (seconds,
 *  negative once over) null for an open-ended workshop. */
export function agendaLine(
  position: number,
  count: number,
  done: number | null,
  workshopLeft: number | null,
  labels: ProjectorLabels,
): string {
  const parts = [labels.practice(position, count)];
  if (done !== null) parts.push(labels.done(done));
  if (workshopLeft !== null) {
    const minutes = minutesOf(workshopLeft);
    parts.push(workshopLeft >= 0 ? labels.minutesLeft(minutes) : labels.minutesOver(minutes));
  }
  return parts.join(' · ');
}

export interface ProjectorCountdown {
  /** Whole seconds left, negative once over time. */
  left: number;
  /** "1:23", over time "+0:10". */
  clock: string;
  over: boolean;
  label: string;
}

/** The timebox of the practice on screen counted down to `left` seconds; null without a timebox. */
export function projectorCountdown(left: number | null, labels: ProjectorLabels): ProjectorCountdown | null {
  if (left === null) return null;
  const over = left < 0;
  return { left, clock: clockText(left), over, label: over ? labels.timeboxOver : labels.timeboxLeft };
}
