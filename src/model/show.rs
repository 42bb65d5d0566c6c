//! A bank as readable text, so a coach can review it without opening JSON
//! (`mamos bank show`).

use std::fmt::Write;

use super::{Bank, Blueprint, Owner, PillarId};

fn owner_label(owner: Owner) -> &'static str {
    match owner {
        Owner::Team => "team",
        Owner::TeamLead => "team lead",
        Owner::Platform => "platform team",
        Owner::QaEngineer => "QA engineer",
        Owner::Management => "management",
    }
}

/// The bank (or one pillar of it) in `lang`, falling back to English text by text.
pub fn bank_text(bank: &Bank, lang: &str, pillar: Option<PillarId>) -> String {
    let mut out = String::new();
    let level_label = |level: usize| {
        bank.levels
            .iter()
            .find(|l| usize::from(l.value) == level)
            .map_or(String::new(), |l| l.label.get(lang).to_string())
    };
    let _ = writeln!(
        out,
        "{} ({} {})",
        bank.title.get(lang),
        bank.id,
        bank.version
    );
    for p in bank
        .pillars
        .iter()
        .filter(|p| pillar.is_none_or(|id| id == p.id))
    {
        let _ = writeln!(
            out,
            "\n== {} ({} practices) ==\n{}",
            p.name.get(lang),
            p.practices.len(),
            p.description.get(lang)
        );
        for practice in &p.practices {
            let _ = writeln!(out, "\n{}  {}", practice.id, practice.title.get(lang));
            let _ = writeln!(out, "  Q: {}", practice.question.get(lang));
            if let Some(why) = &practice.why {
                let _ = writeln!(out, "  Why: {}", why.get(lang));
            }
            for (level, descriptor) in practice.descriptors.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  {level} {}: {}",
                    level_label(level),
                    descriptor.get(lang)
                );
            }
            let targets: Vec<String> = Blueprint::ALL
                .iter()
                .map(|b| format!("{b} {}", practice.target(*b)))
                .collect();
            let mut facts = vec![
                format!("targets {}", targets.join(", ")),
                format!("weight {}", practice.weight),
            ];
            if let Some(effort) = practice.effort {
                facts.push(format!("effort {effort}/5"));
            }
            if let Some(impact) = practice.impact {
                facts.push(format!(
                    "impact quality {}/5, speed {}/5",
                    impact.quality, impact.speed
                ));
            }
            let _ = writeln!(out, "  {}", facts.join(" · "));
            if !practice.depends_on.is_empty() {
                let _ = writeln!(out, "  Depends on: {}", practice.depends_on.join(", "));
            }
            if !practice.dora.is_empty() {
                let _ = writeln!(out, "  DORA: {}", practice.dora.join(", "));
            }
            for step in &practice.improve {
                let _ = writeln!(
                    out,
                    "  Next {}→{} ({}): {}",
                    step.from,
                    step.from + 1,
                    owner_label(step.owner),
                    step.action.get(lang)
                );
            }
            for source in &practice.sources {
                let _ = writeln!(out, "  Source: {source}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::builtin_bank;

    #[test]
    fn one_pillar_in_french_shows_its_practices_and_levels() {
        let bank = builtin_bank();
        let text = bank_text(&bank, "fr", Some(PillarId::Skills));
        let skills = bank.pillar(PillarId::Skills).unwrap();
        assert!(text.contains(skills.name.get("fr")));
        assert!(
            !text.contains(bank.pillars[0].name.get("fr")),
            "other pillars are left out"
        );
        for practice in &skills.practices {
            assert!(text.contains(&practice.id));
            assert!(text.contains(practice.question.get("fr")));
            assert!(text.contains(practice.descriptors[4].get("fr")));
        }
        assert!(text.contains(&format!("4 {}", bank.levels[4].label.get("fr"))));
    }

    #[test]
    fn an_unknown_language_falls_back_to_english() {
        let bank = builtin_bank();
        let text = bank_text(&bank, "xx", None);
        assert!(text.contains(bank.pillars[0].practices[0].title.get("en")));
        assert_eq!(text.matches("\n== ").count(), 5);
    }
}
