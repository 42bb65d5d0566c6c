//! The component summary PDF checked as a reader would: with qpdf and the
//! poppler tools (Debian packages `qpdf` and `poppler-utils`). A missing tool
//! fails the test with a message saying what to install.
//!
//! `MAMOS_KEEP_PDF=DIR cargo test --test report_pdf` also copies every PDF
//! written here into DIR, to look at them.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use mamos::assessment::{AssessmentView, Component, PracticeAnswer};
use mamos::model::{builtin_bank, Bank, Blueprint, PillarId};
use mamos::report::{component_summary_pdf, Pdf};
use mamos::scoring::Answer;

const HOSTILE_NAME: &str = "<script>alert(1)</script> Équipe Ödön Łódź Ωμέγα Привет";

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn component(name: &str, bank: &Bank, answered: usize) -> Component {
    Component {
        id: 1,
        name: name.to_string(),
        blueprint: Blueprint::II,
        bank_id: bank.id.clone(),
        bank_version: bank.version.clone(),
        created_at: "2026-11-01T09:00:00Z".to_string(),
        answered: answered as u32,
        total: bank.practice_count() as u32,
    }
}

/// Every practice answered (levels 1–4 in turn), except the first Skills practice, N/A.
fn full_view(name: &str) -> AssessmentView {
    let bank = builtin_bank();
    let answers: Vec<PracticeAnswer> = bank
        .practices()
        .enumerate()
        .map(|(i, (pillar, practice))| PracticeAnswer {
            practice_id: practice.id.clone(),
            answer: Some(
                if pillar.id == PillarId::Skills && pillar.practices[0].id == practice.id {
                    Answer::NotApplicable {
                        reason: "no such role here".to_string(),
                    }
                } else {
                    Answer::Level {
                        level: (i % 4) as u8 + 1,
                    }
                },
            ),
            note: String::new(),
        })
        .collect();
    AssessmentView::new(component(name, &bank, answers.len()), bank, answers)
}

/// Only Methods and Architecture answered; the three other pillars are not assessed.
fn partial_view(name: &str) -> AssessmentView {
    let bank = builtin_bank();
    let answers: Vec<PracticeAnswer> = bank
        .practices()
        .filter(|(pillar, _)| matches!(pillar.id, PillarId::Methods | PillarId::Architecture))
        .map(|(_, practice)| PracticeAnswer {
            practice_id: practice.id.clone(),
            answer: Some(Answer::Level { level: 3 }),
            note: String::new(),
        })
        .collect();
    AssessmentView::new(component(name, &bank, answers.len()), bank, answers)
}

fn pdf_of(view: &AssessmentView, lang: &str) -> Pdf {
    component_summary_pdf(view, lang, date()).expect("the summary PDF is written")
}

/// Writes the PDF into `dir` (and into $MAMOS_KEEP_PDF when set).
fn write(dir: &Path, file: &str, pdf: &Pdf) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, &pdf.bytes).unwrap();
    if let Some(keep) = std::env::var_os("MAMOS_KEEP_PDF") {
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::write(Path::new(&keep).join(file), &pdf.bytes).unwrap();
    }
    path
}

/// Runs a tool and returns its standard output; panics with what to install
/// when it is missing, and with its output when it fails.
fn run(tool: &str, args: &[&str], path: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `{tool}` ({e}): these tests need qpdf and poppler-utils \
                 (apt-get install qpdf poppler-utils)"
            )
        });
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "`{tool} {args:?} {}` failed: {}\n{stdout}{}",
        path.display(),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

fn text_of(path: &Path) -> String {
    run("pdftotext", &["-enc", "UTF-8"], path)
}

/// The text with every run of white space made one space (a wrapped line
/// break reads as a space).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when the text shows a 0.0 % score anywhere.
fn shows_zero(text: &str) -> bool {
    text.split_whitespace()
        .any(|word| word == "0.0" || word == "0,0")
}

fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("pdfinfo has no {field}:\n{info}"))
        .trim()
        .to_string()
}

#[derive(Debug)]
struct Word {
    #[allow(dead_code)] // shown by Debug in failure messages
    text: String,
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
}

