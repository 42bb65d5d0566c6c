//! Question banks: the types a bank file is made of, loading and validation
//! (`validate`), and the JSON Schema published for bank authors (`schema`).
//!
//! A bank is versioned data: an assessment pins the bank id and version it was
//! taken with, so these types describe one immutable version of a bank.

mod validate;

pub use validate::{parse_bank, BankProblem};

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The language every human text must have; others are optional.
pub const DEFAULT_LANG: &str = "en";

/// Levels run from 0 (Absent) to 4 (Optimizing).
pub const MAX_LEVEL: u8 = 4;

/// A human text in several languages: language code → text. `en` is required.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema, TS)]
#[serde(transparent)]
#[schemars(extend(
    "required" = ["en"],
    "additionalProperties" = {"type": "string", "minLength": 1}
))]
pub struct LocalizedText(pub BTreeMap<String, String>);

impl LocalizedText {
    /// The text in `lang`, else in English (validation guarantees English exists).
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get(DEFAULT_LANG))
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn en(text: &str) -> Self {
        LocalizedText(BTreeMap::from([(
            DEFAULT_LANG.to_string(),
            text.to_string(),
        )]))
    }
}

/// The five MAMOS pillars, in their canonical order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "lowercase")]
pub enum PillarId {
    Methods,
    Architecture,
    Management,
    Organization,
    Skills,
}

impl PillarId {
    pub const ALL: [PillarId; 5] = [
        PillarId::Methods,
        PillarId::Architecture,
        PillarId::Management,
        PillarId::Organization,
        PillarId::Skills,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PillarId::Methods => "methods",
            PillarId::Architecture => "architecture",
            PillarId::Management => "management",
            PillarId::Organization => "organization",
            PillarId::Skills => "skills",
        }
    }

    pub fn parse(text: &str) -> Option<PillarId> {
        PillarId::ALL.into_iter().find(|p| p.as_str() == text)
    }
}

impl fmt::Display for PillarId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// MAMOS context blueprints by company stage (not grades): they set the
/// target level each practice should reach in that context.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
    TS,
)]
pub enum Blueprint {
    /// Discover value, build the MVP (3–10 people).
    I,
    /// Scale the business, structure the platform (10–50 people).
    #[default]
    II,
    /// Expand the offering with domain teams (50–150 people).
    III,
    /// Several businesses, a platform of platforms (500+ people).
    IV,
}

impl Blueprint {
    pub const ALL: [Blueprint; 4] = [Blueprint::I, Blueprint::II, Blueprint::III, Blueprint::IV];

    pub fn as_str(self) -> &'static str {
        match self {
            Blueprint::I => "I",
            Blueprint::II => "II",
            Blueprint::III => "III",
            Blueprint::IV => "IV",
        }
    }

    pub fn parse(text: &str) -> Option<Blueprint> {
        Blueprint::ALL.into_iter().find(|b| b.as_str() == text)
    }
}

impl fmt::Display for Blueprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A question bank: practices grouped by pillar, each with level descriptors
/// and a target level per blueprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[schemars(title = "Mamos question bank", extend("additionalProperties" = false))]
pub struct Bank {
    /// Stable identifier, e.g. `mamos-qe`.
    pub id: String,
    /// Version of this bank's content; assessments pin it.
    pub version: String,
    pub title: LocalizedText,
    /// The five answer levels, values 0 to 4.
    pub levels: Vec<Level>,
    /// The five pillars, in the order methods, architecture, management, organization, skills.
    pub pillars: Vec<Pillar>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[schemars(extend("additionalProperties" = false))]
pub struct Level {
    #[schemars(range(min = 0, max = 4))]
    pub value: u8,
    pub label: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[schemars(extend("additionalProperties" = false))]
pub struct Pillar {
    pub id: PillarId,
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub practices: Vec<Practice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[schemars(extend("additionalProperties" = false))]
pub struct Practice {
    /// Unique in the bank, conventionally `<pillar>.<slug>`.
    pub id: String,
    pub title: LocalizedText,
    /// One observable question about what happens today.
    pub question: LocalizedText,
    /// Relative weight in the pillar's averages; must be finite and > 0.
    #[schemars(extend("exclusiveMinimum" = 0))]
    pub weight: f64,
    /// What the practice looks like at levels 0, 1, 2, 3 and 4: exactly five.
    #[schemars(length(min = 5, max = 5))]
    pub descriptors: Vec<LocalizedText>,
    /// The level a component of each blueprint should reach (0–4).
    #[schemars(extend(
        "required" = ["I", "II", "III", "IV"],
        "additionalProperties" = {"type": "integer", "minimum": 0, "maximum": 4}
    ))]
    pub targets: BTreeMap<Blueprint, u8>,
}

impl Bank {
    pub fn practices(&self) -> impl Iterator<Item = (&Pillar, &Practice)> {
        self.pillars
            .iter()
            .flat_map(|pillar| pillar.practices.iter().map(move |p| (pillar, p)))
    }

    pub fn practice(&self, id: &str) -> Option<&Practice> {
        self.practices().map(|(_, p)| p).find(|p| p.id == id)
    }

    pub fn pillar(&self, id: PillarId) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.id == id)
    }

    pub fn practice_count(&self) -> usize {
        self.pillars.iter().map(|p| p.practices.len()).sum()
    }
}

impl Practice {
    /// The target level for a blueprint; validation guarantees every blueprint has one.
    pub fn target(&self, blueprint: Blueprint) -> u8 {
        self.targets.get(&blueprint).copied().unwrap_or(0)
    }
}

/// The JSON Schema of a bank file, as published in `assessments/schema/bank.schema.json`.
pub fn bank_json_schema() -> String {
    let schema = schemars::schema_for!(Bank);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    text.push('\n');
    text
}

/// The bank shipped inside the binary, stored on first use of a database.
pub const BUILTIN_BANK_JSON: &str = include_str!("../../assessments/mamos.json");
pub const BUILTIN_BANK_FILE: &str = "assessments/mamos.json";

pub fn builtin_bank() -> Bank {
    parse_bank(BUILTIN_BANK_FILE, BUILTIN_BANK_JSON)
        .expect("the built-in bank is validated by the test suite")
}
