//! The one-page executive summary of a group or the whole organisation: the
//! mean of every pillar against the mean target (radar), the overall mean,
//! how often each pillar limits a component, the largest shared gaps, the
//! spread of DORA classifications, and the organisation-level plan at a glance.

use super::chart::Area;
use super::glance::plan_block_height;
use super::page::Page;
use super::{labels, style, Labels, INK, MARGIN_MM};
use crate::dora::{Cluster, ReportYear};
use crate::model::{Bank, PillarId};
use crate::plan::CommonObjective;
use crate::report::document::Printable;
use crate::report::fonts::{FontStyle, Warnings};
use crate::report::layout::{self, wrap_lines, DocInfo};
use crate::report::org::{mean, OrgComponent};
use crate::report::radar::radar_chart;
use crate::report::words::{self, Lang};
use crate::report::workbook::cluster_name;
use crate::report::{Pdf, ReportOptions};
use crate::scoring::Scores;

/// What the executive summary of a group or the organisation is made from.
pub struct RollupExecutive<'a> {
    /// `None` for the whole organisation, else the group's name.
    pub group: Option<&'a str>,
    /// Gives the pillar names and the bank shown in the facts.
    pub bank: &'a Bank,
    pub components: &'a [OrgComponent],
    /// One entry per component whose latest workshop has DORA metrics: its
    /// overall cluster (`None`: not classified) and the report year used.
    pub dora: &'a [(Option<Cluster>, ReportYear)],
    /// Every gap shared by two or more components, highest summed priority
    /// first (`Store::common_objectives`).
    pub common: &'a [CommonObjective],
}

