// PDF documents: the coach picks what the document is about, the document
// (the core says which ones that scope offers), the language and paper in the
// Export menu, and the file in the save dialog (or types its path); the core
// writes it on a blocking thread while the window shows progress.
import { invoke } from '@tauri-apps/api/core';
import { save } from '@tauri-apps/plugin-dialog';
import { openPath } from '@tauri-apps/plugin-opener';
import type { DocumentKind, ReportRequest, ReportWritten, Scope } from '../bindings';

/** The documents the core offers for `scope`, in menu order. */
export function documentKinds(scope: Scope): Promise<DocumentKind[]> {
  return invoke<DocumentKind[]>('document_kinds', { scope });
}

/** How the menu names a document about a scope of this kind. */
export function documentLabel(kind: DocumentKind, scope: Scope['kind']): string {
  switch (kind) {
    case 'executive':
      if (scope === 'organisation') return 'Organisation summary (one page)';
      return scope === 'group' ? 'Group summary (one page)' : 'Executive summary';
    case 'workbook':
      return "Coach's workbook";
    case 'onboarding':
      return 'Team onboarding pack';
    case 'org':
      return scope === 'group' ? 'Group report' : 'Organisation report';
  }
}

/** The end of a document's file name: `summary`, `workbook`, `group-summary`… */
function documentSuffix(kind: DocumentKind, scope: Scope['kind']): string {
  const about = scope === 'component' ? '' : scope;
  if (kind === 'executive') return about ? `${about}-summary` : 'summary';
  if (kind === 'org') return about || 'organisation';
  return kind;
}

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
export function reportFileName(subject: string, kind: DocumentKind, scope: Scope['kind']): string {
  return `${safeFileStem(subject)}-${documentSuffix(kind, scope)}.pdf`;
}

/** Asks where to save; null when the user cancelled the dialog. */
export function choosePdfPath(defaultName: string): Promise<string | null> {
  return save({
    title: 'Export a PDF',
    defaultPath: defaultName,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
}

export function exportReport(request: ReportRequest, path: string): Promise<ReportWritten> {
  return invoke<ReportWritten>('export_report', { request, path });
}

export function openPdf(path: string): Promise<void> {
  return openPath(path);
}
