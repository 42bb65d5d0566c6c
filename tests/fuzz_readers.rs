//! Property-based fuzzing of the two readers of files a coach receives
//! (issue 12): the bank reader (`model::parse_bank`) and the bundle reader
//! (`Bundle::parse`), called as the library, fed valid files damaged at
//! random: truncated, bytes flipped, fields deleted, values swapped for
//! another type, hostile strings, entries duplicated. Whatever comes in,
//! a reader never panics; it either refuses with a clean bad-input error that
//! names the file and a place in it (a JSON path or a line and column), or
//! accepts a bundle that imports into a fresh database and exports back the
//! same after a second round trip.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use mamos::assessment::Scope;
use mamos::exchange::Bundle;
use mamos::model::{parse_bank, Bank};
use mamos::store::Store;
use mamos::Error;
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value;

use common::Workspace;

const BANK_FILE: &str = "fuzz-bank.json";
const BUNDLE_FILE: &str = "fuzz.mamos.json";

/// Cases per property; together over 10,000 per run.
const SMALL_BANK_CASES: u32 = 4_000;
const FULL_BANK_CASES: u32 = 150;
const BUNDLE_CASES: u32 = 1_500;
const STORED_BANK_BUNDLE_CASES: u32 = 4_500;
/// Accepted bundles taken through the import and export round trip, at most:
/// a fresh database each costs far more than a parse.
const ROUND_TRIPS: usize = 60;

/// The valid files the mutants start from, made once.
struct Seeds {
    /// The built-in bank as `assessments/mamos.json` holds it.
    full_bank: Value,
    /// The built-in bank cut to one practice a pillar, under its own id.
    small_bank: Value,
    /// A real `mamos export` of a database with two components in a group,
    /// workshops, votes, answers, notes, evidence, DORA metrics, target
    /// overrides, a closed and an open plan with a check-in; it carries the
    /// small bank.
    bundle: String,
    /// The same without its bank, for a database that has it.
    bundle_without_bank: Value,
    /// A database with the built-in bank only, copied for each round trip.
    empty_db: PathBuf,
    /// The same with the small bank stored.
    small_bank_db: PathBuf,
    /// Keeps the files above.
    _workspace: Workspace,
}

fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(make_seeds)
}

fn small_bank(full: &str) -> String {
    let mut bank: Value = serde_json::from_str(full).unwrap();
    bank["id"] = "fuzz-mini".into();
    for pillar in bank["pillars"].as_array_mut().unwrap() {
        let practices = pillar["practices"].as_array_mut().unwrap();
        practices.truncate(1);
        practices[0]["depends_on"] = serde_json::json!([]);
    }
    serde_json::to_string_pretty(&bank).unwrap()
}

