//! PDF documents built from the store: what each document needs is gathered
//! here once, so the CLI (`mamos report`) and the desktop Export menu write
//! the same bytes for the same data, options and date. The layout itself is
//! the pure `report` module; this module only reads the store and writes the file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dora::DoraOutcome;
use crate::report::{Paper, Pdf, ReportOptions};
use crate::store::Store;
use crate::{Error, Result};

/// A document the desktop Export menu offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// One page for sponsors: a component's scores, largest gaps and DORA class.
    Executive,
    /// The coach's workbook of a component's latest workshop.
    Workbook,
    /// The team's onboarding pack: the component's open 90-day plan week by week.
    Onboarding,
    /// Every component of the organisation.
    Organisation,
    /// The components of one group.
    Group,
    /// One page for sponsors about the whole organisation.
    OrganisationSummary,
    /// One page for sponsors about one group.
    GroupSummary,
}

/// The paper size chosen in the Export menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaperSize {
    A4,
    Letter,
}

impl From<PaperSize> for Paper {
    fn from(size: PaperSize) -> Paper {
        match size {
            PaperSize::A4 => Paper::A4,
            PaperSize::Letter => Paper::Letter,
        }
    }
}

/// What the Export menu asks for: the document, about what, in which language and on which paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    pub kind: DocumentKind,
    /// The component of an executive summary or a workbook.
    pub component_id: Option<i64>,
    /// The group of a group report.
    pub group: Option<String>,
    /// `en` or `fr`.
    pub lang: String,
    pub paper: PaperSize,
}

/// Builds the requested document. `today` is printed on it; the author is the
/// facilitator of the component's latest workshop (none for organisation and group reports).
pub fn export_pdf(store: &Store, request: &ExportRequest, today: chrono::NaiveDate) -> Result<Pdf> {
    let mut options = ReportOptions {
        lang: request.lang.clone(),
        paper: request.paper.into(),
        date: today,
        organisation: String::new(),
        author: String::new(),
    };
    let component = || {
        request.component_id.ok_or_else(|| {
            Error::invalid("component", "choose the component this document is about")
        })
    };
    let group = || match request.group.as_deref() {
        Some(group) if !group.trim().is_empty() => Ok(group),
        _ => Err(Error::invalid(
            "group",
            "choose the group this report is about",
        )),
    };
    match request.kind {
        DocumentKind::Executive => executive_pdf(store, component()?, &mut options, true),
        DocumentKind::Workbook => workbook_pdf(store, component()?, &mut options, true),
        DocumentKind::Onboarding => onboarding_pdf(store, component()?, &mut options, true),
        DocumentKind::Organisation => org_pdf(store, None, &options),
        DocumentKind::Group => org_pdf(store, Some(group()?), &options),
        DocumentKind::OrganisationSummary => rollup_executive_pdf(store, None, &options),
        DocumentKind::GroupSummary => rollup_executive_pdf(store, Some(group()?), &options),
    }
}

/// The coach's workbook of a component's latest workshop (with the comparison
/// to the one before, when there is one). With `default_author`, the author is that workshop's facilitator.
pub fn workbook_pdf(
    store: &Store,
    component_id: i64,
    options: &mut ReportOptions,
    default_author: bool,
) -> Result<Pdf> {
    let component = store.component(component_id)?;
    let workshops = store.workshops(component.id)?;
    let Some(current) = workshops.last() else {
        return Err(Error::invalid(
            "component",
            format!(
                "{:?} has no workshop yet; answer its practices or start a workshop first",
                component.name
            ),
        ));
    };
    let view = store.workshop_view(current.id)?;
    let votes = store.votes(current.id)?;
    let disagreements = store.disagreements(current.id)?;
    let previous = match workshops.len().checked_sub(2).map(|i| &workshops[i]) {
        Some(before) => Some((
            before,
            crate::history::compare(&store.workshop_view(before.id)?, &view),
        )),
        None => None,
    };
    let dora = store
        .dora(current.id)?
        .map(|(metrics, year)| DoraOutcome::new(metrics, year));
    if default_author {
        options.author = current.facilitator.clone();
    }
    crate::report::workbook_pdf(
        &crate::report::WorkbookInput {
            workshop: current,
            view: &view,
            votes: &votes,
            disagreements: &disagreements,
            previous: previous.as_ref().map(|(w, c)| (*w, c)),
            dora: dora.as_ref(),
        },
        options,
    )
}

/// The one-page executive summary of a component, with the DORA outcome of its latest workshop.
/// With `default_author`, the author is that workshop's facilitator.
pub fn executive_pdf(
    store: &Store,
    component_id: i64,
    options: &mut ReportOptions,
    default_author: bool,
) -> Result<Pdf> {
    let workshops = store.workshops(component_id)?;
    let view = store.assessment(component_id)?;
    let dora = match workshops.last() {
        Some(latest) => {
            if default_author {
                options.author = latest.facilitator.clone();
            }
            store
                .dora(latest.id)?
                .map(|(metrics, year)| DoraOutcome::new(metrics, year))
        }
        None => None,
    };
    let glance = store
        .open_plan(component_id)?
        .map(|stored| crate::report::PlanGlance::of(&stored.plan));
    let extras = crate::report::Executive {
        dora: dora.as_ref(),
        plan: match &glance {
            Some(glance) => crate::report::PlanSection::Glance(glance),
            None => crate::report::PlanSection::NoPlanYet,
        },
    };
    crate::report::executive_summary_pdf(&view, &extras, options)
}

