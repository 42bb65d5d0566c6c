//! The CSV exports, written from plain records the store reads: one row per
//! vote, per agreed answer, per pillar score, per plan action, per plan key
//! result (with its grade once closed) and per check-in.

use std::collections::{BTreeMap, BTreeSet};

use crate::assessment::{AssessmentView, Component};
use crate::plan::StoredPlan;
use crate::scoring::Answer;
use crate::workshop::{Vote, Workshop};

/// One component and everything of it the CSV exports show.
pub struct ComponentRecords {
    pub component: Component,
    /// Every plan, oldest first.
    pub plans: Vec<StoredPlan>,
    /// Every workshop, oldest first.
    pub workshops: Vec<WorkshopRecords>,
}

/// One workshop with its agreed answers and scores, votes and decisions.
pub struct WorkshopRecords {
    pub workshop: Workshop,
    pub view: AssessmentView,
    /// Votes per practice id.
    pub votes: BTreeMap<String, Vec<Vote>>,
    /// The practices whose agreed answer the facilitator set.
    pub decided: BTreeSet<String>,
}

/// The CSV exports, one text per file.
pub struct CsvTables {
    pub votes: String,
    pub answers: String,
    pub pillar_scores: String,
    pub plan_actions: String,
    pub plan_key_results: String,
    pub checkins: String,
}

const VOTE_HEADER: &[&str] = &[
    "component",
    "workshop",
    "held_on",
    "participant",
    "practice",
    "pillar",
    "level",
    "not_applicable_reason",
];
const ANSWER_HEADER: &[&str] = &[
    "component",
    "workshop",
    "held_on",
    "practice",
    "pillar",
    "level",
    "not_applicable_reason",
    "agreed_by",
    "note",
];
const PILLAR_SCORE_HEADER: &[&str] = &[
    "component",
    "workshop",
    "held_on",
    "blueprint",
    "pillar",
    "score",
    "level",
    "percent_to_target",
    "answered",
    "not_applicable",
    "unanswered",
];
const PLAN_ACTION_HEADER: &[&str] = &[
    "component",
    "plan",
    "plan_start",
    "plan_state",
    "position",
    "action",
    "objective",
    "practice",
    "title",
    "owner",
    "assignee",
    "start",
    "end",
    "start_week",
    "end_week",
    "depends_on",
    "status",
    "edited",
];
const PLAN_KEY_RESULT_HEADER: &[&str] = &[
    "component",
    "plan",
    "plan_start",
    "plan_state",
    "objective",
    "key_result",
    "text",
    "grade",
    "found",
];
const CHECKIN_HEADER: &[&str] = &[
    "component",
    "plan",
    "plan_start",
    "plan_state",
    "week",
    "date",
    "key_results",
    "target_condition",
    "actual_condition",
    "obstacle",
    "next_step",
    "check_on",
    "recorded_at",
];

type Rows = Vec<Vec<String>>;

/// The six tables, components in the order given, each one's plans then workshops.
pub fn csv_tables(components: &[ComponentRecords]) -> CsvTables {
    let (mut votes, mut answers, mut pillars) = (Vec::new(), Vec::new(), Vec::new());
    let (mut actions, mut key_results, mut checkins) = (Vec::new(), Vec::new(), Vec::new());
    for records in components {
        let name = &records.component.name;
        for stored in &records.plans {
            let lead = plan_lead(name, stored);
            actions.extend(action_rows(&lead, stored));
            key_results.extend(key_result_rows(&lead, stored));
            checkins.extend(checkin_rows(&lead, stored));
        }
        for workshop in &records.workshops {
            let lead = vec![
                csv_text(name),
                workshop.workshop.id.to_string(),
                workshop.workshop.held_on.clone(),
            ];
            votes.extend(vote_rows(&lead, workshop));
            answers.extend(answer_rows(&lead, workshop));
            pillars.extend(pillar_score_rows(&lead, &records.component, &workshop.view));
        }
    }
    CsvTables {
        votes: csv_table(VOTE_HEADER, votes),
        answers: csv_table(ANSWER_HEADER, answers),
        pillar_scores: csv_table(PILLAR_SCORE_HEADER, pillars),
        plan_actions: csv_table(PLAN_ACTION_HEADER, actions),
        plan_key_results: csv_table(PLAN_KEY_RESULT_HEADER, key_results),
        checkins: csv_table(CHECKIN_HEADER, checkins),
    }
}

/// The cells every plan row starts with: component, plan, start, state.
fn plan_lead(component: &str, stored: &StoredPlan) -> Vec<String> {
    let state = match (stored.conflict_of, &stored.closed_at) {
        (Some(original), _) => format!("conflicting version of plan {original}"),
        (None, Some(_)) => "closed".to_string(),
        (None, None) => "open".to_string(),
    };
    vec![
        csv_text(component),
        stored.id.to_string(),
        stored.plan.start.to_string(),
        state,
    ]
}

/// `lead` followed by `cells`.
fn row(lead: &[String], cells: impl IntoIterator<Item = String>) -> Vec<String> {
    lead.iter().cloned().chain(cells).collect()
}

