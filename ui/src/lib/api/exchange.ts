// Moving work between laptops: a .mamos.json bundle (this component, a group
// or the organisation) written where the save dialog or the typed path says,
// a bundle merged in from a file, and the CSV tables written into a folder.
// The core reads and writes the files on a blocking thread.
import { invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { BundleWritten, CsvWritten, ImportSummary, Scope } from '../bindings';
import { serial } from './queue';

const BUNDLE_FILTER = { name: 'Mamos bundle', extensions: ['mamos.json', 'json'] };

/** Asks where to save a bundle; null when the user cancelled the dialog. */
export function chooseBundleSavePath(defaultName: string): Promise<string | null> {
  return save({ title: 'Export a bundle', defaultPath: defaultName, filters: [BUNDLE_FILTER] });
}

/** Asks which bundle to import; null when the user cancelled the dialog. */
export function chooseBundleToImport(): Promise<string | null> {
  return open({ title: 'Import a bundle', multiple: false, directory: false, filters: [BUNDLE_FILTER] });
}

/** Asks for the folder of the CSV tables; null when the user cancelled the dialog. */
export function chooseCsvFolder(): Promise<string | null> {
  return open({ title: 'Folder for the CSV tables', multiple: false, directory: true });
}

export function exportBundle(scope: Scope, path: string): Promise<BundleWritten> {
  return invoke<BundleWritten>('export_bundle', { scope, path });
}

/** Merges a bundle into the database: a write, so it waits its turn in the write queue. */
export function importBundle(path: string): Promise<ImportSummary> {
  return serial(() => invoke<ImportSummary>('import_bundle', { path }));
}

export function exportCsv(dir: string): Promise<CsvWritten[]> {
  return invoke<CsvWritten[]>('export_csv', { dir });
}
