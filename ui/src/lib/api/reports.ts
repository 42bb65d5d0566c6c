// PDF documents: the coach picks the document, language and paper in the
// Export menu and the file in the save dialog (or types its path); the core
// writes it on a blocking thread while the window shows progress.
import { invoke } from '@tauri-apps/api/core';
import { save } from '@tauri-apps/plugin-dialog';
import { openPath } from '@tauri-apps/plugin-opener';
import type { DocumentKind, ExportReport, ExportRequest } from '../bindings';

export const DOCUMENTS: { kind: DocumentKind; label: string; suffix: string }[] = [
  { kind: 'executive', label: 'Executive summary', suffix: 'summary' },
  { kind: 'workbook', label: "Coach's workbook", suffix: 'workbook' },
  { kind: 'onboarding', label: 'Team onboarding pack', suffix: 'onboarding' },
  { kind: 'organisation_summary', label: 'Organisation summary (one page)', suffix: 'organisation-summary' },
  { kind: 'organisation', label: 'Organisation report', suffix: 'organisation' },
  { kind: 'group_summary', label: 'Group summary (one page)', suffix: 'group-summary' },
  { kind: 'group', label: 'Group report', suffix: 'group' },
];

/** The subject as a file name: without characters file systems refuse, never hidden or empty. */
export function safeFileStem(subject: string): string {
  const safe = subject
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return safe || 'mamos';
}

/** A file name for the save dialog: the subject, then the document. */
export function reportFileName(subject: string, kind: DocumentKind): string {
  const suffix = DOCUMENTS.find((d) => d.kind === kind)?.suffix ?? kind;
  return `${safeFileStem(subject)}-${suffix}.pdf`;
}

/** Asks where to save; null when the user cancelled the dialog. */
export function choosePdfPath(defaultName: string): Promise<string | null> {
  return save({
    title: 'Export a PDF',
    defaultPath: defaultName,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
}

export function exportReport(request: ExportRequest, path: string): Promise<ExportReport> {
  return invoke<ExportReport>('export_report', { request, path });
}

export function openPdf(path: string): Promise<void> {
  return openPath(path);
}
