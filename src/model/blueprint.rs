//! How each MAMOS blueprint reads to a person, in English and French: a short
//! name, the company stage it fits and its size (paraphrased from QE Unit's
//! MAMOS pages, source S2 in `assessments/SOURCES.md`). The executive summary
//! and the desktop's blueprint choices both use these words.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::{Blueprint, LocalizedText, DEFAULT_LANG};

/// One blueprint in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BlueprintDescription {
    pub id: Blueprint,
    /// A word or two, for a list of choices.
    pub short: LocalizedText,
    /// The company stage the blueprint fits.
    pub fit: LocalizedText,
    /// How many people such a company has.
    pub size: LocalizedText,
}

impl BlueprintDescription {
    /// "discover value, build the MVP (3–10 people)": the fit and the size in
    /// `lang` (English when missing), as the executive summary prints them.
    pub fn line(&self, lang: &str) -> String {
        format!("{} ({})", self.fit.get(lang), self.size.get(lang))
    }
}

/// Every blueprint in words, I to IV.
pub fn blueprint_descriptions() -> Vec<BlueprintDescription> {
    Blueprint::ALL.iter().map(|b| b.description()).collect()
}

impl Blueprint {
    pub fn description(self) -> BlueprintDescription {
        let words = &WORDS[self as usize];
        BlueprintDescription {
            id: self,
            short: localized(words.short),
            fit: localized(words.fit),
            size: localized(words.size),
        }
    }
}

/// English and French, in that order.
struct Words {
    short: [&'static str; 2],
    fit: [&'static str; 2],
    size: [&'static str; 2],
}

/// In `Blueprint::ALL` order.
const WORDS: [Words; 4] = [
    Words {
        short: ["MVP", "MVP"],
        fit: [
            "discover value, build the MVP",
            "découvrir la valeur, construire le MVP",
        ],
        size: ["3–10 people", "3–10 personnes"],
    },
    Words {
        short: ["Scale-up", "Scale-up"],
        fit: [
            "scale the business, structure the platform",
            "faire grandir l’activité, structurer la plateforme",
        ],
        size: ["10–50 people", "10–50 personnes"],
    },
    Words {
        short: ["Domain teams", "Équipes par domaine"],
        fit: [
            "expand the offering with domain teams",
            "élargir l’offre avec des équipes par domaine",
        ],
        size: ["50–150 people", "50–150 personnes"],
    },
    Words {
        short: ["Platforms", "Plateformes"],
        fit: [
            "several businesses, a platform of platforms",
            "plusieurs activités, une plateforme de plateformes",
        ],
        size: ["500+ people", "500+ personnes"],
    },
];

fn localized([en, fr]: [&str; 2]) -> LocalizedText {
    LocalizedText(BTreeMap::from([
        (DEFAULT_LANG.to_string(), en.to_string()),
        ("fr".to_string(), fr.to_string()),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_blueprint_reads_as_its_fit_and_size_in_english_and_french() {
        let descriptions = blueprint_descriptions();
        let ids: Vec<Blueprint> = descriptions.iter().map(|d| d.id).collect();
        assert_eq!(ids, Blueprint::ALL);
        assert_eq!(
            Blueprint::I.description().line("en"),
            "discover value, build the MVP (3–10 people)"
        );
        assert_eq!(
            Blueprint::IV.description().line("fr"),
            "plusieurs activités, une plateforme de plateformes (500+ personnes)"
        );
        assert_eq!(Blueprint::III.description().short.get("de"), "Domain teams");
    }
}
