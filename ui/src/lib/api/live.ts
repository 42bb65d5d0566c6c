// Live voting: the participants' server of a workshop (its URL and QR code),
// the practice on screen the phones follow, and the room as the coach sees it.
import { invoke } from '@tauri-apps/api/core';
import type { LiveSession, NetworkInterface, Pace, RoomState } from '../bindings';
import { serial } from './queue';

// The room's types are generated from the Rust types (`mamos::live_view`, `mamos::live`): a change
// there fails `npm run check` here instead of the panel at run time.
export type { LiveSession, NetworkInterface, Pace, RoomPace, RoomParticipant } from '../bindings';

/** The room as the coach sees it: the core's `RoomState` seen by nobody in particular (`you` null, no levels before the reveal). */
export type CoachRoom = RoomState;

export function liveInterfaces(): Promise<NetworkInterface[]> {
  return invoke<NetworkInterface[]>('live_interfaces');
}

/** Starts the server on `address` (one of `liveInterfaces`); one that runs already is stopped first. */
export function startLive(workshopId: number, address: string): Promise<LiveSession> {
  return invoke<LiveSession>('start_live', { workshopId, address });
}

/** Forgets the device holding `name`: it must join again, another may take the name. False if none held it. */
export function freeLiveName(name: string): Promise<boolean> {
  return invoke<boolean>('free_live_name', { name });
}

/** The practice on screen as stored (moved by the CLI, the server or this window). */
export function liveFocus(workshopId: number): Promise<string | null> {
  return invoke<string | null>('live_focus', { workshopId });
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

export function livePace(workshopId: number): Promise<Pace> {
  return invoke<Pace>('live_pace', { workshopId });
}

/** Sets the pace (a write, in the write queue); the core refuses a timebox or a length out of range. */
export function setLivePace(workshopId: number, pace: Pace): Promise<Pace> {
  return serial(() => invoke<Pace>('set_live_pace', { workshopId, pace }));
}
