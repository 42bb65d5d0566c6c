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

/** How the coach paces the room; seconds left are counted by the server when the state was read. */
export interface RoomPace {
  timebox_seconds: number | null;
  length_minutes: number | null;
  /** Seconds left on the practice on screen, negative once over time; null without a timebox. */
  timebox_left: number | null;
  agenda: { done: number; left: number; total: number };
  /** Seconds left for the workshop, negative once over; null without a planned length. */
  workshop_left: number | null;
  auto_reveal: boolean;
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
  pace: RoomPace;
}