/// Every word on the page with its box, from `pdftotext -bbox`.
fn words(path: &Path) -> (f64, f64, Vec<Word>) {
    let html = run("pdftotext", &["-bbox", "-enc", "UTF-8"], path);
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let page = html
        .lines()
        .find(|l| l.contains("<page "))
        .expect("a page in the bbox output");
    let (width, height) = (attr(page, "width"), attr(page, "height"));
    let words = html
        .lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| Word {
            text: l
                .split('>')
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_string(),
            x_min: attr(l, "xMin"),
            y_min: attr(l, "yMin"),
            x_max: attr(l, "xMax"),
            y_max: attr(l, "yMax"),
        })
        .collect();
    (width, height, words)
}

/// No word outside the margins (15 mm, a little less than the layout's 18 mm)
/// and no two words overlapping.
fn assert_tidy(path: &Path) {
    let (width, height, words) = words(path);
    assert!(words.len() > 40, "too few words: {words:?}");
    let margin = 15.0 * 72.0 / 25.4;
    for w in &words {
        assert!(
            w.x_min >= margin
                && w.x_max <= width - margin
                && w.y_min >= margin
                && w.y_max <= height - margin / 2.0,
            "{w:?} is outside the page margins ({width} x {height})"
        );
    }
    let tolerance = 0.5;
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            let overlap = a.x_min + tolerance < b.x_max
                && b.x_min + tolerance < a.x_max
                && a.y_min + tolerance < b.y_max
                && b.y_min + tolerance < a.y_max;
            assert!(!overlap, "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn summary_of_the_builtin_bank_is_one_valid_page_with_every_pillar() {
    let dir = tempfile::tempdir().unwrap();
    let view = full_view("Payments platform");
    let pdf = pdf_of(&view, "en");
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let path = write(dir.path(), "summary-en.pdf", &pdf);

    let check = run("qpdf", &["--check"], &path);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );

    let info = run("pdfinfo", &["-enc", "UTF-8"], &path);
    assert_eq!(info_field(&info, "Pages"), "1");
    assert_eq!(
        info_field(&info, "Title"),
        "Mamos summary — Payments platform"
    );
    assert!(info_field(&info, "CreationDate").contains("2026"), "{info}");
    assert!(
        info_field(&info, "Page size").starts_with("595.2"),
        "not A4: {info}"
    );
    assert!(
        !info.contains("PDF/X"),
        "the file claims a PDF/X conformance it does not meet: {info}"
    );

    let text = flat(&text_of(&path));
    for expected in [
        "Payments platform",
        "2026-11-28",
        "MAMOS Quality Engineering assessment",
        "mamos-qe",
        "Overall score",
        "Limiting pillar",
        "Answered",
        "Unanswered",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} is not in the text: {text}"
        );
    }
    for pillar in &view.bank.pillars {
        assert!(
            text.contains(pillar.name.get("en")),
            "pillar {:?} missing: {text}",
            pillar.name
        );
    }
    let overall = view.scores.overall.score.unwrap();
    assert!(
        text.contains(&format!("{overall:.1} %")),
        "overall {overall:.1} % missing: {text}"
    );
    assert!(
        !text.contains("not assessed"),
        "every pillar is assessed: {text}"
    );

    let fonts = run("pdffonts", &[], &path);
    let dejavu: Vec<&str> = fonts.lines().filter(|l| l.contains("DejaVuSans")).collect();
    assert!(
        dejavu.len() >= 2,
        "regular and bold DejaVu Sans expected:\n{fonts}"
    );
    for line in dejavu {
        let name = line.split_whitespace().next().unwrap();
        assert!(
            name.len() > 7 && name.as_bytes()[6] == b'+',
            "not a subset tag: {line}"
        );
        let columns: Vec<&str> = line.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let flags = &columns[columns.len() - 5..columns.len() - 2];
        assert_eq!(
            flags,
            ["yes", "yes", "yes"],
            "not embedded + subset + unicode: {line}"
        );
    }
    // Subset fonts keep the file small.
    assert!(pdf.bytes.len() < 100_000, "{} bytes", pdf.bytes.len());
    assert_tidy(&path);
}