fn make_seeds() -> Seeds {
    let full_bank = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/mamos.json"),
    )
    .unwrap();
    let small_bank = small_bank(&full_bank);
    parse_bank(BANK_FILE, &small_bank).expect("the small bank is valid");
    let ws = Workspace::new();
    let bank_file = ws.path("mini.json");
    std::fs::write(&bank_file, &small_bank).unwrap();
    ws.ok(&["bank", "import", &bank_file.display().to_string()]);
    let bank = parse_bank(BANK_FILE, &small_bank).unwrap();
    let practices: Vec<String> = bank.practices().map(|(_, p)| p.id.clone()).collect();
    ws.ok(&["group", "add", "Checkout"]);
    for (name, blueprint) in [("Payments", "II"), ("Search", "III")] {
        ws.ok(&[
            "component",
            "add",
            name,
            "--blueprint",
            blueprint,
            "--bank",
            "fuzz-mini",
            "--group",
            "Checkout",
        ]);
    }
    let workshop = |date: &str| {
        let id = ws.ok(&[
            "workshop",
            "start",
            "Payments",
            "--date",
            date,
            "--participants",
            "Ana,Ben,Chloé",
            "--facilitator",
            "Dee",
        ]);
        id.trim().to_string()
    };
    let first = workshop("2026-03-02");
    for (i, practice) in practices.iter().enumerate() {
        let level = (i % 5).to_string();
        ws.ok(&["vote", &first, "Ana", practice, &level]);
        ws.ok(&["vote", &first, "Ben", practice, "2"]);
    }
    ws.ok(&[
        "vote",
        &first,
        "Chloé",
        &practices[0],
        "na",
        "--reason",
        "no UI",
    ]);
    ws.ok(&["reveal", &first, &practices[0]]);
    ws.ok(&["agree", &first, &practices[1], "3"]);
    ws.ok(&["note", "Payments", &practices[2], "weekly \"today\"\n<b>"]);
    ws.ok(&[
        "evidence",
        "add",
        &first,
        &practices[3],
        "https://ci.example/p",
        "--label",
        "CI",
    ]);
    ws.ok(&[
        "dora",
        &first,
        "--deploy-frequency",
        "weekly_to_monthly",
        "--change-fail",
        "12",
    ]);
    ws.ok(&[
        "target",
        "set",
        "Payments",
        "--practice",
        &practices[4],
        "3",
        "--reason",
        "regulated",
    ]);
    ws.ok(&[
        "target", "set", "Payments", "--pillar", "skills", "2", "--reason", "new team",
    ]);
    ws.ok(&[
        "plan",
        "Payments",
        "--start",
        "2026-03-09",
        "--objectives",
        "2",
    ]);
    ws.ok(&[
        "checkin",
        "Payments",
        "--week",
        "1",
        "--kr",
        "kr1=amber",
        "--obstacle",
        "time",
    ]);
    let second = workshop("2026-06-08");
    ws.ok(&["vote", &second, "Ana", &practices[0], "4"]);
    ws.ok(&["plan", "close", "Payments"]);
    ws.ok(&["plan", "Payments", "--start", "2026-06-15"]);
    ws.ok(&[
        "answer",
        "Search",
        &practices[1],
        "1",
        "--note",
        "ça démarre",
    ]);
    let out = ws.path("seed.mamos.json");
    ws.ok(&["export", "--out", &out.display().to_string()]);
    let bundle = std::fs::read_to_string(&out).unwrap();
    let mut bundle_without_bank: Value = serde_json::from_str(&bundle).unwrap();
    bundle_without_bank["banks"] = serde_json::json!([]);
    let empty_db = ws.path("empty.db");
    drop(Store::open(&empty_db).unwrap());
    let small_bank_db = ws.path("small-bank.db");
    let mut store = Store::open(&small_bank_db).unwrap();
    store.import_bank(&bank).unwrap();
    drop(store);
    Seeds {
        full_bank: serde_json::from_str(&full_bank).unwrap(),
        small_bank: serde_json::from_str(&small_bank).unwrap(),
        bundle,
        bundle_without_bank,
        empty_db,
        small_bank_db,
        _workspace: ws,
    }
}

/// One way of damaging a file; the numbers choose where and what.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(u64),
    FlipByte(u64, u8),
    DeleteField(u64, u64),
    SwapType(u64, u8),
    HostileString(u64, u8),
    DuplicateEntry(u64, u64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<u64>().prop_map(Mutation::Truncate),
        2 => (any::<u64>(), 1..=255u8).prop_map(|(at, bits)| Mutation::FlipByte(at, bits)),
        3 => (any::<u64>(), any::<u64>()).prop_map(|(node, key)| Mutation::DeleteField(node, key)),
        3 => (any::<u64>(), any::<u8>()).prop_map(|(node, kind)| Mutation::SwapType(node, kind)),
        2 => (any::<u64>(), any::<u8>()).prop_map(|(node, kind)| Mutation::HostileString(node, kind)),
        3 => (any::<u64>(), any::<u64>()).prop_map(|(node, entry)| Mutation::DuplicateEntry(node, entry)),
    ]
}

/// How many nodes of `value` `keep` accepts.
fn count(value: &Value, keep: &dyn Fn(&Value) -> bool) -> u64 {
    let children: u64 = match value {
        Value::Object(map) => map.values().map(|v| count(v, keep)).sum(),
        Value::Array(items) => items.iter().map(|v| count(v, keep)).sum(),
        _ => 0,
    };
    children + u64::from(keep(value))
}

/// The `n`th node (from 0, in document order) that `keep` accepts.
fn nth<'a>(
    value: &'a mut Value,
    n: &mut u64,
    keep: &dyn Fn(&Value) -> bool,
) -> Option<&'a mut Value> {
    if keep(value) {
        if *n == 0 {
            return Some(value);
        }
        *n -= 1;
    }
    match value {
        Value::Object(map) => map.values_mut().find_map(|v| nth(v, n, keep)),
        Value::Array(items) => items.iter_mut().find_map(|v| nth(v, n, keep)),
        _ => None,
    }
}

/// The node chosen by `n` among those `keep` accepts, if any.
fn pick(value: &mut Value, n: u64, keep: impl Fn(&Value) -> bool) -> Option<&mut Value> {
    let total = count(value, &keep);
    if total == 0 {
        return None;
    }
    nth(value, &mut (n % total), &keep)
}

fn hostile(kind: u8) -> Value {
    match kind % 12 {
        0 => "".into(),
        1 => " ".into(),
        2 => "ana".into(),
        3 => "Ana".into(),
        4 => "2026-02-30".into(),
        5 => "last tuesday".into(),
        6 => "\u{1b}[31mred\u{7}".into(),
        7 => "<script>alert(1)</script>".into(),
        8 => "x".repeat(20_001).into(),
        9 => "\u{202e}evil\u{200b}".into(),
        10 => "methods.unheard-of".into(),
        _ => "na".into(),
    }
}

