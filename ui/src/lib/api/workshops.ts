// Workshops: several participants vote on each practice, the facilitator
// reveals the votes and sets the agreed answer. Every write returns the new
// state and goes through the single write queue, so states apply in order.
import { invoke } from '@tauri-apps/api/core';
import { openUrl } from '@tauri-apps/plugin-opener';
import type { Answer, Workshop, WorkshopState, WorkshopUndo } from '../bindings';
import { serial } from './queue';

/** Starts a workshop today; `participants` as typed: "Ana, Ben, Chloé". */
export function startWorkshop(componentId: number, participants: string, facilitator: string): Promise<WorkshopState> {
  return serial(() => invoke<WorkshopState>('start_workshop', { componentId, participants, facilitator }));
}

/** Every workshop of a component, oldest first: the last one is the current assessment. */
export function listWorkshops(componentId: number): Promise<Workshop[]> {
  return invoke<Workshop[]>('list_workshops', { componentId });
}

export function loadWorkshop(workshopId: number): Promise<WorkshopState> {
  return invoke<WorkshopState>('load_workshop', { workshopId });
}

/** Stores one participant's vote (null withdraws it) the moment it is cast. */
export function castVote(
  workshopId: number,
  participant: string,
  practiceId: string,
  answer: Answer | null,
): Promise<WorkshopState> {
  return serial(() => invoke<WorkshopState>('cast_vote', { workshopId, participant, practiceId, answer }));
}

export function revealVotes(workshopId: number, practiceId: string): Promise<WorkshopState> {
  return serial(() => invoke<WorkshopState>('reveal_votes', { workshopId, practiceId }));
}

/** The facilitator's agreed answer (null withdraws it, and the median applies again). */
export function agree(workshopId: number, practiceId: string, answer: Answer | null): Promise<WorkshopState> {
  return serial(() => invoke<WorkshopState>('agree', { workshopId, practiceId, answer }));
}

/** The practice's note, written from the workshop (only the current one may). */
export function setWorkshopNote(workshopId: number, practiceId: string, note: string): Promise<WorkshopState> {
  return serial(() => invoke<WorkshopState>('set_workshop_note', { workshopId, practiceId, note }));
}

/** Adds an evidence link: a URL or a file path, and a short label. */
export function addEvidence(workshopId: number, practiceId: string, location: string, label: string): Promise<WorkshopState> {
  return serial(() => invoke<WorkshopState>('add_evidence', { workshopId, practiceId, location, label }));
}

export function removeEvidence(workshopId: number, evidenceId: number): Promise<WorkshopState> {
  return serial(() => invoke<WorkshopState>('remove_evidence', { workshopId, evidenceId }));
}

/** Opens a link `safeHref` allowed in the system browser, never in the app's own window. */
export function openEvidenceLink(href: string): Promise<void> {
  return openUrl(href);
}

/** Undoes the workshop's last reveal or agreement, once; says what it undid. */
export function undoLast(workshopId: number): Promise<WorkshopUndo> {
  return serial(() => invoke<WorkshopUndo>('undo_last', { workshopId }));
}
