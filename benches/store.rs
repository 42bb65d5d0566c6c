//! `make bench`: the budgets of the workshops issue, measured on a real SQLite
//! file. Prints p50/p99 vote latency and the time and peak memory to load and
//! score a generated organisation. Not a test: numbers go to docs/performance.md.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use mamos::model::Blueprint;
use mamos::scoring::Answer;
use mamos::store::Store;

const VOTES: usize = 10_000;
const ORG_COMPONENTS: usize = 1_000;
const VOTERS: usize = 12;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Peak resident memory of this process so far (Linux), in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn voters() -> Vec<String> {
    (1..=VOTERS).map(|i| format!("Voter {i}")).collect()
}

fn vote_latency(dir: &std::path::Path) {
    let mut store = Store::open(&dir.join("votes.db")).unwrap();
    let component = store.add_component("Bench", Blueprint::III, None).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let names = voters();
    let workshop = store
        .start_workshop(component.id, date, "Coach", &names)
        .unwrap();
    let practices: Vec<String> = store
        .assessment(component.id)
        .unwrap()
        .bank
        .practices()
        .map(|(_, p)| p.id.clone())
        .collect();
    let mut latencies = Vec::with_capacity(VOTES);
    for i in 0..VOTES {
        let answer = Answer::Level {
            level: (i % 5) as u8,
        };
        let (who, practice) = (
            &names[i % VOTERS],
            &practices[(i / VOTERS) % practices.len()],
        );
        let start = Instant::now();
        store
            .cast_vote(workshop.id, who, practice, Some(answer))
            .unwrap();
        latencies.push(start.elapsed());
    }
    latencies.sort();
    println!(
        "vote → committed ({VOTES} votes, synchronous=FULL): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (goal p99 ≤ 5 ms)",
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies.last().unwrap().as_secs_f64() * 1e3,
    );
}

/// 1,000 components, each with one workshop of 12 voters who voted on every practice.
/// Votes go in through SQL in one transaction: the generator is not what is measured.
fn generate_org(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let names = voters();
    let mut workshops = Vec::new();
    for c in 0..ORG_COMPONENTS {
        let blueprint = Blueprint::ALL[c % 4];
        let component = store
            .add_component(&format!("Component {c:04}"), blueprint, None)
            .unwrap();
        workshops.push(
            store
                .start_workshop(component.id, date, "Coach", &names)
                .unwrap()
                .id,
        );
    }
    let practices: Vec<String> = mamos::model::builtin_bank()
        .practices()
        .map(|(_, p)| p.id.clone())
        .collect();
    drop(store);
    let mut conn = rusqlite::Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO vote (participant_id, practice_id, level, cast_at)
                 SELECT id, ?2, ?3, '2026-11-28T10:00:00Z' FROM participant
                 WHERE assessment_id = ?1 AND position = ?4",
            )
            .unwrap();
        for (w, workshop) in workshops.iter().enumerate() {
            for (p, practice) in practices.iter().enumerate() {
                for voter in 0..VOTERS {
                    let level = ((w + p + voter) % 5) as i64;
                    insert
                        .execute(rusqlite::params![workshop, practice, level, voter as i64])
                        .unwrap();
                }
            }
        }
    }
    tx.commit().unwrap();
}

/// The path before the bulk reads: the component ids, then one `component`
/// and one `scores` per component.
fn org_one_by_one(path: &std::path::Path, store: &Store) -> mamos::rollup::Rollup {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut ids = conn
        .prepare("SELECT id FROM component ORDER BY name, id")
        .unwrap();
    let ids: Vec<i64> = ids
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let components: Vec<_> = ids.iter().map(|&id| store.component(id).unwrap()).collect();
    let scores: Vec<_> = components
        .iter()
        .map(|c| store.scores(c.id).unwrap())
        .collect();
    let entries: Vec<_> = components
        .iter()
        .zip(&scores)
        .map(|(c, s)| (c.name.as_str(), Some(s)))
        .collect();
    mamos::rollup::rollup(&entries)
}

fn org_load_and_score(dir: &std::path::Path) {
    let path = dir.join("org.db");
    let generated = Instant::now();
    generate_org(&path);
    let generated = generated.elapsed();
    let before = peak_rss_mib();
    // The bulk path first, on a fresh store, so its peak memory is its own.
    let start = Instant::now();
    let store = Store::open(&path).unwrap();
    let scored = store.latest_scores_all().unwrap();
    let entries: Vec<_> = scored
        .iter()
        .map(|(c, s)| (c.name.as_str(), Some(s)))
        .collect();
    let rollup = mamos::rollup::rollup(&entries);
    let bulk = start.elapsed();
    let peak = peak_rss_mib();
    assert_eq!(rollup.assessed as usize, ORG_COMPONENTS);
    let practices = scored[0].0.total;
    drop(entries);
    drop(store);

    let start = Instant::now();
    let store = Store::open(&path).unwrap();
    let old = org_one_by_one(&path, &store);
    let one_by_one = start.elapsed();
    assert_eq!(old, rollup, "both paths give the same roll-up");
    println!(
        "load and score {ORG_COMPONENTS} components × {practices} practices × {VOTERS} voters (open, latest_scores_all(), roll-up, as `mamos org` does): {:.0} ms (goal ≤ 300 ms); peak RSS {:.0} MiB (before loading {:.0} MiB; goal ≤ 200 MB); generator {:.1} s",
        bulk.as_secs_f64() * 1e3,
        peak.unwrap_or(f64::NAN),
        before.unwrap_or(f64::NAN),
        generated.as_secs_f64(),
    );
    println!(
        "same, one component() and scores() per component (the path before): {:.0} ms, {:.1}× the bulk path",
        one_by_one.as_secs_f64() * 1e3,
        one_by_one.as_secs_f64() / bulk.as_secs_f64(),
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    println!(
        "machine: {} cores, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::env::consts::ARCH
    );
    vote_latency(dir.path());
    org_load_and_score(dir.path());
}