fn other_type(kind: u8) -> Value {
    match kind % 7 {
        0 => Value::Null,
        1 => "text".into(),
        2 => 7.into(),
        3 => (-1).into(),
        4 => serde_json::json!(1.5e300),
        5 => serde_json::json!([]),
        _ => serde_json::json!({}),
    }
}

/// The file being damaged: its text, or its JSON while structural changes follow one another.
enum Damaged {
    Text(String),
    Json(Value),
    /// Not JSON any more: structural changes no longer apply.
    Broken(String),
}

impl Damaged {
    fn text(self) -> String {
        match self {
            Damaged::Text(text) | Damaged::Broken(text) => text,
            Damaged::Json(value) => serde_json::to_string_pretty(&value).unwrap(),
        }
    }
}

/// `seed` (valid JSON) damaged by `mutations`, in order.
fn mutate(seed: &Value, mutations: &[Mutation]) -> String {
    let mut file = Damaged::Json(seed.clone());
    for m in mutations {
        file = match m {
            Mutation::Truncate(at) => {
                let text = file.text();
                let bytes = text.as_bytes();
                let end = (*at % (bytes.len() as u64 + 1)) as usize;
                Damaged::Text(String::from_utf8_lossy(&bytes[..end]).into_owned())
            }
            Mutation::FlipByte(at, bits) => {
                let mut bytes = file.text().into_bytes();
                if !bytes.is_empty() {
                    let i = (*at % bytes.len() as u64) as usize;
                    bytes[i] ^= bits;
                }
                Damaged::Text(String::from_utf8_lossy(&bytes).into_owned())
            }
            structural => {
                let mut value = match file {
                    Damaged::Json(value) => value,
                    Damaged::Text(text) => match serde_json::from_str::<Value>(&text) {
                        Ok(value) => value,
                        Err(_) => {
                            file = Damaged::Broken(text);
                            continue;
                        }
                    },
                    broken @ Damaged::Broken(_) => {
                        file = broken;
                        continue;
                    }
                };
                change(&mut value, structural);
                Damaged::Json(value)
            }
        };
    }
    file.text()
}

/// One structural change of a JSON document.
fn change(value: &mut Value, mutation: &Mutation) {
    match mutation {
        Mutation::DeleteField(node, key) => {
            let non_empty = |v: &Value| v.as_object().is_some_and(|m| !m.is_empty());
            if let Some(Value::Object(map)) = pick(value, *node, non_empty) {
                let k = map.keys().nth((*key % map.len() as u64) as usize).cloned();
                map.remove(&k.expect("a key"));
            }
        }
        Mutation::SwapType(node, kind) => {
            if let Some(v) = pick(value, *node, |_| true) {
                *v = other_type(*kind);
            }
        }
        Mutation::HostileString(node, kind) => {
            if let Some(v) = pick(value, *node, Value::is_string) {
                *v = hostile(*kind);
            }
        }
        Mutation::DuplicateEntry(node, entry) => {
            let non_empty = |v: &Value| v.as_array().is_some_and(|a| !a.is_empty());
            if let Some(Value::Array(items)) = pick(value, *node, non_empty) {
                let i = (*entry % items.len() as u64) as usize;
                let copy = items[i].clone();
                items.insert(i, copy);
            }
        }
        Mutation::Truncate(_) | Mutation::FlipByte(..) => unreachable!("byte-level"),
    }
}

/// A refusal a coach can act on: bad input (exit 2), naming the file and a
/// place in it, never SQLite's words.
fn assert_clean_refusal(error: &Error, file: &str) {
    let message = error.to_string();
    assert!(error.is_bad_input(), "refused as bad input: {message}");
    assert!(message.contains(file), "names the file: {message}");
    let names_a_place =
        message.contains("$") || message.contains(" line ") || message.contains("\"format");
    assert!(names_a_place, "names a JSON path or a line: {message}");
    assert!(
        !message.contains("constraint failed"),
        "no raw SQLite message: {message}"
    );
}

#[derive(Default)]
struct Counts {
    cases: AtomicUsize,
    refused: AtomicUsize,
    accepted: AtomicUsize,
    round_tripped: AtomicUsize,
}

