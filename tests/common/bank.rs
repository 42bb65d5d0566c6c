//! The one small bank that tests build by hand: levels 0–4 and the five
//! pillars in order, pillar `i` holding `practices[i]`. Shared by the
//! integration tests (`tests/common`) and the crate's unit tests (included
//! with `#[path]` from `src/lib.rs`, where `mamos` names the crate itself).

use mamos::model::{Bank, Level, LocalizedText, Pillar, PillarId, Practice};

/// A bank `test` version `1` whose pillar `i` holds `practices[i]`; a pillar's
/// name is its id in capitals, so a test sees whether the name or the id is shown.
pub fn test_bank(practices: Vec<Vec<Practice>>) -> Bank {
    Bank {
        id: "test".into(),
        version: "1".into(),
        title: LocalizedText::en("test"),
        levels: (0..5)
            .map(|value| Level {
                value,
                label: LocalizedText::en("l"),
            })
            .collect(),
        pillars: PillarId::ALL
            .iter()
            .zip(practices)
            .map(|(&id, practices)| Pillar {
                id,
                name: LocalizedText::en(&id.as_str().to_uppercase()),
                description: LocalizedText::en("d"),
                practices,
            })
            .collect(),
    }
}
