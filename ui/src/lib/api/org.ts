// The organisation: the heatmap of every component (or one group) and the
// groups themselves. Writes go through the single write queue.
import { invoke } from '@tauri-apps/api/core';
import type { Group, OrgView } from '../bindings';
import { serial } from './queue';

/** The heatmap of the whole organisation (group null) or of one group. */
export function loadOrg(group: string | null): Promise<OrgView> {
  return invoke<OrgView>('org_view', { group });
}

export function listGroups(): Promise<Group[]> {
  return invoke<Group[]>('list_groups');
}

/** Creates a group; resolves to every group. */
export function addGroup(name: string): Promise<Group[]> {
  return serial(() => invoke<Group[]>('add_group', { name }));
}

/** Puts a component in a group (it may be in several); resolves to every group. */
export function addToGroup(componentId: number, group: string): Promise<Group[]> {
  return serial(() => invoke<Group[]>('add_to_group', { componentId, group }));
}
