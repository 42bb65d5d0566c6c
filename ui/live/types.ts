// The participant API of a live workshop (served by src/live/ in Rust): what `GET ./api/state` answers.
// Generated from the Rust types (`mamos::live_view`, in ../src/lib/bindings.ts); type-only imports,
// so nothing of the window's code reaches the page's bundle. The page's own names are kept.
// Every string here comes from the network: set it with textContent only.
import type {
  RevealedVote,
  RoomLevel,
  RoomPace,
  RoomParticipant,
  RoomPractice,
  RoomState,
  ShownAnswer,
  Spread,
  Texts,
} from '../src/lib/bindings';

export type { RoomPace, Spread };

export type Lang = 'en' | 'fr';

/** A bank text in both languages (a text missing in French already falls back to English). */
export type BankText = Texts;

export type LevelText = RoomLevel;

export type Practice = RoomPractice;

export type Participant = RoomParticipant;

/** A revealed vote: `{participant, level}` or `{participant, na: true, reason}`. */
export type RoomVote = RevealedVote;

/** This device's own vote, visible to it before the reveal. */
export type OwnVote = ShownAnswer;

export type LiveState = RoomState;
