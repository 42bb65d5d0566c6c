//! Question banks: the types a bank file is made of, loading and validation
//! (`validate`), and the JSON Schema published for bank authors (`schema`).
//!
//! A bank is versioned data: an assessment pins the bank id and version it was
//! taken with, so these types describe one immutable version of a bank.

mod blueprint;
pub mod lint;
pub mod show;
mod validate;

pub use blueprint::{blueprint_descriptions, BlueprintDescription};
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

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, TS)]
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
    /// How the practice serves Quality at Speed, in a sentence or two.
    #[serde(default)]
    pub why: Option<LocalizedText>,
    /// What to do next from each level: one step per `from` level 0–3.
    #[serde(default)]
    pub improve: Vec<Improvement>,
    /// Effort to improve it by one level, 1 (days, one team) to 5 (months, many teams).
    #[serde(default)]
    #[schemars(range(min = 1, max = 5))]
    pub effort: Option<u8>,
    #[serde(default)]
    pub impact: Option<Impact>,
    /// Practices that must be in place first (ids in this bank; no cycles).
    #[serde(default)]
    pub depends_on: Vec<String>,
    /// The DORA capabilities it serves, by name (see `dora::CAPABILITIES`).
    #[serde(default)]
    pub dora: Vec<String>,
    /// Short references supporting the practice: a URL, or a document and section.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Who usually owns an improvement step.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    Team,
    TeamLead,
    Platform,
    QaEngineer,
    Management,
}

impl Owner {
    pub const ALL: [Owner; 5] = [
        Owner::Team,
        Owner::TeamLead,
        Owner::Platform,
        Owner::QaEngineer,
        Owner::Management,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Owner::Team => "team",
            Owner::TeamLead => "team_lead",
            Owner::Platform => "platform",
            Owner::QaEngineer => "qa_engineer",
            Owner::Management => "management",
        }
    }

    pub fn parse(text: &str) -> Option<Owner> {
        Owner::ALL.into_iter().find(|o| o.as_str() == text)
    }
}

/// The next step from level `from` to `from + 1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[schemars(extend("additionalProperties" = false))]
pub struct Improvement {
    #[schemars(range(min = 0, max = 3))]
    pub from: u8,
    pub owner: Owner,
    /// One or two concrete actions a team can start this week.
    pub action: LocalizedText,
}

/// How much reaching the practice improves quality and speed, 1 to 5 each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[schemars(extend("additionalProperties" = false))]
pub struct Impact {
    #[schemars(range(min = 1, max = 5))]
    pub quality: u8,
    #[schemars(range(min = 1, max = 5))]
    pub speed: u8,
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

    /// The five pillars' names in pillar order (the pillar id where the bank lacks one).
    pub fn pillar_names(&self) -> Vec<PillarName> {
        PillarId::ALL
            .iter()
            .map(|&id| PillarName {
                id,
                name: self
                    .pillar(id)
                    .map_or_else(|| LocalizedText::en(id.as_str()), |p| p.name.clone()),
            })
            .collect()
    }
}

/// A pillar as a screen heads it: its id and its name in the bank's languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PillarName {
    pub id: PillarId,
    pub name: LocalizedText,
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

/// The id and version of the bank shipped in the binary, as its JSON says
/// (`the_builtin_bank_is_valid` checks they agree): a database that already
/// holds this version is opened without reading the 300 KB of JSON.
pub const BUILTIN_BANK_ID: &str = "mamos-qe";
pub const BUILTIN_BANK_VERSION: &str = "1.0.0";

/// `id version` of the bank shipped in the binary (e.g. `mamos-qe 1.0.0`), as
/// `mamos --version` and *About Mamos* show it.
pub fn builtin_bank_version() -> String {
    format!("{BUILTIN_BANK_ID} {BUILTIN_BANK_VERSION}")
}

/// The bank shipped in the binary. Read straight into a `Bank`, without
/// `parse_bank`'s checks (a JSON tree, the checks, then a second conversion,
/// on every start): `the_builtin_bank_is_valid` runs them on it.
pub fn builtin_bank() -> Bank {
    serde_json::from_str(BUILTIN_BANK_JSON)
        .expect("the built-in bank is validated by the test suite")
}
