//! The pure modules stay pure: no file of `scoring`, `plan`, `rollup`,
//! `history`, `dora`, `workshop`, `exchange`, `model` or `report` names the
//! store, SQLite, the file system or the clock. The caller reads the data and
//! passes `today`; same input, same output. (`include_str!`/`include_bytes!`
//! embed data at build time and are not file-system access.)

use std::path::{Path, PathBuf};

/// The pure modules, as files or folders under `src/`.
const PURE_MODULES: &[&str] = &[
    "scoring",
    "plan",
    "rollup",
    "history",
    "dora",
    "workshop",
    "exchange",
    "model",
    "report",
    "live_view",
];

/// What a pure module must not name, and why.
const FORBIDDEN: &[(&str, &str)] = &[
    ("store::", "the store"),
    ("Store", "the store"),
    ("rusqlite", "SQLite"),
    ("std::fs", "the file system"),
    ("fs::", "the file system"),
    ("File::open", "the file system"),
    ("File::create", "the file system"),
    ("read_to_string", "the file system"),
    ("read_dir", "the file system"),
    ("Local::now", "the clock"),
    ("Utc::now", "the clock"),
    ("SystemTime", "the clock"),
    ("Instant::now", "the clock"),
];

/// `name` occurs in `line` as a whole word (so `StoredPlan` does not name `Store`).
fn names(line: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(name).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + name.len()..].chars().next();
        // Only an end of `name` that is part of a word needs a boundary there.
        let starts_word = name.starts_with(is_word) && before.is_some_and(is_word);
        let ends_word = name.ends_with(is_word) && after.is_some_and(is_word);
        !starts_word && !ends_word
    })
}

/// The code of a line, without its `//` comment (doc comments may mention the store).
fn code(line: &str) -> &str {
    line.find("//").map_or(line, |at| &line[..at])
}

/// `line number: what is named (what it is)` for each forbidden name in `text`.
fn violations(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let code = code(line);
        for (name, what) in FORBIDDEN {
            if names(code, name) {
                found.push(format!("line {}: {name} ({what})", number + 1));
            }
        }
    }
    found
}

fn rust_files(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .map(|entry| entry.expect("a readable folder entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            rust_files(&entry, files);
        }
    } else if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
        files.push(path.to_path_buf());
    }
}

#[test]
fn pure_modules_name_no_store_database_file_system_or_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for module in PURE_MODULES {
        let before = files.len();
        // A module is a file, a folder, or both (`exchange.rs` with `exchange/`).
        rust_files(&src.join(format!("{module}.rs")), &mut files);
        rust_files(&src.join(module), &mut files);
        assert!(files.len() > before, "src/{module}: no Rust file found");
    }
    let mut report = Vec::new();
    for file in &files {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for violation in violations(&text) {
            report.push(format!("{}: {violation}", file.display()));
        }
    }
    assert!(
        report.is_empty(),
        "pure modules must take plain data and `today` from their caller:\n{}",
        report.join("\n")
    );
}

#[test]
fn the_checker_finds_the_store_the_file_system_and_the_clock() {
    let sample = "use crate::store::Store;\n\
                  let text = std::fs::read_to_string(path)?;\n\
                  let today = chrono::Local::now().date_naive();\n\
                  let conn: rusqlite::Connection;\n";
    assert_eq!(
        violations(sample),
        [
            "line 1: store:: (the store)",
            "line 1: Store (the store)",
            "line 2: std::fs (the file system)",
            "line 2: fs:: (the file system)",
            "line 2: read_to_string (the file system)",
            "line 3: Local::now (the clock)",
            "line 4: rusqlite (SQLite)",
        ]
    );
}

#[test]
fn the_checker_ignores_comments_longer_names_and_embedded_data() {
    let sample = "/// Read by `Store::plan` first.\n\
                  pub plan: StoredPlan, // not a Store\n\
                  static BANK: &str = include_str!(\"bank.json\");\n\
                  let restored = datastore::load();\n";
    assert_eq!(violations(sample), Vec::<String>::new());
}
