//! The one-page summary of one component: who and what was assessed, the
//! pillar table, the overall result and a radar chart of score against
//! target; the executive summary adds the three largest gaps, the DORA
//! classification and the 90-day plan at a glance.

use super::chart::Area;
use super::glance::{plan_block_height, plan_lines, PlanSection, MIN_CHART_HEIGHT};
use super::page::Page;
use super::{blueprint_wording, labels, style, Labels, GRID, INK, MARGIN_MM, MUTED, PANEL, STRIPE};
use crate::assessment::AssessmentView;
use crate::dora::DoraOutcome;
use crate::model::{Bank, PillarId};
use crate::report::document::{column, Printable};
use crate::report::fonts::{FontStyle, Warnings};
use crate::report::layout::{
    self, draw_table, wrap_lines, Align, DocInfo, Stroke, TableStyle, Width,
};
use crate::report::radar::radar_chart;
use crate::report::words::{self, dash, Lang};
use crate::report::{Pdf, ReportOptions};

/// What the executive summary adds to the component's scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Executive<'a> {
    pub dora: Option<&'a DoraOutcome>,
    pub plan: PlanSection<'a>,
}

pub(in crate::report) fn render(
    view: &AssessmentView,
    extras: &Executive,
    options: &ReportOptions,
) -> crate::Result<Pdf> {
    let lang = options.lang.as_str();
    let date = options.date;
    let labels = labels(lang);
    let words = Lang::of(lang);
    let mut warnings = Warnings::default();
    let texts = Texts::new(view, lang, &mut warnings)?;

    let margin = layout::mm(MARGIN_MM);
    let mut page = Page::new(options.paper.size(), margin);
    let mut y = margin;
    y = page.header(y, labels.kicker, &texts.component)?;
    let facts = [
        (labels.date, date.to_string()),
        (
            labels.bank,
            format!(
                "{} ({}, {} {})",
                texts.bank_title, texts.bank_id, labels.version, texts.bank_version
            ),
        ),
        (
            labels.blueprint,
            blueprint_wording(view.component.blueprint, words),
        ),
    ];
    y = page.facts(y + 10.0, &facts)?;
    let scores = &view.scores;
    let limiting = match scores.limiting_pillar {
        Some(id) => texts.pillar(view, id),
        None => labels.not_assessed.to_string(),
    };
    let cards = [
        (
            labels.overall_score,
            labels.optional_percent(scores.overall.score),
        ),
        (
            labels.overall_level,
            texts.level(labels, scores.overall.level),
        ),
        (labels.limiting_pillar, limiting),
    ];
    y = page.cards(y + 14.0, &cards)?;
    y = page.heading(y + 16.0, labels.pillars)?;
    y = page.pillar_table(y + 4.0, labels, &texts, view)?;

    // The plan at a glance takes the foot of the page; the chart and the
    // findings share what is left, side by side.
    let plan_lines = executive_plan_lines(extras.plan, &page, y, words, &mut warnings)?;
    let plan_top = match plan_lines {
        Some(lines) => {
            let top = page.bottom - plan_block_height(&lines);
            page.plan(
                top,
                words.pick("90-day plan at a glance", "Plan à 90 jours en bref"),
                &lines,
            )?;
            top - 12.0
        }
        None => page.bottom,
    };
    let top = y + 16.0;
    let split = page.left + page.width() * 0.52;
    page.heading(top, labels.chart)?;
    let chart_area = Area {
        left: page.left,
        right: split - 8.0,
        top: top + 20.0,
        bottom: plan_top,
    };
    page.radar(
        chart_area,
        labels,
        &texts.pillars,
        &radar_chart(&view.scores),
        &view.scores,
    )?;
    let findings = Findings {
        gaps: largest_gaps(view, lang, 3, &mut warnings)?,
        dora: extras.dora,
    };
    page.findings(split + 8.0, top, plan_top, words, &findings)?;
    page.footer(
        labels,
        &format!("{} {}", texts.bank_id, texts.bank_version),
        date,
    )?;

    let info = DocInfo {
        title: format!("Mamos summary — {}", view.component.name),
        subject: texts.bank_title.clone(),
        author: options.author.clone(),
        date,
    };
    let bytes = layout::save_pdf(&info, vec![page.canvas], &[], &mut warnings)?;
    Ok(Pdf {
        bytes,
        pages: 1,
        warnings: warnings.into_vec(),
    })
}

