// Application-level commands.
import { invoke } from '@tauri-apps/api/core';
import type { AppInfo } from '../bindings';

export function appInfo(): Promise<AppInfo> {
  return invoke<AppInfo>('app_info');
}
