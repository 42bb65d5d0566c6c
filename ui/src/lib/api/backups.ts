// Restoring a backup copy of the whole database: the file chosen in the open
// dialog or typed; the core checks it, keeps a copy of the current data in
// backups/ and replaces the data on a blocking thread.
import { invoke } from '@tauri-apps/api/core';
import { open } from '@tauri-apps/plugin-dialog';
import type { Restored } from '../bindings';
import { serial } from './queue';

/** Asks which backup to restore; null when the user cancelled the dialog. */
export function chooseBackupToRestore(): Promise<string | null> {
  return open({
    title: 'Restore a backup',
    multiple: false,
    directory: false,
    filters: [{ name: 'Mamos database', extensions: ['db'] }],
  });
}

/** Replaces the whole database: a write, so it waits its turn in the write queue. */
export function restoreBackup(path: string): Promise<Restored> {
  return serial(() => invoke<Restored>('restore_backup', { path }));
}
