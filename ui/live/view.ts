// What the page shows for a state from `./api/state`: pure, so the privacy and highlight rules are unit-tested.
import { t } from './i18n';
import type { Lang, LiveState, OwnVote, Practice, RoomVote } from './types';

export interface JoinChoice {
  name: string;
  taken: boolean;
}

export interface PracticeView {
  id: string;
  position: string;
  pillar: string;
  title: string;
  question: string;
}

export interface LevelChoice {
  level: number;
  label: string;
  name: string;
  descriptor: string;
  selected: boolean;
}

export interface VoterMark {
  name: string;
  voted: boolean;
}

export interface VoteCard {
  participant: string;
  /** "2 · Defined", or "N/A". */
  vote: string;
  /** The N/A reason, empty for a level. */
  reason: string;
  na: boolean;
}

export type View =
  | { screen: 'join'; choices: JoinChoice[] }
  | { screen: 'waiting'; you: string; joined: string[] }
  | {
      screen: 'vote';
      you: string;
      practice: PracticeView;
      levels: LevelChoice[];
      naSelected: boolean;
      naReason: string;
      yourVote: string;
      voters: VoterMark[];
      votedCount: string;
    }
  | {
      screen: 'revealed';
      you: string;
      practice: PracticeView;
      cards: VoteCard[];
      spread: string;
      toDiscuss: boolean;
    };

export function viewOf(state: LiveState, lang: Lang): View {
  const you = state.you;
  if (you === null) {
    return { screen: 'join', choices: state.participants.map((p) => ({ name: p.name, taken: p.joined })) };
  }
  const voters = state.participants.filter((p) => p.joined).map((p) => ({ name: p.name, voted: p.voted }));
  const practice = state.practice;
  if (practice === null) return { screen: 'waiting', you: you.name, joined: voters.map((v) => v.name) };
  const shown = practiceView(practice, lang);
  if (state.revealed) {
    const spread = state.spread;
    return {
      screen: 'revealed',
      you: you.name,
      practice: shown,
      cards: (state.votes ?? []).map((vote) => voteCard(vote, practice, lang)),
      spread: spreadText(state, lang),
      toDiscuss: spread?.disagreement ?? false,
    };
  }
  const own = you.vote;
  const levelVoted = own !== null && 'level' in own ? own.level : null;
  return {
    screen: 'vote',
    you: you.name,
    practice: shown,
    levels: practice.levels.map((l) => ({
      level: l.level,
      label: t(lang, 'levelLabel', { level: l.level }),
      name: l.name[lang],
      descriptor: l.descriptor[lang],
      selected: l.level === levelVoted,
    })),
    naSelected: own !== null && 'na' in own,
    naReason: own !== null && 'na' in own ? own.reason : '',
    yourVote: own === null ? t(lang, 'noVoteYet') : t(lang, 'yourVoteIs', { vote: voteText(own, practice, lang) }),
    voters,
    votedCount: t(lang, 'votesCount', {
      voted: voters.filter((v) => v.voted).length,
      joined: voters.length,
    }),
  };
}

function practiceView(practice: Practice, lang: Lang): PracticeView {
  return {
    id: practice.id,
    position: t(lang, 'practiceOf', { position: practice.position, count: practice.count }),
    pillar: practice.pillar[lang],
    title: practice.title[lang],
    question: practice.question[lang],
  };
}

/** "2 · Defined" for a level, "N/A" for not applicable. */
export function voteText(vote: OwnVote, practice: Practice, lang: Lang): string {
  if ('na' in vote) return t(lang, 'notApplicable');
  const name = practice.levels.find((l) => l.level === vote.level)?.name[lang];
  return name === undefined ? String(vote.level) : `${vote.level} · ${name}`;
}

function voteCard(vote: RoomVote, practice: Practice, lang: Lang): VoteCard {
  if ('na' in vote) {
    return { participant: vote.participant, vote: t(lang, 'notApplicable'), reason: vote.reason, na: true };
  }
  return { participant: vote.participant, vote: voteText(vote, practice, lang), reason: '', na: false };
}

function spreadText(state: LiveState, lang: Lang): string {
  if ((state.votes ?? []).length === 0) return t(lang, 'noVotes');
  const spread = state.spread;
  if (spread === null || spread.lowest === null || spread.highest === null) return t(lang, 'spreadAllNa');
  const range = spread.lowest === spread.highest ? `${spread.lowest}` : `${spread.lowest}–${spread.highest}`;
  return t(lang, 'spread', { spread: range });
}
