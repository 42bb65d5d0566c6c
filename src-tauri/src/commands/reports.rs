//! PDF documents from the Export menu.

use mamos::app::reports::{self as app, DocumentKind, ReportRequest, ReportWritten};
use mamos::app::Scope;
use mamos::error::ErrorReport;
use tauri::State;

use super::{absolute, today, with_extension, Db};

/// The documents the Export menu offers for `scope`, in menu order.
#[tauri::command]
pub fn document_kinds(scope: Scope) -> Vec<DocumentKind> {
    app::document_kinds(&scope)
}

/// Writes the document the Export menu asks for to `path` (absolute; chosen in the
/// save dialog or typed), on a blocking thread while the window shows progress.
#[tauri::command]
pub async fn export_report(
    db: State<'_, Db>,
    request: ReportRequest,
    path: String,
) -> Result<ReportWritten, ErrorReport> {
    // GTK's save dialog may leave the extension off.
    let path = with_extension(absolute(path, "where to save the PDF")?, ".pdf", "pdf");
    let today = today();
    db.run(move |store| app::write_report(store, &request, &path, today))
        .await
}
