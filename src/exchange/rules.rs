//! A bundle's content held to the rules an edit in this database follows:
//! names, dates, participants, votes, answers, notes, evidence and action
//! titles, and the practices and pillars they name held to the bank they
//! belong to. Run before anything is written, so a colleague's file cannot
//! store what the CLI or the window would refuse; each problem names its JSON
//! path.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::{Bundle, BundleComponent, BundlePlan, BundleWorkshop};
use crate::assessment::{
    check_answer, check_note_length, check_person_name, clean_component_name,
    clean_evidence_location, clean_group_name,
};
use crate::model::{Bank, PillarId};
use crate::plan::{check_schedule, clean_assignee, clean_title, PLAN_WEEKS};
use crate::workshop::check_participant_names;
use crate::Error;

/// The banks a bundle's workshops can use, by id and version: the bundle's
/// own and the ones stored in the database it is imported into.
pub(super) type Banks = BTreeMap<(String, String), Bank>;

/// The first problem found, as `$.path: what was expected`.
pub(super) fn check_content(bundle: &Bundle, banks: &Banks) -> Result<(), String> {
    let names: BTreeSet<&str> = bundle.components.iter().map(|c| c.name.as_str()).collect();
    for (g, group) in bundle.groups.iter().enumerate() {
        at(format!("$.groups[{g}].name"), clean_group_name(&group.name))?;
        // A group brings only the bundle's own components, never one that
        // happens to share a name in the database it is imported into.
        if let Some((m, stranger)) = group
            .components
            .iter()
            .enumerate()
            .find(|(_, member)| !names.contains(member.as_str()))
        {
            return Err(format!(
                "$.groups[{g}].components[{m}]: {stranger:?} is not a component of this bundle"
            ));
        }
    }
    for (c, component) in bundle.components.iter().enumerate() {
        check_component(&format!("$.components[{c}]"), component, banks)?;
    }
    Ok(())
}

fn check_component(path: &str, component: &BundleComponent, banks: &Banks) -> Result<(), String> {
    at(
        format!("{path}.name"),
        clean_component_name(&component.name),
    )?;
    // A component is created with its first assessment, which holds its bank.
    if component.workshops.is_empty() {
        return Err(format!(
            "{path}.workshops: a component has at least one workshop, its first assessment"
        ));
    }
    let mut used = Vec::new();
    for (w, workshop) in component.workshops.iter().enumerate() {
        let workshop_path = format!("{path}.workshops[{w}]");
        let (id, version) = (&workshop.bank_id, &workshop.bank_version);
        let Some(bank) = banks.get(&(id.clone(), version.clone())) else {
            return Err(format!(
                "{workshop_path} uses bank {id} {version}, which is neither in the bundle nor in this database"
            ));
        };
        check_workshop(&workshop_path, workshop, bank)?;
        used.push(bank);
    }
    for (p, plan) in component.plans.iter().enumerate() {
        check_plan(&format!("{path}.plans[{p}]"), plan)?;
    }
    let mut overridden = BTreeSet::new();
    for (o, target) in component.target_overrides.iter().enumerate() {
        let target_path = format!("{path}.target_overrides[{o}]");
        let key = &target.key;
        if target.pillar {
            if PillarId::parse(key).is_none() {
                return Err(format!(
                    "{target_path}.key: expected methods, architecture, management, organization or skills, found {key:?}"
                ));
            }
        } else if !used.iter().any(|bank| bank.practice(key).is_some()) {
            // As `mamos target set`: a practice of the bank the component is assessed with.
            return Err(format!(
                "{target_path}.key: practice {key:?} is not in the bank of any workshop of this component"
            ));
        }
        if !overridden.insert((target.pillar, key)) {
            let scope = if target.pillar { "pillar" } else { "practice" };
            return Err(format!(
                "{target_path}: the target of {scope} {key} is overridden twice"
            ));
        }
        if target.level > crate::model::MAX_LEVEL {
            return Err(format!(
                "{target_path}.level: expected a target from 0 to 4, found {}",
                target.level
            ));
        }
        if target.reason.trim().is_empty() {
            return Err(format!(
                "{target_path}.reason: a target override needs a reason (why this component's context differs)"
            ));
        }
        at(
            format!("{target_path}.reason"),
            check_note_length("reason", &target.reason),
        )?;
    }
    Ok(())
}

