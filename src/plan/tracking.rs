//! What the coach records on a plan once it is created: the weekly check-ins
//! and the plan as stored with them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ActionStatus, KeyResultGrade, Plan};
use crate::{Error, Result};

/// A key result's state at a check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Rag {
    Red,
    Amber,
    Green,
}

impl Rag {
    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Red => "red",
            Rag::Amber => "amber",
            Rag::Green => "green",
        }
    }

    pub fn parse(text: &str) -> Result<Rag> {
        match text.trim().to_ascii_lowercase().as_str() {
            "red" => Ok(Rag::Red),
            "amber" => Ok(Rag::Amber),
            "green" => Ok(Rag::Green),
            _ => Err(Error::invalid(
                "key result",
                format!("expected red, amber or green, found {text:?}"),
            )),
        }
    }
}

/// A recorded weekly check-in: red/amber/green per key result and the
/// improvement-kata answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Checkin {
    pub week: u32,
    /// The planned date of that week's check-in.
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub key_results: BTreeMap<String, Rag>,
    /// What should the situation be?
    pub target_condition: String,
    /// What is it now?
    pub actual_condition: String,
    /// Which obstacle are we addressing now?
    pub obstacle: String,
    /// What is the next step, and what do we expect?
    pub next_step: String,
    /// When can we see what we learned from it?
    #[ts(type = "string | null")]
    pub check_on: Option<NaiveDate>,
    /// RFC 3339 UTC.
    pub recorded_at: String,
}

/// What a check-in records; fields left out keep what an earlier record of the same week said.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct CheckinInput {
    pub week: u32,
    pub key_results: BTreeMap<String, Rag>,
    pub target_condition: Option<String>,
    pub actual_condition: Option<String>,
    pub obstacle: Option<String>,
    pub next_step: Option<String>,
    #[ts(type = "string | null")]
    pub check_on: Option<NaiveDate>,
    /// New action statuses, by action id.
    pub statuses: BTreeMap<String, ActionStatus>,
}

/// A plan as stored: the plan with the coach's edits, its check-ins and, once closed, its grades.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StoredPlan {
    pub id: i64,
    pub component_id: i64,
    pub component: String,
    /// The workshop it was generated from.
    pub workshop_id: i64,
    pub created_at: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub plan: Plan,
    /// The check-ins recorded so far (the plan's `checkins` are the planned dates).
    pub recorded_checkins: Vec<Checkin>,
    pub closed_at: Option<String>,
    /// The re-assessment workshop that closed it.
    pub closed_by: Option<i64>,
    pub grades: Vec<KeyResultGrade>,
    pub mean_grade: Option<f64>,
    /// The plan this one follows.
    pub previous_plan: Option<i64>,
    /// Set on a version imported from another coach's bundle that differs from
    /// this database's: the plan it conflicts with (resolve with `mamos plan resolve`).
    pub conflict_of: Option<i64>,
}
