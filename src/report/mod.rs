//! PDF reports. `layout` holds the reusable helpers (measured text, canvas,
//! tables, deterministic saving), `fonts` the embedded DejaVu fonts, and one
//! module per document (`summary`: the one-page component summary).

pub mod fonts;
pub mod layout;
pub mod radar;
mod summary;

/// A finished PDF and what the reader should know about it (for example a
/// character the font cannot draw, shown as a replacement character).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
}

/// One A4 page: component name, date, bank (title, id, version), blueprint, the pillar table
/// (pillar name, score %, level, target %, percent-to-target, answered / N/A / unanswered),
/// overall score and level, limiting pillar, and a vector radar chart of score vs target with a legend.
///
/// Pillar names come from the bank in `lang`; the page's own labels exist in
/// English and French (other languages fall back to English). `date` is printed
/// and written as the creation date: the same view, language and date give the
/// same bytes.
pub fn component_summary_pdf(
    view: &crate::assessment::AssessmentView,
    lang: &str,
    date: chrono::NaiveDate,
) -> crate::Result<Pdf> {
    summary::render(view, lang, date)
}
