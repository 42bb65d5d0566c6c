// Components: the teams or systems being assessed.
import { invoke } from '@tauri-apps/api/core';
import type { Blueprint, Component } from '../bindings';
import { serial } from './queue';

export function listComponents(): Promise<Component[]> {
  return invoke<Component[]>('list_components');
}

/** Creates a component, in `group` when one is given (an unknown group creates nothing). */
export function addComponent(name: string, blueprint: Blueprint, group: string | null = null): Promise<Component> {
  return serial(() => invoke<Component>('add_component', { name, blueprint, group }));
}
