//! The team onboarding pack: what Mamos is and how the team was assessed, the
//! 13 weeks of the team's 90-day plan as a timeline (actions as bars,
//! milestones and check-ins as markers), the same weeks as a calendar, each
//! action with its owner and how to do better, and a check-in template page.

use chrono::NaiveDate;

use super::document::{
    body, column, small, strong, style, table_style, Flow, Printable, Running, Table, ACCENT, GRID,
    INK, MUTED, PANEL, STRIPE,
};
use super::fonts::{FontStyle, Warnings};
use super::layout::{self, Align, DocInfo, Rgb3, Stroke, Width};
use super::words::{self, Lang};
use super::{Pdf, ReportOptions};
use crate::assessment::AssessmentView;
use crate::plan::{self, Plan, PLAN_WEEKS};
use crate::workshop::Workshop;

/// What the pack is made from, as the store returns it.
pub struct OnboardingInput<'a> {
    /// The workshop the plan was made from.
    pub workshop: &'a Workshop,
    /// That workshop's scores (component, bank, blueprint).
    pub view: &'a AssessmentView,
    pub plan: &'a Plan,
}

/// Bar colours, one per objective (repeated after six).
const OBJECTIVE_COLORS: [Rgb3; 6] = [
    Rgb3(0.12, 0.38, 0.75),
    Rgb3(0.87, 0.42, 0.05),
    Rgb3(0.20, 0.60, 0.30),
    Rgb3(0.60, 0.25, 0.65),
    Rgb3(0.75, 0.15, 0.20),
    Rgb3(0.35, 0.45, 0.55),
];
const MILESTONE: Rgb3 = Rgb3(0.75, 0.15, 0.20);
/// Days the timeline spans: 13 weeks.
const TIMELINE_DAYS: f32 = (PLAN_WEEKS * 7) as f32;

fn objective_color(index: usize) -> Rgb3 {
    OBJECTIVE_COLORS[index % OBJECTIVE_COLORS.len()]
}

/// Every text of the plan made printable once.
struct PlanTexts {
    objectives: Vec<String>,
    key_results: Vec<Vec<String>>,
    actions: Vec<String>,
    steps: Vec<String>,
    owners: Vec<String>,
    whys: Vec<Option<String>>,
}

impl PlanTexts {
    fn new(plan: &Plan, lang: Lang, clean: &mut Printable) -> crate::Result<PlanTexts> {
        let mut texts = PlanTexts {
            objectives: Vec::new(),
            key_results: Vec::new(),
            actions: Vec::new(),
            steps: Vec::new(),
            owners: Vec::new(),
            whys: Vec::new(),
        };
        for o in &plan.objectives {
            texts
                .objectives
                .push(clean.text(&o.title, "plan objective")?);
            texts.key_results.push(
                o.key_results
                    .iter()
                    .map(|k| clean.text(&k.text, "plan key result"))
                    .collect::<crate::Result<_>>()?,
            );
        }
        for a in &plan.actions {
            texts.actions.push(clean.text(&a.title, "action title")?);
            texts.steps.push(clean.text(&a.step, "action step")?);
            texts.owners.push(match &a.assignee {
                Some(name) => format!(
                    "{} ({})",
                    clean.text(name, "action assignee")?,
                    words::owner(a.owner, lang)
                ),
                None => words::owner(a.owner, lang).to_string(),
            });
            texts.whys.push(match &a.why {
                Some(why) => Some(clean.text(&why.text, "action reason")?),
                None => None,
            });
        }
        Ok(texts)
    }

    fn objective_index(plan: &Plan, id: &str) -> usize {
        plan.objectives.iter().position(|o| o.id == id).unwrap_or(0)
    }
}

