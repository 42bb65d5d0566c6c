//! Types the desktop shell returns to the UI that are not domain types, and
//! the TypeScript bindings of everything the UI receives, generated from the
//! Rust types so the two never drift (`tests/generated_files.rs` checks it).

use serde::Serialize;
use ts_rs::{Config, TS};

/// Where the desktop app keeps its data and what it is, shown in the UI (*About Mamos*).
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub db_path: String,
    /// The folder holding the database and its `backups/`.
    pub data_folder: String,
    pub version: String,
    /// The built-in bank's id and version, e.g. `mamos-qe 1.0.0`.
    pub bank_version: String,
}

/// An undo in the workshop screen: what was undone, for the status line, and
/// the workshop after it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WorkshopUndo {
    pub undone: crate::workshop::Undone,
    pub state: crate::workshop::WorkshopState,
}

/// `T::decl(cfg)` for each type `T` listed.
macro_rules! declarations {
    ($cfg:expr; $($ty:ty),+ $(,)?) => {
        [$(<$ty>::decl($cfg)),+]
    };
}

/// The content of `ui/src/lib/bindings.ts`.
pub fn typescript_bindings() -> String {
    use crate::app::backups::{BackupWritten, Restored};
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
    use crate::live::{LiveSession, NetworkInterface};
    use crate::live_view::{
        Agenda, Pace, RevealedVote, RoomLevel, RoomPace, RoomParticipant, RoomPractice, RoomState,
        RoomWorkshop, ShownAnswer, Spread, Texts, Viewer,
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
        Disagreement, FlaggedPractice, PracticeVotes, Undone, UndoneKind, Vote, Workshop,
        WorkshopState,
    };

    let cfg = Config::new().with_large_int("number");
    // The order of ui/src/lib/bindings.ts.
    let decls = declarations!(&cfg;
        LocalizedText, PillarId, Blueprint, BlueprintDescription, Bank, Level, Pillar,
        PillarName, Practice, Owner, Improvement, Impact, Answer, PillarScore, OverallScore,
        Scores, TargetOverrides, Point, RadarAxis, RadarChart, Component, PracticeAnswer,
        TargetOverride, TargetOrigin, PracticeTarget, Evidence, AssessmentView, Vote,
        Disagreement, FlaggedPractice, Workshop, PracticeVotes, WorkshopState, TimeBand,
        FrequencyBand, DoraMetrics, Metric, Cluster, ReportYear, MetricClass, Classification,
        QuickCheck, DoraOutcome, Rollup, PillarRollup, HeatCell, Comparison, PracticeDelta,
        PillarDelta, OverallDelta, TrendPoint, WorkshopPair, Group, PillarCell, HeatRow,
        OrgView, WorkshopComparison, PlanOptions, Phase, ActionStatus, Why, Action, Measure,
        KeyResult, Objective, Milestone, CheckinDate, Deferred, Plan, KeyResultGrade,
        ActionChange, PlanDiff, ServedComponent, CommonObjective, Rag, Checkin, CheckinInput,
        StoredPlan, ActionEdit, NewAction, RegeneratePreview, ErrorCode, ErrorReport, AppInfo,
        ReportWritten, DocumentKind, Paper, Scope, ReportRequest, ActionAdded, PlanOnDay,
        BundleWritten, CsvWritten, WorkshopChanges, WorkshopDifference, ChangedAction,
        StatusChange, CheckinWeeks, Side, PlanChanges, PlanDifference, Conflicting,
        ImportConflict, ImportSummary, BackupWritten, Restored, UndoneKind, Undone,
        WorkshopUndo, Texts, RoomWorkshop, RoomLevel, RoomPractice, RoomParticipant,
        ShownAnswer, RevealedVote, Spread, Viewer, Pace, Agenda, RoomPace, RoomState,
        NetworkInterface, LiveSession
    );
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