/// A plan as an edit leaves it: each action once, scheduled within the plan
/// after what it depends on, titled and assigned as the plan editor allows;
/// check-ins on distinct weeks grading the plan's own key results.
fn check_plan(path: &str, bundled: &BundlePlan) -> Result<(), String> {
    let plan = &bundled.plan;
    let mut seen = BTreeSet::new();
    for (a, action) in plan.actions.iter().enumerate() {
        let action_path = format!("{path}.plan.actions[{a}]");
        if !seen.insert(action.id.as_str()) {
            return Err(format!("{action_path}: action {} appears twice", action.id));
        }
        at(format!("{action_path}.title"), clean_title(&action.title))?;
        if let Some(assignee) = &action.assignee {
            at(format!("{action_path}.assignee"), clean_assignee(assignee))?;
        }
        at(action_path, check_schedule(plan, action))?;
    }
    let key_results: Vec<&str> = plan.key_results().map(|k| k.id.as_str()).collect();
    let mut weeks = BTreeSet::new();
    for (k, checkin) in bundled.checkins.iter().enumerate() {
        let checkin_path = format!("{path}.checkins[{k}]");
        if !(1..=PLAN_WEEKS).contains(&checkin.week) || !weeks.insert(checkin.week) {
            return Err(format!(
                "{checkin_path}.week: check-in week {} is not a distinct week 1 to {PLAN_WEEKS}",
                checkin.week
            ));
        }
        if let Some(kr) = checkin
            .key_results
            .keys()
            .find(|k| !key_results.contains(&k.as_str()))
        {
            return Err(format!(
                "{checkin_path}.key_results: {kr:?} is not a key result of the plan"
            ));
        }
        let texts = [
            ("target_condition", &checkin.target_condition),
            ("actual_condition", &checkin.actual_condition),
            ("obstacle", &checkin.obstacle),
            ("next_step", &checkin.next_step),
        ];
        for (field, text) in texts {
            at(
                format!("{checkin_path}.{field}"),
                check_note_length(field, text),
            )?;
        }
    }
    Ok(())
}

/// `practice` is one of `bank`'s, else the problem at `path`.
fn in_bank(path: String, practice: &str, bank: &Bank) -> Result<(), String> {
    if bank.practice(practice).is_some() {
        return Ok(());
    }
    Err(format!(
        "{path}: practice {practice:?} is not in bank {} {}",
        bank.id, bank.version
    ))
}

fn check_workshop(path: &str, workshop: &BundleWorkshop, bank: &Bank) -> Result<(), String> {
    if NaiveDate::parse_from_str(&workshop.held_on, "%Y-%m-%d").is_err() {
        return Err(format!(
            "{path}.held_on: expected a date as YYYY-MM-DD, found {:?}",
            workshop.held_on
        ));
    }
    // The same rules as the workshop form; the facilitator's as when a workshop starts.
    let participants = workshop.participants.iter().map(String::as_str);
    at(
        format!("{path}.participants"),
        check_participant_names(participants),
    )?;
    at(
        format!("{path}.facilitator"),
        check_person_name("facilitator", &workshop.facilitator),
    )?;
    let mut voted = BTreeSet::new();
    for (v, vote) in workshop.votes.iter().enumerate() {
        let vote_path = format!("{path}.votes[{v}]");
        if !workshop.participants.contains(&vote.participant) {
            return Err(format!(
                "{vote_path}.participant: {:?} is not a participant of this workshop",
                vote.participant
            ));
        }
        in_bank(format!("{vote_path}.practice_id"), &vote.practice_id, bank)?;
        at(format!("{vote_path}.answer"), check_answer(&vote.answer))?;
        if !voted.insert((&vote.participant, &vote.practice_id)) {
            return Err(format!(
                "{vote_path}: {:?} voted on {} twice",
                vote.participant, vote.practice_id
            ));
        }
    }
    let mut answered = BTreeSet::new();
    for (a, answer) in workshop.answers.iter().enumerate() {
        let answer_path = format!("{path}.answers[{a}]");
        in_bank(
            format!("{answer_path}.practice_id"),
            &answer.practice_id,
            bank,
        )?;
        if let Some(given) = &answer.answer {
            at(format!("{answer_path}.answer"), check_answer(given))?;
        }
        at(
            format!("{answer_path}.note"),
            check_note_length("note", &answer.note),
        )?;
        if !answered.insert(&answer.practice_id) {
            return Err(format!(
                "{answer_path}: practice {} is answered twice",
                answer.practice_id
            ));
        }
    }
    let mut revealed = BTreeSet::new();
    for (r, practice) in workshop.revealed.iter().enumerate() {
        in_bank(format!("{path}.revealed[{r}]"), practice, bank)?;
        if !revealed.insert(practice) {
            return Err(format!("{path}.revealed[{r}]: {practice} is listed twice"));
        }
    }
    if let Some(dora) = &workshop.dora {
        dora.metrics.check().map_err(|error| match error {
            Error::InvalidInput { field, message } => {
                format!("{path}.dora.metrics.{field}: {message}")
            }
            other => format!("{path}.dora.metrics: {other}"),
        })?;
    }
    for (e, evidence) in workshop.evidence.iter().enumerate() {
        let evidence_path = format!("{path}.evidence[{e}]");
        in_bank(
            format!("{evidence_path}.practice_id"),
            &evidence.practice_id,
            bank,
        )?;
        at(
            format!("{evidence_path}.target"),
            clean_evidence_location(&evidence.location),
        )?;
        at(
            format!("{evidence_path}.label"),
            check_note_length("label", &evidence.label),
        )?;
    }
    Ok(())
}