pub(super) fn render(input: &OnboardingInput, options: &ReportOptions) -> crate::Result<Pdf> {
    let lang = Lang::of(&options.lang);
    let view = input.view;
    let plan = input.plan;
    let mut warnings = Warnings::default();
    let mut clean = Printable::new(&mut warnings);

    let component = clean.text(&view.component.name, "component name")?;
    let organisation = clean.text(&options.organisation, "organisation name")?;
    let kind = lang.pick("Team onboarding pack", "Livret d’accueil de l’équipe");
    let mut flow = Flow::new(
        options.paper,
        Running {
            header_left: super::header_left(&organisation, &component),
            header_right: options.date.to_string(),
            footer_left: format!("Mamos {} · {kind}", env!("CARGO_PKG_VERSION")),
            page_of: lang.page_of(),
        },
    );
    let texts = PlanTexts::new(plan, lang, &mut clean)?;

    intro_section(&mut flow, input, kind, &component, lang, &mut clean)?;
    if plan.is_empty() {
        flow.section(lang.pick("Your plan", "Votre plan"), 20.0)?;
        let reason = match &plan.empty_reason {
            Some(reason) => clean.text(reason, "plan")?,
            None => String::new(),
        };
        flow.paragraph(
            &format!(
                "{} {reason}",
                lang.pick(
                    "Nothing is planned for these 90 days:",
                    "Rien n’est planifié pour ces 90 jours :"
                )
            ),
            &body(),
        )?;
    } else {
        flow.section(
            lang.pick("13 weeks at a glance", "Les 13 semaines en un coup d’œil"),
            160.0,
        )?;
        timeline(&mut flow, plan, &texts, lang)?;
        flow.section(lang.pick("Week by week", "Semaine par semaine"), 120.0)?;
        calendar(&mut flow, plan, &texts, lang)?;
        flow.section(lang.pick("Milestones", "Jalons"), 60.0)?;
        milestones(&mut flow, plan, lang, &mut clean)?;
        flow.section(
            lang.pick("Objectives and actions", "Objectifs et actions"),
            80.0,
        )?;
        objectives_and_actions(&mut flow, plan, &texts, lang)?;
    }

    // ------------------------------------------------------------ template
    flow.new_page();
    flow.section(
        lang.pick(
            "Weekly check-in (30 minutes)",
            "Point hebdomadaire (30 minutes)",
        ),
        200.0,
    )?;
    checkin_template(&mut flow, &texts, lang)?;

    let info = DocInfo {
        title: format!("{kind} — {component}"),
        subject: lang
            .pick(
                "The team's 90-day Quality Engineering plan (MAMOS)",
                "Le plan Quality Engineering à 90 jours de l’équipe (MAMOS)",
            )
            .to_string(),
        author: clean.text(&options.author, "author")?,
        date: options.date,
    };
    flow.into_pdf(&info, warnings)
}

