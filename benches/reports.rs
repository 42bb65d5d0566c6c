//! `make bench`: the PDF budgets of the reports issue. Builds an organisation
//! of 40 components with 3 workshops each on a real SQLite file, then times,
//! whole process against whole process and in alternating runs:
//!
//! - `mamos report --org --kind org` (reads the database, lays out, writes the PDF);
//! - headless Chromium printing an HTML page with the same content (the way
//!   browser-based assessment tools make PDFs). The HTML is written once
//!   beforehand and not timed, which favours Chromium.
//!
//! It also times the executive summary alone, in process. Not a test: the
//! numbers go to docs/performance.md. Needs `chromium` on the PATH (or
//! $CHROMIUM); without it only the Mamos side is measured.
//! `MAMOS_KEEP_PDF=DIR` keeps both PDFs, the HTML and the database (`org.db`),
//! so that one `mamos report` run can be profiled on the same data.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use mamos::model::{Blueprint, PillarId};
use mamos::report::{Executive, OrgComponent, Paper, PlanGlance, PlanSection, ReportOptions};
use mamos::rollup::{heatmap_cell, rollup};
use mamos::scoring::{Answer, Scores};
use mamos::store::Store;

const COMPONENTS: usize = 40;
const WORKSHOPS: usize = 3;
const GROUPS: [&str; 4] = ["Payments", "Retail", "Data", "Platform"];
const RUNS: usize = 5;
const EXECUTIVE_RUNS: usize = 30;
const DATE: &str = "2026-11-28";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// 40 components in four groups, each assessed three times (March, June,
/// September 2026) with answers that improve from one workshop to the next.
fn build_org(path: &Path) -> Store {
    let mut store = Store::open(path).unwrap();
    for group in GROUPS {
        store.add_group(group).unwrap();
    }
    let dates = ["2026-03-02", "2026-06-08", "2026-09-14"];
    for n in 0..COMPONENTS {
        let name = if n == 7 {
            "<script>alert(1)</script> Équipe Ödön Łódź Ωμέγα Привет".to_string()
        } else {
            format!("Team {n:02} — {}", GROUPS[n % GROUPS.len()])
        };
        let component = store.add_component(&name, Blueprint::II, None).unwrap();
        store
            .add_to_group(component.id, GROUPS[n % GROUPS.len()])
            .unwrap();
        let ids: Vec<String> = store
            .assessment(component.id)
            .unwrap()
            .bank
            .practices()
            .map(|(_, p)| p.id.clone())
            .collect();
        for (w, date) in dates.iter().enumerate().take(WORKSHOPS) {
            let workshop = store
                .start_workshop(component.id, day(date), "Coach Zoë", &["Ana".into()])
                .unwrap();
            for (i, id) in ids.iter().enumerate() {
                let level = ((i + n) % 4 + w).min(4) as u8;
                store
                    .agree(workshop.id, id, Some(Answer::Level { level }))
                    .unwrap();
            }
        }
    }
    store
}

/// What the organisation report shows, gathered as `mamos report --org` does.
struct OrgData {
    bank: mamos::model::Bank,
    components: Vec<OrgComponent>,
    groups: Vec<(String, Vec<String>)>,
    common: Vec<mamos::plan::CommonObjective>,
}

