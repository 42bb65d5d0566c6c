//! The bulk reads (`components`, `latest_scores_all`, `assessment_scores_all`)
//! give exactly what the per-component and per-workshop functions give, on a
//! SQLite file with several components, re-assessments, two bank versions,
//! facilitator decisions, N/A votes, notes and target overrides.

use chrono::NaiveDate;
use mamos::model::{builtin_bank, Blueprint};
use mamos::scoring::Answer;
use mamos::store::Store;

fn level(level: u8) -> Option<Answer> {
    Some(Answer::Level { level })
}

fn na(reason: &str) -> Option<Answer> {
    Some(Answer::NotApplicable {
        reason: reason.into(),
    })
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|n| n.to_string()).collect()
}

/// Builds the organisation; returns the store.
fn organisation(path: &std::path::Path) -> Store {
    let mut store = Store::open(path).unwrap();
    let bank = builtin_bank();
    let p: Vec<String> = bank.practices().map(|(_, p)| p.id.clone()).collect();
    let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    let voters = names(&["Ana", "Ben", "Chloé", "<script>Dan</script>"]);

    // Three workshops; the last one is current.
    let checkout = store
        .add_component("Checkout 🛒", Blueprint::II, None)
        .unwrap();
    let first = store
        .start_workshop(checkout.id, day(1), "Coach", &voters)
        .unwrap();
    for (i, who) in voters.iter().enumerate() {
        store
            .cast_vote(first.id, who, &p[0], level(i as u8))
            .unwrap();
        store.cast_vote(first.id, who, &p[1], level(2)).unwrap();
    }
    let second = store
        .start_workshop(checkout.id, day(8), "Coach", &voters)
        .unwrap();
    // Even count: lower median of 1, 3, 3, 4 is 3; mixed N/A and levels: median of the levels.
    for (who, l) in voters.iter().zip([1, 3, 4, 3]) {
        store.cast_vote(second.id, who, &p[0], level(l)).unwrap();
    }
    store
        .cast_vote(second.id, "Ana", &p[1], na("no UI"))
        .unwrap();
    store.cast_vote(second.id, "Ben", &p[1], level(0)).unwrap();
    // Every vote N/A: the practice is N/A; the first listed voter's reason.
    store
        .cast_vote(second.id, "<script>Dan</script>", &p[2], na("Dan's reason"))
        .unwrap();
    store
        .cast_vote(second.id, "Ben", &p[2], na("Ben's reason"))
        .unwrap();
    // The facilitator overrules the votes, and answers a practice nobody voted on.
    store
        .cast_vote(second.id, "Chloé", &p[3], level(0))
        .unwrap();
    store.agree(second.id, &p[3], level(4)).unwrap();
    store
        .agree(second.id, &p[20], na("not built here"))
        .unwrap();
    // A note alone is not an answer.
    store.set_note(checkout.id, &p[30], "ask ops").unwrap();
    // A vote withdrawn leaves nothing.
    store.cast_vote(second.id, "Ana", &p[40], level(3)).unwrap();
    store.cast_vote(second.id, "Ana", &p[40], None).unwrap();
    store
        .set_target_override(checkout.id, &p[0], false, 1, "legacy system")
        .unwrap();
    store
        .set_target_override(checkout.id, "skills", true, 4, "key team")
        .unwrap();
    let third = store
        .start_workshop(checkout.id, day(20), "Coach", &voters[..2])
        .unwrap();
    for (i, id) in p.iter().enumerate() {
        store
            .cast_vote(third.id, "Ana", id, level((i % 5) as u8))
            .unwrap();
        store
            .cast_vote(third.id, "Ben", id, level(((i + 2) % 5) as u8))
            .unwrap();
    }

    // A newer bank version without one practice; the next workshop is pinned to it.
    let mut newer = bank.clone();
    newer.version = format!("{}-bulk-test", bank.version);
    let dropped = newer.pillars[1].practices.remove(0).id;
    store.import_bank(&newer).unwrap();
    let search = store.add_component("search", Blueprint::IV, None).unwrap();
    let only = store
        .start_workshop(search.id, day(5), "Coach", &voters)
        .unwrap();
    assert_eq!(only.bank_version, newer.version);
    assert!(!p[..5].contains(&dropped));
    for who in &voters {
        for id in &p[..5] {
            store.cast_vote(only.id, who, id, level(3)).unwrap();
        }
    }
    store
        .set_target_override(search.id, "methods", true, 0, "a spike")
        .unwrap();

    // Answered directly (the first assessment, no workshop), and never assessed.
    let billing = store.add_component("Billing", Blueprint::I, None).unwrap();
    store.set_answer(billing.id, &p[7], level(2)).unwrap();
    store.set_answer(billing.id, &p[50], na("no data")).unwrap();
    store.add_component("Ærø", Blueprint::III, None).unwrap();
    store
}