/// The title block, what Mamos is and how the team was assessed, and the
/// workshop's facts.
fn intro_section(
    flow: &mut Flow,
    input: &OnboardingInput,
    kind: &str,
    component: &str,
    lang: Lang,
    clean: &mut Printable,
) -> crate::Result<()> {
    let view = input.view;
    let plan = input.plan;
    let code = lang.code();
    let pillar_name = |id: crate::model::PillarId| -> String {
        view.bank
            .pillar(id)
            .map_or(id.as_str(), |p| p.name.get(code))
            .to_string()
    };
    let pillar_names: Vec<String> = view
        .bank
        .pillars
        .iter()
        .map(|p| clean.text(p.name.get(code), &format!("the name of pillar {}", p.id)))
        .collect::<crate::Result<_>>()?;

    flow.paragraph(kind, &small())?;
    flow.paragraph(component, &style(FontStyle::Bold, 18.0, INK))?;
    flow.gap(6.0);

    flow.section(
        lang.pick(
            "What Mamos is and how you were assessed",
            "Ce qu’est Mamos et comment vous avez été évalués",
        ),
        80.0,
    )?;
    let intro = match lang {
        Lang::En => format!(
            "Mamos measures the Quality Engineering maturity of a team on five pillars: {}. \
             Each practice of the question bank is answered on a level from 0 (absent) to 4 \
             (optimizing), or marked not applicable with a reason. A pillar's score is the \
             weighted mean of its answered practices, and its target comes from the team's \
             blueprint (its size and stage). The plan below starts with the limiting pillar, \
             the one furthest behind, and moves each chosen practice one level up in 90 days, \
             with a 30-minute check-in every week.",
            pillar_names.join(", ")
        ),
        Lang::Fr => format!(
            "Mamos mesure la maturité Quality Engineering d’une équipe sur cinq piliers : {}. \
             Chaque pratique du référentiel reçoit un niveau de 0 (absent) à 4 (optimisé), ou \
             est déclarée non applicable avec une raison. Le score d’un pilier est la moyenne \
             pondérée de ses pratiques répondues, et sa cible dépend du blueprint de l’équipe \
             (sa taille et son stade). Le plan ci-dessous commence par le pilier limitant, le \
             plus en retard, et fait monter chaque pratique choisie d’un niveau en 90 jours, \
             avec un point de 30 minutes chaque semaine.",
            pillar_names.join(", ")
        ),
    };
    flow.paragraph(&intro, &body())?;
    flow.gap(6.0);
    let participants = input
        .workshop
        .participants
        .iter()
        .map(|p| clean.text(p, "participant name"))
        .collect::<crate::Result<Vec<_>>>()?
        .join(", ");
    let limiting = view
        .scores
        .limiting_pillar
        .map_or_else(|| lang.not_assessed().to_string(), pillar_name);
    let limiting = clean.text(&limiting, "pillar name")?;
    flow.facts(&[
        (
            lang.pick("Workshop", "Atelier"),
            clean.text(&input.workshop.held_on, "workshop date")?,
        ),
        (
            lang.pick("Facilitator", "Animation"),
            clean.text(&input.workshop.facilitator, "facilitator name")?,
        ),
        (lang.pick("Participants", "Participants"), participants),
        ("Blueprint", format!("{}", view.component.blueprint)),
        (
            lang.pick("Question bank", "Référentiel"),
            format!(
                "{} ({} {})",
                clean.text(view.bank.title.get(code), "bank title")?,
                clean.text(&view.bank.id, "bank id")?,
                clean.text(&view.bank.version, "bank version")?
            ),
        ),
        (
            lang.pick("Overall", "Global"),
            format!(
                "{} · {} {}",
                lang.optional_percent(view.scores.overall.score),
                lang.pick("level", "niveau"),
                view.scores
                    .overall
                    .level
                    .map_or_else(words::dash, |l| words::level(&view.bank, lang, l))
            ),
        ),
        (lang.pick("Limiting pillar", "Pilier limitant"), limiting),
        (
            lang.pick("The 90 days", "Les 90 jours"),
            format!(
                "{} → {} ({} {})",
                plan.start,
                plan.end,
                lang.pick("re-assessment", "réévaluation"),
                plan.reassessment
            ),
        ),
    ])
}

/// Each milestone's date and criteria.
fn milestones(
    flow: &mut Flow,
    plan: &Plan,
    lang: Lang,
    clean: &mut Printable,
) -> crate::Result<()> {
    for m in &plan.milestones {
        flow.subheading(
            &format!("{} {} · {}", lang.pick("Day", "Jour"), m.day, m.date),
            20.0,
        )?;
        for criterion in &m.criteria {
            let text = clean.text(criterion, "milestone criterion")?;
            flow.paragraph(&format!("– {text}"), &body())?;
        }
        flow.gap(4.0);
    }
    Ok(())
}

/// Each objective with its key results, then its actions: owner, when, how
/// to do better, and why.
fn objectives_and_actions(
    flow: &mut Flow,
    plan: &Plan,
    texts: &PlanTexts,
    lang: Lang,
) -> crate::Result<()> {
    for (o, objective) in plan.objectives.iter().enumerate() {
        flow.subheading(&format!("{}. {}", o + 1, texts.objectives[o]), 40.0)?;
        for kr in &texts.key_results[o] {
            flow.paragraph(
                &format!("{} {kr}", lang.pick("Key result:", "Résultat clé :")),
                &small(),
            )?;
        }
        flow.gap(4.0);
        for (a, action) in plan
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.objective == objective.id)
        {
            flow.keep(60.0);
            flow.paragraph(&texts.actions[a], &strong())?;
            let mut rows = vec![
                (lang.pick("Owner", "Responsable"), texts.owners[a].clone()),
                (
                    lang.pick("When", "Quand"),
                    format!(
                        "{} ({} → {})",
                        weeks(lang, action.start_week, action.end_week),
                        action.start,
                        action.end
                    ),
                ),
                (
                    lang.pick("How to do better", "Comment progresser"),
                    texts.steps[a].clone(),
                ),
            ];
            if let Some(why) = &texts.whys[a] {
                rows.push((lang.pick("Why", "Pourquoi"), why.clone()));
            }
            flow.facts(&rows)?;
            flow.gap(6.0);
        }
    }
    Ok(())
}

