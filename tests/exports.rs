//! The documents of the desktop Export menu (`mamos::app::reports`) on a real
//! SQLite database: the same bytes as `mamos report` for the same data and
//! date, the documents each scope offers, and a failed write that leaves no
//! file behind.

use std::process::Command;

use chrono::NaiveDate;
use mamos::app::components::{add_component, NewComponent};
use mamos::app::reports::{document, document_kinds, DocumentKind, ReportRequest};
use mamos::app::{write_atomically, Scope};
use mamos::model::Blueprint;
use mamos::report::Paper;
use mamos::scoring::Answer;
use mamos::store::Store;
use mamos::ErrorCode;

const NAME: &str = "Équipe <script> Łódź";
const DATE: &str = "2026-03-02";

fn date() -> NaiveDate {
    NaiveDate::parse_from_str(DATE, "%Y-%m-%d").unwrap()
}

/// A database with one answered component in a group.
fn database() -> (tempfile::TempDir, std::path::PathBuf, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mamos.db");
    let mut store = Store::open(&path).unwrap();
    store.add_group("Checkout").unwrap();
    let new = NewComponent {
        name: NAME.to_string(),
        blueprint: Blueprint::II,
        bank: None,
        groups: vec!["Checkout".to_string()],
    };
    let component = add_component(&mut store, &new).unwrap();
    let bank = store.assessment(component.id).unwrap().bank;
    for (i, practice) in bank.pillars.iter().flat_map(|p| &p.practices).enumerate() {
        let answer = Answer::Level {
            level: (i % 5) as u8,
        };
        store
            .set_answer(component.id, &practice.id, Some(answer))
            .unwrap();
    }
    (dir, path, component.id)
}

fn request(kind: DocumentKind, scope: Scope) -> ReportRequest {
    ReportRequest {
        kind,
        scope,
        lang: "fr".to_string(),
        paper: Paper::Letter,
        organisation: String::new(),
        author: None,
    }
}

fn group(name: &str) -> Scope {
    Scope::Group {
        name: name.to_string(),
    }
}

fn cli_report(db: &std::path::Path, scope: &[&str], kind: &str) -> Vec<u8> {
    let out = db.with_file_name(format!("cli-{kind}.pdf"));
    let status = Command::new(env!("CARGO_BIN_EXE_mamos"))
        .arg("--db")
        .arg(db)
        .arg("report")
        .args(scope)
        .args([
            "--kind", kind, "--lang", "fr", "--paper", "letter", "--date", DATE, "--out",
        ])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(out).unwrap()
}

#[test]
fn the_export_menu_writes_the_same_documents_as_the_cli() {
    let (_dir, db, id) = database();
    let store = Store::open(&db).unwrap();
    let cases = [
        (
            request(DocumentKind::Executive, Scope::Component { id }),
            vec!["--component", NAME],
            "executive",
        ),
        (
            request(DocumentKind::Workbook, Scope::Component { id }),
            vec!["--component", NAME],
            "workbook",
        ),
        (
            request(DocumentKind::Org, Scope::Organisation),
            vec!["--org"],
            "org",
        ),
        (
            request(DocumentKind::Org, group("Checkout")),
            vec!["--group", "Checkout"],
            "org",
        ),
        (
            request(DocumentKind::Executive, Scope::Organisation),
            vec!["--org"],
            "executive",
        ),
        (
            request(DocumentKind::Executive, group("Checkout")),
            vec!["--group", "Checkout"],
            "executive",
        ),
    ];
    for (request, scope, kind) in cases {
        let pdf = document(&store, &request, date()).unwrap();
        assert_eq!(
            pdf.bytes,
            cli_report(&db, &scope, kind),
            "{:?} differs from `mamos report {scope:?} --kind {kind}`",
            request.kind
        );
    }
}

#[test]
fn each_scope_offers_its_documents_and_refuses_the_others_with_what_to_give() {
    let (_dir, db, id) = database();
    let store = Store::open(&db).unwrap();
    use DocumentKind::*;
    assert_eq!(
        document_kinds(&Scope::Component { id }),
        [Executive, Workbook, Onboarding]
    );
    assert_eq!(document_kinds(&Scope::Organisation), [Executive, Org]);
    assert_eq!(document_kinds(&group("Checkout")), [Executive, Org]);

    let error = document(&store, &request(Workbook, Scope::Organisation), date()).unwrap_err();
    assert!(
        error.to_string().contains("written for one component"),
        "{error}"
    );
    let error = document(&store, &request(Org, Scope::Component { id }), date()).unwrap_err();
    assert!(
        error.to_string().contains("the organisation or a group"),
        "{error}"
    );
    let error = document(
        &store,
        &request(Executive, Scope::Component { id: 999 }),
        date(),
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::NotFound);
    let error = document(&store, &request(Org, group("Nope")), date()).unwrap_err();
    assert_eq!(error.code(), ErrorCode::NotFound);
}

#[test]
fn a_failed_write_names_the_file_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing").join("report.pdf");
    let error = write_atomically(&missing, b"%PDF-1.7").unwrap_err();
    // The folder is not there: the user chose a path that does not exist.
    assert_eq!(error.code(), ErrorCode::NotFound);
    assert!(error.to_string().contains("missing"), "{error}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    // An existing file is replaced whole.
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, b"old").unwrap();
    write_atomically(&path, b"new bytes").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new bytes");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no partial file left"
    );
}

#[test]
fn the_onboarding_pack_waits_for_a_plan_then_matches_the_cli() {
    let (_dir, db, id) = database();
    let onboarding = request(DocumentKind::Onboarding, Scope::Component { id });
    let error = document(&Store::open(&db).unwrap(), &onboarding, date()).unwrap_err();
    assert!(error.to_string().contains("mamos plan"), "{error}");

    let status = Command::new(env!("CARGO_BIN_EXE_mamos"))
        .arg("--db")
        .arg(&db)
        .args(["plan", "--component", NAME, "--start", DATE])
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let pdf = document(&Store::open(&db).unwrap(), &onboarding, date()).unwrap();
    assert_eq!(
        pdf.bytes,
        cli_report(&db, &["--component", NAME], "onboarding"),
        "the desktop's onboarding pack differs from `mamos report --kind onboarding`"
    );
}
