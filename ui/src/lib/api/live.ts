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

/** An address the server may listen on (the core's `NetworkInterface`). */
export interface NetworkInterface {
  /** The system's name of the interface: `wlan0`, `lo`… */
  name: string;
  address: string;
  /** This computer only: a rehearsal. */
  loopback: boolean;
  /** The one the room's network reaches: listed first, the default choice. */
  default_route: boolean;
}

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