/// "week 3" or "weeks 3–5".
fn weeks(lang: Lang, first: u32, last: u32) -> String {
    if first == last {
        format!("{} {first}", lang.pick("week", "semaine"))
    } else {
        format!("{} {first}–{last}", lang.pick("weeks", "semaines"))
    }
}

/// A diamond centred on (x, y).
fn diamond(x: f32, y: f32, d: f32) -> [(f32, f32); 4] {
    [(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
}

/// An octagon close to a circle of radius `r` centred on (x, y).
fn dot(x: f32, y: f32, r: f32) -> Vec<(f32, f32)> {
    (0..8)
        .map(|i| {
            let angle = std::f32::consts::TAU * (i as f32 + 0.5) / 8.0;
            (x + r * angle.cos(), y + r * angle.sin())
        })
        .collect()
}

/// The Gantt chart of the 13 weeks: a header of weeks, one bar per action
/// (split over pages when there are many), a row of check-ins and milestones,
/// and a legend.
fn timeline(flow: &mut Flow, plan: &Plan, texts: &PlanTexts, lang: Lang) -> crate::Result<()> {
    let label = style(FontStyle::Regular, 7.5, INK);
    let header = style(FontStyle::Bold, 7.0, MUTED);
    let tiny = style(FontStyle::Regular, 6.5, MUTED);
    let font = label.metrics()?;
    let row = 14.0;
    let header_height = header.line_height + tiny.line_height + 4.0;
    let label_width = (flow.width() * 0.34).min(190.0);
    let left = flow.left() + label_width;
    let right = flow.right();
    let x_of_day = |day: f32| left + (day / TIMELINE_DAYS) * (right - left);
    let day_of = |date: NaiveDate| plan::day_of(plan.start, date) as f32;
    let grid = Stroke {
        color: GRID,
        width: 0.5,
        dash: &[],
    };

    let draw_header = |flow: &mut Flow| -> crate::Result<()> {
        let top = flow.y();
        let canvas = flow.canvas();
        canvas.fill_rect(left, top, right - left, header_height, PANEL);
        for week in 1..=PLAN_WEEKS {
            let (x0, x1) = (
                x_of_day(((week - 1) * 7) as f32),
                x_of_day((week * 7) as f32),
            );
            let middle = (x0 + x1) / 2.0;
            canvas.lines(
                middle,
                top + 2.0,
                &[format!("{}{week}", lang.pick("W", "S"))],
                &header,
                Align::Center,
            )?;
            let start = plan::week_start(plan.start, week);
            canvas.lines(
                middle,
                top + 2.0 + header.line_height,
                &[start.format("%d/%m").to_string()],
                &tiny,
                Align::Center,
            )?;
        }
        flow.advance(header_height);
        Ok(())
    };

    let rows_total = plan.actions.len() as f32 * row + 2.0 * row;
    let legend_height = 3.0 * label.line_height + 8.0;
    // Kept whole when it fits on a page; else the actions continue on the
    // next page under the header again.
    flow.keep((header_height + rows_total + legend_height).min(flow.page_height()));
    draw_header(flow)?;
    let mut body_top = flow.y();
    let close = |flow: &mut Flow, body_top: f32| {
        let bottom = flow.y();
        let canvas = flow.canvas();
        for week in 0..=PLAN_WEEKS {
            let x = x_of_day((week * 7) as f32);
            canvas.line(&[(x, body_top), (x, bottom)], &grid);
        }
        canvas.line(&[(left, bottom), (right, bottom)], &grid);
    };
    for (i, action) in plan.actions.iter().enumerate() {
        if flow.room() < row + 0.01 {
            close(flow, body_top);
            flow.new_page();
            draw_header(flow)?;
            body_top = flow.y();
        }
        let top = flow.y();
        let colour = objective_color(PlanTexts::objective_index(plan, &action.objective));
        let name = layout::ellipsize(font, label.size, &texts.actions[i], label_width - 8.0);
        let (x0, x1) = (
            x_of_day(day_of(action.start) - 1.0),
            x_of_day(day_of(action.end)),
        );
        let canvas = flow.canvas();
        if i % 2 == 1 {
            canvas.fill_rect(
                left - label_width,
                top,
                right - left + label_width,
                row,
                STRIPE,
            );
        }
        canvas.lines(
            left - label_width,
            top + (row - label.line_height) / 2.0,
            &[name],
            &label,
            Align::Left,
        )?;
        canvas.fill_rect(x0, top + 3.0, (x1 - x0).max(2.0), row - 6.0, colour);
        flow.advance(row);
    }
    if flow.room() < 2.0 * row + legend_height {
        close(flow, body_top);
        flow.new_page();
        draw_header(flow)?;
        body_top = flow.y();
    }
    // Check-ins and milestones on rows of their own.
    let top = flow.y();
    let canvas = flow.canvas();
    canvas.lines(
        left - label_width,
        top + (row - label.line_height) / 2.0,
        &[lang
            .pick("Weekly check-ins", "Points hebdomadaires")
            .to_string()],
        &label,
        Align::Left,
    )?;
    for c in &plan.checkins {
        let x = x_of_day(day_of(c.date) - 0.5);
        canvas.polygon(&dot(x, top + row / 2.0, 2.6), Some((ACCENT, 1.0)), None);
    }
    let top = top + row;
    canvas.lines(
        left - label_width,
        top + (row - label.line_height) / 2.0,
        &[lang.pick("Milestones", "Jalons").to_string()],
        &label,
        Align::Left,
    )?;
    for m in &plan.milestones {
        let x = x_of_day(day_of(m.date) - 0.5);
        canvas.polygon(
            &diamond(x, top + row / 2.0, 4.0),
            Some((MILESTONE, 1.0)),
            None,
        );
    }
    flow.advance(2.0 * row);
    close(flow, body_top);

    flow.gap(6.0);
    timeline_legend(flow, texts, lang)
}

/// The timeline's legend: the objectives' colours, then the markers.
fn timeline_legend(flow: &mut Flow, texts: &PlanTexts, lang: Lang) -> crate::Result<()> {
    let mut items: Vec<(String, Marker)> = texts
        .objectives
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("{}. {t}", i + 1), Marker::Bar(objective_color(i))))
        .collect();
    items.push((
        lang.pick(
            "weekly 30-minute check-in",
            "point hebdomadaire de 30 minutes",
        )
        .to_string(),
        Marker::Dot,
    ));
    items.push((
        lang.pick(
            "milestone (days 30, 60, 90; re-assessment on day 90)",
            "jalon (jours 30, 60, 90 ; réévaluation au jour 90)",
        )
        .to_string(),
        Marker::Diamond,
    ));
    legend(flow, &items)
}

