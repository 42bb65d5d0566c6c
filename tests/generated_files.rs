//! Files generated from the Rust types must match what is committed:
//! the bank JSON Schema, the UI's TypeScript bindings and its text limits.
//! `MAMOS_UPDATE_GENERATED=1 cargo test --test generated_files` rewrites them.

use std::path::Path;

use mamos::assessment::{MAX_EVIDENCE_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use mamos::plan::MAX_TITLE_CHARS;

fn check_generated(relative: &str, expected: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("MAMOS_UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{relative}: cannot read it ({e}); run `make generated`"));
    assert!(
        committed == expected,
        "{relative} is stale: the Rust types changed; run `make generated` and commit the result"
    );
}

#[test]
fn bank_json_schema_matches_the_rust_types() {
    check_generated(
        "assessments/schema/bank.schema.json",
        &mamos::model::bank_json_schema(),
    );
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    check_generated("ui/src/lib/bindings.ts", &mamos::api::typescript_bindings());
}

/// Each text field a coach types in the window, with the limit the core holds
/// it to (the CLI and a bundle's import use the same checks). `docs/limits.md`
/// lists the same fields.
const FIELD_LIMITS: &[(&str, &str, usize)] = &[
    ("componentName", "MAX_NAME_CHARS", MAX_NAME_CHARS),
    ("groupName", "MAX_NAME_CHARS", MAX_NAME_CHARS),
    ("assignee", "MAX_NAME_CHARS", MAX_NAME_CHARS),
    ("actionTitle", "MAX_TITLE_CHARS", MAX_TITLE_CHARS),
    ("evidenceLocation", "MAX_EVIDENCE_CHARS", MAX_EVIDENCE_CHARS),
    ("note", "MAX_NOTE_CHARS", MAX_NOTE_CHARS),
    ("naReason", "MAX_NOTE_CHARS", MAX_NOTE_CHARS),
    ("targetReason", "MAX_NOTE_CHARS", MAX_NOTE_CHARS),
    ("facilitator", "MAX_NAME_CHARS", MAX_NAME_CHARS),
    ("evidenceLabel", "MAX_NOTE_CHARS", MAX_NOTE_CHARS),
    ("checkinText", "MAX_NOTE_CHARS", MAX_NOTE_CHARS),
];

/// `ui/src/lib/limits.ts`: the window's `maxlength`s, from the Rust constants.
fn limits_module() -> String {
    let mut out = String::from(
        "// Generated from the Rust constants by tests/generated_files.rs (`make generated`): do not edit.\n\
         // The longest text, in characters, each field of the window takes: the same limits\n\
         // as the CLI and a bundle's import (docs/limits.md).\n\n",
    );
    for (name, value) in [
        ("MAX_NAME_CHARS", MAX_NAME_CHARS),
        ("MAX_TITLE_CHARS", MAX_TITLE_CHARS),
        ("MAX_EVIDENCE_CHARS", MAX_EVIDENCE_CHARS),
        ("MAX_NOTE_CHARS", MAX_NOTE_CHARS),
    ] {
        out.push_str(&format!("export const {name} = {value};\n"));
    }
    out.push_str("\nexport const LIMITS = {\n");
    for (field, constant, _) in FIELD_LIMITS {
        out.push_str(&format!("  {field}: {constant},\n"));
    }
    out.push_str("} as const;\n");
    out
}

#[test]
fn window_limits_match_the_rust_constants() {
    check_generated("ui/src/lib/limits.ts", &limits_module());
}
