// The projector view's rules that need no window: its two languages and few
// labels (the window's own i18n is a later issue), the votes as cards, the
// spread. The core computes the votes, the disagreement and the agreed answer.
import type { Answer, Disagreement, Vote } from './bindings';

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