impl Counts {
    fn report(&self, what: &str) {
        eprintln!(
            "{what}: {} cases, {} refused cleanly, {} accepted, {} of them round-tripped",
            self.cases.load(Ordering::Relaxed),
            self.refused.load(Ordering::Relaxed),
            self.accepted.load(Ordering::Relaxed),
            self.round_tripped.load(Ordering::Relaxed),
        );
    }
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

fn fuzz_bank(seed: &Value, cases: u32, what: &str) {
    let counts = Counts::default();
    proptest!(config(cases), |(mutations in prop::collection::vec(mutation(), 1..4))| {
        let text = mutate(seed, &mutations);
        counts.cases.fetch_add(1, Ordering::Relaxed);
        match parse_bank(BANK_FILE, &text) {
            Ok(_) => { counts.accepted.fetch_add(1, Ordering::Relaxed); }
            Err(error) => {
                assert_clean_refusal(&error, BANK_FILE);
                counts.refused.fetch_add(1, Ordering::Relaxed);
            }
        }
    });
    counts.report(what);
}

#[test]
fn the_bank_reader_refuses_damaged_small_banks_cleanly() {
    fuzz_bank(&seeds().small_bank, SMALL_BANK_CASES, "small bank");
}

#[test]
fn the_bank_reader_refuses_a_damaged_built_in_bank_cleanly() {
    fuzz_bank(&seeds().full_bank, FULL_BANK_CASES, "built-in bank");
}

/// A fresh copy of the database `template`.
fn fresh_store(template: &Path, dir: &Path) -> Store {
    let path = dir.join("fresh.db");
    std::fs::copy(template, &path).unwrap();
    Store::open(&path).unwrap()
}

/// The banks stored in `store`, as the import use case looks them up.
fn stored_in(store: &Store) -> impl Fn(&str, &str) -> mamos::Result<Option<Bank>> + '_ {
    |id, version| match store.bank(id, version) {
        Ok(bank) => Ok(Some(bank)),
        Err(Error::UnknownBank(_)) => Ok(None),
        Err(other) => Err(other),
    }
}

/// `bundle` imported into a fresh copy of `template` and exported back; an
/// import refused at that stage must be as clean as a parse refusal.
fn round_trip(bundle: &Bundle, template: &Path) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fresh_store(template, dir.path());
    match store.import_bundle(BUNDLE_FILE, bundle) {
        Ok(_) => Some(store.export_bundle(&Scope::Organisation).unwrap().to_json()),
        Err(error) => {
            assert_clean_refusal(&error, BUNDLE_FILE);
            None
        }
    }
}

/// Mutants of `seed` read as if imported into a copy of `template`.
fn fuzz_bundle(seed: &Value, template: &Path, cases: u32, what: &str) {
    let dir = tempfile::tempdir().unwrap();
    let here = fresh_store(template, dir.path());
    let stored = stored_in(&here);
    let counts = Counts::default();
    proptest!(config(cases), |(mutations in prop::collection::vec(mutation(), 1..4))| {
        let text = mutate(seed, &mutations);
        counts.cases.fetch_add(1, Ordering::Relaxed);
        match Bundle::parse(BUNDLE_FILE, &text, &stored) {
            Err(error) => {
                assert_clean_refusal(&error, BUNDLE_FILE);
                counts.refused.fetch_add(1, Ordering::Relaxed);
            }
            Ok(bundle) => {
                let accepted = counts.accepted.fetch_add(1, Ordering::Relaxed);
                if accepted < ROUND_TRIPS {
                    if let Some(first) = round_trip(&bundle, template) {
                        let again = Bundle::parse(BUNDLE_FILE, &first, &stored)
                            .expect("an export reads back");
                        let second = round_trip(&again, template).expect("an export imports");
                        prop_assert_eq!(&first, &second);
                        counts.round_tripped.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        }
    });
    counts.report(what);
}

#[test]
fn a_real_export_reads_and_round_trips_byte_for_byte() {
    let seeds = seeds();
    let dir = tempfile::tempdir().unwrap();
    let here = fresh_store(&seeds.empty_db, dir.path());
    let bundle = Bundle::parse(BUNDLE_FILE, &seeds.bundle, stored_in(&here)).expect("valid");
    assert_eq!(bundle.components.len(), 2);
    assert_eq!(
        round_trip(&bundle, &seeds.empty_db).as_deref(),
        Some(seeds.bundle.as_str())
    );
}

#[test]
fn the_bundle_reader_refuses_damaged_bundles_cleanly_or_round_trips_them() {
    let seeds = seeds();
    let seed: Value = serde_json::from_str(&seeds.bundle).unwrap();
    fuzz_bundle(&seed, &seeds.empty_db, BUNDLE_CASES, "bundle with its bank");
}

#[test]
fn the_bundle_reader_checks_damaged_bundles_against_the_stored_bank() {
    let seeds = seeds();
    fuzz_bundle(
        &seeds.bundle_without_bank,
        &seeds.small_bank_db,
        STORED_BANK_BUNDLE_CASES,
        "bundle of a stored bank",
    );
}
