//! The multi-page documents (coach's workbook, organisation report) written by
//! the real `mamos` binary from a real database, checked as a reader would:
//! qpdf, pdfinfo, pdffonts, pdftotext, and the outline (bookmarks).
//!
//! The text `pdftotext -layout` extracts is compared with `tests/expected/*.txt`;
//! `MAMOS_UPDATE_GENERATED=1 cargo test -p mamos --test report_documents`
//! rewrites those files after a deliberate change (review the diff).
//! `MAMOS_KEEP_PDF=DIR` also copies every PDF written here into DIR.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use mamos::dora::{DoraMetrics, FrequencyBand, ReportYear, TimeBand};
use mamos::model::{builtin_bank, Blueprint};
use mamos::scoring::Answer;
use mamos::store::Store;

const HOSTILE_NAME: &str = "<script>alert(1)</script> Équipe Ödön Łódź Ωμέγα Привет";
const LONG_NOTE_END: &str = "and that is the end of the long note.";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn level(level: u8) -> Option<Answer> {
    Some(Answer::Level { level })
}

struct Db {
    dir: tempfile::TempDir,
}

impl Db {
    fn new() -> Self {
        Db {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("mamos.db")
    }

    fn store(&self) -> Store {
        Store::open(&self.path()).unwrap()
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_mamos"))
            .arg("--db")
            .arg(self.path())
            .args(args)
            .env_remove("MAMOS_DB")
            .output()
            .unwrap()
    }

    /// Runs `mamos report ARGS --out FILE --date 2026-11-28` and returns the PDF's path.
    fn report(&self, file: &str, args: &[&str]) -> PathBuf {
        let out = self.dir.path().join(file);
        let mut all = vec!["report"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--date", "2026-11-28", "--out", out.to_str().unwrap()]);
        let result = self.run(&all);
        assert!(
            result.status.success(),
            "mamos {all:?}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        if let Some(keep) = std::env::var_os("MAMOS_KEEP_PDF") {
            std::fs::create_dir_all(&keep).unwrap();
            std::fs::copy(&out, Path::new(&keep).join(file)).unwrap();
        }
        out
    }
}

/// A component with two workshops (June and November 2026), three voters,
/// an N/A, a long note, an evidence link and DORA metrics in the second.
fn workbook_db() -> Db {
    let db = Db::new();
    let mut store = db.store();
    let component = store
        .add_component(HOSTILE_NAME, Blueprint::II, None)
        .unwrap();
    let bank = builtin_bank();
    let ids: Vec<String> = bank.practices().map(|(_, p)| p.id.clone()).collect();
    let first = store
        .start_workshop(
            component.id,
            day("2026-06-01"),
            "Coach Zoë",
            &["Ana".into(), "Ben".into()],
        )
        .unwrap();
    for (i, id) in ids.iter().enumerate() {
        store
            .cast_vote(first.id, "Ana", id, level((i % 3) as u8))
            .unwrap();
        store
            .cast_vote(first.id, "Ben", id, level(((i + 1) % 3) as u8))
            .unwrap();
    }
    let second = store
        .start_workshop(
            component.id,
            day("2026-11-20"),
            "Coach Zoë",
            &["Ana".into(), "Ben".into(), "Chloé".into()],
        )
        .unwrap();
    for (i, id) in ids.iter().enumerate() {
        store
            .cast_vote(second.id, "Ana", id, level((i % 4) as u8))
            .unwrap();
        store
            .cast_vote(second.id, "Ben", id, level(((i + 1) % 4) as u8))
            .unwrap();
        store
            .cast_vote(second.id, "Chloé", id, level(((i * 3) % 5) as u8))
            .unwrap();
    }
    store
        .agree(
            second.id,
            &ids[0],
            Some(Answer::NotApplicable {
                reason: "No user interface in this component.".into(),
            }),
        )
        .unwrap();
    let note = format!(
        "{}{LONG_NOTE_END}",
        "The pipeline runs on every merge request, yet the deployment is manual. ".repeat(20)
    );
    store.set_note(component.id, &ids[2], &note).unwrap();
    store
        .add_evidence(
            second.id,
            &ids[1],
            "https://ci.example.com/payments/pipelines",
            "CI dashboard",
        )
        .unwrap();
    store
        .set_dora(
            second.id,
            &DoraMetrics {
                lead_time: Some(TimeBand::LessThanOneDay),
                deploy_frequency: Some(FrequencyBand::DailyToWeekly),
                recovery: Some(TimeBand::LessThanOneDay),
                change_fail_rate: Some(12.0),
                rework_rate: Some(8.0),
            },
            ReportYear::Y2024,
        )
        .unwrap();
    db
}

/// `count` components (the hostile name among them) in two groups, each
/// assessed on 2026-03-02 and the even ones again on 2026-09-14.
fn org_db(count: usize) -> Db {
    let db = Db::new();
    let mut store = db.store();
    store.add_group("Payments").unwrap();
    store.add_group("Retail").unwrap();
    let bank = builtin_bank();
    let ids: Vec<String> = bank.practices().map(|(_, p)| p.id.clone()).collect();
    for n in 0..count {
        let name = if n == 7 {
            HOSTILE_NAME.to_string()
        } else {
            format!("Team {n:03}")
        };
        let component = store.add_component(&name, Blueprint::II, None).unwrap();
        store
            .add_to_group(component.id, if n % 2 == 0 { "Payments" } else { "Retail" })
            .unwrap();
        let first = store
            .start_workshop(
                component.id,
                day("2026-03-02"),
                "Coach Zoë",
                &["Ana".into()],
            )
            .unwrap();
        for (i, id) in ids.iter().enumerate().filter(|(i, _)| i % 3 != n % 3) {
            store
                .agree(first.id, id, level(((i + n) % 4) as u8))
                .unwrap();
        }
        if n % 2 == 0 {
            let again = store
                .start_workshop(
                    component.id,
                    day("2026-09-14"),
                    "Coach Zoë",
                    &["Ana".into()],
                )
                .unwrap();
            for (i, id) in ids.iter().enumerate() {
                store
                    .agree(again.id, id, level(((i + n) % 4 + 1).min(4) as u8))
                    .unwrap();
            }
        }
    }
    db
}

/// Runs a tool on `path` and returns its standard output.
fn tool(name: &str, args: &[&str], path: &Path) -> String {
    let mut command = Command::new(name);
    command.args(args).arg(path);
    if name == "pdftotext" {
        command.arg("-");
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{name}` ({e}): install qpdf and poppler-utils"));
    assert!(
        output.status.success(),
        "`{name} {args:?}` failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("pdfinfo has no {field}:\n{info}"))
        .trim()
        .to_string()
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pages(path: &Path) -> usize {
    info_field(&tool("pdfinfo", &[], path), "Pages")
        .parse()
        .unwrap()
}

fn page_text(path: &Path, page: usize) -> String {
    let n = page.to_string();
    tool("pdftotext", &["-enc", "UTF-8", "-f", &n, "-l", &n], path)
}

/// The outline as (title, page).
fn bookmarks(path: &Path) -> Vec<(String, u64)> {
    let json: serde_json::Value =
        serde_json::from_str(&tool("qpdf", &["--json", "--json-key=outlines"], path)).unwrap();
    json["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["title"].as_str().unwrap().to_string(),
                o["destpageposfrom1"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// qpdf finds no error, and the two DejaVu fonts are embedded as subsets.
fn assert_valid_with_subset_fonts(path: &Path) {
    let check = tool("qpdf", &["--check"], path);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let fonts = tool("pdffonts", &[], path);
    let dejavu: Vec<&str> = fonts.lines().filter(|l| l.contains("DejaVuSans")).collect();
    assert_eq!(
        dejavu.len(),
        2,
        "regular and bold DejaVu Sans expected:\n{fonts}"
    );
    for line in dejavu {
        let columns: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(columns[0].as_bytes()[6], b'+', "not a subset: {line}");
        assert_eq!(
            &columns[columns.len() - 5..columns.len() - 2],
            ["yes", "yes", "yes"],
            "not embedded + subset + unicode: {line}"
        );
    }
}

/// Compares the layout text with `tests/expected/NAME`, or rewrites it.
fn assert_expected_text(path: &Path, name: &str) {
    let text = tool("pdftotext", &["-layout", "-enc", "UTF-8"], path);
    let expected = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expected")
        .join(name);
    if std::env::var_os("MAMOS_UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(expected.parent().unwrap()).unwrap();
        std::fs::write(&expected, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&expected).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run with MAMOS_UPDATE_GENERATED=1",
            expected.display()
        )
    });
    if committed != text {
        let line = committed
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(committed.lines().count().min(text.lines().count()));
        panic!(
            "the text of {name} changed from line {}:\n  expected: {:?}\n  found:    {:?}\n\
             If the change is wanted, rerun with MAMOS_UPDATE_GENERATED=1 and review the diff.",
            line + 1,
            committed.lines().nth(line),
            text.lines().nth(line)
        );
    }
}

#[test]
fn the_workbook_shows_every_practice_vote_note_change_and_the_dora_metrics() {
    let db = workbook_db();
    let pdf = db.report(
        "workbook.pdf",
        &[
            "--component",
            HOSTILE_NAME,
            "--kind",
            "workbook",
            "--org-name",
            "ACME Bank",
        ],
    );
    assert_valid_with_subset_fonts(&pdf);
    let info = tool("pdfinfo", &["-enc", "UTF-8", "-isodates"], &pdf);
    assert_eq!(
        info_field(&info, "Title"),
        format!("Coach's workbook — {HOSTILE_NAME}")
    );
    assert_eq!(info_field(&info, "Author"), "Coach Zoë");
    assert!(
        info_field(&info, "CreationDate").starts_with("2026-11-28"),
        "{info}"
    );
    assert!(
        info_field(&info, "Page size").starts_with("595.2"),
        "not A4: {info}"
    );
    let count = pages(&pdf);
    assert!(count > 3, "{count} pages");

    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &pdf));
    assert!(text.contains(HOSTILE_NAME), "{text}");
    let bank = builtin_bank();
    for pillar in &bank.pillars {
        assert!(text.contains(pillar.name.get("en")), "{:?}", pillar.name);
    }
    for (_, practice) in bank.practices() {
        assert!(text.contains(&practice.id), "{} missing", practice.id);
    }
    for expected in [
        "Ana 0, Ben 1, Chloé 0",
        "Not applicable: No user interface in this component.",
        LONG_NOTE_END,
        "Changes since the workshop of 2026-06-01",
        "DORA classification: High (State of DevOps clusters of 2024)",
        "Disagreements",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
    // A link longer than its column is cut between characters, never dropped.
    assert!(text
        .replace(' ', "")
        .contains("https://ci.example.com/payments/pipelines"));
    // Every page has the running header and its "Page n of N" footer.
    for page in 1..=count {
        let text = flat(&page_text(&pdf, page));
        assert!(
            text.starts_with("ACME Bank · <script>"),
            "page {page}: {text}"
        );
        assert!(
            text.contains(&format!("Page {page} of {count}")),
            "page {page}: {text}"
        );
    }
    let outline = bookmarks(&pdf);
    let titles: Vec<&str> = outline.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles[0], "Workshop");
    assert_eq!(titles[1], "Methods — practices");
    assert_eq!(titles.last(), Some(&"DORA metrics"));
    assert!(outline.windows(2).all(|w| w[0].1 <= w[1].1), "{outline:?}");
    assert_expected_text(&pdf, "workbook-en.txt");
}

#[test]
fn the_workbook_in_french_on_letter_paper() {
    let db = workbook_db();
    let pdf = db.report(
        "workbook-fr.pdf",
        &[
            HOSTILE_NAME,
            "--kind",
            "workbook",
            "--lang",
            "fr",
            "--paper",
            "letter",
        ],
    );
    assert_valid_with_subset_fonts(&pdf);
    let info = tool("pdfinfo", &[], &pdf);
    assert!(
        info_field(&info, "Page size").starts_with("612 x 792"),
        "{info}"
    );
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &pdf));
    for expected in [
        "Cahier du coach",
        "Évolution depuis l’atelier du 2026-06-01",
        "Classification DORA : Élevé",
        "Délai de mise en production moins d’un jour",
        "entre une fois par jour et une fois par semaine",
        "Page 1 sur",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
    assert_expected_text(&pdf, "workbook-fr-letter.txt");
}

#[test]
fn same_data_and_date_give_the_same_bytes() {
    let db = workbook_db();
    let args = ["--component", HOSTILE_NAME, "--kind", "workbook"];
    let first = std::fs::read(db.report("a.pdf", &args)).unwrap();
    let second = std::fs::read(db.report("b.pdf", &args)).unwrap();
    assert!(first == second, "two runs gave different workbooks");
    let db = org_db(12);
    let first = std::fs::read(db.report("a.pdf", &["--org", "--kind", "org"])).unwrap();
    let second = std::fs::read(db.report("b.pdf", &["--org", "--kind", "org"])).unwrap();
    assert!(
        first == second,
        "two runs gave different organisation reports"
    );
}

#[test]
fn an_organisation_of_200_components_splits_the_heatmap_and_repeats_its_header() {
    let db = org_db(200);
    let pdf = db.report(
        "org.pdf",
        &[
            "--org",
            "--kind",
            "org",
            "--org-name",
            "ACME Bank",
            "--author",
            "Coach Zoë",
        ],
    );
    assert_valid_with_subset_fonts(&pdf);
    let count = pages(&pdf);
    assert!(count >= 6, "{count} pages");
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &pdf));
    assert!(
        text.contains(HOSTILE_NAME),
        "the hostile name is not verbatim"
    );
    assert!(text.contains("Team 000") && text.contains("Team 199"));
    for pillar in [
        "Methods",
        "Architecture",
        "Management",
        "Organization",
        "Skills",
    ] {
        assert!(text.contains(pillar), "{pillar} missing");
    }
    // Every page that continues the heatmap starts with its header row.
    let mut heatmap_pages = 0;
    for page in 1..=count {
        let text = flat(&page_text(&pdf, page));
        assert!(
            text.contains(&format!("Page {page} of {count}")),
            "page {page}"
        );
        if text.contains("Team 1") {
            heatmap_pages += 1;
            assert!(
                text.contains(
                    "Component Methods Architecture Management Organization Skills Overall"
                ),
                "page {page} has heatmap rows without the header: {text}"
            );
        }
    }
    assert!(heatmap_pages >= 4, "{heatmap_pages} heatmap pages");
    let titles: Vec<String> = bookmarks(&pdf).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        titles,
        [
            "Pillars",
            "Heatmap: components × pillars",
            "Groups",
            "Trends across assessments",
            "Organisation-level plan"
        ]
    );
    assert!(text.contains("2026-03-02") && text.contains("2026-09-14"));
    // The organisation-level plan is `mamos plan org`'s common objectives.
    let result = db.run(&["plan", "org", "--json"]);
    assert!(result.status.success());
    let org: serde_json::Value = serde_json::from_slice(&result.stdout).unwrap();
    let common = org["common_objectives"].as_array().unwrap();
    assert!(!common.is_empty(), "{org:#}");
    for objective in common {
        for field in ["title", "step"] {
            let value = flat(objective[field].as_str().unwrap());
            assert!(
                text.contains(&value),
                "common objective {field} {value:?} missing"
            );
        }
    }

    // The executive summary of the same 200 components fits on one page.
    let executive = db.report(
        "org-executive.pdf",
        &["--org", "--kind", "executive", "--org-name", "ACME Bank"],
    );
    assert_valid_with_subset_fonts(&executive);
    assert_eq!(pages(&executive), 1);
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &executive));
    for expected in [
        "ACME Bank",
        "200 (200 assessed)",
        "Mean score and target by pillar",
        "Limiting pillar: components",
        "Largest shared gaps",
        "of 200 components",
        "No DORA metrics were entered for these components.",
        "Organisation-level plan at a glance",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
    for pillar in [
        "Methods",
        "Architecture",
        "Management",
        "Organization",
        "Skills",
    ] {
        assert!(text.contains(pillar), "{pillar} missing");
    }
    for objective in common {
        let title = objective["title"].as_str().unwrap();
        assert!(
            text.contains(title),
            "{title:?} missing from the plan at a glance"
        );
    }
}

#[test]
fn a_group_report_in_french_matches_its_expected_text() {
    let db = org_db(10);
    let pdf = db.report(
        "group.pdf",
        &["--group", "Payments", "--kind", "org", "--lang", "fr"],
    );
    assert_valid_with_subset_fonts(&pdf);
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &pdf));
    assert!(text.contains("Groupe Payments"), "{text}");
    assert!(
        !text.contains("Team 001"),
        "a Retail component is in the Payments report"
    );
    assert_expected_text(&pdf, "group-fr.txt");
}

/// The shared gaps of a French organisation report and executive summary
/// are in French: each common objective's practice title and next step come
/// from the bank's French texts, and none of the English ones is left.
#[test]
fn french_organisation_reports_give_the_shared_gaps_in_french() {
    let db = org_db(10);
    let result = db.run(&["plan", "org", "--json"]);
    assert!(result.status.success());
    let org: serde_json::Value = serde_json::from_slice(&result.stdout).unwrap();
    let common = org["common_objectives"].as_array().unwrap();
    assert!(!common.is_empty(), "{org:#}");
    let bank = builtin_bank();
    // (English, French) of every title and step the reports show.
    let mut texts: Vec<(String, String)> = Vec::new();
    for objective in common {
        let id = objective["practice_id"].as_str().unwrap();
        let (_, practice) = bank.practices().find(|(_, p)| p.id == id).unwrap();
        texts.push((
            practice.title.get("en").to_string(),
            practice.title.get("fr").to_string(),
        ));
        let step = objective["step"].as_str().unwrap();
        let improvement = practice
            .improve
            .iter()
            .find(|i| i.action.get("en") == step)
            .unwrap_or_else(|| panic!("{step:?} is not a step of {id}"));
        texts.push((step.to_string(), improvement.action.get("fr").to_string()));
    }
    // Long cells end with "…": their first words are what every cell shows.
    let start = |text: &str| {
        text.split_whitespace()
            .take(5)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let texts: Vec<(String, String)> = texts
        .iter()
        .map(|(en, fr)| (start(en), start(fr)))
        .collect();
    for (en, fr) in &texts {
        assert_ne!(en, fr, "the bank has no French text for {en:?}");
    }
    let report = db.report("org-fr.pdf", &["--org", "--kind", "org", "--lang", "fr"]);
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &report));
    assert!(
        text.contains("Plan à l’échelle de l’organisation"),
        "{text}"
    );
    for (en, fr) in &texts {
        assert!(text.contains(fr), "{fr:?} missing: {text}");
        assert!(!text.contains(en), "{en:?} still in English: {text}");
    }
    // The one-page summary shows the titles (steps only for the first three).
    let summary = db.report(
        "org-executive-fr.pdf",
        &["--org", "--kind", "executive", "--lang", "fr"],
    );
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &summary));
    for (en, fr) in texts.iter().step_by(2) {
        assert!(text.contains(fr), "{fr:?} missing: {text}");
        assert!(!text.contains(en), "{en:?} still in English: {text}");
    }
}

#[test]
fn reports_that_cannot_be_written_say_why() {
    let db = workbook_db();
    let out = db.dir.path().join("x.pdf");
    let out = out.to_str().unwrap();
    for (args, expected) in [
        (
            vec!["--component", HOSTILE_NAME, "--kind", "onboarding"],
            "create one with `mamos plan",
        ),
        (vec!["--org", "--kind", "workbook"], "--component"),
        (
            vec!["--component", HOSTILE_NAME, "--kind", "org"],
            "--org or --group",
        ),
        (vec!["--group", "Nope", "--kind", "org"], "Nope"),
    ] {
        let mut all = vec!["report", "--out", out];
        all.extend(args.iter().copied());
        let result = db.run(&all);
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(2), "{all:?}: {stderr}");
        assert!(stderr.contains(expected), "{all:?}: {stderr}");
        assert!(!Path::new(out).exists(), "{all:?} wrote a file");
    }
    let result = db.run(&[
        "report", "--out", out, "--org", "--kind", "org", "--paper", "a5",
    ]);
    assert_eq!(result.status.code(), Some(2));
}