/// The lines of the plan at a glance for the foot of the page, or none; the
/// plan takes at most what the chart and the findings leave below `y`.
fn executive_plan_lines(
    plan: PlanSection,
    page: &Page,
    y: f32,
    words: Lang,
    warnings: &mut Warnings,
) -> crate::Result<Option<Vec<(String, bool)>>> {
    Ok(match plan {
        PlanSection::Omitted => None,
        PlanSection::NoPlanYet => {
            let body = style(FontStyle::Regular, 8.5, INK);
            let text = words.pick(
                "No 90-day plan yet: `mamos plan COMPONENT` makes one from the latest workshop.",
                "Pas encore de plan à 90 jours : `mamos plan COMPOSANT` en crée un à partir du dernier atelier.",
            );
            Some(
                wrap_lines(body.metrics()?, body.size, text, page.width() - 10.0, 2)
                    .into_iter()
                    .map(|line| (line, false))
                    .collect(),
            )
        }
        PlanSection::Glance(plan) => {
            // The plan takes at most what the chart and the findings leave.
            let room = page.bottom - 12.0 - (y + 16.0 + MIN_CHART_HEIGHT) - plan_block_height(&[]);
            let max_lines = (room / style(FontStyle::Regular, 8.5, INK).line_height).floor();
            Some(plan_lines(
                plan,
                words,
                page.width(),
                max_lines.max(0.0) as usize,
                warnings,
            )?)
        }
    })
}

/// One practice below its target, in plain words.
struct Gap {
    text: String,
}

/// The `count` answered practices furthest below their target (in levels;
/// ties go to the heavier practice, then to bank order), as sentences.
fn largest_gaps(
    view: &AssessmentView,
    lang: &str,
    count: usize,
    warnings: &mut Warnings,
) -> crate::Result<Vec<Gap>> {
    let words = Lang::of(lang);
    let answers = view.answer_map();
    let targets = crate::assessment::target_overrides(&view.overrides);
    let mut gaps: Vec<(u8, f64, usize, String)> = Vec::new();
    for (index, (pillar, practice)) in view.bank.practices().enumerate() {
        let Some(crate::scoring::Answer::Level { level }) = answers.get(&practice.id) else {
            continue;
        };
        let target = targets.target(pillar.id, practice, view.component.blueprint);
        let gap = crate::scoring::gap(target, *level);
        if gap == 0 {
            continue;
        }
        let text = match words {
            Lang::En => format!(
                "{} ({}): at level {}, target {} — {gap} level{} to go.",
                practice.title.get(lang),
                pillar.name.get(lang),
                words::level(&view.bank, words, *level),
                words::level(&view.bank, words, target),
                if gap > 1 { "s" } else { "" }
            ),
            Lang::Fr => format!(
                "{} ({}) : niveau {}, cible {} — {gap} niveau{} à gagner.",
                practice.title.get(lang),
                pillar.name.get(lang),
                words::level(&view.bank, words, *level),
                words::level(&view.bank, words, target),
                if gap > 1 { "x" } else { "" }
            ),
        };
        gaps.push((gap, practice.weight, index, text));
    }
    gaps.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut clean = Printable::new(warnings);
    gaps.into_iter()
        .take(count)
        .map(|(_, _, _, text)| {
            Ok(Gap {
                text: clean.text(&text, "a practice or pillar name")?,
            })
        })
        .collect()
}

struct Findings<'a> {
    gaps: Vec<Gap>,
    dora: Option<&'a DoraOutcome>,
}

/// Every text that comes from the view, made printable with both fonts
/// (missing characters replaced and reported).
struct Texts {
    component: String,
    bank_title: String,
    bank_id: String,
    bank_version: String,
    /// Per pillar of the scores, in order.
    pillars: Vec<String>,
    /// Level labels by value 0–4.
    levels: Vec<(u8, String)>,
}

impl Texts {
    fn new(view: &AssessmentView, lang: &str, warnings: &mut Warnings) -> crate::Result<Texts> {
        let mut clean = Printable::new(warnings);
        let bank: &Bank = &view.bank;
        let pillars = view
            .scores
            .pillars
            .iter()
            .map(|p| {
                let name = bank
                    .pillar(p.id)
                    .map_or(p.id.as_str(), |b| b.name.get(lang));
                clean.text(name, &format!("the name of pillar {}", p.id))
            })
            .collect::<crate::Result<_>>()?;
        let levels = bank
            .levels
            .iter()
            .map(|l| {
                Ok((
                    l.value,
                    clean.text(
                        l.label.get(lang),
                        &format!("the label of level {}", l.value),
                    )?,
                ))
            })
            .collect::<crate::Result<_>>()?;
        Ok(Texts {
            component: clean.text(&view.component.name, "component name")?,
            bank_title: clean.text(bank.title.get(lang), "bank title")?,
            bank_id: clean.text(&bank.id, "bank id")?,
            bank_version: clean.text(&bank.version, "bank version")?,
            pillars,
            levels,
        })
    }