enum Marker {
    Bar(Rgb3),
    Dot,
    Diamond,
}

/// Legend items in two columns, each ellipsized to its column.
fn legend(flow: &mut Flow, items: &[(String, Marker)]) -> crate::Result<()> {
    let text = style(FontStyle::Regular, 7.5, INK);
    let font = text.metrics()?;
    let column_width = flow.width() / 2.0;
    let swatch = 14.0;
    let rows = items.len().div_ceil(2);
    flow.keep(rows as f32 * text.line_height);
    let (left, top) = (flow.left(), flow.y());
    let canvas = flow.canvas();
    for (i, (label, marker)) in items.iter().enumerate() {
        let x = left + (i / rows) as f32 * column_width;
        let y = top + (i % rows) as f32 * text.line_height;
        let middle = y + text.line_height / 2.0;
        match marker {
            Marker::Bar(colour) => canvas.fill_rect(x, middle - 3.0, swatch, 6.0, *colour),
            Marker::Dot => canvas.polygon(
                &dot(x + swatch / 2.0, middle, 2.6),
                Some((ACCENT, 1.0)),
                None,
            ),
            Marker::Diamond => canvas.polygon(
                &diamond(x + swatch / 2.0, middle, 4.0),
                Some((MILESTONE, 1.0)),
                None,
            ),
        }
        let label = layout::ellipsize(font, text.size, label, column_width - swatch - 14.0);
        canvas.lines(x + swatch + 5.0, y, &[label], &text, Align::Left)?;
    }
    flow.advance(rows as f32 * text.line_height);
    Ok(())
}