fn org_data(store: &Store) -> OrgData {
    let mut components = Vec::new();
    let mut bank = None;
    for component in store.components().unwrap() {
        let mut history = Vec::new();
        for workshop in store.workshops(component.id).unwrap() {
            let view = store.workshop_view(workshop.id).unwrap();
            history.push((workshop.held_on.clone(), view.scores));
            bank.get_or_insert(view.bank);
        }
        let points: Vec<(&str, &Scores)> = history.iter().map(|(d, s)| (d.as_str(), s)).collect();
        let trend = mamos::history::trend(&points);
        components.push(OrgComponent {
            name: component.name.clone(),
            scores: history.pop().unwrap().1,
            trend,
        });
    }
    OrgData {
        bank: bank.unwrap(),
        components,
        groups: store.groups().unwrap(),
        common: store.common_objectives(None, 2, 3, "en").unwrap(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn one(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"))
}

const HEAT: [&str; 5] = ["#f5bdb8", "#fad9ad", "#fcf2b3", "#d4ebc2", "#a8dbb3"];

/// The organisation report's content as one HTML page with print CSS: the
/// same tables (header rows repeated on each page), the trend chart as
/// inline SVG with its legend, and the organisation-level plan.
fn org_html(data: &OrgData) -> String {
    let names: Vec<String> = PillarId::ALL
        .iter()
        .map(|&id| {
            data.bank
                .pillar(id)
                .map_or(id.as_str(), |p| p.name.get("en"))
                .to_string()
        })
        .collect();
    let mut h = String::new();
    h.push_str(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Organisation report — Organisation</title><style>\
         @page { size: A4; margin: 18mm; }\
         body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1c2129; }\
         h1 { font-size: 18pt; } h2 { font-size: 12pt; border-bottom: 1px solid #1f61bf; break-after: avoid; }\
         table { border-collapse: collapse; width: 100%; margin: 6pt 0; }\
         thead { display: table-header-group; } tr { break-inside: avoid; }\
         th { background: #edf2fa; color: #61697a; font-size: 8pt; text-align: left; padding: 4pt; }\
         td { padding: 4pt; font-size: 8.5pt; } tr:nth-child(even) td { background: #f7f9fb; }\
         .num { text-align: right; } .small { color: #61697a; font-size: 8pt; }\
         svg { width: 100%; height: auto; }\
         </style></head><body>",
    );
    h.push_str("<p class=\"small\">Organisation report</p><h1>Organisation</h1>");

    let entries: Vec<(&str, Option<&Scores>)> = data
        .components
        .iter()
        .map(|c| (c.name.as_str(), Some(&c.scores)))
        .collect();
    let total = rollup(&entries);
    let _ = write!(
        h,
        "<h2>Pillars</h2><p><b>Components</b> {} · <b>Assessed</b> {} · <b>Most common limiting pillar</b> {}</p>",
        total.components,
        total.assessed,
        total
            .most_common_limiting
            .map_or("not assessed".to_string(), |id| names[id as usize].clone())
    );
    h.push_str("<table><thead><tr><th>Pillar</th><th>Mean</th><th>Min</th><th>Max</th><th>Components assessed</th></tr></thead><tbody>");
    for (p, name) in total.pillars.iter().zip(&names) {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=num>{} %</td><td class=num>{} %</td><td class=num>{} %</td><td class=num>{}</td></tr>",
            escape(name),
            one(p.mean),
            one(p.min),
            one(p.max),
            p.assessed
        );
    }
    h.push_str("</tbody></table>");

    h.push_str("<h2>Heatmap: components × pillars</h2><p class=small>Each cell is the pillar score (0–100); in brackets, the points still missing to the component's target. The colour is the score band.</p>");
    h.push_str("<table><thead><tr><th>Component</th>");
    for name in &names {
        let _ = write!(h, "<th>{}</th>", escape(name));
    }
    h.push_str("<th>Overall</th></tr></thead><tbody>");
    for c in &data.components {
        let _ = write!(h, "<tr><td>{}</td>", escape(&c.name));
        for id in PillarId::ALL {
            let p = c.scores.pillars.iter().find(|p| p.id == id);
            let cell = heatmap_cell(p.and_then(|p| p.score), p.and_then(|p| p.target_score));
            let fill = cell
                .level_band
                .map_or("#fff", |b| HEAT[usize::from(b.min(4))]);
            let text = match (cell.score, cell.gap_to_target) {
                (None, _) => "–".to_string(),
                (Some(s), Some(g)) if g >= 0.5 => format!("{s:.0} (−{g:.0})"),
                (Some(s), _) => format!("{s:.0}"),
            };
            let _ = write!(
                h,
                "<td style=\"background:{fill};text-align:center\">{text}</td>"
            );
        }
        let overall = heatmap_cell(c.scores.overall.score, None);
        let _ = write!(
            h,
            "<td style=\"background:{};text-align:center\">{}</td></tr>",
            overall
                .level_band
                .map_or("#fff", |b| HEAT[usize::from(b.min(4))]),
            overall.score.map_or("–".to_string(), |s| format!("{s:.0}"))
        );
    }
    h.push_str("</tbody></table>");

    h.push_str("<h2>Groups</h2><table><thead><tr><th>Group</th><th>Components</th>");
    for name in &names {
        let _ = write!(h, "<th>{}</th>", escape(name));
    }
    h.push_str("<th>Most common limiting pillar</th></tr></thead><tbody>");
    for (group, members) in &data.groups {
        let entries: Vec<(&str, Option<&Scores>)> = data
            .components
            .iter()
            .filter(|c| members.contains(&c.name))
            .map(|c| (c.name.as_str(), Some(&c.scores)))
            .collect();
        let r = rollup(&entries);
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=num>{} / {}</td>",
            escape(group),
            r.assessed,
            r.components
        );
        for p in &r.pillars {
            let _ = write!(h, "<td class=num>{}</td>", one(p.mean));
        }
        let _ = write!(
            h,
            "<td>{}</td></tr>",
            r.most_common_limiting
                .map_or("–".to_string(), |id| names[id as usize].clone())
        );
    }
    h.push_str("</tbody></table>");

    let trend = mamos::report::organisation_trend(&data.components);
    h.push_str("<h2>Trends across assessments</h2><p class=small>At each workshop date, the mean of every component's latest scores as of that date.</p>");
    let colours = [
        "#1c2129", "#1f61bf", "#de6b0d", "#33994d", "#9940a6", "#bf2633",
    ];
    let (width, height) = (500.0, 170.0);
    let x_of = |i: usize| 30.0 + i as f64 * (width - 40.0) / (trend.len().max(2) - 1) as f64;
    let y_of = |v: f64| 10.0 + height - v / 100.0 * height;
    let _ = write!(
        h,
        "<svg viewBox=\"0 0 {width} {}\" xmlns=\"http://www.w3.org/2000/svg\">",
        height + 40.0
    );
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let y = y_of(v);
        let _ = write!(
            h,
            "<line x1=30 x2={} y1={y} y2={y} stroke=\"#ccd1db\" stroke-width=0.5 /><text x=2 y={} font-size=7>{v}</text>",
            width - 10.0,
            y + 2.5,
        );
    }
    for (s, colour) in colours.iter().enumerate() {
        let points: Vec<String> = trend
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let v = if s == 0 {
                    p.overall
                } else {
                    p.pillars.get(s - 1).copied().flatten()
                };
                v.map(|v| format!("{:.1},{:.1}", x_of(i), y_of(v)))
            })
            .collect();
        let _ = write!(
            h,
            "<polyline fill=none stroke=\"{colour}\" stroke-width={} points=\"{}\" />",
            if s == 0 { 2 } else { 1 },
            points.join(" ")
        );
    }
    for (i, p) in trend.iter().enumerate() {
        let _ = write!(
            h,
            "<text x={:.1} y={} font-size=7 text-anchor=middle>{}</text>",
            x_of(i),
            height + 24.0,
            p.date
        );
    }
    h.push_str("</svg><p>");
    let mut series = vec!["Overall".to_string()];
    series.extend(names.iter().cloned());
    for (name, colour) in series.iter().zip(colours) {
        let _ = write!(
            h,
            "<span style=\"margin-right:12pt\"><span style=\"display:inline-block;width:20pt;border-top:2px solid {colour};vertical-align:middle\"></span> {}</span>",
            escape(name)
        );
    }
    h.push_str("</p><table><thead><tr><th>Date</th>");
    for name in &series {
        let _ = write!(h, "<th>{}</th>", escape(name));
    }
    h.push_str("</tr></thead><tbody>");
    for p in &trend {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=num>{}</td>",
            p.date,
            one(p.overall)
        );
        for v in &p.pillars {
            let _ = write!(h, "<td class=num>{}</td>", one(*v));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");

    h.push_str("<h2>Organisation-level plan</h2><p class=small>Practices below target in several components, highest summed priority first.</p>");
    h.push_str("<table><thead><tr><th>Objective</th><th>Owner</th><th>Serves</th><th>Next step</th></tr></thead><tbody>");
    for o in &data.common {
        let served: Vec<String> = o
            .components
            .iter()
            .map(|c| format!("{} ({}→{})", escape(&c.name), c.level, c.target))
            .collect();
        let _ = write!(
            h,
            "<tr><td>{} ({})</td><td>{}</td><td>{} components: {}</td><td>{}</td></tr>",
            escape(&o.title),
            names[o.pillar as usize],
            o.owner.as_str(),
            served.len(),
            served.join(", "),
            escape(&o.step)
        );
    }
    h.push_str("</tbody></table></body></html>");
    h
}

fn chromium() -> Option<String> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(path.to_string_lossy().into_owned());
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(str::to_string)
}

/// Runs `command` to completion and returns how long the whole process took.
fn timed(command: &mut Command) -> Duration {
    let start = Instant::now();
    let output = command.output().unwrap();
    let elapsed = start.elapsed();
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    elapsed
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("org.db");
    let start = Instant::now();
    let store = build_org(&db);
    println!(
        "reports bench: {COMPONENTS} components × {WORKSHOPS} workshops built in {:.1} s",
        start.elapsed().as_secs_f64()
    );

    // ---------------------------------------------------------------- executive summary
    let component = &store.components().unwrap()[0];
    let view = store.assessment(component.id).unwrap();
    let mut store = store;
    let plan = store
        .create_plan(component.id, day("2026-12-01"), &Default::default())
        .unwrap();
    let glance = PlanGlance::of(&plan.plan);
    let options = ReportOptions {
        lang: "en".into(),
        paper: Paper::A4,
        date: day(DATE),
        organisation: "ACME Bank".into(),
        author: "Coach Zoë".into(),
    };
    let extras = Executive {
        dora: None,
        plan: PlanSection::Glance(&glance),
    };
    let mut render = Vec::new();
    let mut load_and_render = Vec::new();
    for _ in 0..EXECUTIVE_RUNS {
        let t = Instant::now();
        let pdf = mamos::report::executive_summary_pdf(&view, &extras, &options).unwrap();
        render.push(t.elapsed());
        assert_eq!(pdf.pages, 1);
        let t = Instant::now();
        let view = store.assessment(component.id).unwrap();
        let plan = store.open_plan(component.id).unwrap().unwrap();
        let glance = PlanGlance::of(&plan.plan);
        let extras = Executive {
            dora: None,
            plan: PlanSection::Glance(&glance),
        };
        mamos::report::executive_summary_pdf(&view, &extras, &options).unwrap();
        load_and_render.push(t.elapsed());
    }
    let executive = mamos::report::executive_summary_pdf(&view, &extras, &options).unwrap();
    println!(
        "executive summary, in process, median of {EXECUTIVE_RUNS}: render {:.1} ms, load from SQLite + render {:.1} ms (goal < 50 ms), {} bytes",
        ms(median(render)),
        ms(median(load_and_render)),
        executive.bytes.len()
    );
    drop(store);

    // ---------------------------------------------------------------- org report
    let store = Store::open(&db).unwrap();
    let data = org_data(&store);
    drop(store);
    let html_path = dir.path().join("org.html");
    std::fs::write(&html_path, org_html(&data)).unwrap();
    let mamos_pdf = dir.path().join("mamos-org.pdf");
    let chromium_pdf = dir.path().join("chromium-org.pdf");
    let mamos_run = || {
        timed(
            Command::new(env!("CARGO_BIN_EXE_mamos"))
                .arg("--db")
                .arg(&db)
                .args(["report", "--org", "--kind", "org", "--date", DATE])
                .arg("--out")
                .arg(&mamos_pdf)
                .env_remove("MAMOS_DB"),
        )
    };
    let browser = chromium();
    let profile: PathBuf = dir.path().join("chromium-profile");
    let chromium_run = |browser: &str| {
        timed(
            Command::new(browser)
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-extensions",
                ])
                .arg(format!("--user-data-dir={}", profile.display()))
                .arg(format!("--print-to-pdf={}", chromium_pdf.display()))
                .arg(format!("file://{}", html_path.display())),
        )
    };
    // One warm-up each (page cache, Chromium's first-run profile), then alternate.
    mamos_run();
    if let Some(b) = &browser {
        chromium_run(b);
    }
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        ours.push(mamos_run());
        if let Some(b) = &browser {
            theirs.push(chromium_run(b));
        }
    }
    let size = |path: &Path| std::fs::metadata(path).unwrap().len();
    let pages = |path: &Path| -> String {
        Command::new("pdfinfo")
            .arg(path)
            .output()
            .ok()
            .and_then(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().to_string()))
            })
            .unwrap_or_else(|| "?".into())
    };
    let ours_ms = ms(median(ours.clone()));
    println!(
        "mamos report --org --kind org: median {ours_ms:.0} ms over {RUNS} runs ({:?}), {} bytes, {} pages",
        ours.iter().map(|d| ms(*d).round()).collect::<Vec<_>>(),
        size(&mamos_pdf),
        pages(&mamos_pdf)
    );
    match browser {
        Some(b) => {
            let theirs_ms = ms(median(theirs.clone()));
            println!(
                "{b} --headless --print-to-pdf of the same content: median {theirs_ms:.0} ms over {RUNS} runs ({:?}), {} bytes, {} pages",
                theirs.iter().map(|d| ms(*d).round()).collect::<Vec<_>>(),
                size(&chromium_pdf),
                pages(&chromium_pdf)
            );
            println!(
                "ratio: Mamos is {:.1}× faster (goal ≥ 20×); its file is {:.2} of Chromium's (goal ≤ 0.33)",
                theirs_ms / ours_ms,
                size(&mamos_pdf) as f64 / size(&chromium_pdf) as f64
            );
        }
        None => {
            println!("chromium not found: install it (Debian package `chromium`) or set CHROMIUM")
        }
    }
    if let Some(keep) = std::env::var_os("MAMOS_KEEP_PDF") {
        std::fs::create_dir_all(&keep).unwrap();
        for file in [&mamos_pdf, &chromium_pdf, &html_path, &db] {
            if file.exists() {
                std::fs::copy(file, Path::new(&keep).join(file.file_name().unwrap())).unwrap();
            }
        }
    }
}