    fn level(&self, labels: &Labels, level: Option<u8>) -> String {
        match level {
            None => labels.not_assessed.to_string(),
            Some(value) => match self.levels.iter().find(|(v, _)| *v == value) {
                Some((_, label)) => format!("{value} · {label}"),
                None => value.to_string(),
            },
        }
    }

    fn pillar(&self, view: &AssessmentView, id: PillarId) -> String {
        view.scores
            .pillars
            .iter()
            .position(|p| p.id == id)
            .map_or_else(|| id.to_string(), |i| self.pillars[i].clone())
    }
}

impl Page {
    fn pillar_table(
        &mut self,
        y: f32,
        labels: &Labels,
        texts: &Texts,
        view: &AssessmentView,
    ) -> crate::Result<f32> {
        let table = TableStyle {
            header: style(FontStyle::Bold, 8.5, MUTED),
            body: style(FontStyle::Regular, 9.0, INK),
            header_fill: PANEL,
            stripe_fill: STRIPE,
            rule: Stroke {
                color: GRID,
                width: 0.75,
                dash: &[],
            },
            padding: 4.5,
            max_lines: 2,
        };
        let columns = [
            column(labels.pillar, Width::Fill, Align::Left),
            column(labels.score, Width::Fit, Align::Right),
            column(labels.level, Width::Fit, Align::Left),
            column(labels.target, Width::Fit, Align::Right),
            column(labels.to_target, Width::Fit, Align::Right),
            column(labels.answered, Width::Fit, Align::Right),
            column(labels.not_applicable, Width::Fit, Align::Right),
            column(labels.unanswered, Width::Fit, Align::Right),
        ];
        let rows: Vec<Vec<String>> = view
            .scores
            .pillars
            .iter()
            .zip(&texts.pillars)
            .map(|(p, name)| {
                let assessed = p.score.is_some();
                vec![
                    name.clone(),
                    labels.optional_percent(p.score),
                    if assessed {
                        texts.level(labels, p.level)
                    } else {
                        dash()
                    },
                    p.target_score.map_or_else(dash, |t| labels.percent(t)),
                    p.percent_to_target.map_or_else(dash, |t| labels.percent(t)),
                    p.answered.to_string(),
                    p.not_applicable.to_string(),
                    p.unanswered.to_string(),
                ]
            })
            .collect();
        let widths = layout::column_widths(&columns, &rows, &table, self.width())?;
        draw_table(
            &mut self.canvas,
            self.left,
            y,
            &columns,
            &widths,
            &rows,
            &table,
        )
    }

    /// The largest gaps and the DORA classification, in a column from `left`
    /// to the right margin, between `top` and `bottom`.
    fn findings(
        &mut self,
        left: f32,
        top: f32,
        bottom: f32,
        words: Lang,
        findings: &Findings,
    ) -> crate::Result<()> {
        let gaps: Vec<String> = if findings.gaps.is_empty() {
            vec![words
                .pick(
                    "Every answered practice is at or above its target.",
                    "Chaque pratique répondue atteint ou dépasse sa cible.",
                )
                .to_string()]
        } else {
            findings
                .gaps
                .iter()
                .enumerate()
                .map(|(i, g)| format!("{}. {}", i + 1, g.text))
                .collect()
        };
        let dora = match findings.dora.filter(|d| !d.metrics.is_empty()) {
            Some(dora) => crate::report::workbook::dora_sentence(dora, words),
            None => words
                .pick(
                    "No DORA metrics were entered for the latest workshop.",
                    "Aucun indicateur DORA n’a été saisi pour le dernier atelier.",
                )
                .to_string(),
        };
        self.blocks(
            left,
            top,
            bottom,
            &[
                (
                    words.pick("Three largest gaps", "Les trois plus grands écarts"),
                    gaps,
                ),
                ("DORA", vec![dora]),
            ],
        )
    }
}