/// One row per week: its dates, its check-in, its milestone, and the actions
/// that start or end in it.
fn calendar(flow: &mut Flow, plan: &Plan, texts: &PlanTexts, lang: Lang) -> crate::Result<()> {
    let columns = [
        column(lang.pick("Week", "Semaine"), Width::Fit, Align::Right),
        column(lang.pick("Dates", "Dates"), Width::Fit, Align::Left),
        column(lang.pick("Check-in", "Point"), Width::Fit, Align::Left),
        column(
            lang.pick("Milestone", "Jalon"),
            Width::Part(0.6),
            Align::Left,
        ),
        column(lang.pick("Work", "Travail"), Width::Part(1.4), Align::Left),
    ];
    let mut rows = Vec::new();
    for week in 1..=PLAN_WEEKS {
        let (from, to) = (
            plan::week_start(plan.start, week),
            plan::week_end(plan.start, week),
        );
        let checkin = plan
            .checkins
            .iter()
            .find(|c| c.week == week)
            .map_or_else(String::new, |c| c.date.to_string());
        let milestone = plan
            .milestones
            .iter()
            .filter(|m| from <= m.date && m.date <= to)
            .map(|m| {
                let mut text = format!("{} {} · {}", lang.pick("day", "jour"), m.day, m.date);
                if m.date == plan.reassessment {
                    text.push_str(lang.pick(" · re-assessment", " · réévaluation"));
                }
                text
            })
            .collect::<Vec<_>>()
            .join("; ");
        let names = |pick: &dyn Fn(&plan::Action) -> bool| -> String {
            plan.actions
                .iter()
                .enumerate()
                .filter(|(_, a)| pick(a))
                .map(|(i, _)| texts.actions[i].clone())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let starts = names(&|a| a.start_week == week);
        let ends = names(&|a| a.end_week == week);
        let mut work = Vec::new();
        if !starts.is_empty() {
            work.push(format!("{} {starts}", lang.pick("starts:", "début :")));
        }
        if !ends.is_empty() {
            work.push(format!("{} {ends}", lang.pick("ends:", "fin :")));
        }
        rows.push(vec![
            week.to_string(),
            format!("{} – {}", from.format("%d/%m"), to.format("%d/%m")),
            checkin,
            milestone,
            work.join(" · "),
        ]);
    }
    flow.table(&Table::plain(&columns, &rows, &table_style(5)))
}

/// A page to print for each weekly check-in: the key results with red /
/// amber / green boxes, and the five improvement-kata questions with room to write.
fn checkin_template(flow: &mut Flow, texts: &PlanTexts, lang: Lang) -> crate::Result<()> {
    let text = body();
    let bold = strong();
    let font = text.metrics()?;
    let rule = Stroke {
        color: GRID,
        width: 0.6,
        dash: &[],
    };
    // Week, date, who was there: labels with a line to write on.
    let fields = [
        lang.pick("Week", "Semaine"),
        lang.pick("Date", "Date"),
        lang.pick("Present", "Présents"),
    ];
    let widths = [0.2, 0.3, 0.5];
    let (left, width) = (flow.left(), flow.width());
    let top = flow.y();
    let mut x = left;
    for (field, share) in fields.iter().zip(widths) {
        let w = width * share;
        let canvas = flow.canvas();
        canvas.lines(x, top, &[format!("{field}:")], &bold, Align::Left)?;
        let start = x + bold.metrics()?.text_width(&format!("{field}: "), bold.size);
        canvas.line(
            &[
                (start, top + bold.line_height),
                (x + w - 10.0, top + bold.line_height),
            ],
            &rule,
        );
        x += w;
    }
    flow.advance(bold.line_height + 12.0);

    // Key results with R / A / G boxes.
    flow.subheading(
        lang.pick(
            "Key results: tick red, amber or green",
            "Résultats clés : cochez rouge, orange ou vert",
        ),
        20.0,
    )?;
    let boxes = [
        ("R", Rgb3(0.85, 0.25, 0.25)),
        ("A", Rgb3(0.95, 0.65, 0.15)),
        ("G", Rgb3(0.25, 0.65, 0.35)),
    ];
    let box_size = 10.0;
    let boxes_width = boxes.len() as f32 * 26.0;
    let text_width = width - boxes_width - 10.0;
    let all: Vec<&String> = texts.key_results.iter().flatten().collect();
    if all.is_empty() {
        flow.paragraph(
            lang.pick(
                "This plan has no key result.",
                "Ce plan n’a pas de résultat clé.",
            ),
            &text,
        )?;
    }
    for kr in all {
        let lines = layout::wrap_lines(font, text.size, kr, text_width, 3);
        let height = lines.len() as f32 * text.line_height + 4.0;
        flow.keep(height);
        let top = flow.y();
        let canvas = flow.canvas();
        canvas.lines(left, top + 2.0, &lines, &text, Align::Left)?;
        for (i, (letter, colour)) in boxes.iter().enumerate() {
            let x = left + text_width + 10.0 + i as f32 * 26.0;
            let y = top + 2.0 + (text.line_height - box_size) / 2.0;
            canvas.polygon(
                &[
                    (x, y),
                    (x + box_size, y),
                    (x + box_size, y + box_size),
                    (x, y + box_size),
                ],
                None,
                Some(&Stroke {
                    color: *colour,
                    width: 1.2,
                    dash: &[],
                }),
            );
            canvas.lines(
                x + box_size + 3.0,
                top + 2.0,
                &[letter.to_string()],
                &small(),
                Align::Left,
            )?;
        }
        canvas.line(&[(left, top + height), (left + width, top + height)], &rule);
        flow.advance(height);
    }
    flow.gap(12.0);

    // The five questions of the improvement kata, with lines to write on:
    // as many as the rest of the page allows (two to four each).
    let questions = [
        lang.pick(
            "1. What is the target condition: where should we be?",
            "1. Quelle est la condition cible : où devrions-nous être ?",
        ),
        lang.pick(
            "2. What is the actual condition now?",
            "2. Quelle est la situation réelle aujourd’hui ?",
        ),
        lang.pick(
            "3. Which obstacles stand in the way, and which one do we address now?",
            "3. Quels obstacles nous en empêchent, et lequel traitons-nous maintenant ?",
        ),
        lang.pick(
            "4. What is our next step, and what do we expect from it?",
            "4. Quelle est notre prochaine étape, et qu’en attendons-nous ?",
        ),
        lang.pick(
            "5. When can we go and see what we learned from that step?",
            "5. Quand pourrons-nous voir ce que cette étape nous a appris ?",
        ),
    ];
    flow.subheading(lang.pick("Improvement kata", "Kata d’amélioration"), 40.0)?;
    let line_gap = 18.0;
    let question_height = bold.line_height + 4.0;
    let room = flow.room() - questions.len() as f32 * (question_height + 6.0);
    let per_question = ((room / questions.len() as f32) / line_gap)
        .floor()
        .clamp(2.0, 4.0) as usize;
    for question in questions {
        let lines = layout::wrap_lines(bold.metrics()?, bold.size, question, width, 2);
        flow.keep(lines.len() as f32 * bold.line_height + per_question as f32 * line_gap);
        flow.lines(&lines, &bold, Align::Left)?;
        let top = flow.y();
        let canvas = flow.canvas();
        for n in 1..=per_question {
            let y = top + n as f32 * line_gap;
            canvas.line(&[(left, y), (left + width, y)], &rule);
        }
        flow.advance(per_question as f32 * line_gap + 6.0);
    }
    Ok(())
}
