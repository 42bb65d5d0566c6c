//! PDF documents: what each document needs is gathered from the store here,
//! once, so the CLI (`mamos report`) and the desktop's Export menu write the
//! same bytes for the same data, options and date. The layout itself is the
//! pure `report` module.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Scope;
use crate::assessment::Component;
use crate::dora::DoraOutcome;
use crate::model::Bank;
use crate::report::{OrgComponent, Paper, Pdf, ReportOptions};
use crate::store::{ScoredAssessment, Store};
use crate::{Error, Result};

/// A PDF document Mamos writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// One page for sponsors: of a component, a group or the organisation.
    Executive,
    /// The coach's workbook of a component's latest workshop.
    Workbook,
    /// The team's onboarding pack: the component's open 90-day plan week by week.
    Onboarding,
    /// The report of a group or of the organisation: heatmap, roll-ups, trends
    /// and the organisation-level plan.
    Org,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::Executive,
        DocumentKind::Workbook,
        DocumentKind::Onboarding,
        DocumentKind::Org,
    ];

    /// The name the CLI's `--kind` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Executive => "executive",
            DocumentKind::Workbook => "workbook",
            DocumentKind::Onboarding => "onboarding",
            DocumentKind::Org => "org",
        }
    }

    /// Whether this document can be written about `scope`.
    fn is_offered_for(self, scope: &Scope) -> bool {
        let about_component = matches!(scope, Scope::Component { .. });
        match self {
            DocumentKind::Executive => true,
            DocumentKind::Workbook | DocumentKind::Onboarding => about_component,
            DocumentKind::Org => !about_component,
        }
    }
}

/// The documents that can be written about `scope`, in menu order.
pub fn document_kinds(scope: &Scope) -> Vec<DocumentKind> {
    DocumentKind::ALL
        .into_iter()
        .filter(|kind| kind.is_offered_for(scope))
        .collect()
}

/// A document to write: which, about what, in which language and on which paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportRequest {
    pub kind: DocumentKind,
    pub scope: Scope,
    /// `en` or `fr`.
    pub lang: String,
    pub paper: Paper,
    /// The organisation's name, for the page headers; may be empty.
    #[serde(default)]
    pub organisation: String,
    /// The PDF's author. Default: the facilitator of the workshop the document
    /// is about (none for group and organisation documents).
    #[serde(default)]
    pub author: Option<String>,
}

/// A PDF written to disk: where, how big, and what could not be rendered.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReportWritten {
    pub path: String,
    pub bytes: u64,
    pub pages: usize,
    pub warnings: Vec<String>,
}

/// Writes the requested document to `path`, dated `date`; whatever was at
/// `path` stays until the whole file is written.
pub fn write_report(
    store: &Store,
    request: &ReportRequest,
    path: &Path,
    date: NaiveDate,
) -> Result<ReportWritten> {
    super::check_output_path(store, path)?;
    let pdf = document(store, request, date)?;
    super::write_atomically(path, &pdf.bytes)?;
    Ok(ReportWritten {
        path: path.display().to_string(),
        bytes: pdf.bytes.len() as u64,
        pages: pdf.pages,
        warnings: pdf.warnings,
    })
}

/// Builds the requested document, dated `date`.
pub fn document(store: &Store, request: &ReportRequest, date: NaiveDate) -> Result<Pdf> {
    let mut options = ReportOptions {
        lang: request.lang.clone(),
        paper: request.paper,
        date,
        organisation: request.organisation.clone(),
        author: request.author.clone().unwrap_or_default(),
    };
    let default_author = request.author.is_none();
    let group = request.scope.group();
    match (request.kind, &request.scope) {
        (DocumentKind::Executive, Scope::Component { id }) => {
            executive_pdf(store, *id, &mut options, default_author)
        }
        (DocumentKind::Workbook, Scope::Component { id }) => {
            workbook_pdf(store, *id, &mut options, default_author)
        }
        (DocumentKind::Onboarding, Scope::Component { id }) => {
            onboarding_pdf(store, *id, &mut options, default_author)
        }
        (DocumentKind::Executive, _) => rollup_executive_pdf(store, group, &options),
        (DocumentKind::Org, Scope::Group { .. } | Scope::Organisation) => {
            org_pdf(store, group, &options)
        }
        // What `is_offered_for` leaves out, with what to give instead.
        (DocumentKind::Workbook, _) => Err(Error::invalid(
            "--kind",
            "a workbook is written for one component: give --component NAME",
        )),
        (DocumentKind::Onboarding, _) => Err(Error::invalid(
            "--kind",
            "an onboarding pack is written for one component: give --component NAME",
        )),
        (DocumentKind::Org, Scope::Component { .. }) => Err(Error::invalid(
            "--kind",
            "the org report covers the organisation or a group: give --org or --group NAME",
        )),
    }
}

/// The coach's workbook of a component's latest workshop (with the comparison
/// to the one before, when there is one). With `default_author`, the author
/// is that workshop's facilitator.
fn workbook_pdf(
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
    let dora = super::workshops::dora(store, current.id)?;
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

/// The one-page executive summary of a component, with the DORA outcome of
/// its latest workshop. With `default_author`, the author is that workshop's facilitator.
fn executive_pdf(
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
            super::workshops::dora(store, latest.id)?
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
fn org_pdf(store: &Store, group: Option<&str>, options: &ReportOptions) -> Result<Pdf> {
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
fn rollup_executive_pdf(
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
fn onboarding_pdf(
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
fn scope_components(store: &Store, group: Option<&str>) -> Result<Vec<Component>> {
    match group {
        Some(name) => store.group_components(name),
        None => store.components(),
    }
}

/// Each of `components` with its latest scores and its trend over all its
/// workshops, and the bank to name the pillars.
fn org_components(
    store: &Store,
    components: &[Component],
) -> Result<(Vec<OrgComponent>, Arc<Bank>)> {
    // Every workshop's scores in one bulk read, instead of one full workshop
    // view per workshop.
    let mut history: HashMap<i64, Vec<ScoredAssessment>> = HashMap::new();
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
        entries.push(OrgComponent {
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