#[test]
fn hostile_and_international_names_are_printed_verbatim() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = pdf_of(&full_view(HOSTILE_NAME), "en");
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let path = write(dir.path(), "hostile.pdf", &pdf);
    run("qpdf", &["--check"], &path);
    let text = flat(&text_of(&path));
    assert!(
        text.contains(HOSTILE_NAME),
        "{HOSTILE_NAME:?} not found verbatim in: {text}"
    );
    let info = run("pdfinfo", &["-enc", "UTF-8"], &path);
    assert_eq!(
        info_field(&info, "Title"),
        format!("Mamos summary — {HOSTILE_NAME}")
    );
    assert_tidy(&path);
}

#[test]
fn a_very_long_name_is_shortened_with_an_ellipsis_and_stays_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Customer onboarding and identity verification platform ".repeat(6) + "TAILWORD";
    let pdf = pdf_of(&full_view(long.trim()), "en");
    let path = write(dir.path(), "long-name.pdf", &pdf);
    let info = run("pdfinfo", &[], &path);
    assert_eq!(info_field(&info, "Pages"), "1");
    let text = flat(&text_of(&path));
    assert!(text.contains("Customer onboarding and identity"), "{text}");
    assert!(text.contains('…'), "no ellipsis: {text}");
    assert!(
        !text.contains("TAILWORD"),
        "the name was not shortened: {text}"
    );
    for pillar in [
        "Methods",
        "Architecture",
        "Management",
        "Organization",
        "Skills",
    ] {
        assert!(text.contains(pillar), "{pillar} missing: {text}");
    }
    assert_tidy(&path);
}

#[test]
fn unassessed_pillars_say_not_assessed_and_never_zero() {
    let dir = tempfile::tempdir().unwrap();
    let view = partial_view("Half done");
    let pdf = pdf_of(&view, "en");
    let path = write(dir.path(), "partial.pdf", &pdf);
    let text = flat(&text_of(&path));
    // Three pillars in the table and the chart, plus nothing else at 0.
    assert!(text.matches("not assessed").count() >= 3, "{text}");
    assert!(
        !shows_zero(&text),
        "an unassessed pillar shows a zero score: {text}"
    );
    assert_tidy(&path);

    let nothing = AssessmentView::new(
        component("Not started", &builtin_bank(), 0),
        builtin_bank(),
        Vec::new(),
    );
    let pdf = pdf_of(&nothing, "en");
    let path = write(dir.path(), "empty.pdf", &pdf);
    run("qpdf", &["--check"], &path);
    let text = flat(&text_of(&path));
    assert!(!shows_zero(&text), "{text}");
    // 5 pillars in the table and in the chart, overall score, level and limiting pillar.
    assert!(text.matches("not assessed").count() >= 13, "{text}");
    assert_tidy(&path);
}

#[test]
fn french_labels_and_decimal_comma() {
    let dir = tempfile::tempdir().unwrap();
    let view = full_view("Équipe paiements");
    let pdf = pdf_of(&view, "fr");
    let path = write(dir.path(), "summary-fr.pdf", &pdf);
    let text = flat(&text_of(&path));
    for expected in [
        "Score global",
        "Pilier limitant",
        "Sans réponse",
        "Référentiel",
        "Équipe paiements",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
    let overall = format!("{:.1} %", view.scores.overall.score.unwrap()).replace('.', ",");
    assert!(text.contains(&overall), "{overall} missing: {text}");
    // Pillar names in the bank's French, or its English where it has none.
    for pillar in &view.bank.pillars {
        assert!(
            text.contains(pillar.name.get("fr")),
            "pillar {:?} missing: {text}",
            pillar.name
        );
    }
    assert_tidy(&path);
}

#[test]
fn a_character_missing_from_the_font_is_replaced_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = pdf_of(&full_view("Team 漢 Kanji"), "en");
    assert_eq!(
        pdf.warnings,
        ["character U+6F22 '漢' in component name is not in the font; it is shown as '\u{FFFD}'"]
    );
    let path = write(dir.path(), "missing-glyph.pdf", &pdf);
    let text = flat(&text_of(&path));
    assert!(text.contains("Team \u{FFFD} Kanji"), "{text}");
}