/// Creates the component's plan with `mamos plan NAME --start START --json` and returns it.
fn make_plan(db: &Db, name: &str, start: &str) -> serde_json::Value {
    let result = db.run(&["plan", name, "--start", start, "--json"]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    serde_json::from_slice(&result.stdout).unwrap()
}

#[test]
fn the_executive_summary_shows_the_stored_plan_at_a_glance_on_one_page() {
    let db = workbook_db();
    let before = db.report("no-plan.pdf", &[HOSTILE_NAME, "--kind", "executive"]);
    assert_eq!(pages(&before), 1);
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &before));
    assert!(text.contains("No 90-day plan yet"), "{text}");

    let plan = make_plan(&db, HOSTILE_NAME, "2026-12-01");
    let pdf = db.report("executive.pdf", &[HOSTILE_NAME, "--kind", "executive"]);
    assert_valid_with_subset_fonts(&pdf);
    assert_eq!(pages(&pdf), 1);
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &pdf));
    assert!(text.contains(HOSTILE_NAME), "{text}");
    assert!(!text.contains("No 90-day plan yet"), "{text}");
    let objectives = plan["objectives"].as_array().unwrap();
    assert!(!objectives.is_empty(), "{plan:#}");
    for objective in objectives {
        let title = objective["title"].as_str().unwrap();
        assert!(text.contains(title), "objective {title:?} missing: {text}");
        for kr in objective["key_results"].as_array().unwrap() {
            let kr = kr["text"].as_str().unwrap();
            assert!(text.contains(kr), "key result {kr:?} missing: {text}");
        }
    }
    let dates: Vec<&str> = plan["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates.len(), 3, "{plan:#}");
    assert!(text.contains(&dates.join(" · ")), "{dates:?}: {text}");
}

#[test]
fn the_onboarding_pack_shows_the_plan_week_by_week_with_owners_and_a_check_in_template() {
    let db = workbook_db();
    let plan = make_plan(&db, HOSTILE_NAME, "2026-12-01");
    let pdf = db.report(
        "onboarding.pdf",
        &[
            "--component",
            HOSTILE_NAME,
            "--kind",
            "onboarding",
            "--org-name",
            "ACME Bank",
        ],
    );
    assert_valid_with_subset_fonts(&pdf);
    let info = tool("pdfinfo", &["-enc", "UTF-8"], &pdf);
    assert_eq!(
        info_field(&info, "Title"),
        format!("Team onboarding pack — {HOSTILE_NAME}")
    );
    assert_eq!(info_field(&info, "Author"), "Coach Zoë");
    let count = pages(&pdf);
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &pdf));
    assert!(text.contains(HOSTILE_NAME), "{text}");
    for expected in [
        "What Mamos is and how you were assessed",
        "Coach Zoë",
        "Ana, Ben, Chloé",
        "2026-11-20",
        "13 weeks at a glance",
        "Week by week",
        "weekly 30-minute check-in",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
    for pillar in &builtin_bank().pillars {
        assert!(text.contains(pillar.name.get("en")), "{:?}", pillar.name);
    }
    let actions = plan["actions"].as_array().unwrap();
    assert!(actions.len() >= 3, "{plan:#}");
    for action in actions {
        for field in ["title", "step"] {
            let value = flat(action[field].as_str().unwrap());
            assert!(text.contains(&value), "action {field} {value:?} missing");
        }
    }
    for milestone in plan["milestones"].as_array().unwrap() {
        let date = milestone["date"].as_str().unwrap();
        assert!(
            text.contains(&format!("Day {} · {date}", milestone["day"])),
            "milestone {date} missing: {text}"
        );
    }
    for checkin in plan["checkins"].as_array().unwrap() {
        let date = checkin["date"].as_str().unwrap();
        assert!(text.contains(date), "check-in {date} missing");
    }
    // The last page is the check-in template: key results and the five kata questions.
    let last = flat(&page_text(&pdf, count));
    assert!(last.contains("Weekly check-in (30 minutes)"), "{last}");
    for kr in plan["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["key_results"].as_array().unwrap())
    {
        let kr = kr["text"].as_str().unwrap();
        assert!(last.contains(kr), "key result {kr:?} not on the template");
    }
    for question in [
        "1. What is the target condition",
        "5. When can we go and see",
    ] {
        assert!(last.contains(question), "{question:?} missing: {last}");
    }
    for page in 1..=count {
        let text = flat(&page_text(&pdf, page));
        assert!(
            text.starts_with("ACME Bank · <script>"),
            "page {page}: {text}"
        );
        assert!(
            text.contains(&format!("Page {page} of {count}")),
            "page {page}"
        );
    }
    let titles: Vec<String> = bookmarks(&pdf).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        titles,
        [
            "What Mamos is and how you were assessed",
            "13 weeks at a glance",
            "Week by week",
            "Milestones",
            "Objectives and actions",
            "Weekly check-in (30 minutes)"
        ]
    );
    assert_expected_text(&pdf, "onboarding-en.txt");
    let again = db.report(
        "onboarding-again.pdf",
        &[
            "--component",
            HOSTILE_NAME,
            "--kind",
            "onboarding",
            "--org-name",
            "ACME Bank",
        ],
    );
    assert!(
        std::fs::read(&pdf).unwrap() == std::fs::read(again).unwrap(),
        "two runs gave different onboarding packs"
    );
}

