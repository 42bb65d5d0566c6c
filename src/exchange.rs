//! The `.mamos.json` bundle that moves work between coaches' laptops: the
//! components, their groups and workshops (participants, votes, agreed
//! answers, notes, revealed practices), their 90-day plans (actions with the
//! coach's edits and statuses, check-ins, closure grades) and the bank
//! versions they used.
//! Deterministic: no export time, everything in a stable order, so importing
//! a bundle into an empty database and exporting again gives the same bytes.
//!
//! Format versions: 1 has no plans; 2 adds `plans` to a component; 3 adds
//! stable `id`s to components and workshops (so bundles from several coaches
//! merge: see `Store::import_bundle`) and `conflict_of` to a workshop. This
//! Mamos writes version 3 and reads all three; the ids of an older bundle are
//! derived from what identified its components and workshops then, the same
//! way the schema migration derives them for rows stored before ids existed.
//!
//! The CSV exports (`csv`) are written here too, from the records the store
//! reads (`Store::component_records`): this module reads no database.

mod csv;
mod rules;

pub use csv::{csv_tables, ComponentRecords, CsvTables, WorkshopRecords};

use std::collections::btree_map::Entry;

use serde::{Deserialize, Serialize};

use crate::model::{Bank, Blueprint};
use crate::scoring::Answer;
use crate::{Error, Result};

pub const BUNDLE_FORMAT: &str = "mamos-bundle";
/// The newest format version this Mamos reads, and the one it writes.
pub const BUNDLE_VERSION: u32 = 3;
/// The first format version with plans.
pub const PLANS_BUNDLE_VERSION: u32 = 2;
/// The first format version with stable ids.
pub const IDS_BUNDLE_VERSION: u32 = 3;
/// The oldest format version this Mamos reads.
pub const OLDEST_BUNDLE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub format: String,
    pub format_version: u32,
    /// Every bank version a workshop of the bundle uses.
    pub banks: Vec<Bank>,
    pub groups: Vec<BundleGroup>,
    pub components: Vec<BundleComponent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleGroup {
    pub name: String,
    /// Names of the bundle's components in this group.
    pub components: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleComponent {
    /// Stable across databases (format version 3; derived for older bundles).
    #[serde(default)]
    pub id: String,
    pub name: String,
    pub blueprint: Blueprint,
    pub created_at: String,
    /// Oldest first; the last one is the current assessment.
    pub workshops: Vec<BundleWorkshop>,
    /// The coach's target overrides, with their reasons.
    #[serde(default)]
    pub target_overrides: Vec<crate::assessment::TargetOverride>,
    /// The 90-day plans, oldest first (format version 2; left out when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<BundlePlan>,
}

/// A 90-day plan as it travels. Workshops and plans are named by their
/// position (from 0) in the component's `workshops` and `plans`, since row
/// ids differ from one database to another. A plan is the same plan in two
/// databases when its workshop and `created_at` are the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundlePlan {
    /// The workshop it was generated from.
    pub workshop: usize,
    pub created_at: String,
    /// The plan as the coach left it: actions with their edits and statuses.
    pub plan: crate::plan::Plan,
    pub checkins: Vec<BundleCheckin>,
    pub closed_at: Option<String>,
    /// The re-assessment workshop that closed it.
    pub closed_by: Option<usize>,
    pub grades: Vec<crate::plan::KeyResultGrade>,
    /// The plan this one follows.
    pub follows: Option<usize>,
    /// Set on a version kept beside another after a conflicting import: the plan it conflicts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_of: Option<usize>,
}