#[test]
fn same_input_same_bytes_and_the_date_is_the_one_given() {
    let view = full_view(HOSTILE_NAME);
    let first = pdf_of(&view, "en");
    let second = pdf_of(&view, "en");
    assert!(first.bytes == second.bytes, "two runs gave different PDFs");
    let other_day =
        component_summary_pdf(&view, "en", NaiveDate::from_ymd_opt(2027, 1, 2).unwrap()).unwrap();
    assert!(first.bytes != other_day.bytes);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "other-day.pdf", &other_day);
    let info = run("pdfinfo", &["-isodates"], &path);
    assert!(
        info_field(&info, "CreationDate").starts_with("2027-01-02"),
        "{info}"
    );
    assert!(flat(&text_of(&path)).contains("2027-01-02"));
}

#[test]
fn executive_summary_adds_gaps_dora_and_the_plan_at_a_glance_on_one_letter_page() {
    use mamos::dora::{DoraMetrics, DoraOutcome, FrequencyBand, ReportYear, TimeBand};
    use mamos::report::{
        executive_summary_pdf, Executive, GlanceObjective, Paper, PlanGlance, PlanSection,
        ReportOptions,
    };
    let view = full_view(HOSTILE_NAME);
    let dora = DoraOutcome::new(
        DoraMetrics {
            lead_time: Some(TimeBand::LessThanOneDay),
            deploy_frequency: Some(FrequencyBand::OnDemand),
            recovery: Some(TimeBand::LessThanOneHour),
            change_fail_rate: Some(4.0),
            rework_rate: None,
        },
        ReportYear::Y2024,
    );
    let plan = PlanGlance {
        objectives: vec![
            GlanceObjective {
                title: "Deploy every working day from one standard pipeline".into(),
                key_results: vec![
                    "80 % of services on the standard pipeline".into(),
                    "Lead time under one day for 4 weeks in a row".into(),
                ],
            },
            GlanceObjective {
                title: "Łódź team owns quality without a QA gate".into(),
                key_results: vec!["No release waits for a manual sign-off".into()],
            },
        ],
        milestones: [
            NaiveDate::from_ymd_opt(2026, 12, 28).unwrap(),
            NaiveDate::from_ymd_opt(2027, 1, 27).unwrap(),
            NaiveDate::from_ymd_opt(2027, 2, 26).unwrap(),
        ],
        empty_reason: None,
    };
    let options = ReportOptions {
        lang: "en".into(),
        paper: Paper::Letter,
        date: date(),
        organisation: String::new(),
        author: "Coach Zoë".into(),
    };
    let extras = Executive {
        dora: Some(&dora),
        plan: PlanSection::Glance(&plan),
    };
    let pdf = executive_summary_pdf(&view, &extras, &options).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "executive-plan.pdf", &pdf);
    run("qpdf", &["--check"], &path);
    let info = run("pdfinfo", &["-enc", "UTF-8"], &path);
    assert_eq!(info_field(&info, "Pages"), "1");
    assert!(
        info_field(&info, "Page size").starts_with("612 x 792"),
        "{info}"
    );
    assert_eq!(info_field(&info, "Author"), "Coach Zoë");
    let text = flat(&text_of(&path));
    for expected in [
        HOSTILE_NAME,
        "Three largest gaps",
        "— 1 level to go.",
        "DORA classification: Elite (State of DevOps clusters of 2024)",
        "90-day plan at a glance",
        "1. Deploy every working day from one standard pipeline",
        "80 % of services on the standard pipeline",
        "Łódź team owns quality without a QA gate",
        "No release waits for a manual sign-off",
        "2026-12-28 · 2027-01-27 · 2027-02-26",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
    for pillar in &view.bank.pillars {
        assert!(text.contains(pillar.name.get("en")), "{:?}", pillar.name);
    }
    assert_tidy(&path);
    let again = executive_summary_pdf(&view, &extras, &options).unwrap();
    assert!(again.bytes == pdf.bytes, "two runs gave different PDFs");
}

