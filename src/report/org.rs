//! The organisation (or group) report: the roll-up of every pillar, the
//! component × pillar heatmap (split across pages, header repeated), the
//! roll-up of each group, and the trend of the organisation's scores across
//! assessments as vector lines with a legend.

use super::document::{
    body, column, small, style, table_style, Flow, Printable, Running, Table, GRID, INK, MUTED,
};
use super::fonts::{FontStyle, Warnings};
use super::layout::{self, Align, DocInfo, Rgb3, Stroke, TextStyle, Width};
use super::words::{dash, Lang};
use super::{Pdf, ReportOptions};
use crate::history::TrendPoint;
use crate::model::{Bank, PillarId};
use crate::plan::CommonObjective;
use crate::rollup::{heatmap_cell, rollup};
use crate::scoring::Scores;

/// One component of the organisation: its latest scores and its history.
pub struct OrgComponent {
    pub name: String,
    /// The scores of its latest workshop.
    pub scores: Scores,
    /// One point per workshop, oldest first (`history::trend`).
    pub trend: Vec<TrendPoint>,
}

pub struct OrgInput<'a> {
    /// `None` for the whole organisation, else the group's name.
    pub group: Option<&'a str>,
    /// Gives the pillar names.
    pub bank: &'a Bank,
    /// In the order to show them.
    pub components: &'a [OrgComponent],
    /// Each group with its components' names (shown for the whole organisation).
    pub groups: &'a [(String, Vec<String>)],
    /// The gaps several components share (`Store::common_objectives`): the
    /// organisation-level (or group-level) plan.
    pub common: &'a [CommonObjective],
}

/// Heatmap fills by band 0–4 (scores < 20 … ≥ 80): light enough for dark text.
const HEAT: [Rgb3; 5] = [
    Rgb3(0.96, 0.74, 0.72),
    Rgb3(0.98, 0.85, 0.68),
    Rgb3(0.99, 0.95, 0.70),
    Rgb3(0.83, 0.92, 0.76),
    Rgb3(0.66, 0.86, 0.70),
];

/// Line colours of the trend chart: overall first, then the five pillars.
const SERIES: [(Rgb3, &[f32]); 6] = [
    (Rgb3(0.11, 0.13, 0.17), &[]),
    (Rgb3(0.12, 0.38, 0.75), &[]),
    (Rgb3(0.87, 0.42, 0.05), &[5.0, 2.0]),
    (Rgb3(0.20, 0.60, 0.30), &[1.5, 1.5]),
    (Rgb3(0.60, 0.25, 0.65), &[6.0, 2.0, 1.5, 2.0]),
    (Rgb3(0.75, 0.15, 0.20), &[3.0, 3.0]),
];

pub(super) fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0u32), |(s, c), v| (s + v, c + 1));
    (count > 0).then(|| sum / f64::from(count))
}