/// A recorded weekly check-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleCheckin {
    pub week: u32,
    pub key_results: std::collections::BTreeMap<String, crate::plan::Rag>,
    pub target_condition: String,
    pub actual_condition: String,
    pub obstacle: String,
    pub next_step: String,
    pub check_on: Option<chrono::NaiveDate>,
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleWorkshop {
    /// Stable across databases (format version 3; derived for older bundles).
    #[serde(default)]
    pub id: String,
    /// Set on another coach's version of a workshop, kept beside it after a
    /// conflicting import: the position of the workshop it conflicts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_of: Option<usize>,
    pub bank_id: String,
    pub bank_version: String,
    pub started_at: String,
    pub held_on: String,
    pub facilitator: String,
    pub participants: Vec<String>,
    /// The facilitator's agreed answers and the notes, by practice id.
    pub answers: Vec<BundleAnswer>,
    pub votes: Vec<BundleVote>,
    /// Practices whose votes were shown to the room.
    pub revealed: Vec<String>,
    /// Evidence links per practice.
    #[serde(default)]
    pub evidence: Vec<BundleEvidence>,
    /// The DORA outcome metrics entered for this workshop, if any.
    #[serde(default)]
    pub dora: Option<BundleDora>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleEvidence {
    pub practice_id: String,
    /// A URL or a file path; named `target` in bundles since format 3, so
    /// bundles written before still read.
    #[serde(rename = "target")]
    pub location: String,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleDora {
    pub metrics: crate::dora::DoraMetrics,
    pub year: crate::dora::ReportYear,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleAnswer {
    pub practice_id: String,
    pub answer: Option<Answer>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleVote {
    pub participant: String,
    pub practice_id: String,
    pub answer: Answer,
}

impl Bundle {
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a bundle always serializes");
        text.push('\n');
        text
    }

    /// Parses a bundle file; `file` names it in every message. Checks the
    /// format and its version, that every workshop's bank is in the bundle or
    /// stored here (`stored_bank(id, version)`), that a bank the bundle
    /// carries does not differ from the stored one of the same version, and
    /// the content against the rules of an edit and the banks' practices.
    pub fn parse(
        file: &str,
        text: &str,
        stored_bank: impl Fn(&str, &str) -> Result<Option<Bank>>,
    ) -> Result<Bundle> {
        let invalid = |message: String| Error::invalid(file, message);
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            invalid(format!(
                "malformed JSON at line {}, column {}",
                e.line(),
                e.column()
            ))
        })?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(BUNDLE_FORMAT) => {}
            _ => {
                return Err(invalid(format!(
                    "not a Mamos bundle: expected \"format\": \"{BUNDLE_FORMAT}\""
                )))
            }
        }
        match value.get("format_version").and_then(|v| v.as_u64()) {
            Some(v) if (u64::from(OLDEST_BUNDLE_VERSION)..=u64::from(BUNDLE_VERSION)).contains(&v) => {}
            Some(v) if v > u64::from(BUNDLE_VERSION) => {
                return Err(invalid(format!(
                    "$.format_version: bundle format version {v} comes from a newer Mamos (this one reads versions {OLDEST_BUNDLE_VERSION} to {BUNDLE_VERSION}); update Mamos"
                )))
            }
            _ => {
                return Err(invalid(format!(
                    "expected \"format_version\" from {OLDEST_BUNDLE_VERSION} to {BUNDLE_VERSION}"
                )))
            }
        }
        // Read from the text, not the value, so the message says where.
        let mut bundle: Bundle = serde_json::from_str(text).map_err(|e| {
            let problem = e.to_string();
            let problem = problem.split(" at line ").next().unwrap_or(&problem);
            invalid(format!(
                "does not match the bundle format at line {}, column {}: {problem}",
                e.line(),
                e.column()
            ))
        })?;
        if bundle.format_version < IDS_BUNDLE_VERSION {
            derive_legacy_ids(&mut bundle).map_err(invalid)?;
        }
        check_ids(&bundle).map_err(invalid)?;
        let mut banks = rules::Banks::new();
        for (i, bank) in bundle.banks.iter().enumerate() {
            // Banks travel as data: hold them to the same validation as a bank file.
            let json = serde_json::to_string(bank).expect("a bank always serializes");
            crate::model::parse_bank(
                &format!("{file} (bank {} {})", bank.id, bank.version),
                &json,
            )?;
            let key = (bank.id.clone(), bank.version.clone());
            if banks.contains_key(&key) {
                return Err(invalid(format!(
                    "$.banks[{i}]: bank {} {} is listed twice",
                    bank.id, bank.version
                )));
            }
            // A version names one content: two differing banks under one
            // version would score the same workshops two ways.
            if stored_bank(&bank.id, &bank.version)?.is_some_and(|stored| stored != *bank) {
                return Err(invalid(format!(
                    "$.banks[{i}]: bank {} {} is already stored here with different content; give the changed bank a new version",
                    bank.id, bank.version
                )));
            }
            banks.insert(key, bank.clone());
        }
        for component in &bundle.components {
            for workshop in &component.workshops {
                let (id, version) = (&workshop.bank_id, &workshop.bank_version);
                if let Entry::Vacant(entry) = banks.entry((id.clone(), version.clone())) {
                    if let Some(stored) = stored_bank(id, version)? {
                        entry.insert(stored);
                    }
                }
            }
        }
        rules::check_content(&bundle, &banks).map_err(invalid)?;
        for (c, component) in bundle.components.iter().enumerate() {
            if !component.plans.is_empty() && bundle.format_version < PLANS_BUNDLE_VERSION {
                return Err(invalid(format!(
                    "$.components[{c}] has plans, which need \"format_version\": {PLANS_BUNDLE_VERSION}"
                )));
            }
            let open = component
                .plans
                .iter()
                .filter(|p| p.closed_at.is_none() && p.conflict_of.is_none())
                .count();
            if open > 1 {
                return Err(invalid(format!(
                    "$.components[{c}] has {open} open plans; a component has at most one (the others closed, or marked conflict_of)"
                )));
            }
            for (p, plan) in component.plans.iter().enumerate() {
                check_plan_refs(component.workshops.len(), p, plan).map_err(|problem| {
                    invalid(format!("$.components[{c}].plans[{p}]: {problem}"))
                })?;
            }
        }
        Ok(bundle)
    }
}

