//! The limits on text are the same everywhere and documented: the table of
//! `docs/limits.md` states the Rust constants, and the real `mamos` binary
//! takes each field at its limit and refuses it one character over (exit 2,
//! the limit named, nothing written).

use std::collections::BTreeMap;
use std::path::Path;

use mamos::assessment::{MAX_EVIDENCE_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use mamos::plan::MAX_TITLE_CHARS;
use serde_json::Value;

mod common;
use common::Workspace;

const TEAM: &str = "Équipe 🚀 Zoë";

fn constants() -> BTreeMap<&'static str, usize> {
    BTreeMap::from([
        ("MAX_NAME_CHARS", MAX_NAME_CHARS),
        ("MAX_TITLE_CHARS", MAX_TITLE_CHARS),
        ("MAX_EVIDENCE_CHARS", MAX_EVIDENCE_CHARS),
        ("MAX_NOTE_CHARS", MAX_NOTE_CHARS),
    ])
}

/// The `Limit` and `Value` cells of each row of the "Limits" table.
fn documented_limits(markdown: &str) -> BTreeMap<String, usize> {
    let table = markdown
        .split("## Limits")
        .nth(1)
        .expect("docs/limits.md has a \"## Limits\" section");
    let mut limits = BTreeMap::new();
    for line in table.lines().skip_while(|l| !l.starts_with('|')) {
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (name, value) = (cells[1], cells[2]);
        if name == "Limit" || name.starts_with("---") {
            continue;
        }
        let name = name.trim_matches('`').to_string();
        let value: usize = value
            .replace(',', "")
            .parse()
            .unwrap_or_else(|_| panic!("docs/limits.md: {name}: {value:?} is not a number"));
        assert!(
            limits.insert(name.clone(), value).is_none(),
            "docs/limits.md lists {name} twice"
        );
    }
    limits
}

#[test]
fn the_documented_limits_are_the_rust_constants() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/limits.md");
    let documented = documented_limits(&std::fs::read_to_string(path).unwrap());
    let expected: BTreeMap<String, usize> = constants()
        .into_iter()
        .map(|(name, value)| (name.to_string(), value))
        .collect();
    assert_eq!(documented, expected);
}

#[test]
fn the_table_reader_sees_a_wrong_value() {
    let doc = "## Limits\n\n| Limit | Value | Fields |\n|---|---|---|\n| `MAX_NOTE_CHARS` | 1,000 | note |\n\nafter\n";
    assert_eq!(
        documented_limits(doc),
        BTreeMap::from([("MAX_NOTE_CHARS".to_string(), 1000)])
    );
}

/// A text of `count` characters, each two bytes in UTF-8: limits count characters.
fn text(count: usize) -> String {
    "é".repeat(count)
}

/// An https address of exactly `count` characters.
fn url(count: usize) -> String {
    let head = "https://example.com/";
    format!("{head}{}", "a".repeat(count - head.len()))
}

