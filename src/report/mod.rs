//! PDF reports: four documents, each a pure function of its data and
//! [`ReportOptions`] (the same input gives the same bytes).
//!
//! - `summary`: the one-page summaries: `summary::component` the component
//!   summary and executive summary, `summary::rollup` the executive summary of
//!   a group or the organisation, and what they share (`page`, `chart`: the
//!   radar chart fitted to its area, `glance`: the 90-day plan at a glance).
//! - `workbook`: the coach's workbook of one workshop.
//! - `onboarding`: the team onboarding pack of a 90-day plan.
//! - `org`: the organisation (or group) report.
//!
//! What the documents are built from: `layout` (measured text, the page
//! canvas and styles, tables, deterministic saving, one file each),
//! `document` (the multi-page flow: running header, "Page n of N", tables
//! split across pages, bookmarks), `radar` (the radar chart's geometry),
//! `fonts` (the embedded DejaVu fonts) and `words` (the English and French
//! wording).

pub mod document;
pub mod fonts;
pub mod layout;
mod onboarding;
mod org;
pub mod radar;
mod summary;
pub mod words;
mod workbook;

pub use layout::Paper;
pub use onboarding::OnboardingInput;
pub use org::{organisation_trend, OrgComponent, OrgInput};
pub use summary::{Executive, GlanceObjective, PlanGlance, PlanSection, RollupExecutive};
pub use workbook::WorkbookInput;

/// What every document is given besides its data. Nothing is read from the
/// clock or the disk: the same options and data give the same bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// `en` or `fr` (other languages fall back to English for the document's own words).
    pub lang: String,
    pub paper: Paper,
    /// Printed in the header and written as the creation date.
    pub date: chrono::NaiveDate,
    /// Shown in the running header; may be empty.
    pub organisation: String,
    /// The PDF's author (the coach); may be empty.
    pub author: String,
}

/// "Organisation · Component", or the component alone.
fn header_left(organisation: &str, subject: &str) -> String {
    if organisation.trim().is_empty() {
        subject.to_string()
    } else {
        format!("{} · {subject}", organisation.trim())
    }
}

/// The coach's workbook of one workshop, on as many pages as it needs.
pub fn workbook_pdf(input: &WorkbookInput, options: &ReportOptions) -> crate::Result<Pdf> {
    workbook::render(input, options)
}

/// A finished PDF and what the reader should know about it (for example a
/// character the font cannot draw, shown as a replacement character).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
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
    let options = ReportOptions {
        lang: lang.to_string(),
        paper: Paper::A4,
        date,
        organisation: String::new(),
        author: String::new(),
    };
    summary::render(view, &Executive::default(), &options)
}

/// The one-page executive summary of a component: the summary above plus the
/// three largest gaps in plain words, the DORA classification with its report
/// year, and the 90-day plan at a glance when one is given.
pub fn executive_summary_pdf(
    view: &crate::assessment::AssessmentView,
    extras: &Executive,
    options: &ReportOptions,
) -> crate::Result<Pdf> {
    summary::render(view, extras, options)
}

/// The team onboarding pack: what Mamos is and how the team was assessed,
/// the 13 weeks of its 90-day plan as a timeline and a calendar, each action
/// with its owner and how to do better, and a check-in template page.
pub fn onboarding_pdf(input: &OnboardingInput, options: &ReportOptions) -> crate::Result<Pdf> {
    onboarding::render(input, options)
}

/// The one-page executive summary of a group or the whole organisation:
/// mean pillar scores against mean targets, the pillars that limit most
/// components, the largest shared gaps, the spread of DORA classifications
/// and the organisation-level plan at a glance.
pub fn rollup_executive_pdf(
    input: &RollupExecutive,
    options: &ReportOptions,
) -> crate::Result<Pdf> {
    summary::render_rollup(input, options)
}

/// The organisation (or group) report: pillar roll-up, the component × pillar
/// heatmap across as many pages as it needs, group roll-ups and trends.
pub fn org_pdf(input: &OrgInput, options: &ReportOptions) -> crate::Result<Pdf> {
    org::render(input, options)
}
