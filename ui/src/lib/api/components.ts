// Components: the teams or systems being assessed.
import { invoke } from '@tauri-apps/api/core';
import type { Blueprint, Component } from '../bindings';

export function listComponents(): Promise<Component[]> {
  return invoke<Component[]>('list_components');
}

export function addComponent(name: string, blueprint: Blueprint): Promise<Component> {
  return invoke<Component>('add_component', { name, blueprint });
}