fn first_practice() -> String {
    let bank: Value = serde_json::from_str(mamos::model::BUILTIN_BANK_JSON).unwrap();
    bank["pillars"][0]["practices"][0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Everything a coach can type, through the CLI: a component with a workshop
/// and a plan (dated in the past, so every week can be checked in).
fn workspace() -> (Workspace, String, String) {
    let ws = Workspace::new();
    ws.ok(&["component", "add", TEAM]);
    let workshop = ws
        .ok(&["workshop", "start", TEAM, "--participants", "Ana,Ben"])
        .trim()
        .to_string();
    let bank: Value = serde_json::from_str(mamos::model::BUILTIN_BANK_JSON).unwrap();
    for pillar in bank["pillars"].as_array().unwrap() {
        for practice in pillar["practices"].as_array().unwrap() {
            ws.ok(&["answer", TEAM, practice["id"].as_str().unwrap(), "0"]);
        }
    }
    let plan = ws.json(&["plan", TEAM, "--start", "2025-03-03", "--json"]);
    let action = plan["actions"][0]["id"].as_str().unwrap().to_string();
    (ws, workshop, action)
}

/// Every row of every table, as text: equal before and after means nothing was written.
fn dump(ws: &Workspace) -> Vec<String> {
    let conn = rusqlite::Connection::open(ws.db()).unwrap();
    let mut tables = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap();
    let names: Vec<String> = tables
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = Vec::new();
    for table in names {
        let mut rows = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = rows.column_count();
        let mut cursor = rows.query([]).unwrap();
        while let Some(row) = cursor.next().unwrap() {
            let cells: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            out.push(format!("{table}: {}", cells.join(" | ")));
        }
    }
    out
}

#[test]
fn the_cli_takes_each_text_up_to_its_limit_and_not_one_character_more() {
    let (ws, workshop, action) = workspace();
    let practice = first_practice();
    // (what, the limit, the command given a text of some length)
    type Command = Box<dyn Fn(&str, usize) -> Vec<String>>;
    let strings = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    let (p, w, a) = (practice.clone(), workshop.clone(), action.clone());
    let cases: Vec<(&str, usize, Command)> = vec![
        (
            "component name",
            MAX_NAME_CHARS,
            Box::new(move |t, _| strings(&["component", "add", t])),
        ),
        (
            "group name",
            MAX_NAME_CHARS,
            Box::new(move |t, _| strings(&["group", "add", t])),
        ),
        ("note", MAX_NOTE_CHARS, {
            let p = p.clone();
            Box::new(move |t, _| strings(&["note", TEAM, &p, t]))
        }),
        ("N/A reason", MAX_NOTE_CHARS, {
            let p = p.clone();
            Box::new(move |t, _| strings(&["answer", TEAM, &p, "na", "--reason", t]))
        }),
        ("target reason", MAX_NOTE_CHARS, {
            let p = p.clone();
            Box::new(move |t, _| {
                strings(&["target", "set", TEAM, "--practice", &p, "3", "--reason", t])
            })
        }),
        ("evidence location", MAX_EVIDENCE_CHARS, {
            let (p, w) = (p.clone(), w.clone());
            Box::new(move |_, n| strings(&["evidence", "add", &w, &p, &url(n)]))
        }),
        ("evidence label", MAX_NOTE_CHARS, {
            let (p, w) = (p.clone(), w.clone());
            Box::new(move |t, _| {
                strings(&[
                    "evidence",
                    "add",
                    &w,
                    &p,
                    "https://example.com/",
                    "--label",
                    t,
                ])
            })
        }),
        ("action title", MAX_TITLE_CHARS, {
            let a = a.clone();
            Box::new(move |t, _| strings(&["plan", "rename", TEAM, &a, t]))
        }),
        ("assignee", MAX_NAME_CHARS, {
            let a = a.clone();
            Box::new(move |t, _| strings(&["plan", "assign", TEAM, &a, "--to", t]))
        }),
        (
            "check-in answer",
            MAX_NOTE_CHARS,
            Box::new(move |t, _| strings(&["checkin", TEAM, "--week", "1", "--obstacle", t])),
        ),
        // Last: a new workshop becomes the current one, where notes and evidence go.
        (
            "participant name",
            MAX_NAME_CHARS,
            Box::new(move |t, _| {
                strings(&[
                    "workshop",
                    "start",
                    TEAM,
                    "--participants",
                    &format!("Ana,{t}"),
                ])
            }),
        ),
        (
            "facilitator",
            MAX_NAME_CHARS,
            Box::new(move |t, _| {
                strings(&[
                    "workshop",
                    "start",
                    TEAM,
                    "--participants",
                    "Ana",
                    "--facilitator",
                    t,
                ])
            }),
        ),
    ];
    for (what, limit, command) in cases {
        let over = command(&text(limit + 1), limit + 1);
        let over: Vec<&str> = over.iter().map(String::as_str).collect();
        let before = dump(&ws);
        let message = ws.bad_input(&over);
        assert!(
            message.contains(&limit.to_string()),
            "{what}: the refusal names the limit {limit}: {message}"
        );
        assert!(dump(&ws) == before, "{what}: nothing written");
        let at = command(&text(limit), limit);
        let at: Vec<&str> = at.iter().map(String::as_str).collect();
        ws.ok(&at);
    }
}