/// A plan of ten objectives with long key results still leaves the chart its
/// room: the executive summary stays one tidy page, on A4 and Letter, in
/// English and French, with the first objectives shown, a line saying what
/// was left out and where the whole plan is, and the milestones last. A plan
/// of the default size (3 objectives, 4 key results each) keeps every
/// objective and at least one key result of each, even on Letter.
#[test]
fn a_large_plan_is_cut_to_fit_the_executive_summary_page() {
    use mamos::report::{
        executive_summary_pdf, Executive, GlanceObjective, Paper, PlanGlance, PlanSection,
        ReportOptions,
    };
    let view = full_view(HOSTILE_NAME);
    let plan = |objectives: usize, key_results: usize, long: bool| {
        PlanGlance {
        objectives: (1..=objectives)
            .map(|n| GlanceObjective {
                title: if long {
                    format!("Objective {n}: move every team of the Łódź site onto the standard pipeline and keep it green")
                } else {
                    format!("Objective {n}: move Methods toward its target")
                },
                key_results: (1..=key_results)
                    .map(|k| {
                        if long {
                            format!(
                                "Key result {n}.{k}: 80 % of the services deploy from the standard pipeline at least \
                                 once a day, measured over four weeks in a row, with no manual step left"
                            )
                        } else {
                            format!("Key result {n}.{k}: trunk-based development at level 3 (from 1)")
                        }
                    })
                    .collect(),
            })
            .collect(),
        milestones: [
            NaiveDate::from_ymd_opt(2026, 12, 28).unwrap(),
            NaiveDate::from_ymd_opt(2027, 1, 27).unwrap(),
            NaiveDate::from_ymd_opt(2027, 2, 26).unwrap(),
        ],
        empty_reason: None,
    }
    };
    let large = plan(10, 3, true);
    let default_size = plan(3, 4, false);
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (Paper::A4, "en", &large, true),
        (Paper::Letter, "en", &large, true),
        (Paper::A4, "fr", &large, true),
        (Paper::Letter, "fr", &large, true),
        (Paper::Letter, "en", &default_size, false),
    ];
    for (i, (paper, lang, plan, cut)) in cases.into_iter().enumerate() {
        let options = ReportOptions {
            lang: lang.into(),
            paper,
            date: date(),
            organisation: String::new(),
            author: String::new(),
        };
        let extras = Executive {
            dora: None,
            plan: PlanSection::Glance(plan),
        };
        let pdf = executive_summary_pdf(&view, &extras, &options).unwrap();
        assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
        assert_eq!(pdf.pages, 1);
        let path = write(
            dir.path(),
            &format!("executive-plan-{i}-{paper:?}-{lang}.pdf"),
            &pdf,
        );
        run("qpdf", &["--check"], &path);
        let info = run("pdfinfo", &["-enc", "UTF-8"], &path);
        assert_eq!(info_field(&info, "Pages"), "1");
        let text = flat(&text_of(&path));
        assert!(text.contains("1. Objective 1: move"), "{text}");
        let pointer = match lang {
            "en" => "the team onboarding pack has the whole plan.",
            _ => "le livret d’accueil de l’équipe contient tout le plan.",
        };
        if cut {
            assert!(text.contains(pointer), "case {i}: {text}");
        } else {
            for n in 1..=3 {
                assert!(
                    text.contains(&format!("{n}. Objective {n}: move Methods")),
                    "{text}"
                );
                assert!(text.contains(&format!("Key result {n}.1:")), "{text}");
            }
        }
        assert!(
            text.contains("2026-12-28 · 2027-01-27 · 2027-02-26"),
            "{text}"
        );
        // The chart keeps its pillar labels, and no word overlaps another.
        for pillar in &view.bank.pillars {
            assert!(text.contains(pillar.name.get(lang)), "{:?}", pillar.name);
        }
        assert_tidy(&path);
    }
}