/// The organisation report, or with `group` the report of one group: the
/// heatmap of each component's latest scores, the roll-ups, the trends and the
/// organisation-level plan.
pub fn org_pdf(store: &Store, group: Option<&str>, options: &ReportOptions) -> Result<Pdf> {
    let (entries, bank) = org_components(store, &scope_components(store, group)?)?;
    let groups = match group {
        Some(_) => Vec::new(),
        None => store.groups()?,
    };
    // The same common objectives as `mamos plan org` with its defaults.
    let common = store.common_objectives(group, 2, 3, &options.lang)?;
    crate::report::org_pdf(
        &crate::report::OrgInput {
            group,
            bank: &bank,
            components: &entries,
            groups: &groups,
            common: &common,
        },
        options,
    )
}

/// The one-page executive summary of a group or the whole organisation: the
/// roll-up, the DORA classes of the components' latest workshops, the shared gaps.
pub fn rollup_executive_pdf(
    store: &Store,
    group: Option<&str>,
    options: &ReportOptions,
) -> Result<Pdf> {
    let components = scope_components(store, group)?;
    let (entries, bank) = org_components(store, &components)?;
    // The DORA class of each component's latest workshop, where metrics were entered.
    let mut dora = Vec::new();
    for component in &components {
        let Some(latest) = store.workshops(component.id)?.pop() else {
            continue;
        };
        match store.dora(latest.id)? {
            Some((metrics, year)) if !metrics.is_empty() => {
                let outcome = DoraOutcome::new(metrics, year);
                dora.push((outcome.classification.overall, year));
            }
            _ => {}
        }
    }
    let common = store.common_objectives(group, 2, usize::MAX, &options.lang)?;
    crate::report::rollup_executive_pdf(
        &crate::report::RollupExecutive {
            group,
            bank: &bank,
            components: &entries,
            dora: &dora,
            common: &common,
        },
        options,
    )
}

/// The team's onboarding pack: the component's open plan week by week.
/// With `default_author`, the author is the facilitator of the plan's workshop.
pub fn onboarding_pdf(
    store: &Store,
    component_id: i64,
    options: &mut ReportOptions,
    default_author: bool,
) -> Result<Pdf> {
    let component = store.component(component_id)?;
    let stored = store
        .open_plan(component.id)?
        .ok_or_else(|| Error::NoOpenPlan(component.name.clone()))?;
    let workshop = store.workshop(stored.workshop_id)?;
    let view = store.workshop_view(workshop.id)?;
    if default_author {
        options.author = workshop.facilitator.clone();
    }
    crate::report::onboarding_pdf(
        &crate::report::OnboardingInput {
            workshop: &workshop,
            view: &view,
            plan: &stored.plan,
        },
        options,
    )
}

/// The components of the organisation, or of `group`.
fn scope_components(
    store: &Store,
    group: Option<&str>,
) -> Result<Vec<crate::assessment::Component>> {
    match group {
        Some(name) => store.group_components(name),
        None => store.components(),
    }
}

/// Each of `components` with its latest scores and its trend over all its
/// workshops, and the bank to name the pillars.
fn org_components(
    store: &Store,
    components: &[crate::assessment::Component],
) -> Result<(Vec<crate::report::OrgComponent>, Arc<crate::model::Bank>)> {
    // Every workshop's scores in one bulk read (oldest first, as `workshops()`
    // lists them), instead of one full workshop view per workshop.
    let mut history: std::collections::HashMap<i64, Vec<crate::store::ScoredAssessment>> =
        std::collections::HashMap::new();
    for scored in store.assessment_scores_all()? {
        history.entry(scored.component_id).or_default().push(scored);
    }
    let mut entries = Vec::with_capacity(components.len());
    let mut bank = None;
    for component in components {
        let mut own = history.remove(&component.id).unwrap_or_default();
        if bank.is_none() {
            if let Some(first) = own.first() {
                let workshop = store.workshop(first.workshop_id)?;
                bank = Some(store.shared_bank(&workshop.bank_id, &workshop.bank_version)?);
            }
        }
        let points: Vec<(&str, &crate::scoring::Scores)> = own
            .iter()
            .map(|a| (a.held_on.as_str(), &a.scores))
            .collect();
        let trend = crate::history::trend(&points);
        let scores = match own.pop() {
            Some(latest) => latest.scores,
            None => store.scores(component.id)?,
        };
        entries.push(crate::report::OrgComponent {
            name: component.name.clone(),
            scores,
            trend,
        });
    }
    Ok((
        entries,
        bank.unwrap_or_else(|| Arc::new(crate::model::builtin_bank())),
    ))
}

/// Writes `bytes` next to `path` first, then renames it over `path`: a full
/// disk or a refused write leaves whatever was at `path` untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let file_error = |source| Error::File {
        path: path.to_path_buf(),
        source,
    };
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    if let Err(source) = std::fs::write(&partial, bytes) {
        let _ = std::fs::remove_file(&partial);
        return Err(file_error(source));
    }
    std::fs::rename(&partial, path).map_err(|source| {
        let _ = std::fs::remove_file(&partial);
        file_error(source)
    })
}
