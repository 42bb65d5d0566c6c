//! Types the desktop shell returns to the UI that are not domain types, and
//! the TypeScript bindings of everything the UI receives, generated from the
//! Rust types so the two never drift (`tests/generated_files.rs` checks it).

use serde::Serialize;
use ts_rs::{Config, TS};

/// Where the desktop app keeps its data, shown in the UI.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub db_path: String,
    pub version: String,
}

/// The content of `ui/src/lib/bindings.ts`.
pub fn typescript_bindings() -> String {
    use crate::app::components::Group;
    use crate::app::exchange::{BundleWritten, CsvWritten};
    use crate::app::history::{HeatRow, OrgView, PillarCell, WorkshopComparison};
    use crate::app::plans::{ActionAdded, PlanOnDay};
    use crate::app::reports::{DocumentKind, ReportRequest, ReportWritten};
    use crate::app::Scope;
    use crate::assessment::{
        AssessmentView, Component, Evidence, PracticeAnswer, PracticeTarget, TargetOverride,
    };
    use crate::dora::{
        Classification, Cluster, DoraMetrics, DoraOutcome, FrequencyBand, Metric, MetricClass,
        QuickCheck, ReportYear, TimeBand,
    };
    use crate::error::{ErrorCode, ErrorReport};
    use crate::history::{
        Comparison, OverallDelta, PillarDelta, PracticeDelta, TrendPoint, WorkshopPair,
    };
    use crate::model::{
        Bank, Blueprint, BlueprintDescription, Impact, Improvement, Level, LocalizedText, Owner,
        Pillar, PillarId, PillarName, Practice,
    };
    use crate::plan::{
        Action, ActionChange, ActionEdit, ActionStatus, Checkin, CheckinDate, CheckinInput,
        CommonObjective, Deferred, KeyResult, KeyResultGrade, Measure, Milestone, NewAction,
        Objective, Phase, Plan, PlanDiff, PlanOptions, Rag, RegeneratePreview, ServedComponent,
        StoredPlan, Why,
    };
    use crate::report::radar::{Point, RadarAxis, RadarChart};
    use crate::report::Paper;
    use crate::rollup::{HeatCell, PillarRollup, Rollup};
    use crate::scoring::{
        Answer, OverallScore, PillarScore, Scores, TargetOrigin, TargetOverrides,
    };
    use crate::store::{
        ChangedAction, CheckinWeeks, Conflicting, ImportConflict, ImportSummary, PlanChanges,
        PlanDifference, Side, StatusChange, WorkshopChanges, WorkshopDifference,
    };
    use crate::workshop::{
        Disagreement, FlaggedPractice, PracticeVotes, Vote, Workshop, WorkshopState,
    };

    let cfg = Config::new().with_large_int("number");
    let decls = [
        LocalizedText::decl(&cfg),
        PillarId::decl(&cfg),
        Blueprint::decl(&cfg),
        BlueprintDescription::decl(&cfg),
        Bank::decl(&cfg),
        Level::decl(&cfg),
        Pillar::decl(&cfg),
        PillarName::decl(&cfg),
        Practice::decl(&cfg),
        Owner::decl(&cfg),
        Improvement::decl(&cfg),
        Impact::decl(&cfg),
        Answer::decl(&cfg),
        PillarScore::decl(&cfg),
        OverallScore::decl(&cfg),
        Scores::decl(&cfg),
        TargetOverrides::decl(&cfg),
        Point::decl(&cfg),
        RadarAxis::decl(&cfg),
        RadarChart::decl(&cfg),
        Component::decl(&cfg),
        PracticeAnswer::decl(&cfg),
        TargetOverride::decl(&cfg),
        TargetOrigin::decl(&cfg),
        PracticeTarget::decl(&cfg),
        Evidence::decl(&cfg),
        AssessmentView::decl(&cfg),
        Vote::decl(&cfg),
        Disagreement::decl(&cfg),
        FlaggedPractice::decl(&cfg),
        Workshop::decl(&cfg),
        PracticeVotes::decl(&cfg),
        WorkshopState::decl(&cfg),
        TimeBand::decl(&cfg),
        FrequencyBand::decl(&cfg),
        DoraMetrics::decl(&cfg),
        Metric::decl(&cfg),
        Cluster::decl(&cfg),
        ReportYear::decl(&cfg),
        MetricClass::decl(&cfg),
        Classification::decl(&cfg),
        QuickCheck::decl(&cfg),
        DoraOutcome::decl(&cfg),
        Rollup::decl(&cfg),
        PillarRollup::decl(&cfg),
        HeatCell::decl(&cfg),
        Comparison::decl(&cfg),
        PracticeDelta::decl(&cfg),
        PillarDelta::decl(&cfg),
        OverallDelta::decl(&cfg),
        TrendPoint::decl(&cfg),
        WorkshopPair::decl(&cfg),
        Group::decl(&cfg),
        PillarCell::decl(&cfg),
        HeatRow::decl(&cfg),
        OrgView::decl(&cfg),
        WorkshopComparison::decl(&cfg),
        PlanOptions::decl(&cfg),
        Phase::decl(&cfg),
        ActionStatus::decl(&cfg),
        Why::decl(&cfg),
        Action::decl(&cfg),
        Measure::decl(&cfg),
        KeyResult::decl(&cfg),
        Objective::decl(&cfg),
        Milestone::decl(&cfg),
        CheckinDate::decl(&cfg),
        Deferred::decl(&cfg),
        Plan::decl(&cfg),
        KeyResultGrade::decl(&cfg),
        ActionChange::decl(&cfg),
        PlanDiff::decl(&cfg),
        ServedComponent::decl(&cfg),
        CommonObjective::decl(&cfg),
        Rag::decl(&cfg),
        Checkin::decl(&cfg),
        CheckinInput::decl(&cfg),
        StoredPlan::decl(&cfg),
        ActionEdit::decl(&cfg),
        NewAction::decl(&cfg),
        RegeneratePreview::decl(&cfg),
        ErrorCode::decl(&cfg),
        ErrorReport::decl(&cfg),
        AppInfo::decl(&cfg),
        ReportWritten::decl(&cfg),
        DocumentKind::decl(&cfg),
        Paper::decl(&cfg),
        Scope::decl(&cfg),
        ReportRequest::decl(&cfg),
        ActionAdded::decl(&cfg),
        PlanOnDay::decl(&cfg),
        BundleWritten::decl(&cfg),
        CsvWritten::decl(&cfg),
        WorkshopChanges::decl(&cfg),
        WorkshopDifference::decl(&cfg),
        ChangedAction::decl(&cfg),
        StatusChange::decl(&cfg),
        CheckinWeeks::decl(&cfg),
        Side::decl(&cfg),
        PlanChanges::decl(&cfg),
        PlanDifference::decl(&cfg),
        Conflicting::decl(&cfg),
        ImportConflict::decl(&cfg),
        ImportSummary::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by `mamos::api::typescript_bindings`; do not edit.\n\
         // Regenerate with `make generated`.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}
