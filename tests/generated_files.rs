//! Files generated from the Rust types must match what is committed:
//! the bank JSON Schema and the UI's TypeScript bindings.
//! `MAMOS_UPDATE_GENERATED=1 cargo test --test generated_files` rewrites them.

use std::path::Path;

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