/// The organisation over time: at each date on which any component was
/// assessed, the mean of every component's latest scores as of that date
/// (a component not yet assessed then is left out, never counted as zero).
pub fn organisation_trend(components: &[OrgComponent]) -> Vec<TrendPoint> {
    let mut dates: Vec<&str> = components
        .iter()
        .flat_map(|c| c.trend.iter().map(|p| p.date.as_str()))
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
        .into_iter()
        .map(|date| {
            // Dates are YYYY-MM-DD, so text order is time order.
            let latest: Vec<&TrendPoint> = components
                .iter()
                .filter_map(|c| c.trend.iter().rev().find(|p| p.date.as_str() <= date))
                .collect();
            TrendPoint {
                date: date.to_string(),
                overall: mean(latest.iter().filter_map(|p| p.overall)),
                pillars: (0..PillarId::ALL.len())
                    .map(|i| {
                        mean(
                            latest
                                .iter()
                                .filter_map(|p| p.pillars.get(i).copied().flatten()),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

pub(super) fn render(input: &OrgInput, options: &ReportOptions) -> crate::Result<Pdf> {
    let lang = Lang::of(&options.lang);
    let code = lang.code();
    let mut warnings = Warnings::default();
    let mut clean = Printable::new(&mut warnings);

    let organisation = clean.text(&options.organisation, "organisation name")?;
    let scope = match input.group {
        Some(group) => format!(
            "{} {}",
            lang.pick("Group", "Groupe"),
            clean.text(group, "group name")?
        ),
        None => lang.pick("Organisation", "Organisation").to_string(),
    };
    let kind = lang.pick("Organisation report", "Rapport d’organisation");
    let mut flow = Flow::new(
        options.paper,
        Running {
            header_left: super::header_left(&organisation, &scope),
            header_right: options.date.to_string(),
            footer_left: format!("Mamos {} · {kind}", env!("CARGO_PKG_VERSION")),
            page_of: lang.page_of(),
        },
    );
    let pillar_names = clean.pillar_names(input.bank, code)?;
    let names: Vec<String> = input
        .components
        .iter()
        .map(|c| clean.text(&c.name, "component name"))
        .collect::<crate::Result<_>>()?;

    flow.paragraph(kind, &small())?;
    flow.paragraph(&scope, &style(FontStyle::Bold, 18.0, INK))?;
    flow.gap(6.0);

    pillars_section(&mut flow, input, &pillar_names, lang)?;
    heatmap_section(&mut flow, input, &pillar_names, &names, lang)?;
    if input.group.is_none() {
        groups_section(&mut flow, input, &pillar_names, lang, &mut clean)?;
    }
    trends_section(&mut flow, input, &pillar_names, lang)?;
    let plan_title = match input.group {
        Some(_) => lang.pick("Group-level plan", "Plan à l’échelle du groupe"),
        None => lang.pick(
            "Organisation-level plan",
            "Plan à l’échelle de l’organisation",
        ),
    };
    flow.section(plan_title, 60.0)?;
    common_plan(&mut flow, input, &pillar_names, lang, &mut clean)?;

    let info = DocInfo {
        title: format!("{kind} — {scope}"),
        subject: lang
            .pick(
                "Quality Engineering maturity across components (MAMOS)",
                "Maturité Quality Engineering des composants (MAMOS)",
            )
            .to_string(),
        author: clean.text(&options.author, "author")?,
        date: options.date,
    };
    flow.into_pdf(&info, warnings)
}

/// The roll-up of every pillar: counts, the most common limiting pillar,
/// and each pillar's mean, minimum and maximum.
fn pillars_section(
    flow: &mut Flow,
    input: &OrgInput,
    pillar_names: &[String],
    lang: Lang,
) -> crate::Result<()> {
    let entries: Vec<(&str, Option<&Scores>)> = input
        .components
        .iter()
        .map(|c| (c.name.as_str(), Some(&c.scores)))
        .collect();
    let total = rollup(&entries);
    flow.section(lang.pick("Pillars", "Piliers"), 80.0)?;
    flow.facts(&[
        (
            lang.pick("Components", "Composants"),
            total.components.to_string(),
        ),
        (lang.pick("Assessed", "Évalués"), total.assessed.to_string()),
        (
            lang.pick(
                "Most common limiting pillar",
                "Pilier limitant le plus fréquent",
            ),
            total.most_common_limiting.map_or_else(
                || lang.not_assessed().to_string(),
                |id| pillar_names[id as usize].clone(),
            ),
        ),
    ])?;
    flow.gap(8.0);
    let columns = [
        column(lang.pick("Pillar", "Pilier"), Width::Fill, Align::Left),
        column(lang.pick("Mean", "Moyenne"), Width::Fit, Align::Right),
        column("Min", Width::Fit, Align::Right),
        column("Max", Width::Fit, Align::Right),
        column(
            lang.pick("Components assessed", "Composants évalués"),
            Width::Fit,
            Align::Right,
        ),
    ];
    let rows: Vec<Vec<String>> = total
        .pillars
        .iter()
        .zip(pillar_names)
        .map(|(p, name)| {
            vec![
                name.clone(),
                lang.optional_percent(p.mean),
                p.min.map_or_else(dash, |v| lang.percent(v)),
                p.max.map_or_else(dash, |v| lang.percent(v)),
                p.assessed.to_string(),
            ]
        })
        .collect();
    flow.table(&Table::plain(&columns, &rows, &table_style(2)))
}

/// The component × pillar heatmap: each cell the score and the points
/// missing to the target, coloured by score band.
fn heatmap_section(
    flow: &mut Flow,
    input: &OrgInput,
    pillar_names: &[String],
    names: &[String],
    lang: Lang,
) -> crate::Result<()> {
    flow.section(
        lang.pick(
            "Heatmap: components × pillars",
            "Carte de chaleur : composants × piliers",
        ),
        120.0,
    )?;
    flow.paragraph(
        lang.pick(
            "Each cell is the pillar score (0–100); in brackets, the points still missing to the component's target. The colour is the score band.",
            "Chaque case donne le score du pilier (0–100) ; entre parenthèses, les points qui manquent pour atteindre la cible du composant. La couleur indique la tranche de score.",
        ),
        &small(),
    )?;
    flow.gap(4.0);
    heat_legend(flow, lang)?;
    flow.gap(6.0);
    let mut columns = vec![column(
        lang.pick("Component", "Composant"),
        Width::Fill,
        Align::Left,
    )];
    for name in pillar_names {
        columns.push(column(name, Width::Fit, Align::Center));
    }
    columns.push(column(
        lang.pick("Overall", "Global"),
        Width::Fit,
        Align::Center,
    ));
    let mut rows = Vec::new();
    let mut fills = Vec::new();
    for (component, name) in input.components.iter().zip(names) {
        let mut row = vec![name.clone()];
        let mut fill = vec![None];
        for id in PillarId::ALL {
            let pillar = component.scores.pillars.iter().find(|p| p.id == id);
            let cell = heatmap_cell(
                pillar.and_then(|p| p.score),
                pillar.and_then(|p| p.target_score),
            );
            row.push(match (cell.score, cell.gap_to_target) {
                (None, _) => dash(),
                (Some(score), Some(gap)) if gap >= 0.5 => {
                    format!("{score:.0} (−{gap:.0})")
                }
                (Some(score), _) => format!("{score:.0}"),
            });
            fill.push(cell.level_band.map(|b| HEAT[usize::from(b.min(4))]));
        }
        let overall = heatmap_cell(component.scores.overall.score, None);
        row.push(overall.score.map_or_else(dash, |s| format!("{s:.0}")));
        fill.push(overall.level_band.map(|b| HEAT[usize::from(b.min(4))]));
        rows.push(row);
        fills.push(fill);
    }
    flow.table_or(
        &Table {
            columns: &columns,
            rows: &rows,
            fills: &fills,
            style: &table_style(3),
        },
        lang.pick("No component yet.", "Aucun composant pour l’instant."),
    )
}

/// Each group's roll-up: components assessed, pillar means, most common
/// limiting pillar (only in the report of the whole organisation).
fn groups_section(
    flow: &mut Flow,
    input: &OrgInput,
    pillar_names: &[String],
    lang: Lang,
    clean: &mut Printable,
) -> crate::Result<()> {
    flow.section(lang.pick("Groups", "Groupes"), 60.0)?;
    if input.groups.is_empty() {
        return flow.paragraph(
            lang.pick(
                "No group yet: `mamos group` puts components in groups (domain, tribe, department).",
                "Aucun groupe pour l’instant : `mamos group` range les composants en groupes (domaine, tribu, département).",
            ),
            &body(),
        );
    }
    let mut columns = vec![
        column(lang.pick("Group", "Groupe"), Width::Fill, Align::Left),
        column(
            lang.pick("Components", "Composants"),
            Width::Fit,
            Align::Right,
        ),
    ];
    for name in pillar_names {
        columns.push(column(name, Width::Fit, Align::Right));
    }
    columns.push(column(
        lang.pick(
            "Most common limiting pillar",
            "Pilier limitant le plus fréquent",
        ),
        Width::Fill,
        Align::Left,
    ));
    let mut rows = Vec::new();
    for (group, members) in input.groups {
        let entries: Vec<(&str, Option<&Scores>)> = input
            .components
            .iter()
            .filter(|c| members.contains(&c.name))
            .map(|c| (c.name.as_str(), Some(&c.scores)))
            .collect();
        let r = rollup(&entries);
        let mut row = vec![
            clean.text(group, "group name")?,
            format!("{} / {}", r.assessed, r.components),
        ];
        for p in &r.pillars {
            row.push(p.mean.map_or_else(dash, |m| lang.one_decimal(m)));
        }
        row.push(
            r.most_common_limiting
                .map_or_else(dash, |id| pillar_names[id as usize].clone()),
        );
        rows.push(row);
    }
    flow.table(&Table::plain(&columns, &rows, &table_style(3)))?;
    flow.gap(4.0);
    flow.paragraph(
                lang.pick(
                    "Pillar columns: mean score of the group's assessed components. Components: assessed / all.",
                    "Colonnes des piliers : score moyen des composants évalués du groupe. Composants : évalués / tous.",
                ),
                &small(),
            )
}

/// The organisation's scores over time, as a chart and a table.
fn trends_section(
    flow: &mut Flow,
    input: &OrgInput,
    pillar_names: &[String],
    lang: Lang,
) -> crate::Result<()> {
    let trend = organisation_trend(input.components);
    // The chart is kept with its heading; a lone sentence needs little room.
    let keep_with = if trend.len() < 2 { 20.0 } else { 250.0 };
    flow.section(
        lang.pick("Trends across assessments", "Tendances entre évaluations"),
        keep_with,
    )?;
    if trend.len() < 2 {
        flow.paragraph(
            lang.pick(
                "Every component was assessed on one date only: the trend starts with the next workshop.",
                "Chaque composant n’a été évalué qu’à une date : la tendance commencera avec le prochain atelier.",
            ),
            &body(),
        )?;
    } else {
        flow.paragraph(
            lang.pick(
                "At each workshop date, the mean of every component's latest scores as of that date.",
                "À chaque date d’atelier, la moyenne des derniers scores de chaque composant à cette date.",
            ),
            &small(),
        )?;
        flow.gap(6.0);
        let mut series = vec![lang.pick("Overall", "Global").to_string()];
        series.extend(pillar_names.iter().cloned());
        trend_chart(flow, &trend, &series)?;
        flow.gap(10.0);
        let mut columns = vec![column("Date", Width::Fit, Align::Left)];
        for name in &series {
            columns.push(column(name, Width::Fill, Align::Right));
        }
        let rows: Vec<Vec<String>> = trend
            .iter()
            .map(|p| {
                let mut row = vec![
                    p.date.clone(),
                    p.overall.map_or_else(dash, |v| lang.one_decimal(v)),
                ];
                row.extend(
                    p.pillars
                        .iter()
                        .map(|v| v.map_or_else(dash, |v| lang.one_decimal(v))),
                );
                row
            })
            .collect();
        flow.table(&Table::plain(&columns, &rows, &table_style(2)))?;
    }
    Ok(())
}

/// The gaps shared by several components, as common objectives: one piece
/// of work for all of them instead of one action per team.
fn common_plan(
    flow: &mut Flow,
    input: &OrgInput,
    pillar_names: &[String],
    lang: Lang,
    clean: &mut Printable,
) -> crate::Result<()> {
    if input.common.is_empty() {
        return flow.paragraph(
            lang.pick(
                "No gap is shared by two or more components: each team's own 90-day plan is the plan.",
                "Aucun écart n’est partagé par deux composants ou plus : le plan à 90 jours de chaque équipe suffit.",
            ),
            &body(),
        );
    }
    flow.paragraph(
        lang.pick(
            "Practices below target in several components, highest summed priority first. Each is one objective for the organisation, often carried by a platform team, instead of one action per team.",
            "Pratiques sous leur cible dans plusieurs composants, de la plus forte priorité cumulée à la plus faible. Chacune devient un objectif commun, souvent porté par une équipe plateforme, plutôt qu’une action par équipe.",
        ),
        &small(),
    )?;
    flow.gap(6.0);
    let columns = [
        column(
            lang.pick("Objective", "Objectif"),
            Width::Part(1.2),
            Align::Left,
        ),
        column(lang.pick("Owner", "Responsable"), Width::Fit, Align::Left),
        column(
            lang.pick("Serves", "Concerne"),
            Width::Part(1.0),
            Align::Left,
        ),
        column(
            lang.pick("Next step", "Prochaine étape"),
            Width::Part(1.6),
            Align::Left,
        ),
    ];
    let mut rows = Vec::new();
    for objective in input.common {
        let served: Vec<String> = objective
            .components
            .iter()
            .map(|c| {
                Ok(format!(
                    "{} ({}→{})",
                    clean.text(&c.name, "component name")?,
                    c.level,
                    c.target
                ))
            })
            .collect::<crate::Result<_>>()?;
        rows.push(vec![
            format!(
                "{} ({})",
                clean.text(&objective.title, "common objective")?,
                pillar_names[objective.pillar as usize]
            ),
            super::words::owner(objective.owner, lang).to_string(),
            format!(
                "{} {} {}",
                served.len(),
                lang.pick("components:", "composants :"),
                served.join(", ")
            ),
            clean.text(&objective.step, "common objective step")?,
        ]);
    }
    flow.table(&Table::plain(&columns, &rows, &table_style(6)))?;
    flow.gap(4.0);
    flow.paragraph(
        lang.pick(
            "Serves: the components with this gap, each with its current level → target level.",
            "Concerne : les composants qui ont cet écart, chacun avec son niveau actuel → niveau cible.",
        ),
        &small(),
    )
}

/// The five colour bands and "not assessed", on one line.
fn heat_legend(flow: &mut Flow, lang: Lang) -> crate::Result<()> {
    let text = style(FontStyle::Regular, 7.5, INK);
    let font = text.metrics()?;
    let mut items: Vec<(String, Option<Rgb3>)> = HEAT
        .iter()
        .enumerate()
        .map(|(i, color)| {
            let low = i * 20;
            let label = if i == 4 {
                "80–100".to_string()
            } else {
                format!("{low}–{}", low + 19)
            };
            (label, Some(*color))
        })
        .collect();
    items.push(("– ".to_string() + lang.not_assessed(), None));
    flow.keep(text.line_height + 4.0);
    let (mut x, y) = (flow.left(), flow.y());
    let right = flow.right();
    for (label, color) in items {
        let width = 14.0 + 4.0 + font.text_width(&label, text.size);
        if x + width > right {
            break;
        }
        let canvas = flow.canvas();
        match color {
            Some(color) => canvas.fill_rect(x, y + 1.0, 14.0, text.line_height - 2.0, color),
            None => canvas.polygon(
                &[
                    (x, y + 1.0),
                    (x + 14.0, y + 1.0),
                    (x + 14.0, y + text.line_height - 1.0),
                    (x, y + text.line_height - 1.0),
                ],
                None,
                Some(&Stroke {
                    color: GRID,
                    width: 0.75,
                    dash: &[],
                }),
            ),
        }
        canvas.lines(x + 18.0, y, &[label], &text, Align::Left)?;
        x += width + 14.0;
    }
    flow.advance(text.line_height);
    Ok(())
}

/// Width of a line sample in the trend chart's legend.
const TREND_SWATCH: f32 = 22.0;

/// The trend legend's items flowed onto as many lines as they need: each
/// item's width, and the items of each line.
fn trend_legend_rows(
    series: &[String],
    legend: &TextStyle,
    width: f32,
) -> crate::Result<(Vec<f32>, Vec<Vec<usize>>)> {
    let font = legend.metrics()?;
    let item_widths: Vec<f32> = series
        .iter()
        .map(|s| {
            TREND_SWATCH
                + 5.0
                + font
                    .text_width(s, legend.size)
                    .min(width - TREND_SWATCH - 5.0)
        })
        .collect();
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0.0;
    for (i, w) in item_widths.iter().enumerate() {
        if used + w > width && !rows.last().is_some_and(Vec::is_empty) {
            rows.push(Vec::new());
            used = 0.0;
        }
        rows.last_mut().expect("one row at least").push(i);
        used += w + 14.0;
    }
    Ok((item_widths, rows))
}

/// Lines of the overall and pillar scores over the dates, 0–100 on the y axis,
/// dates spaced by the days between them, and a legend below.
fn trend_chart(flow: &mut Flow, trend: &[TrendPoint], series: &[String]) -> crate::Result<()> {
    let label = style(FontStyle::Regular, 7.0, MUTED);
    let legend = style(FontStyle::Regular, 8.0, INK);
    let font = label.metrics()?;
    let legend_font = legend.metrics()?;
    let plot_height = 170.0;
    let swatch = TREND_SWATCH;
    let (item_widths, legend_rows) = trend_legend_rows(series, &legend, flow.width())?;
    let total = 8.0
        + plot_height
        + 4.0
        + label.line_height
        + 8.0
        + legend_rows.len() as f32 * legend.line_height;
    flow.keep(total);

    let axis_width = font.text_width("100", label.size) + 6.0;
    let page_left = flow.left();
    let (left, right) = (page_left + axis_width, flow.right() - 8.0);
    let top = flow.y() + 8.0;
    let bottom = top + plot_height;
    let day = |date: &str| {
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map(|d| d.num_days_from_ce() as f32)
            .unwrap_or(0.0)
    };
    use chrono::Datelike;
    let (first, last) = (day(&trend[0].date), day(&trend[trend.len() - 1].date));
    let span = (last - first).max(1.0);
    let x_of = |date: &str| left + (day(date) - first) / span * (right - left);
    let y_of = |value: f64| bottom - (value as f32 / 100.0) * plot_height;
    let canvas = flow.canvas();
    let grid = Stroke {
        color: GRID,
        width: 0.5,
        dash: &[],
    };
    for value in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let y = y_of(value);
        canvas.line(&[(left, y), (right, y)], &grid);
        canvas.text(
            left - 4.0,
            y + 2.5,
            &format!("{value:.0}"),
            &label,
            Align::Right,
        )?;
    }
    // Date labels: every date when they fit, else the first, the last and what fits between.
    let mut last_right = f32::MIN;
    let count = trend.len();
    for (i, point) in trend.iter().enumerate() {
        let x = x_of(&point.date);
        let width = font.text_width(&point.date, label.size);
        let (l, r) = (x - width / 2.0, x + width / 2.0);
        let fits_before_last = i + 1 == count
            || x_of(&trend[count - 1].date)
                - font.text_width(&trend[count - 1].date, label.size) / 2.0
                > r + 6.0;
        if l >= last_right + 6.0 && fits_before_last {
            let l = l.max(page_left).min(right + 8.0 - width);
            canvas.text(
                l,
                bottom + 4.0 + label.size,
                &point.date,
                &label,
                Align::Left,
            )?;
            last_right = l + width;
        }
        canvas.line(&[(x, bottom), (x, bottom + 3.0)], &grid);
    }
    for (s, (color, dash)) in SERIES.iter().enumerate().take(series.len()) {
        let stroke = Stroke {
            color: *color,
            width: if s == 0 { 2.0 } else { 1.25 },
            dash,
        };
        let values: Vec<(f32, f32)> = trend
            .iter()
            .filter_map(|p| {
                let value = if s == 0 {
                    p.overall
                } else {
                    p.pillars.get(s - 1).copied().flatten()
                };
                value.map(|v| (x_of(&p.date), y_of(v)))
            })
            .collect();
        if values.len() > 1 {
            canvas.line(&values, &stroke);
        }
        for (x, y) in &values {
            let d = 1.8;
            canvas.polygon(
                &[(*x, y - d), (x + d, *y), (*x, y + d), (x - d, *y)],
                Some((*color, 1.0)),
                None,
            );
        }
    }
    let mut y = bottom + 4.0 + label.line_height + 8.0;
    for row in legend_rows {
        let mut x = page_left;
        for i in row {
            let (color, dash) = SERIES[i];
            let middle = y + legend.line_height / 2.0;
            canvas.line(
                &[(x, middle), (x + swatch, middle)],
                &Stroke {
                    color,
                    width: if i == 0 { 2.0 } else { 1.25 },
                    dash,
                },
            );
            let text = layout::ellipsize(
                legend_font,
                legend.size,
                &series[i],
                item_widths[i] - swatch - 5.0,
            );
            canvas.lines(x + swatch + 5.0, y, &[text], &legend, Align::Left)?;
            x += item_widths[i] + 14.0;
        }
        y += legend.line_height;
    }
    flow.advance(total);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(date: &str, overall: Option<f64>) -> TrendPoint {
        TrendPoint {
            date: date.into(),
            overall,
            pillars: vec![overall; 5],
        }
    }

    fn component(trend: Vec<TrendPoint>) -> OrgComponent {
        OrgComponent {
            name: "c".into(),
            scores: Scores {
                overall: crate::scoring::OverallScore {
                    score: None,
                    level: None,
                },
                limiting_pillar: None,
                pillars: Vec::new(),
            },
            trend,
        }
    }

    #[test]
    fn the_organisation_trend_carries_each_component_latest_score_forward() {
        let a = component(vec![
            point("2026-01-10", Some(20.0)),
            point("2026-06-10", Some(60.0)),
        ]);
        let b = component(vec![point("2026-03-01", Some(40.0))]);
        let c = component(vec![point("2026-03-01", None)]);
        let trend = organisation_trend(&[a, b, c]);
        let dates: Vec<&str> = trend.iter().map(|p| p.date.as_str()).collect();
        assert_eq!(dates, ["2026-01-10", "2026-03-01", "2026-06-10"]);
        // b not assessed yet in January: left out, not counted as zero.
        assert_eq!(trend[0].overall, Some(20.0));
        assert_eq!(trend[1].overall, Some(30.0));
        assert_eq!(trend[2].overall, Some(50.0));
        assert_eq!(trend[2].pillars[4], Some(50.0));
    }
}
