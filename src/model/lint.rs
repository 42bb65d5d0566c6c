//! Content checks on a valid bank: what makes a bank good enough to bring
//! into a workshop, beyond being well-formed. `mamos bank lint` prints them;
//! the test suite holds the built-in bank to them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{Bank, Blueprint, LocalizedText, MAX_LEVEL};

/// Each pillar needs at least this many practices to be assessed fairly.
pub const MIN_PRACTICES_PER_PILLAR: usize = 10;

/// One content finding, at a path named by ids (`methods.deploy-daily.descriptors[2].fr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct Linter {
    /// Every language the bank title has: every other text must have them too.
    languages: BTreeSet<String>,
    findings: Vec<Finding>,
    /// (language, normalised text) → where it was first seen.
    seen_texts: BTreeMap<(String, String), String>,
}

impl Linter {
    fn finding(&mut self, path: &str, message: impl Into<String>) {
        self.findings.push(Finding {
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn text(&mut self, path: &str, text: &LocalizedText) {
        for lang in &self.languages.clone() {
            if !text.0.contains_key(lang) {
                self.finding(path, format!("missing the `{lang}` text"));
            }
        }
        for (lang, value) in &text.0 {
            let key = (lang.clone(), normalise(value));
            if let Some(first) = self.seen_texts.get(&key) {
                let message = format!("the `{lang}` text is the same as at {first}");
                self.finding(path, message);
            } else {
                self.seen_texts.insert(key, format!("{path}.{lang}"));
            }
        }
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn lint_bank(bank: &Bank) -> Vec<Finding> {
    let mut linter = Linter {
        languages: bank.title.0.keys().cloned().collect(),
        findings: Vec::new(),
        seen_texts: BTreeMap::new(),
    };
    linter.text("title", &bank.title);
    for level in &bank.levels {
        linter.text(&format!("levels[{}].label", level.value), &level.label);
    }
    for pillar in &bank.pillars {
        let id = pillar.id.as_str();
        if pillar.practices.len() < MIN_PRACTICES_PER_PILLAR {
            linter.finding(
                id,
                format!(
                    "has {} practices; a pillar needs at least {MIN_PRACTICES_PER_PILLAR}",
                    pillar.practices.len()
                ),
            );
        }
        linter.text(&format!("{id}.name"), &pillar.name);
        linter.text(&format!("{id}.description"), &pillar.description);
        for practice in &pillar.practices {
            let at = practice.id.as_str();
            linter.text(&format!("{at}.title"), &practice.title);
            linter.text(&format!("{at}.question"), &practice.question);
            match &practice.why {
                Some(why) => linter.text(&format!("{at}.why"), why),
                None => linter.finding(at, "missing `why`: how it serves Quality at Speed"),
            }
            for (level, descriptor) in practice.descriptors.iter().enumerate() {
                linter.text(&format!("{at}.descriptors[{level}]"), descriptor);
            }
            for from in 0..MAX_LEVEL {
                match practice.improve.iter().find(|step| step.from == from) {
                    Some(step) => {
                        linter.text(&format!("{at}.improve[{from}].action"), &step.action)
                    }
                    None => linter.finding(
                        &format!("{at}.improve"),
                        format!("missing the step from level {from} to {}", from + 1),
                    ),
                }
            }
            if practice.effort.is_none() {
                linter.finding(at, "missing `effort` (1–5)");
            }
            if practice.impact.is_none() {
                linter.finding(at, "missing `impact` on quality and speed (1–5 each)");
            }
            if practice.sources.is_empty() {
                linter.finding(at, "missing `sources`: at least one reference");
            }
            let targets: Vec<u8> = Blueprint::ALL.iter().map(|b| practice.target(*b)).collect();
            if targets.windows(2).any(|pair| pair[1] < pair[0]) {
                linter.finding(
                    &format!("{at}.targets"),
                    format!(
                        "targets must not decrease from blueprint I to IV, found {}",
                        targets
                            .iter()
                            .zip(Blueprint::ALL)
                            .map(|(t, b)| format!("{b} {t}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
    }
    linter.findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{builtin_bank, Impact, Improvement, Owner, Practice};

    fn complete_practice(id: &str) -> Practice {
        let text = |what: &str| {
            LocalizedText(BTreeMap::from([
                ("en".to_string(), format!("{id} {what}")),
                ("fr".to_string(), format!("{id} {what} (fr)")),
            ]))
        };
        Practice {
            id: id.to_string(),
            title: text("title"),
            question: text("question"),
            weight: 1.0,
            descriptors: (0..5).map(|l| text(&format!("level {l}"))).collect(),
            targets: Blueprint::ALL.iter().map(|b| (*b, 2)).collect(),
            why: Some(text("why")),
            improve: (0..4)
                .map(|from| Improvement {
                    from,
                    owner: Owner::Team,
                    action: text(&format!("step {from}")),
                })
                .collect(),
            effort: Some(2),
            impact: Some(Impact {
                quality: 3,
                speed: 3,
            }),
            depends_on: vec![],
            dora: vec![],
            sources: vec!["dora.dev".into()],
        }
    }

    fn complete_bank() -> Bank {
        let mut bank = builtin_bank();
        bank.title = LocalizedText(BTreeMap::from([
            ("en".into(), "Bank".into()),
            ("fr".into(), "Banque".into()),
        ]));
        for pillar in &mut bank.pillars {
            pillar.practices = (0..MIN_PRACTICES_PER_PILLAR)
                .map(|i| complete_practice(&format!("{}.p{i}", pillar.id)))
                .collect();
        }
        bank
    }

    #[test]
    fn a_complete_bank_has_no_findings() {
        assert_eq!(lint_bank(&complete_bank()), vec![]);
    }

    #[test]
    fn each_gap_in_a_practice_is_a_finding() {
        let mut bank = complete_bank();
        let practice = &mut bank.pillars[1].practices[3];
        practice.why = None;
        practice.improve.remove(2);
        practice.effort = None;
        practice.impact = None;
        practice.sources.clear();
        practice.descriptors[4].0.remove("fr");
        practice.targets.insert(Blueprint::IV, 1);
        let messages: Vec<String> = lint_bank(&bank).iter().map(|f| f.to_string()).collect();
        let expect = [
            "architecture.p3: missing `why`",
            "architecture.p3.improve: missing the step from level 2 to 3",
            "architecture.p3: missing `effort`",
            "architecture.p3: missing `impact`",
            "architecture.p3: missing `sources`",
            "architecture.p3.descriptors[4]: missing the `fr` text",
            "architecture.p3.targets: targets must not decrease from blueprint I to IV, found I 2, II 2, III 2, IV 1",
        ];
        for expected in expect {
            assert!(
                messages.iter().any(|m| m.starts_with(expected)),
                "{expected:?} not in {messages:#?}"
            );
        }
        assert_eq!(messages.len(), expect.len(), "{messages:#?}");
    }

    #[test]
    fn duplicated_texts_are_found_anywhere_in_the_bank() {
        let mut bank = complete_bank();
        let copied = bank.pillars[0].practices[0].descriptors[1].clone();
        bank.pillars[0].practices[0].descriptors[2] = copied.clone();
        bank.pillars[4].practices[9].question = copied;
        let findings = lint_bank(&bank);
        assert_eq!(findings.len(), 4, "{findings:#?}"); // en and fr, twice each
        assert!(findings[0]
            .message
            .contains("same as at methods.p0.descriptors[1]"));
    }

    #[test]
    fn thin_pillars_are_found() {
        let mut bank = complete_bank();
        bank.pillars[4].practices.truncate(3);
        let findings = lint_bank(&bank);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path, "skills");
    }
}
