//! The `.mamos.json` bundle that moves work between coaches' laptops: the
//! components, their groups and workshops (participants, votes, agreed
//! answers, notes, revealed practices) and the bank versions they used.
//! Deterministic: no export time, everything in a stable order, so importing
//! a bundle into an empty database and exporting again gives the same bytes.

use serde::{Deserialize, Serialize};

use crate::model::{Bank, Blueprint};
use crate::scoring::Answer;
use crate::{Error, Result};

pub const BUNDLE_FORMAT: &str = "mamos-bundle";
pub const BUNDLE_VERSION: u32 = 1;

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
    pub name: String,
    pub blueprint: Blueprint,
    pub created_at: String,
    /// Oldest first; the last one is the current assessment.
    pub workshops: Vec<BundleWorkshop>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleWorkshop {
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
    /// The DORA outcome metrics entered for this workshop, if any.
    #[serde(default)]
    pub dora: Option<BundleDora>,
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
    /// format and its version, and that every workshop's bank is in the bundle
    /// or `known_bank(id, version)`.
    pub fn parse(
        file: &str,
        text: &str,
        known_bank: impl Fn(&str, &str) -> bool,
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
            Some(v) if v == u64::from(BUNDLE_VERSION) => {}
            Some(v) if v > u64::from(BUNDLE_VERSION) => {
                return Err(invalid(format!(
                    "bundle format version {v} comes from a newer Mamos (this one reads version {BUNDLE_VERSION}); update Mamos"
                )))
            }
            _ => {
                return Err(invalid(format!(
                    "expected \"format_version\": {BUNDLE_VERSION}"
                )))
            }
        }
        let bundle: Bundle = serde_json::from_value(value)
            .map_err(|e| invalid(format!("does not match the bundle format: {e}")))?;
        for bank in &bundle.banks {
            // Banks travel as data: hold them to the same validation as a bank file.
            let json = serde_json::to_string(bank).expect("a bank always serializes");
            crate::model::parse_bank(
                &format!("{file} (bank {} {})", bank.id, bank.version),
                &json,
            )?;
        }
        for (c, component) in bundle.components.iter().enumerate() {
            for (w, workshop) in component.workshops.iter().enumerate() {
                let (id, version) = (&workshop.bank_id, &workshop.bank_version);
                let in_bundle = bundle
                    .banks
                    .iter()
                    .any(|b| &b.id == id && &b.version == version);
                if !in_bundle && !known_bank(id, version) {
                    return Err(invalid(format!(
                        "$.components[{c}].workshops[{w}] uses bank {id} {version}, which is neither in the bundle nor in this database"
                    )));
                }
            }
        }
        Ok(bundle)
    }
}
