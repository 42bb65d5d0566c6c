// PDF reports: the user picks the file in the save dialog, the core writes it.
import { invoke } from '@tauri-apps/api/core';
import { save } from '@tauri-apps/plugin-dialog';
import { openPath } from '@tauri-apps/plugin-opener';
import type { ExportReport } from '../bindings';

/** A file name for the save dialog: the component name without characters file systems refuse. */
export function summaryFileName(componentName: string): string {
  const safe = componentName
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return `${safe || 'component'}-summary.pdf`;
}

/** Asks where to save; null when the user cancelled the dialog. */
export function chooseSummaryPath(componentName: string): Promise<string | null> {
  return save({
    title: 'Export the summary PDF',
    defaultPath: summaryFileName(componentName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
}

export function exportSummaryPdf(componentId: number, path: string, lang: string): Promise<ExportReport> {
  return invoke<ExportReport>('export_summary_pdf', { componentId, path, lang });
}

export function openPdf(path: string): Promise<void> {
  return openPath(path);
}
