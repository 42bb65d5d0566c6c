//! The 90-day plan at a glance at the foot of the executive summary: the
//! objectives with their key results, cut to the lines the page leaves, and
//! the milestone dates.

use chrono::NaiveDate;

use super::{style, INK};
use crate::report::document::Printable;
use crate::report::fonts::{FontStyle, Warnings};
use crate::report::layout::wrap_lines;
use crate::report::words::Lang;

/// What the foot of the page says about the 90-day plan.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum PlanSection<'a> {
    /// Nothing (the plain component summary).
    #[default]
    Omitted,
    /// That no plan was made yet, and how to make one.
    NoPlanYet,
    Glance(&'a PlanGlance),
}

/// The 90-day plan at a glance: its objectives with their key results, and
/// the three milestone dates (days 30, 60 and 90).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanGlance {
    pub objectives: Vec<GlanceObjective>,
    /// Days 30, 60 and 90.
    pub milestones: [NaiveDate; 3],
    /// Why nothing is planned, for a plan without objectives.
    pub empty_reason: Option<String>,
}

impl PlanGlance {
    /// The objectives, key results and milestone dates of `plan`. An empty
    /// plan has no milestones of its own: its days 30, 60 and 90 are shown.
    pub fn of(plan: &crate::plan::Plan) -> PlanGlance {
        let day = |d: u32| {
            plan.milestones
                .iter()
                .find(|m| m.day == d)
                .map_or_else(|| crate::plan::day_date(plan.start, d), |m| m.date)
        };
        PlanGlance {
            objectives: plan
                .objectives
                .iter()
                .map(|o| GlanceObjective {
                    title: o.title.clone(),
                    key_results: o.key_results.iter().map(|k| k.text.clone()).collect(),
                })
                .collect(),
            milestones: [day(30), day(60), day(90)],
            empty_reason: plan.empty_reason.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GlanceObjective {
    pub title: String,
    pub key_results: Vec<String>,
}

/// Height the executive summary keeps for the radar chart (with its heading
/// and legend) and the findings beside it, whatever the size of the plan.
pub(super) const MIN_CHART_HEIGHT: f32 = 190.0;

/// Lines of the plan block: (text, bold).
type PlanLines = Vec<(String, bool)>;

/// The plan block's lines, wrapped to the page: (text, bold), at most
/// `max_lines` of them (and at least the milestones). Objectives and key
/// results take two lines each; when the plan needs more than `max_lines`,
/// one line each; then every objective keeps its title and the key results
/// share the lines left, one per objective in turn. What is left out is said
/// in a last line that points to the team onboarding pack (the whole plan).
pub(super) fn plan_lines(
    plan: &PlanGlance,
    words: Lang,
    width: f32,
    max_lines: usize,
    warnings: &mut Warnings,
) -> crate::Result<PlanLines> {
    let body = style(FontStyle::Regular, 8.5, INK);
    let mut clean = Printable::new(warnings);
    let mut lines = Vec::new();
    if plan.objectives.is_empty() {
        let reason = match &plan.empty_reason {
            Some(reason) => clean.text(reason, "plan")?,
            None => words
                .pick("nothing to plan", "rien à planifier")
                .to_string(),
        };
        let text = format!(
            "{} {reason}.",
            words.pick("Nothing planned:", "Rien de planifié :")
        );
        for line in wrap_lines(body.metrics()?, body.size, &text, width - 10.0, 2) {
            lines.push((line, false));
        }
    }
    let mut objectives = Vec::with_capacity(plan.objectives.len());
    for objective in &plan.objectives {
        let key_results = objective
            .key_results
            .iter()
            .map(|kr| clean.text(kr, "plan key result"))
            .collect::<crate::Result<Vec<_>>>()?;
        objectives.push((clean.text(&objective.title, "plan objective")?, key_results));
    }
    // The milestones always take the last line.
    let room = max_lines.saturating_sub(lines.len() + 1);
    let (shown, more) = fit_objectives(&objectives, width, room)?;
    lines.extend(shown);
    if let Some(text) = left_out(more, words) {
        for line in wrap_lines(body.metrics()?, body.size, &text, width - 10.0, 1) {
            lines.push((line, false));
        }
    }
    let [d30, d60, d90] = plan.milestones;
    lines.push((
        format!(
            "{} {d30} · {d60} · {d90}",
            words.pick(
                "Milestones (days 30, 60, 90):",
                "Jalons (jours 30, 60, 90) :"
            )
        ),
        true,
    ));
    Ok(lines)
}

/// The objectives' lines that fit in `room` lines, and what is left out:
/// `None` nothing, `Some(0)` some key results, `Some(n)` `n` objectives.
fn fit_objectives(
    objectives: &[(String, Vec<String>)],
    width: f32,
    room: usize,
) -> crate::Result<(PlanLines, Option<usize>)> {
    let block = |i: usize, item_lines: usize| objective_lines(i, &objectives[i], width, item_lines);
    let whole = |item_lines| -> crate::Result<PlanLines> {
        Ok((0..objectives.len())
            .map(|i| block(i, item_lines))
            .collect::<crate::Result<Vec<_>>>()?
            .concat())
    };
    let (two, one) = (whole(2)?, whole(1)?);
    if two.len() <= room {
        return Ok((two, None));
    }
    if one.len() <= room {
        return Ok((one, None));
    }
    if objectives.len() < room {
        // Every title on one line; the key results share what is left (less
        // the line saying some are left out), one per objective in turn.
        let mut spare = room - objectives.len() - 1;
        let mut kept = vec![0; objectives.len()];
        while spare > 0 {
            let before = spare;
            for (count, (_, key_results)) in kept.iter_mut().zip(objectives) {
                if spare > 0 && *count < key_results.len() {
                    *count += 1;
                    spare -= 1;
                }
            }
            if spare == before {
                break;
            }
        }
        let mut shown = Vec::new();
        for (i, count) in kept.into_iter().enumerate() {
            let title_and_results = block(i, 1)?;
            // The title is the block's only bold line; its key results follow.
            shown.extend(title_and_results.into_iter().take(1 + count));
        }
        return Ok((shown, Some(0)));
    }
    // Not even every title: the first ones, and how many are left out.
    let fit = room.saturating_sub(1);
    let shown = (0..fit)
        .map(|i| block(i, 0))
        .collect::<crate::Result<Vec<_>>>()?
        .concat();
    Ok((shown, Some(objectives.len() - fit)))
}

/// The `i`th objective's lines, each item on at most `item_lines` lines;
/// with none, the title alone on one line.
fn objective_lines(
    i: usize,
    (title, key_results): &(String, Vec<String>),
    width: f32,
    item_lines: usize,
) -> crate::Result<PlanLines> {
    let body = style(FontStyle::Regular, 8.5, INK);
    let bold = style(FontStyle::Bold, 8.5, INK);
    let mut block = Vec::new();
    for line in wrap_lines(
        bold.metrics()?,
        bold.size,
        &format!("{}. {title}", i + 1),
        width,
        item_lines.max(1),
    ) {
        block.push((line, true));
    }
    for kr in key_results.iter().filter(|_| item_lines > 0) {
        for line in wrap_lines(
            body.metrics()?,
            body.size,
            &format!("– {kr}"),
            width - 10.0,
            item_lines,
        ) {
            block.push((line, false));
        }
    }
    Ok(block)
}

/// The line saying what the plan block leaves out (see `fit_objectives`).
fn left_out(more: Option<usize>, words: Lang) -> Option<String> {
    match (more?, words) {
        (0, Lang::En) => Some(
            "… more key results: the team onboarding pack has the whole plan.".to_string(),
        ),
        (0, Lang::Fr) => Some(
            "… et d’autres résultats clés : le livret d’accueil de l’équipe contient tout le plan."
                .to_string(),
        ),
        (more, Lang::En) => Some(format!(
            "… and {more} more objective{}: the team onboarding pack has the whole plan.",
            if more > 1 { "s" } else { "" }
        )),
        (more, Lang::Fr) => Some(format!(
            "… et {more} autre{s} objectif{s} : le livret d’accueil de l’équipe contient tout le plan.",
            s = if more > 1 { "s" } else { "" }
        )),
    }
}

/// The height of the plan block: its heading and `lines`.
pub(super) fn plan_block_height(lines: &[(String, bool)]) -> f32 {
    let body = style(FontStyle::Regular, 8.5, INK);
    11.0 * 1.25 + 6.0 + lines.len() as f32 * body.line_height
}