#[test]
fn the_onboarding_pack_in_french_and_without_a_plan() {
    let db = workbook_db();
    let out = db.dir.path().join("none.pdf");
    let result = db.run(&[
        "report",
        HOSTILE_NAME,
        "--kind",
        "onboarding",
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("mamos plan"), "{stderr}");
    assert!(!out.exists());

    make_plan(&db, HOSTILE_NAME, "2026-12-01");
    let pdf = db.report(
        "onboarding-fr.pdf",
        &[
            HOSTILE_NAME,
            "--kind",
            "onboarding",
            "--lang",
            "fr",
            "--paper",
            "letter",
        ],
    );
    assert_valid_with_subset_fonts(&pdf);
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &pdf));
    for expected in [
        "Livret d’accueil de l’équipe",
        "Semaine par semaine",
        "Jour 30 ·",
        "Kata d’amélioration",
        "Page 1 sur",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
}

#[test]
fn a_group_executive_summary_counts_dora_classifications_in_french() {
    let db = org_db(10);
    {
        let mut store = db.store();
        for (n, deploy) in [
            (0, FrequencyBand::OnDemand),
            (2, FrequencyBand::OnDemand),
            (4, FrequencyBand::MonthlyToSixMonthly),
        ] {
            let name = format!("Team {n:03}");
            let id = store.component_by_name(&name).unwrap().id;
            let latest = store.workshops(id).unwrap().last().unwrap().id;
            store
                .set_dora(
                    latest,
                    &DoraMetrics {
                        lead_time: Some(TimeBand::LessThanOneHour),
                        deploy_frequency: Some(deploy),
                        recovery: Some(TimeBand::LessThanOneHour),
                        change_fail_rate: Some(2.0),
                        rework_rate: None,
                    },
                    ReportYear::Y2024,
                )
                .unwrap();
        }
    }
    let pdf = db.report(
        "group-executive.pdf",
        &["--group", "Payments", "--kind", "executive"],
    );
    assert_valid_with_subset_fonts(&pdf);
    assert_eq!(pages(&pdf), 1);
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &pdf));
    for expected in [
        "Group Payments",
        "5 (5 assessed)",
        "Elite 2 · Low 1 (State of DevOps clusters of 2024; measured 3 / 5)",
        "Group-level plan at a glance",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
    assert!(!text.contains("Team 001"), "a Retail component is counted");
    let fr = db.report(
        "group-executive-fr.pdf",
        &[
            "--group",
            "Payments",
            "--kind",
            "executive",
            "--lang",
            "fr",
            "--paper",
            "letter",
        ],
    );
    assert_eq!(pages(&fr), 1);
    let text = flat(&tool("pdftotext", &["-enc", "UTF-8"], &fr));
    for expected in [
        "Groupe Payments",
        "Élite 2 · Faible 1",
        "Plan du groupe en bref",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
}