/// The mean scores and mean targets of the components, as one `Scores` for
/// the radar and the cards (levels are not averaged: they are left out).
fn mean_scores(components: &[OrgComponent]) -> Scores {
    let pillars: Vec<crate::scoring::PillarScore> = PillarId::ALL
        .iter()
        .map(|&id| {
            let of = |c: &OrgComponent| c.scores.pillars.iter().find(|p| p.id == id).cloned();
            let all: Vec<crate::scoring::PillarScore> = components.iter().filter_map(of).collect();
            let score = mean(all.iter().filter_map(|p| p.score));
            crate::scoring::PillarScore {
                id,
                score,
                level: None,
                percent_to_target: mean(all.iter().filter_map(|p| p.percent_to_target)),
                target_score: mean(all.iter().filter_map(|p| p.target_score)),
                answered: all.iter().map(|p| p.answered).sum(),
                not_applicable: all.iter().map(|p| p.not_applicable).sum(),
                unanswered: all.iter().map(|p| p.unanswered).sum(),
            }
        })
        .collect();
    let limiting_pillar = pillars
        .iter()
        .filter_map(|p| p.score.map(|s| (p.id, s)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id);
    Scores {
        overall: crate::scoring::OverallScore {
            score: mean(components.iter().filter_map(|c| c.scores.overall.score)),
            level: None,
        },
        limiting_pillar,
        pillars,
    }
}

/// One page for a group or the organisation (see the module doc).
pub(in crate::report) fn render_rollup(
    input: &RollupExecutive,
    options: &ReportOptions,
) -> crate::Result<Pdf> {
    let lang = options.lang.as_str();
    let labels = labels(lang);
    let words = Lang::of(lang);
    let code = words.code();
    let mut warnings = Warnings::default();
    let mut clean = Printable::new(&mut warnings);
    let pillar_names = clean.pillar_names(input.bank, code)?;
    let scope = match input.group {
        Some(group) => format!(
            "{} {}",
            words.pick("Group", "Groupe"),
            clean.text(group, "group name")?
        ),
        None => match options.organisation.trim() {
            "" => words.pick("Organisation", "Organisation").to_string(),
            name => clean.text(name, "organisation name")?,
        },
    };
    let bank_title = clean.text(input.bank.title.get(code), "bank title")?;
    let bank_ref = clean.text(
        &format!("{} {}", input.bank.id, input.bank.version),
        "bank id",
    )?;
    let scores = mean_scores(input.components);
    let total = input.components.len();
    let assessed = input
        .components
        .iter()
        .filter(|c| c.scores.overall.score.is_some())
        .count();

    let margin = layout::mm(MARGIN_MM);
    let mut page = Page::new(options.paper.size(), margin);
    let mut y = page.header(
        margin,
        words.pick(
            "MAMOS · Quality Engineering executive summary",
            "MAMOS · Synthèse Quality Engineering pour la direction",
        ),
        &scope,
    )?;
    let facts = [
        (labels.date, options.date.to_string()),
        (
            words.pick("Components", "Composants"),
            format!("{total} ({assessed} {})", words.pick("assessed", "évalués")),
        ),
        (labels.bank, format!("{bank_title} ({bank_ref})")),
    ];
    y = page.facts(y + 10.0, &facts)?;
    let cards = cards(input, &scores, &pillar_names, labels, words);
    y = page.cards(y + 14.0, &cards)?;

    // The organisation-level plan at a glance, at the foot of the page.
    let plan_lines = common_plan_lines(input, &pillar_names, page.width(), words, &mut clean)?;
    let plan_top = page.bottom - plan_block_height(&plan_lines);
    page.plan(
        plan_top,
        match input.group {
            Some(_) => words.pick("Group-level plan at a glance", "Plan du groupe en bref"),
            None => words.pick(
                "Organisation-level plan at a glance",
                "Plan de l’organisation en bref",
            ),
        },
        &plan_lines,
    )?;

    // Radar on the left, findings on the right.
    let top = y + 16.0;
    let split = page.left + page.width() * 0.52;
    page.heading(
        top,
        words.pick(
            "Mean score and target by pillar",
            "Score et cible moyens par pilier",
        ),
    )?;
    let chart_area = Area {
        left: page.left,
        right: split - 8.0,
        top: top + 20.0,
        bottom: plan_top - 12.0,
    };
    page.radar(
        chart_area,
        labels,
        &pillar_names,
        &radar_chart(&scores),
        &scores,
    )?;
    page.blocks(
        split + 8.0,
        top,
        plan_top - 12.0,
        &[
            (
                words.pick(
                    "Limiting pillar: components",
                    "Pilier limitant : composants",
                ),
                limiting_counts(input.components, &pillar_names, labels),
            ),
            (
                words.pick("Largest shared gaps", "Plus grands écarts partagés"),
                shared_gaps(input, &pillar_names, words, &mut clean)?,
            ),
            (
                words.pick("DORA classifications", "Classifications DORA"),
                dora_spread(input, words),
            ),
        ],
    )?;
    page.footer(labels, &bank_ref, options.date)?;

    let info = DocInfo {
        title: format!("Mamos executive summary — {scope}"),
        subject: bank_title,
        author: clean.text(&options.author, "author")?,
        date: options.date,
    };
    let bytes = layout::save_pdf(&info, vec![page.canvas], &[], &mut warnings)?;
    Ok(Pdf {
        bytes,
        pages: 1,
        warnings: warnings.into_vec(),
    })
}

/// The mean overall score, the pillar lowest on average and the pillar that
/// limits components most often.
fn cards(
    input: &RollupExecutive,
    scores: &Scores,
    pillar_names: &[String],
    labels: &'static Labels,
    words: Lang,
) -> [(&'static str, String); 3] {
    let limiting = scores.limiting_pillar.map_or_else(
        || labels.not_assessed.to_string(),
        |id| pillar_names[id as usize].clone(),
    );
    let most_limiting = crate::rollup::rollup(
        &input
            .components
            .iter()
            .map(|c| (c.name.as_str(), Some(&c.scores)))
            .collect::<Vec<_>>(),
    )
    .most_common_limiting
    .map_or_else(
        || labels.not_assessed.to_string(),
        |id| pillar_names[id as usize].clone(),
    );
    [
        (
            words.pick("Mean overall score", "Score global moyen"),
            labels.optional_percent(scores.overall.score),
        ),
        (
            words.pick("Lowest pillar (mean)", "Pilier le plus bas (moyenne)"),
            limiting,
        ),
        (
            words.pick("Most often limiting", "Le plus souvent limitant"),
            most_limiting,
        ),
    ]
}

/// The plan block's lines: the first three common objectives, each with its
/// next step, or why there is no common plan.
fn common_plan_lines(
    input: &RollupExecutive,
    pillar_names: &[String],
    width: f32,
    words: Lang,
    clean: &mut Printable,
) -> crate::Result<Vec<(String, bool)>> {
    let body = style(FontStyle::Regular, 8.5, INK);
    let bold = style(FontStyle::Bold, 8.5, INK);
    let mut plan_lines: Vec<(String, bool)> = Vec::new();
    if input.common.is_empty() {
        for line in wrap_lines(
            body.metrics()?,
            body.size,
            words.pick(
                "No gap is shared by two or more components: each team's own 90-day plan is the plan.",
                "Aucun écart n’est partagé par deux composants ou plus : le plan à 90 jours de chaque équipe suffit.",
            ),
            width - 10.0,
            2,
        ) {
            plan_lines.push((line, false));
        }
    }
    for (i, objective) in input.common.iter().take(3).enumerate() {
        let title = format!(
            "{}. {} ({}) — {}, {} {}",
            i + 1,
            clean.text(&objective.title, "common objective")?,
            pillar_names[objective.pillar as usize],
            words::owner(objective.owner, words),
            objective.components.len(),
            words.pick("components", "composants")
        );
        for line in wrap_lines(bold.metrics()?, bold.size, &title, width, 2) {
            plan_lines.push((line, true));
        }
        let step = clean.text(&objective.step, "common objective step")?;
        for line in wrap_lines(
            body.metrics()?,
            body.size,
            &format!("– {step}"),
            width - 10.0,
            2,
        ) {
            plan_lines.push((line, false));
        }
    }
    Ok(plan_lines)
}

/// "Skills 4 · Methods 2": how many components each pillar limits, most first.
fn limiting_counts(
    components: &[OrgComponent],
    pillar_names: &[String],
    labels: &Labels,
) -> Vec<String> {
    let mut counts: Vec<(usize, usize)> = PillarId::ALL
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            (
                i,
                components
                    .iter()
                    .filter(|c| c.scores.limiting_pillar == Some(id))
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if counts.is_empty() {
        vec![labels.not_assessed.to_string()]
    } else {
        vec![counts
            .iter()
            .map(|(i, n)| format!("{} {n}", pillar_names[*i]))
            .collect::<Vec<_>>()
            .join(" · ")]
    }
}

/// Largest shared gaps: the practices below target in the most components.
fn shared_gaps(
    input: &RollupExecutive,
    pillar_names: &[String],
    words: Lang,
    clean: &mut Printable,
) -> crate::Result<Vec<String>> {
    let total = input.components.len();
    let mut shared: Vec<&CommonObjective> = input.common.iter().collect();
    let total_gap = |o: &CommonObjective| -> u32 {
        o.components
            .iter()
            .map(|c| u32::from(c.target.saturating_sub(c.level)))
            .sum()
    };
    shared.sort_by(|a, b| {
        b.components
            .len()
            .cmp(&a.components.len())
            .then(total_gap(b).cmp(&total_gap(a)))
            .then(a.practice_id.cmp(&b.practice_id))
    });
    if shared.is_empty() {
        return Ok(vec![words
            .pick(
                "No gap is shared by two or more components.",
                "Aucun écart n’est partagé par deux composants ou plus.",
            )
            .to_string()]);
    }
    shared
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, o)| {
            let mean_gap = f64::from(total_gap(o)) / o.components.len() as f64;
            Ok(match words {
                Lang::En => format!(
                    "{}. {} ({}): below target in {} of {total} components, {} levels short on average.",
                    i + 1,
                    clean.text(&o.title, "common objective")?,
                    pillar_names[o.pillar as usize],
                    o.components.len(),
                    words.one_decimal(mean_gap)
                ),
                Lang::Fr => format!(
                    "{}. {} ({}) : sous la cible dans {} composants sur {total}, à {} niveaux en moyenne.",
                    i + 1,
                    clean.text(&o.title, "common objective")?,
                    pillar_names[o.pillar as usize],
                    o.components.len(),
                    words.one_decimal(mean_gap)
                ),
            })
        })
        .collect()
}

/// How many components are in each DORA cluster, and which report years
/// the classifications used.
fn dora_spread(input: &RollupExecutive, words: Lang) -> Vec<String> {
    if input.dora.is_empty() {
        return vec![words
            .pick(
                "No DORA metrics were entered for these components.",
                "Aucun indicateur DORA n’a été saisi pour ces composants.",
            )
            .to_string()];
    }
    let count = |c: Option<Cluster>| input.dora.iter().filter(|(k, _)| *k == c).count();
    let mut parts: Vec<String> = [Cluster::Elite, Cluster::High, Cluster::Medium, Cluster::Low]
        .into_iter()
        .filter(|c| count(Some(*c)) > 0)
        .map(|c| format!("{} {}", cluster_name(c, words), count(Some(c))))
        .collect();
    if count(None) > 0 {
        parts.push(format!(
            "{} {}",
            words.pick("not classified", "non classés"),
            count(None)
        ));
    }
    let mut years: Vec<String> = input.dora.iter().map(|(_, y)| y.to_string()).collect();
    years.sort();
    years.dedup();
    vec![format!(
        "{} ({} {}; {} {} / {})",
        parts.join(" · "),
        words.pick("State of DevOps clusters of", "groupes du State of DevOps"),
        years.join(", "),
        words.pick("measured", "mesurés"),
        input.dora.len(),
        input.components.len()
    )]
}