fn action_rows(lead: &[String], stored: &StoredPlan) -> Rows {
    let actions = stored.plan.actions.iter().enumerate();
    actions
        .map(|(position, a)| {
            row(
                lead,
                [
                    (position + 1).to_string(),
                    csv_text(&a.id),
                    a.objective.clone(),
                    csv_text(a.practice_id.as_deref().unwrap_or("")),
                    csv_text(&a.title),
                    a.owner.as_str().to_string(),
                    csv_text(a.assignee.as_deref().unwrap_or("")),
                    a.start.to_string(),
                    a.end.to_string(),
                    a.start_week.to_string(),
                    a.end_week.to_string(),
                    csv_text(&a.depends_on.join(" ")),
                    a.status.as_str().to_string(),
                    a.edited.to_string(),
                ],
            )
        })
        .collect()
}

fn key_result_rows(lead: &[String], stored: &StoredPlan) -> Rows {
    let mut rows = Vec::new();
    for objective in &stored.plan.objectives {
        for kr in &objective.key_results {
            let grade = stored.grades.iter().find(|g| g.key_result == kr.id);
            rows.push(row(
                lead,
                [
                    objective.id.clone(),
                    kr.id.clone(),
                    csv_text(&kr.text),
                    csv_number(grade.and_then(|g| g.grade)),
                    csv_text(grade.and_then(|g| g.found.as_deref()).unwrap_or("")),
                ],
            ));
        }
    }
    rows
}

fn checkin_rows(lead: &[String], stored: &StoredPlan) -> Rows {
    stored
        .recorded_checkins
        .iter()
        .map(|c| {
            let states: Vec<String> = c
                .key_results
                .iter()
                .map(|(kr, rag)| format!("{kr}={}", rag.as_str()))
                .collect();
            row(
                lead,
                [
                    c.week.to_string(),
                    c.date.to_string(),
                    csv_text(&states.join(" ")),
                    csv_text(&c.target_condition),
                    csv_text(&c.actual_condition),
                    csv_text(&c.obstacle),
                    csv_text(&c.next_step),
                    c.check_on.map_or(String::new(), |d| d.to_string()),
                    c.recorded_at.clone(),
                ],
            )
        })
        .collect()
}

/// The pillar id of a practice of the workshop's bank; empty when the bank has no such practice.
fn pillar_of(view: &AssessmentView, practice: &str) -> String {
    view.bank
        .practices()
        .find(|(_, p)| p.id == practice)
        .map_or(String::new(), |(pillar, _)| pillar.id.to_string())
}

fn vote_rows(lead: &[String], records: &WorkshopRecords) -> Rows {
    let mut rows = Vec::new();
    for (practice, practice_votes) in &records.votes {
        for vote in practice_votes {
            let (level, reason) = answer_cells(&vote.answer);
            rows.push(row(
                lead,
                [
                    csv_text(&vote.participant),
                    csv_text(practice),
                    pillar_of(&records.view, practice),
                    level,
                    reason,
                ],
            ));
        }
    }
    rows
}

fn answer_rows(lead: &[String], records: &WorkshopRecords) -> Rows {
    records
        .view
        .answers
        .iter()
        .map(|recorded| {
            let (level, reason) = recorded
                .answer
                .as_ref()
                .map_or((String::new(), String::new()), answer_cells);
            let source = if records.decided.contains(&recorded.practice_id) {
                "facilitator"
            } else if records.votes.contains_key(&recorded.practice_id) {
                "median of votes"
            } else {
                ""
            };
            row(
                lead,
                [
                    csv_text(&recorded.practice_id),
                    pillar_of(&records.view, &recorded.practice_id),
                    level,
                    reason,
                    source.to_string(),
                    csv_text(&recorded.note),
                ],
            )
        })
        .collect()
}

fn pillar_score_rows(lead: &[String], component: &Component, view: &AssessmentView) -> Rows {
    view.scores
        .pillars
        .iter()
        .map(|pillar| {
            row(
                lead,
                [
                    component.blueprint.to_string(),
                    pillar.id.to_string(),
                    csv_number(pillar.score),
                    pillar.level.map_or(String::new(), |l| l.to_string()),
                    csv_number(pillar.percent_to_target),
                    pillar.answered.to_string(),
                    pillar.not_applicable.to_string(),
                    pillar.unanswered.to_string(),
                ],
            )
        })
        .collect()
}

fn answer_cells(answer: &Answer) -> (String, String) {
    match answer {
        Answer::Level { level } => (level.to_string(), String::new()),
        Answer::NotApplicable { reason } => (String::new(), csv_text(reason)),
    }
}

/// A CSV field: quoted when needed, and a text that a spreadsheet would run as
/// a formula (`=`, `+`, `-`, `@` first) is prefixed with `'` so it stays text.
fn csv_text(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn csv_number(value: Option<f64>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

/// UTF-8 with a byte-order mark so spreadsheets detect the encoding, CRLF line ends.
fn csv_table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_text("plain"), "plain");
        assert_eq!(csv_text("a,b"), "\"a,b\"");
        assert_eq!(csv_text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_text("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_text("-1"), "'-1");
        assert_eq!(csv_text("Équipe Ωμέγα 🚀"), "Équipe Ωμέγα 🚀");
    }

    #[test]
    fn a_table_has_a_bom_a_header_and_crlf_rows() {
        let table = csv_table(&["a", "b"], vec![vec!["1".into(), "x".into()]]);
        assert_eq!(table, "\u{feff}a,b\r\n1,x\r\n");
    }
}
