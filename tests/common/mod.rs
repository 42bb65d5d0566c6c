//! What several test files share (`mod common;`): the real `mamos` binary on
//! a temporary database (each file adds its own helpers in an `impl
//! Workspace`), and the small hand-built bank (`test_bank`).

// Each test file is its own crate and uses a subset of these helpers.
#![allow(dead_code)]

pub mod bank;

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

pub struct Workspace {
    pub dir: TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("mamos.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `mamos --db <temp db> ARGS`, ignoring any MAMOS_DB of the caller.
    pub fn mamos(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_mamos"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env_remove("MAMOS_DB")
            .output()
            .expect("the mamos binary runs")
    }

    /// Asserts success and returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.mamos(args);
        assert!(
            out.status.success(),
            "mamos {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Creates the database as a Mamos of schema `version` left it (empty),
    /// to test the migrations from there.
    pub fn create_at_schema(&self, version: usize) -> rusqlite::Connection {
        let conn = rusqlite::Connection::open(self.db()).unwrap();
        for (i, sql) in mamos::store::migrations::MIGRATIONS[..version]
            .iter()
            .enumerate()
        {
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", i as i64 + 1)
                .unwrap();
        }
        conn
    }

    /// Asserts exit code 2 with nothing on stdout, and returns stderr.
    pub fn bad_input(&self, args: &[&str]) -> String {
        let out = self.mamos(args);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(2), "mamos {args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "nothing printed on stdout on error");
        stderr
    }
}
