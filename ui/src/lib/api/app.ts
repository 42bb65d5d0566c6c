// Application-level commands.
import { invoke } from '@tauri-apps/api/core';
import type { AppInfo, BlueprintDescription } from '../bindings';

export function appInfo(): Promise<AppInfo> {
  return invoke<AppInfo>('app_info');
}

/** The four blueprints in words, I to IV, as the core describes them. */
export function listBlueprints(): Promise<BlueprintDescription[]> {
  return invoke<BlueprintDescription[]>('list_blueprints');
}

/** Shows the folder holding the database in the file manager. */
export function openDataFolder(): Promise<void> {
  return invoke<void>('open_data_folder');
}