/// `result`'s problem at `path`: the rule's own words, without its field name.
fn at<T>(path: String, result: crate::Result<T>) -> Result<T, String> {
    result.map_err(|error| match error {
        Error::InvalidInput { message, .. } => format!("{path}: {message}"),
        other => format!("{path}: {other}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(workshop: serde_json::Value) -> Bundle {
        serde_json::from_value(serde_json::json!({
            "format": "mamos-bundle",
            "format_version": 3,
            "banks": [],
            "groups": [],
            "components": [{
                "id": "c1",
                "name": "Payments",
                "blueprint": "II",
                "created_at": "2026-03-01T09:00:00Z",
                "workshops": [workshop],
            }],
        }))
        .expect("a bundle")
    }

    fn workshop(changes: serde_json::Value) -> serde_json::Value {
        let mut base = serde_json::json!({
            "id": "w1",
            "bank_id": "mamos-qe",
            "bank_version": "1.0.0",
            "started_at": "2026-03-02T09:00:00Z",
            "held_on": "2026-03-02",
            "facilitator": "Chloé",
            "participants": ["Ana", "Ben"],
            "answers": [{"practice_id": "methods.deploy-daily", "answer": {"kind": "level", "level": 2}, "note": ""}],
            "votes": [{"participant": "Ana", "practice_id": "methods.deploy-daily", "answer": {"kind": "level", "level": 2}}],
            "revealed": ["methods.deploy-daily"],
            "evidence": [{"practice_id": "methods.deploy-daily", "target": "https://ci", "label": "CI"}],
        });
        for (key, value) in changes.as_object().expect("an object") {
            base[key] = value.clone();
        }
        base
    }

    /// The built-in bank, which the test workshops use.
    fn banks() -> Banks {
        let bank = crate::model::builtin_bank();
        Banks::from([((bank.id.clone(), bank.version.clone()), bank)])
    }

    fn check(bundle: &Bundle) -> Result<(), String> {
        check_content(bundle, &banks())
    }

    fn problem(changes: serde_json::Value) -> String {
        check(&bundle(workshop(changes))).expect_err("refused")
    }

    #[test]
    fn a_workshop_as_the_app_writes_it_passes() {
        assert_eq!(check(&bundle(workshop(serde_json::json!({})))), Ok(()));
    }

    #[test]
    fn a_group_brings_only_the_bundles_own_components() {
        let mut shared = bundle(workshop(serde_json::json!({})));
        shared.groups = vec![crate::exchange::BundleGroup {
            name: "Checkout".to_string(),
            components: vec!["Payments".to_string(), "Search".to_string()],
        }];
        let found = check(&shared).expect_err("refused");
        assert_eq!(
            found,
            "$.groups[0].components[1]: \"Search\" is not a component of this bundle"
        );
        shared.groups[0].components.pop();
        assert_eq!(check(&shared), Ok(()));
    }

    #[test]
    fn an_impossible_date_is_refused_with_its_path() {
        let found = problem(serde_json::json!({"held_on": "2026-02-30"}));
        assert!(
            found.starts_with("$.components[0].workshops[0].held_on: expected a date"),
            "{found}"
        );
        assert!(problem(serde_json::json!({"held_on": "last tuesday"})).contains("held_on"));
    }

    #[test]
    fn the_same_person_twice_is_refused_whatever_the_case() {
        let found = problem(serde_json::json!({"participants": ["Ana", "ana"]}));
        assert_eq!(
            found,
            "$.components[0].workshops[0].participants: \"ana\" is listed twice"
        );
    }

    #[test]
    fn a_vote_out_of_range_or_duplicated_or_by_a_stranger_is_refused() {
        let vote = |who: &str, level: u8| serde_json::json!({"participant": who, "practice_id": "methods.deploy-daily", "answer": {"kind": "level", "level": level}});
        let found = problem(serde_json::json!({"votes": [vote("Ana", 7)]}));
        assert!(
            found.starts_with("$.components[0].workshops[0].votes[0].answer: expected a level"),
            "{found}"
        );
        let found = problem(serde_json::json!({"votes": [vote("Ana", 1), vote("Ana", 2)]}));
        assert!(
            found.contains("votes[1]") && found.contains("twice"),
            "{found}"
        );
        let found = problem(serde_json::json!({"votes": [vote("Zoé", 1)]}));
        assert!(found.contains("votes[0].participant"), "{found}");
    }

    #[test]
    fn notes_names_and_evidence_follow_the_limits_of_an_edit() {
        let long_note = "x".repeat(crate::assessment::MAX_NOTE_CHARS + 1);
        let answers = serde_json::json!([{"practice_id": "methods.deploy-daily", "answer": null, "note": long_note}]);
        assert!(problem(serde_json::json!({"answers": answers})).contains("answers[0].note"));
        let found = problem(serde_json::json!({"participants": ["Ana\u{1b}[31m"]}));
        assert!(
            found.contains("participants: ") && found.contains("not a usable participant name"),
            "{found}"
        );
        let evidence =
            serde_json::json!([{"practice_id": "methods.deploy-daily", "target": "", "label": ""}]);
        assert!(problem(serde_json::json!({"evidence": evidence})).contains("evidence[0].target"));
        let answers = serde_json::json!([{"practice_id": "methods.deploy-daily", "answer": {"kind": "not_applicable", "reason": " "}, "note": ""}]);
        let found = problem(serde_json::json!({"answers": answers}));
        assert!(
            found.contains("answers[0].answer") && found.contains("reason"),
            "{found}"
        );
    }

    #[test]
    fn a_target_is_overridden_once_and_only_on_what_the_bank_has() {
        let target = |key: &str, pillar: bool| crate::assessment::TargetOverride {
            key: key.to_string(),
            pillar,
            level: 3,
            reason: "regulated".to_string(),
        };
        let mut overridden = bundle(workshop(serde_json::json!({})));
        let component = &mut overridden.components[0];
        component.target_overrides = vec![
            target("methods.deploy-daily", false),
            target("methods", true),
        ];
        assert_eq!(check(&overridden), Ok(()));

        let component = &mut overridden.components[0];
        component.target_overrides.push(target("methods", true));
        assert_eq!(
            check(&overridden).expect_err("refused"),
            "$.components[0].target_overrides[2]: the target of pillar methods is overridden twice"
        );
        let component = &mut overridden.components[0];
        component.target_overrides[2] = target("methods.unheard-of", false);
        assert_eq!(
            check(&overridden).expect_err("refused"),
            "$.components[0].target_overrides[2].key: practice \"methods.unheard-of\" is not in the bank of any workshop of this component"
        );
        let component = &mut overridden.components[0];
        component.target_overrides[2] = target("quality", true);
        let found = check(&overridden).expect_err("refused");
        assert!(
            found.starts_with("$.components[0].target_overrides[2].key: expected methods"),
            "{found}"
        );
    }

    #[test]
    fn votes_answers_and_evidence_name_practices_of_the_workshops_bank() {
        let stranger = "methods.unheard-of";
        let vote = serde_json::json!([{"participant": "Ana", "practice_id": stranger, "answer": {"kind": "level", "level": 2}}]);
        assert_eq!(
            problem(serde_json::json!({"votes": vote})),
            "$.components[0].workshops[0].votes[0].practice_id: practice \"methods.unheard-of\" is not in bank mamos-qe 1.0.0"
        );
        let answer = serde_json::json!([{"practice_id": stranger, "answer": null, "note": "x"}]);
        assert!(problem(serde_json::json!({"answers": answer})).contains("answers[0].practice_id"));
        let evidence =
            serde_json::json!([{"practice_id": stranger, "target": "https://ci", "label": ""}]);
        assert!(
            problem(serde_json::json!({"evidence": evidence})).contains("evidence[0].practice_id")
        );
        assert!(problem(serde_json::json!({"revealed": [stranger]})).contains("revealed[0]"));
        let found = problem(serde_json::json!({"bank_version": "9.9.9"}));
        assert!(
            found.contains("uses bank mamos-qe 9.9.9, which is neither"),
            "{found}"
        );
    }

    #[test]
    fn a_component_comes_with_its_first_workshop() {
        let mut empty = bundle(workshop(serde_json::json!({})));
        empty.components[0].workshops.clear();
        assert_eq!(
            check(&empty).expect_err("refused"),
            "$.components[0].workshops: a component has at least one workshop, its first assessment"
        );
    }
}