/// The id a component had before ids were stored: its creation time and
/// name, as `migrations/0007_stable_ids.sql` derives it.
pub fn legacy_component_id(created_at: &str, name: &str) -> String {
    format!("legacy-{}", lower_hex(&format!("{created_at}/{name}")))
}

/// The id a workshop had before ids were stored: its component's, its start
/// time and its position among the component's workshops, as the migration derives it.
pub fn legacy_workshop_id(
    created_at: &str,
    name: &str,
    started_at: &str,
    position: usize,
) -> String {
    format!(
        "legacy-{}",
        lower_hex(&format!("{created_at}/{name}/{started_at}/{position}"))
    )
}

/// SQLite's `lower(hex(text))`: the UTF-8 bytes in lower-case hexadecimal.
fn lower_hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Gives an older bundle's components and workshops their derived ids; the
/// fields that need version 3 must not be there.
fn derive_legacy_ids(bundle: &mut Bundle) -> std::result::Result<(), String> {
    let version = bundle.format_version;
    for (c, component) in bundle.components.iter_mut().enumerate() {
        let too_new = |field: &str| {
            format!("$.components[{c}]{field} needs \"format_version\": {IDS_BUNDLE_VERSION} (this bundle says {version})")
        };
        if !component.id.is_empty() {
            return Err(too_new(".id"));
        }
        component.id = legacy_component_id(&component.created_at, &component.name);
        for (w, workshop) in component.workshops.iter_mut().enumerate() {
            if !workshop.id.is_empty() || workshop.conflict_of.is_some() {
                return Err(too_new(&format!(
                    ".workshops[{w}] with an id or conflict_of"
                )));
            }
            workshop.id = legacy_workshop_id(
                &component.created_at,
                &component.name,
                &workshop.started_at,
                w,
            );
        }
    }
    Ok(())
}

/// Every component and workshop has an id no other one of the bundle has, and
/// a conflicting version points at an earlier workshop that is not one itself.
fn check_ids(bundle: &Bundle) -> std::result::Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    for (c, component) in bundle.components.iter().enumerate() {
        if component.id.trim().is_empty() {
            return Err(format!("$.components[{c}].id is missing or empty"));
        }
        if !seen.insert(component.id.as_str()) {
            return Err(format!(
                "$.components[{c}].id {:?} is used twice",
                component.id
            ));
        }
        for (w, workshop) in component.workshops.iter().enumerate() {
            let at = format!("$.components[{c}].workshops[{w}]");
            if workshop.id.trim().is_empty() {
                return Err(format!("{at}.id is missing or empty"));
            }
            if !seen.insert(workshop.id.as_str()) {
                return Err(format!("{at}.id {:?} is used twice", workshop.id));
            }
            if let Some(original) = workshop.conflict_of {
                let points_back =
                    original < w && component.workshops[original].conflict_of.is_none();
                if !points_back {
                    return Err(format!(
                        "{at}.conflict_of {original} is not an earlier workshop of the component that is not itself a conflicting version"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// A plan's references point at workshops of its component and at earlier plans.
fn check_plan_refs(
    workshops: usize,
    index: usize,
    plan: &BundlePlan,
) -> std::result::Result<(), String> {
    let workshop = |field: &str, w: usize| {
        if w < workshops {
            Ok(())
        } else {
            Err(format!(
                "{field} {w} is not a workshop of the component (it has {workshops})"
            ))
        }
    };
    workshop("workshop", plan.workshop)?;
    if let Some(w) = plan.closed_by {
        workshop("closed_by", w)?;
    }
    for (field, earlier) in [("follows", plan.follows), ("conflict_of", plan.conflict_of)] {
        if let Some(p) = earlier.filter(|p| *p >= index) {
            return Err(format!(
                "{field} {p} is not an earlier plan of the component"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_evidence_location_keeps_the_bundle_field_name_target() {
        let written = r#"{"practice_id":"methods.ci","target":"https://ci.example","label":"CI"}"#;
        let evidence: BundleEvidence = serde_json::from_str(written).expect("a format 3 link");
        assert_eq!(evidence.location, "https://ci.example");
        assert_eq!(
            serde_json::to_string(&evidence).expect("serializes"),
            written
        );
    }
}
