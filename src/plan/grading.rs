//! Grading the key results at the re-assessment.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;
use crate::dora::DoraMetrics;
use crate::scoring::Answer;

/// One key result graded from the re-assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KeyResultGrade {
    pub key_result: String,
    pub text: String,
    /// 0 (no move) to 1 (reached or beyond); null when the re-assessment does not measure it.
    pub grade: Option<f64>,
    /// What the re-assessment found, in words ("level 2", "between once per day and once per week").
    pub found: Option<String>,
}

/// How far each key result moved from where it started toward its target, 0–1.
/// A practice left unanswered or N/A, or a DORA metric not given, is not graded.
pub fn grade_key_results(
    plan: &Plan,
    answers: &BTreeMap<String, Answer>,
    dora: Option<&DoraMetrics>,
) -> Vec<KeyResultGrade> {
    let progress = |from: u8, target: u8, found: u8| -> f64 {
        if target <= from {
            return 1.0;
        }
        ((f64::from(found) - f64::from(from)) / (f64::from(target) - f64::from(from)))
            .clamp(0.0, 1.0)
    };
    plan.key_results()
        .map(|kr| {
            let found = match &kr.measure {
                Measure::PracticeLevel {
                    practice_id,
                    from,
                    target,
                } => match answers.get(practice_id) {
                    Some(Answer::Level { level }) => {
                        Some((progress(*from, *target, *level), format!("level {level}")))
                    }
                    _ => None,
                },
                Measure::DeployFrequency { from, target } => {
                    dora.and_then(|d| d.deploy_frequency).map(|found| {
                        let grade = progress(from.index(), target.index(), found.index());
                        (grade, found.label().to_string())
                    })
                }
                Measure::LeadTime { from, target } => dora.and_then(|d| d.lead_time).map(|found| {
                    let grade = progress(from.index(), target.index(), found.index());
                    (grade, found.label().to_string())
                }),
                Measure::Recovery { from, target } => dora.and_then(|d| d.recovery).map(|found| {
                    let grade = progress(from.index(), target.index(), found.index());
                    (grade, found.label().to_string())
                }),
            };
            KeyResultGrade {
                key_result: kr.id.clone(),
                text: kr.text.clone(),
                grade: found.as_ref().map(|(g, _)| *g),
                found: found.map(|(_, text)| text),
            }
        })
        .collect()
}

/// The mean of the graded key results; null when none could be graded.
pub fn mean_grade(grades: &[KeyResultGrade]) -> Option<f64> {
    let graded: Vec<f64> = grades.iter().filter_map(|g| g.grade).collect();
    (!graded.is_empty()).then(|| graded.iter().sum::<f64>() / graded.len() as f64)
}
