// The participant API of a live workshop (/tmp contract, served by src/live/ in Rust):
// what `GET ./api/state` answers. Every string here comes from the network: set it with textContent only.

export type Lang = 'en' | 'fr';

/** A bank text in both languages (a text missing in French already falls back to English). */
export interface BankText {
  en: string;
  fr: string;
}

export interface LevelText {
  level: number;
  name: BankText;
  descriptor: BankText;
}

export interface Practice {
  id: string;
  position: number;
  count: number;
  pillar: BankText;
  title: BankText;
  question: BankText;
  levels: LevelText[];
}

export interface Participant {
  name: string;
  joined: boolean;
  voted: boolean;
}

export type RoomVote = { participant: string; level: number } | { participant: string; na: true; reason: string };

export type OwnVote = { level: number } | { na: true; reason: string };

export interface Spread {
  lowest: number | null;
  highest: number | null;
  disagreement: boolean;
}

export interface LiveState {
  version: number;
  workshop: { component: string; held_on: string };
  practice: Practice | null;
  participants: Participant[];
  revealed: boolean;
  votes: RoomVote[] | null;
  spread: Spread | null;
  you: { name: string; vote: OwnVote | null } | null;
}
