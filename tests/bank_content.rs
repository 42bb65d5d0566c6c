//! The built-in MAMOS bank is held to the content checks a coach relies on:
//! valid, complete in English and French, at least ten practices per pillar,
//! dependencies without cycles, and every practice of the founding text covered.

use std::collections::BTreeSet;

use mamos::model::lint::{lint_bank, MIN_PRACTICES_PER_PILLAR};
use mamos::model::{builtin_bank, Blueprint};

/// The practices the founding text names, per pillar (docs: ../shared/docs/domain.md §1),
/// mapped to the bank practices that cover them.
const FOUNDING_TEXT_COVERAGE: &[(&str, &[&str])] = &[
    (
        "Methods: measure the business outcome",
        &["methods.business-outcomes"],
    ),
    (
        "Methods: deploy at least once per day",
        &["methods.deploy-daily"],
    ),
    (
        "Methods: standard CI/CD pipeline as the common path",
        &["methods.standard-pipeline"],
    ),
    (
        "Methods: trunk-based development with merge requests",
        &["methods.trunk-based"],
    ),
    (
        "Methods: quality gates (build time, functional tests, sanity checks)",
        &["methods.quality-gates"],
    ),
    (
        "Methods: value-stream focus on limiting factors",
        &["methods.value-stream"],
    ),
    (
        "Methods: 90-day improvement cycles",
        &["methods.improvement-cycles"],
    ),
    (
        "Architecture: CI/CD across environments (flow, security, testing design)",
        &["architecture.pipeline-across-environments"],
    ),
    (
        "Architecture: test automation (unit, functional, integration)",
        &["architecture.test-automation"],
    ),
    (
        "Architecture: observability pipeline and standard dashboards",
        &["architecture.observability"],
    ),
    (
        "Architecture: self-service automation and APIs",
        &["architecture.self-service"],
    ),
    (
        "Architecture: developer experience",
        &["architecture.developer-experience"],
    ),
    (
        "Management: urgency from internal facts and an external benchmark",
        &["management.sense-of-urgency"],
    ),
    (
        "Management: Accelerate metrics on dashboards",
        &["management.delivery-metrics"],
    ),
    (
        "Management: psychological safety and leader accountability",
        &["management.psychological-safety"],
    ),
    (
        "Management: weekly 30-minute status rhythm",
        &["management.improvement-rhythm"],
    ),
    (
        "Management: early wins celebrated",
        &["management.early-wins"],
    ),
    ("Management: ambassadors", &["management.ambassadors"]),
    (
        "Management: objectives in team and individual goals",
        &["management.aligned-objectives"],
    ),
    (
        "Management: C-level and stakeholders involved from ideation",
        &["management.executive-sponsorship"],
    ),
    (
        "Organization: developer autonomy up to production, approvals kept for audit",
        &["organization.autonomy-to-production"],
    ),
    (
        "Organization: domain-driven stream-aligned teams",
        &["organization.stream-aligned-teams"],
    ),
    (
        "Organization: decentralised release management",
        &["organization.release-decisions"],
    ),
    (
        "Organization: dedicated vs shared teams",
        &["organization.shared-vs-dedicated"],
    ),
    (
        "Organization: a QA engineer and a platform contact per team",
        &["organization.qa-platform-contacts"],
    ),
    (
        "Organization: power to ship comes with responsibility to operate",
        &["organization.build-and-run"],
    ),
    (
        "Skills: soft skills (empathy, listening, reformulation, summaries)",
        &["skills.soft-skills"],
    ),
    (
        "Skills: design skills for reliable flows, self-service orchestration, data",
        &["skills.flow-design", "skills.data-skills"],
    ),
    (
        "Skills: curiosity, perseverance, growth mindset",
        &["skills.growth-mindset"],
    ),
    (
        "Skills: motivated people over the last expert",
        &["skills.motivated-people"],
    ),
];

#[test]
fn the_builtin_bank_passes_every_content_check() {
    let bank = builtin_bank();
    let findings: Vec<String> = lint_bank(&bank).iter().map(|f| f.to_string()).collect();
    assert!(
        findings.is_empty(),
        "{} findings:\n{}",
        findings.len(),
        findings.join("\n")
    );
    assert_eq!(bank.version, "1.0.0");
    assert!(
        bank.practice_count() >= 50,
        "{} practices",
        bank.practice_count()
    );
    for pillar in &bank.pillars {
        assert!(
            pillar.practices.len() >= MIN_PRACTICES_PER_PILLAR,
            "{}",
            pillar.id
        );
    }
}

#[test]
fn every_practice_is_in_english_and_french() {
    let bank = builtin_bank();
    let languages: BTreeSet<&str> = bank.title.0.keys().map(String::as_str).collect();
    assert_eq!(languages, BTreeSet::from(["en", "fr"]));
}

#[test]
fn every_practice_of_the_founding_text_is_covered() {
    let bank = builtin_bank();
    for (practice, ids) in FOUNDING_TEXT_COVERAGE {
        for id in *ids {
            assert!(
                bank.practice(id).is_some(),
                "{practice:?} is mapped to {id}, which is not in the bank"
            );
        }
    }
}

#[test]
fn targets_never_decrease_from_blueprint_one_to_four() {
    for (_, practice) in builtin_bank().practices() {
        let targets: Vec<u8> = Blueprint::ALL.iter().map(|b| practice.target(*b)).collect();
        assert!(
            targets.windows(2).all(|w| w[0] <= w[1]),
            "{}: {targets:?}",
            practice.id
        );
    }
}

#[test]
fn each_practice_has_four_next_steps_and_a_source() {
    for (_, practice) in builtin_bank().practices() {
        let steps: Vec<u8> = practice.improve.iter().map(|s| s.from).collect();
        assert_eq!(steps, [0, 1, 2, 3], "{}", practice.id);
        assert!(!practice.sources.is_empty(), "{}", practice.id);
        assert!(
            practice.effort.is_some() && practice.impact.is_some(),
            "{}",
            practice.id
        );
    }
}
