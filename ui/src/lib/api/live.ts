// Live voting: the participants' server of a workshop (its URL and QR code),
// the practice on screen the phones follow, and the room as the coach sees it.
import { invoke } from '@tauri-apps/api/core';
import { serial } from './queue';

/** The participants' URL and its QR code, an SVG document. */
export interface LiveSession {
  url: string;
  qr_svg: string;
}

/** A participant of the room: whether a device took their name, whether they voted on the practice on screen. */
export interface RoomParticipant {
  name: string;
  joined: boolean;
  voted: boolean;
}

/** The part of the core's `RoomState` (the participant API's `state`, seen by nobody in particular) the panel shows. */
export interface CoachRoom {
  practice: { id: string; position: number; count: number } | null;
  participants: RoomParticipant[];
  revealed: boolean;
}

/** Starts the server (on this computer only with `loopback`); one that runs already is stopped first. */
export function startLive(workshopId: number, loopback: boolean): Promise<LiveSession> {
  return invoke<LiveSession>('start_live', { workshopId, loopback });
}

export function stopLive(): Promise<void> {
  return invoke<void>('stop_live');
}

export function liveRoom(workshopId: number): Promise<CoachRoom> {
  return invoke<CoachRoom>('live_room', { workshopId });
}

/** Puts a practice on screen for the phones: a write, so it waits its turn in the write queue. */
export function focusPractice(workshopId: number, practiceId: string): Promise<void> {
  return serial(() => invoke<void>('focus_practice', { workshopId, practiceId }));
}