#[test]
fn the_bulk_reads_equal_the_per_component_and_per_workshop_ones() {
    let dir = tempfile::tempdir().unwrap();
    let store = organisation(&dir.path().join("mamos.db"));

    let listed = store.components().unwrap();
    let one_by_one: Vec<_> = listed
        .iter()
        .map(|c| store.component(c.id).unwrap())
        .collect();
    assert_eq!(listed, one_by_one);
    let order: Vec<&str> = listed.iter().map(|c| c.name.as_str()).collect();
    // By name without regard to ASCII case, as SQLite's NOCASE sorts.
    assert_eq!(order, ["Billing", "Checkout 🛒", "search", "Ærø"]);
    assert!(listed
        .iter()
        .any(|c| c.answered > 0 && c.answered < c.total));

    let latest = store.latest_scores_all().unwrap();
    let latest_components: Vec<_> = latest.iter().map(|(c, _)| c.clone()).collect();
    assert_eq!(latest_components, listed);
    for (c, scores) in &latest {
        assert_eq!(*scores, store.scores(c.id).unwrap(), "{}", c.name);
    }
    assert!(latest.iter().any(|(_, s)| s.overall.score.is_none()));

    let every = store.assessment_scores_all().unwrap();
    let workshops: Vec<_> = listed
        .iter()
        .flat_map(|c| store.workshops(c.id).unwrap())
        .collect();
    assert_eq!(every.len(), workshops.len());
    assert_eq!(every.len(), 6);
    for a in &every {
        let workshop = workshops.iter().find(|w| w.id == a.workshop_id).unwrap();
        assert_eq!(a.component_id, workshop.component_id);
        assert_eq!(a.held_on, workshop.held_on);
        assert_eq!(
            a.scores,
            store.workshop_view(a.workshop_id).unwrap().scores,
            "workshop {}",
            a.workshop_id
        );
    }
    assert!(every
        .windows(2)
        .all(|w| w[0].workshop_id < w[1].workshop_id));
}

#[test]
fn the_bulk_scores_follow_the_votes_as_they_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = organisation(&dir.path().join("mamos.db"));
    let search = store.component_by_name("search").unwrap();
    let workshop = store.workshops(search.id).unwrap().pop().unwrap();
    let methods = |store: &Store| {
        let latest = store.latest_scores_all().unwrap();
        let (_, scores) = latest.iter().find(|(c, _)| c.id == search.id).unwrap();
        scores.pillars[0].score
    };
    // Methods' target is overridden, not its score: five practices at 3 of 4.
    assert_eq!(methods(&store), Some(75.0));
    let practice = builtin_bank().pillars[0].practices[0].id.clone();
    store.agree(workshop.id, &practice, level(0)).unwrap();
    assert!(methods(&store).unwrap() < 75.0);
    assert_eq!(
        methods(&store),
        store.scores(search.id).unwrap().pillars[0].score
    );
}

/// `Store::common_objectives` (one bulk read) finds the same shared gaps, in
/// the same order and language, as the pure `plan::common_objectives` on each
/// component's current workshop view, for the organisation and for a group.
#[test]
fn common_objectives_equal_those_of_the_workshop_views() {
    use mamos::assessment::target_overrides;
    use mamos::plan::{common_objectives, PlanInputs};

    let dir = tempfile::tempdir().unwrap();
    let mut store = organisation(&dir.path().join("mamos.db"));
    store.add_group("Shop").unwrap();
    for name in ["Checkout 🛒", "Billing"] {
        let id = store.component_by_name(name).unwrap().id;
        store.add_to_group(id, "Shop").unwrap();
    }
    // One Skills practice at level 0 in three components, one of them outside the group.
    let skills = builtin_bank().pillars[4].practices[1].id.clone();
    let billing = store.component_by_name("Billing").unwrap().id;
    store.set_answer(billing, &skills, level(0)).unwrap();
    let search = store.component_by_name("search").unwrap().id;
    let workshop = store.workshops(search).unwrap().pop().unwrap();
    store.agree(workshop.id, &skills, level(0)).unwrap();
    let from_views = |names: &[&str], lang: &str| {
        let views: Vec<_> = store
            .components()
            .unwrap()
            .into_iter()
            .filter(|c| names.is_empty() || names.contains(&c.name.as_str()))
            .map(|c| store.assessment(c.id).unwrap())
            .collect();
        let owned: Vec<_> = views
            .iter()
            .map(|v| (v.answer_map(), target_overrides(&v.overrides)))
            .collect();
        let inputs: Vec<(&str, PlanInputs)> = views
            .iter()
            .zip(&owned)
            .map(|(v, (answers, targets))| {
                (
                    v.component.name.as_str(),
                    PlanInputs {
                        bank: &v.bank,
                        blueprint: v.component.blueprint,
                        targets,
                        answers,
                        dora: None,
                        start: NaiveDate::MIN,
                    },
                )
            })
            .collect();
        common_objectives(&inputs, 1, usize::MAX, lang)
    };
    for lang in ["en", "fr"] {
        let all = store.common_objectives(None, 1, usize::MAX, lang).unwrap();
        let serves = |list: &[mamos::plan::CommonObjective], name: &str| {
            list.iter()
                .any(|o| o.components.iter().any(|c| c.name == name))
        };
        assert!(serves(&all, "search") && serves(&all, "Billing"));
        let shared = all.iter().find(|o| o.practice_id == skills).unwrap();
        assert_eq!(shared.components.len(), 3, "{shared:?}");
        assert_eq!(all, from_views(&[], lang), "{lang}");
        let shop = store
            .common_objectives(Some("Shop"), 1, usize::MAX, lang)
            .unwrap();
        assert!(serves(&shop, "Billing") && !serves(&shop, "search"));
        assert_eq!(
            shop,
            from_views(&["Checkout 🛒", "Billing"], lang),
            "{lang}"
        );
    }
}
