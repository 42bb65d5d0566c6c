//! `mamos compare|org|trend`: a component's workshops compared, the
//! organisation's roll-up, and trends over time.

use clap::ValueEnum;

use mamos::app::components::component_named;
use mamos::app::history::{self as app, ComparisonRequest};
use mamos::history::{Comparison, GroupTrendPoint, TrendPeriod, TrendPoint};
use mamos::model::PillarId;
use mamos::rollup::Rollup;
use mamos::store::Store;
use mamos::Result;

use super::{optional, print_json, print_text};

#[derive(clap::Args)]
pub struct CompareArgs {
    component: String,
    #[arg(long, value_name = "WORKSHOP")]
    from: Option<i64>,
    #[arg(long, value_name = "WORKSHOP")]
    to: Option<i64>,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct OrgArgs {
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct TrendArgs {
    #[arg(required_unless_present_any = ["group", "org"], conflicts_with_all = ["group", "org"])]
    component: Option<String>,
    #[arg(long, value_name = "NAME", conflicts_with = "org")]
    group: Option<String>,
    #[arg(long)]
    org: bool,
    /// For a group or the organisation: one point per assessment date, or per quarter.
    #[arg(long, value_enum, default_value = "date", conflicts_with = "component")]
    by: TrendBy,
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum TrendBy {
    Date,
    Quarter,
}

pub fn compare(store: &mut Store, args: &CompareArgs) -> Result<()> {
    let request = ComparisonRequest {
        component_id: component_named(store, &args.component)?.id,
        from: args.from,
        to: args.to,
    };
    let compared = app::compare(store, &request)?;
    let (from, to) = (compared.from.id, compared.to.id);
    if args.json {
        print_json(&serde_json::json!({"from": from, "to": to, "comparison": compared.comparison}));
    } else {
        print_text(&comparison_text(from, to, &compared.comparison));
    }
    Ok(())
}

pub fn org(store: &mut Store, args: &OrgArgs) -> Result<()> {
    let rollup = app::org_view(store, args.group.as_deref())?.rollup;
    if args.json {
        print_json(&serde_json::json!({"group": args.group, "rollup": rollup}));
    } else {
        print_text(&rollup_text(args.group.as_deref(), &rollup));
    }
    Ok(())
}

pub fn trend(store: &mut Store, args: &TrendArgs) -> Result<()> {
    if let Some(name) = &args.component {
        let component = component_named(store, name)?;
        let points = app::component_trend(store, component.id)?;
        if args.json {
            print_json(&serde_json::json!({"component": component.name, "trend": points}));
        } else {
            print_text(&component_trend_text(&component.name, &points));
        }
        return Ok(());
    }
    let period = match args.by {
        TrendBy::Date => TrendPeriod::Date,
        TrendBy::Quarter => TrendPeriod::Quarter,
    };
    let group = args.group.as_deref();
    let points = app::group_trend(store, group, period)?;
    if args.json {
        print_json(&serde_json::json!({"group": group, "by": period, "trend": points}));
    } else {
        print_text(&group_trend_text(group, &points));
    }
    Ok(())
}

fn comparison_text(from: i64, to: i64, c: &Comparison) -> String {
    let mut out = format!(
        "workshop {from} → {to}\n\n{:<14} {:>8} {:>8} {:>8} {:>10}\n",
        "pillar", "from", "to", "delta", "progress"
    );
    for p in &c.pillars {
        out.push_str(&format!(
            "{:<14} {:>8} {:>8} {:>8} {:>10}\n",
            p.id.as_str(),
            optional(p.from_score, " %"),
            optional(p.to_score, " %"),
            optional(p.delta, ""),
            optional(p.progress_to_target.map(|v| v * 100.0), " %"),
        ));
    }
    let list = |ids: &[String]| {
        if ids.is_empty() {
            "none".to_string()
        } else {
            ids.join(", ")
        }
    };
    out.push_str(&format!(
        "\noverall {} → {}\nlevels gained: {}\nlevels lost: {}\n",
        optional(c.overall.from_score, " %"),
        optional(c.overall.to_score, " %"),
        list(&c.gained),
        list(&c.lost),
    ));
    if !c.only_in_from.is_empty() || !c.only_in_to.is_empty() {
        out.push_str(&format!(
            "only in the earlier bank: {}\nonly in the later bank: {}\n",
            c.only_in_from.join(", "),
            c.only_in_to.join(", ")
        ));
    }
    out
}

fn rollup_text(group: Option<&str>, r: &Rollup) -> String {
    let mut out = format!(
        "{}: {} components, {} assessed\n\n{:<14} {:>8} {:>8} {:>8} {:>9}\n",
        group.unwrap_or("organisation"),
        r.components,
        r.assessed,
        "pillar",
        "mean",
        "min",
        "max",
        "assessed"
    );
    for p in &r.pillars {
        out.push_str(&format!(
            "{:<14} {:>8} {:>8} {:>8} {:>9}\n",
            p.id.as_str(),
            optional(p.mean, " %"),
            optional(p.min, " %"),
            optional(p.max, " %"),
            p.assessed
        ));
    }
    out.push_str(&format!(
        "\nmost common limiting pillar: {}\n",
        r.most_common_limiting.map_or("-", |p| p.as_str())
    ));
    out
}

/// The header of a trend table: the given columns, then overall and the five pillars.
fn trend_header(columns: &str) -> String {
    let pillars: Vec<String> = PillarId::ALL
        .iter()
        .map(|p| format!("{:>13}", p.as_str()))
        .collect();
    format!("{columns} {:>8}{}\n", "overall", pillars.concat())
}

fn trend_scores(overall: Option<f64>, pillars: &[Option<f64>]) -> String {
    let pillars: Vec<String> = pillars
        .iter()
        .map(|p| format!("{:>13}", optional(*p, " %")))
        .collect();
    format!(" {:>8}{}\n", optional(overall, " %"), pillars.concat())
}

fn component_trend_text(name: &str, points: &[TrendPoint]) -> String {
    let mut out = format!("{name}: {} workshops\n\n", points.len());
    out.push_str(&trend_header(&format!("{:<10}", "date")));
    for p in points {
        out.push_str(&format!("{:<10}", p.date));
        out.push_str(&trend_scores(p.overall, &p.pillars));
    }
    out
}

fn group_trend_text(group: Option<&str>, points: &[GroupTrendPoint]) -> String {
    let mut out = format!(
        "{}: mean of each component's latest scores as of each point\n\n",
        group.unwrap_or("organisation")
    );
    out.push_str(&trend_header(&format!(
        "{:<10} {:<10} {:>10} {:>8}",
        "period", "as of", "components", "assessed"
    )));
    for p in points {
        out.push_str(&format!(
            "{:<10} {:<10} {:>10} {:>8}",
            p.period, p.as_of, p.components, p.assessed
        ));
        out.push_str(&trend_scores(p.overall, &p.pillars));
    }
    out
}
