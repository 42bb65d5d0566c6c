//! Live voting through the real `mamos workshop serve` on 127.0.0.1: 30
//! simulated devices (plain HTTP over `TcpStream`) join, vote, change their
//! votes; the coach reveals and moves on with the CLI. Privacy before the
//! reveal, every refusal of the participant API, a flood from one device,
//! a clean stop on SIGTERM, and a server killed mid-vote losing no
//! acknowledged vote.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::Workspace;
use mamos::live::{LiveServer, Roster};
use mamos::scoring::Answer;
use serde_json::{json, Value};

const PARTICIPANTS: usize = 30;

fn names() -> Vec<String> {
    (1..=PARTICIPANTS).map(|i| format!("P{i:02}")).collect()
}

fn practices(n: usize) -> Vec<String> {
    let bank = mamos::model::builtin_bank();
    bank.pillars
        .iter()
        .flat_map(|p| &p.practices)
        .take(n)
        .map(|p| p.id.clone())
        .collect()
}

/// A component with a 30-participant workshop, made with the CLI; its id.
fn workshop(db: &Workspace) -> String {
    db.ok(&["component", "add", "Payments"]);
    let list = names().join(",");
    let id = db.ok(&[
        "workshop",
        "start",
        "Payments",
        "--date",
        "2026-12-07",
        "--participants",
        &list,
    ]);
    id.trim().to_string()
}

/// The running `mamos workshop serve` (killed when dropped), or the
/// library's `LiveServer` on a thread of the test (stopped when dropped).
struct Server {
    child: Option<Child>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    addr: SocketAddr,
    /// `/live/TOKEN`
    base: String,
}

impl Server {
    fn start(db: &Workspace, workshop: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mamos"))
            .arg("--db")
            .arg(db.db())
            .args(["workshop", "serve", workshop, "--bind", "127.0.0.1"])
            .args(["--port", "0", "--json"])
            .env_remove("MAMOS_DB")
            .stdout(Stdio::piped())
            .spawn()
            .expect("mamos workshop serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let first: Value = serde_json::from_str(&line).expect("the first line is JSON");
        assert_eq!(first["workshop"].as_i64(), workshop.parse().ok());
        let url = first["url"].as_str().unwrap();
        Server::at(url, Some(child), None)
    }

    fn at(
        url: &str,
        child: Option<Child>,
        stop: Option<tokio::sync::oneshot::Sender<()>>,
    ) -> Server {
        let rest = url.strip_prefix("http://").unwrap();
        let (addr, path) = rest.split_once('/').unwrap();
        assert!(path.ends_with('/'), "{url}");
        let token = path.trim_end_matches('/').strip_prefix("live/").unwrap();
        assert!(token.len() >= 32, "a token of 128 bits or more: {token}");
        Server {
            child,
            stop,
            addr: addr.parse().unwrap(),
            base: format!("/{}", path.trim_end_matches('/')),
        }
    }

    /// The library's server, as the window runs it, and its roster (the coach's side).
    fn in_process(db: &Workspace, workshop: &str) -> (Server, Roster) {
        let (db, workshop_id) = (db.db().to_path_buf(), workshop.parse::<i64>().unwrap());
        let (bound, ready) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().unwrap();
            runtime.block_on(async move {
                let server = LiveServer::bind(&db, workshop_id, "127.0.0.1:0".parse().unwrap())
                    .await
                    .unwrap();
                bound
                    .send((server.url().to_string(), server.roster()))
                    .unwrap();
                server
                    .run(async move {
                        let _ = stopped.await;
                    })
                    .await
                    .unwrap();
            });
        });
        let (url, roster) = ready.recv().expect("the server binds");
        (Server::at(&url, None, Some(stop)), roster)
    }

    /// The `mamos workshop serve` process (not for an in-process server).
    fn process(&mut self) -> &mut Child {
        self.child.as_mut().expect("a mamos workshop serve process")
    }

    fn device(&self, name: &str) -> Device<'_> {
        Device {
            server: self,
            name: name.to_string(),
            cookie: None,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("JSON: {}", self.body))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// One HTTP/1.1 request on its own connection.
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: Option<&[u8]>,
) -> std::io::Result<Reply> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(cookie) = cookie {
        head.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    let body = body.unwrap_or_default();
    if method == "POST" {
        head.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    // A refused body may be answered before it is read: a reset then is fine.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let raw = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("no status line in {head:?}")))?;
    Ok(Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    })
}

/// A participant's phone: its cookie once it has joined.
struct Device<'a> {
    server: &'a Server,
    name: String,
    cookie: Option<String>,
}

impl Device<'_> {
    fn send(&self, method: &str, api: &str, body: Option<&Value>) -> std::io::Result<Reply> {
        let body = body.map(|b| b.to_string().into_bytes());
        request(
            self.server.addr,
            method,
            &format!("{}/{api}", self.server.base),
            self.cookie.as_deref(),
            body.as_deref(),
        )
    }

    fn join(&mut self) -> Reply {
        let reply = self
            .send("POST", "api/join", Some(&json!({ "name": self.name })))
            .unwrap();
        if reply.status == 200 {
            let cookie = reply.header("set-cookie").expect("a device secret");
            assert!(cookie.contains("HttpOnly"), "{cookie}");
            assert!(cookie.contains("SameSite=Strict"), "{cookie}");
            assert!(
                cookie.contains(&format!("Path={}", self.server.base)),
                "{cookie}"
            );
            self.cookie = Some(cookie.split(';').next().unwrap().to_string());
        }
        reply
    }

    fn vote(&self, body: Value) -> std::io::Result<Reply> {
        self.send("POST", "api/vote", Some(&body))
    }

    fn state(&self) -> Value {
        let reply = self.send("GET", "api/state", None).unwrap();
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }
}

/// An open `api/events` stream of a device.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(server: &Server) -> Events {
        let mut stream = TcpStream::connect(server.addr).unwrap();
        write!(
            stream,
            "GET {}/api/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            server.base, server.addr
        )
        .unwrap();
        let mut events = Events {
            reader: BufReader::new(stream),
        };
        events.next_version(Duration::from_secs(5));
        events
    }

    /// The version of the next `state` event, which must come within `limit`.
    fn next_version(&mut self, limit: Duration) -> u64 {
        let deadline = Instant::now() + limit;
        let mut line = String::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "no state event within {limit:?}");
            self.reader.get_ref().set_read_timeout(Some(left)).unwrap();
            line.clear();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("the event stream closed"),
                Ok(_) => {}
                Err(error) => panic!("no state event within {limit:?}: {error}"),
            }
            if let Some(data) = line.trim().strip_prefix("data:") {
                let data: Value = serde_json::from_str(data.trim()).unwrap();
                return data["version"].as_u64().unwrap();
            }
        }
    }

    /// Waits for a state event newer than `seen` within a second.
    fn expect_change_after(&mut self, seen: u64) {
        let deadline = Instant::now() + Duration::from_secs(1);
        while self.next_version(deadline.saturating_duration_since(Instant::now())) <= seen {}
    }
}

fn level(practice: &str, level: u8) -> Value {
    json!({ "practice": practice, "level": level })
}

fn na(practice: &str, reason: &str) -> Value {
    json!({ "practice": practice, "na": true, "reason": reason })
}

/// The vote device `i` casts second (after changing its mind) on practice `round`.
fn changed_vote(practice: &str, round: usize, i: usize) -> (Value, Value) {
    if i % 10 == 9 {
        let reason = format!("secret reason of P{:02}", i + 1);
        (
            na(practice, &reason),
            json!({ "na": true, "reason": reason }),
        )
    } else {
        let level = ((i + round) % 5) as u8;
        (self::level(practice, level), json!({ "level": level }))
    }
}

#[test]
fn thirty_devices_vote_through_three_practice_cycles_and_see_only_their_own_vote_until_the_reveal()
{
    let db = Workspace::new();
    let w = workshop(&db);
    let server = Server::start(&db, &w);
    let mut devices: Vec<Device> = names().iter().map(|n| server.device(n)).collect();
    let state = devices[0].state();
    assert_eq!(state["practice"], Value::Null);
    assert_eq!(state["you"], Value::Null);
    assert_eq!(
        state["participants"].as_array().unwrap().len(),
        PARTICIPANTS
    );

    std::thread::scope(|s| {
        for device in devices.iter_mut() {
            s.spawn(|| assert_eq!(device.join().status, 200));
        }
    });
    // The same device joining again under its name is fine.
    assert_eq!(devices[0].join().status, 200);
    let mut events = Events::open(&server);

    let practices = practices(3);
    db.ok(&["workshop", "focus", &w, &practices[0]]);
    for (round, practice) in practices.iter().enumerate() {
        let expected: Mutex<HashMap<String, Value>> = Mutex::default();
        std::thread::scope(|s| {
            for (i, device) in devices.iter().enumerate() {
                let expected = &expected;
                s.spawn(move || {
                    let first = device.vote(level(practice, (i % 5) as u8)).unwrap();
                    assert_eq!(first.status, 200, "{}", first.body);
                    let (body, shown) = changed_vote(practice, round, i);
                    let changed = device.vote(body).unwrap();
                    assert_eq!(changed.status, 200, "{}", changed.body);
                    assert_eq!(
                        changed.json(),
                        json!({ "practice": practice, "vote": shown })
                    );
                    expected.lock().unwrap().insert(device.name.clone(), shown);
                });
            }
        });
        let expected = expected.into_inner().unwrap();

        // Before the reveal: each device sees its own vote and only who voted.
        for device in [&devices[0], &devices[9], &devices[29]] {
            let reply = device.send("GET", "api/state", None).unwrap();
            let state = reply.json();
            assert_eq!(state["practice"]["id"], practice.as_str());
            assert_eq!(state["practice"]["position"], round + 1);
            assert_eq!(state["practice"]["levels"].as_array().unwrap().len(), 5);
            assert_eq!(state["revealed"], false);
            assert_eq!(state["votes"], Value::Null);
            assert_eq!(state["spread"], Value::Null);
            assert_eq!(state["you"]["name"], device.name.as_str());
            assert_eq!(state["you"]["vote"], expected[&device.name]);
            let marks = state["participants"].as_array().unwrap();
            assert!(marks
                .iter()
                .all(|p| p["voted"] == true && p["joined"] == true));
            for other in expected.keys().filter(|n| **n != device.name) {
                assert!(
                    !reply.body.contains(&format!("secret reason of {other}")),
                    "{} sees {other}'s reason before the reveal",
                    device.name
                );
            }
            assert_eq!(reply.header("cache-control"), Some("no-store"));
        }

        let seen = devices[0].state()["version"].as_u64().unwrap();
        db.ok(&["reveal", &w, practice]);
        events.expect_change_after(seen);
        let state = devices[4].state();
        assert_eq!(state["revealed"], true);
        let votes = state["votes"].as_array().unwrap();
        assert_eq!(votes.len(), PARTICIPANTS);
        for vote in votes {
            let mut shown = vote.clone();
            let who = shown
                .as_object_mut()
                .unwrap()
                .remove("participant")
                .unwrap();
            assert_eq!(shown, expected[who.as_str().unwrap()], "{vote}");
        }
        let levels: Vec<u64> = expected
            .values()
            .filter_map(|v| v["level"].as_u64())
            .collect();
        assert_eq!(
            state["spread"],
            json!({
                "lowest": levels.iter().min(),
                "highest": levels.iter().max(),
                "disagreement": true,
            })
        );
        let late = devices[1].vote(level(practice, 2)).unwrap();
        assert_eq!(late.status, 409, "a vote after the reveal: {}", late.body);

        if let Some(next) = practices.get(round + 1) {
            let seen = devices[0].state()["version"].as_u64().unwrap();
            db.ok(&["workshop", "focus", &w, next]);
            events.expect_change_after(seen);
            let stale = devices[2].vote(level(practice, 1)).unwrap();
            assert_eq!(stale.status, 409, "a vote off screen: {}", stale.body);
        }

        // What the devices were told was stored is what the database holds.
        let store = mamos::store::Store::open(&db.db()).unwrap();
        let stored = store
            .votes(w.parse().unwrap())
            .unwrap()
            .remove(practice)
            .unwrap();
        assert_eq!(stored.len(), PARTICIPANTS);
        for vote in stored {
            let shown = match vote.answer {
                Answer::Level { level } => json!({ "level": level }),
                Answer::NotApplicable { reason } => json!({ "na": true, "reason": reason }),
            };
            assert_eq!(shown, expected[&vote.participant]);
        }
    }
}

#[test]
fn the_api_refuses_strangers_bad_votes_oversize_bodies_and_floods_then_stops_cleanly() {
    let db = Workspace::new();
    let w = workshop(&db);
    let server = Server::start(&db, &w);
    let practices = practices(2);
    db.ok(&["workshop", "focus", &w, &practices[0]]);

    // A wrong token answers as any unknown path does, so tokens cannot be probed.
    let unknown = request(server.addr, "GET", "/nothing", None, None).unwrap();
    let wrong = request(
        server.addr,
        "GET",
        "/live/00000000000000000000000000000000/api/state",
        None,
        None,
    )
    .unwrap();
    assert_eq!((wrong.status, unknown.status), (404, 404));
    assert_eq!(wrong.body, unknown.body);
    for header in [
        "content-security-policy",
        "x-content-type-options",
        "referrer-policy",
    ] {
        assert!(wrong.header(header).is_some(), "{header} on every response");
    }
    assert!(wrong
        .header("content-security-policy")
        .unwrap()
        .contains("frame-ancestors 'none'"));

    let mut ana = server.device("P01");
    assert_eq!(ana.join().status, 200);
    let mut thief = server.device("p01");
    let taken = thief.join();
    assert_eq!(taken.status, 409, "{}", taken.body);
    assert!(taken.json()["error"].as_str().unwrap().contains("P01"));
    let mut stranger = server.device("Mallory");
    assert_eq!(stranger.join().status, 422);
    let anonymous = server.device("P02");
    assert_eq!(anonymous.vote(level(&practices[0], 2)).unwrap().status, 401);

    let p = &practices[0];
    let seven = ana.vote(level(p, 7)).unwrap();
    assert_eq!(seven.status, 422);
    assert!(seven.json()["error"].as_str().unwrap().contains("0 to 4"));
    let negative = ana.vote(json!({"practice": p, "level": -1})).unwrap();
    assert_eq!(negative.status, 422, "{}", negative.body);
    assert!(negative.body.contains("found -1"), "{}", negative.body);
    assert_eq!(
        ana.vote(json!({"practice": p, "na": true})).unwrap().status,
        422
    );
    assert_eq!(ana.vote(na(p, "  ")).unwrap().status, 422);
    assert_eq!(ana.vote(level(&practices[1], 2)).unwrap().status, 409);
    let malformed = ana.send("POST", "api/vote", None).unwrap();
    assert_eq!(malformed.status, 400);
    let huge = format!("{{\"name\": \"{}\"}}", "x".repeat(65 * 1024));
    let oversize = request(
        server.addr,
        "POST",
        &format!("{}/api/join", server.base),
        None,
        Some(huge.as_bytes()),
    )
    .unwrap();
    assert_eq!(oversize.status, 413);
    assert!(oversize.json()["error"].is_string());
    assert_eq!(ana.vote(level(p, 3)).unwrap().status, 200);

    // A flood from one device is slowed down; the others are still answered.
    let mut ben = server.device("P02");
    assert_eq!(ben.join().status, 200);
    let statuses: Vec<u16> = (0..150)
        .map(|_| ana.send("GET", "api/state", None).unwrap().status)
        .collect();
    assert!(statuses.contains(&429), "a flood is refused in part");
    assert!(statuses.contains(&200));
    assert_eq!(ben.vote(level(p, 1)).unwrap().status, 200);
    assert_eq!(ben.state()["you"]["vote"], json!({"level": 1}));

    // SIGTERM stops the server cleanly, an open event stream included.
    let _events = Events::open(&server);
    let mut server = server;
    let term = Command::new("kill")
        .args(["-TERM", &server.process().id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    assert_eq!(server.process().wait().unwrap().code(), Some(0));
}

/// What a device knows after the server died: the last level acknowledged,
/// and the one it sent without getting an answer.
type Outcome = (Option<u8>, Option<u8>);

#[test]
fn a_server_killed_mid_vote_loses_no_acknowledged_vote() {
    let db = Workspace::new();
    let w = workshop(&db);
    let practice = practices(1).remove(0);
    db.ok(&["workshop", "focus", &w, &practice]);
    let mut server = Server::start(&db, &w);
    let pid = server.process().id().to_string();
    let mut devices: Vec<Device> = names().iter().map(|n| server.device(n)).collect();
    for device in devices.iter_mut() {
        assert_eq!(device.join().status, 200);
    }
    let acknowledged = AtomicUsize::new(0);
    let outcome: Mutex<HashMap<String, Outcome>> = Mutex::default();
    std::thread::scope(|s| {
        for (i, device) in devices.iter().enumerate() {
            let (acknowledged, outcome, practice) = (&acknowledged, &outcome, &practice);
            s.spawn(move || {
                let mut last = None;
                for round in 0..30 {
                    let sent = ((i + round) % 5) as u8;
                    match device.vote(level(practice, sent)) {
                        Ok(reply) if reply.status == 200 => {
                            last = Some(sent);
                            acknowledged.fetch_add(1, Ordering::SeqCst);
                        }
                        Ok(reply) if reply.status == 429 => {}
                        _ => {
                            outcome
                                .lock()
                                .unwrap()
                                .insert(device.name.clone(), (last, Some(sent)));
                            return;
                        }
                    }
                }
                outcome
                    .lock()
                    .unwrap()
                    .insert(device.name.clone(), (last, None));
            });
        }
        // Kill once votes are flowing, while the devices are still voting.
        while acknowledged.load(Ordering::SeqCst) < 100 {
            std::thread::yield_now();
        }
        let kill = Command::new("kill").args(["-KILL", &pid]).status().unwrap();
        assert!(kill.success());
    });
    let outcome = outcome.into_inner().unwrap();
    assert!(
        outcome.values().any(|(_, unanswered)| unanswered.is_some()),
        "the server died while devices were voting"
    );
    let store = mamos::store::Store::open(&db.db()).unwrap();
    let stored: HashMap<String, u8> = store
        .votes(w.parse().unwrap())
        .unwrap()
        .remove(&practice)
        .unwrap_or_default()
        .into_iter()
        .map(|vote| match vote.answer {
            Answer::Level { level } => (vote.participant, level),
            Answer::NotApplicable { .. } => panic!("no N/A was sent"),
        })
        .collect();
    for (name, (last, unanswered)) in &outcome {
        let kept = stored.get(name).copied();
        // The vote in flight may or may not have been committed; an acknowledged one must be.
        assert!(
            kept == *last || (kept.is_some() && kept == *unanswered),
            "{name}: acknowledged {last:?}, in flight {unanswered:?}, stored {kept:?}"
        );
    }
}

#[test]
fn the_cli_refuses_an_unknown_workshop_or_practice_and_keyboard_votes_reach_the_devices() {
    let db = Workspace::new();
    let w = workshop(&db);
    let stderr = db.bad_input(&["workshop", "focus", &w, "no.such.practice"]);
    assert!(stderr.contains("no.such.practice"), "{stderr}");
    let stderr = db.bad_input(&["workshop", "focus", "999", &practices(1)[0]]);
    assert!(stderr.contains("999"), "{stderr}");
    let stderr = db.bad_input(&["workshop", "serve", "999", "--bind", "127.0.0.1"]);
    assert!(stderr.contains("999"), "{stderr}");

    let server = Server::start(&db, &w);
    let practice = practices(1).remove(0);
    db.ok(&["workshop", "focus", &w, &practice]);
    let mut ana = server.device("P01");
    assert_eq!(ana.join().status, 200);
    let mut events = Events::open(&server);
    let seen = ana.state()["version"].as_u64().unwrap();
    // A vote typed on the coach's keyboard shows on the devices as voted, its level hidden.
    db.ok(&["vote", &w, "P02", &practice, "4"]);
    events.expect_change_after(seen);
    let state = ana.state();
    assert_eq!(state["participants"][1]["voted"], true);
    assert_eq!(state["participants"][1]["joined"], false);
    assert_eq!(state["votes"], Value::Null);
    assert_eq!(state["you"], json!({"name": "P01", "vote": null}));

    // The page: embedded when `ui/dist-live` was built, else a page saying how to build it.
    let page = request(server.addr, "GET", &format!("{}/", server.base), None, None).unwrap();
    assert!(page
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    let built = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/dist-live/index.html");
    match std::fs::read_to_string(&built) {
        Ok(html) => assert_eq!((page.status, page.body), (200, html)),
        Err(_) => {
            assert_eq!(page.status, 503);
            assert!(page.body.contains("make build"));
        }
    }
    let bare = request(server.addr, "GET", &server.base, None, None).unwrap();
    assert_eq!(bare.status, 308);
    assert_eq!(
        bare.header("location"),
        Some(format!("{}/", server.base).as_str())
    );
}

#[test]
fn a_restarted_server_resumes_the_room_from_the_database() {
    let db = Workspace::new();
    let w = workshop(&db);
    let practice = practices(2).remove(1);
    db.ok(&["workshop", "focus", &w, &practice]);
    let first = Server::start(&db, &w);
    let mut ana = first.device("P01");
    assert_eq!(ana.join().status, 200);
    assert_eq!(ana.vote(level(&practice, 3)).unwrap().status, 200);
    db.ok(&["reveal", &w, &practice]);
    let (old_base, old_cookie) = (first.base.clone(), ana.cookie.clone());
    drop(first);

    let second = Server::start(&db, &w);
    assert_ne!(second.base, old_base, "each session has a new token");
    let mut ana = second.device("P01");
    // The old cookie means nothing to the new session.
    ana.cookie = old_cookie;
    assert_eq!(ana.state()["you"], Value::Null);
    assert_eq!(ana.vote(level(&practice, 1)).unwrap().status, 401);
    assert_eq!(ana.join().status, 200);
    let state = ana.state();
    assert_eq!(state["practice"]["id"], practice.as_str());
    assert_eq!(state["practice"]["position"], 2);
    assert_eq!(state["revealed"], true);
    assert_eq!(state["votes"], json!([{"participant": "P01", "level": 3}]));
    assert_eq!(
        state["spread"],
        json!({"lowest": 3, "highest": 3, "disagreement": false})
    );
}

#[test]
fn votes_arriving_together_commit_together_and_one_refused_vote_leaves_the_others() {
    use mamos::app::live::{device_votes, set_focus, DeviceVote};
    use mamos::scoring::Answer;
    use mamos::store::Store;

    let db = Workspace::new();
    let id: i64 = workshop(&db).parse().unwrap();
    let [on_screen, other] = [practices(2)[0].clone(), practices(2)[1].clone()];
    let mut store = Store::open(&db.db()).unwrap();
    set_focus(&mut store, id, &on_screen).unwrap();
    let vote = |who: &str, practice: &str, level: u8| DeviceVote {
        participant: who.to_string(),
        practice_id: practice.to_string(),
        answer: Answer::Level { level },
    };
    let names = names();
    let batch = [
        vote(&names[0], &on_screen, 1),
        vote(&names[1], &other, 2),
        vote(&names[2], &on_screen, 9),
        vote(&names[3], &on_screen, 3),
    ];
    let results = device_votes(&mut store, id, &batch).unwrap();

    assert!(results[0].is_ok() && results[3].is_ok(), "{results:?}");
    let off_screen = results[1].as_ref().unwrap_err().to_string();
    assert!(off_screen.contains("no longer on screen"), "{off_screen}");
    let bad_level = results[2].as_ref().unwrap_err().to_string();
    assert!(bad_level.contains('9'), "{bad_level}");
    // What another connection reads: the two accepted votes, nothing of the refused ones.
    let reader = Store::open(&db.db()).unwrap();
    let stored: Vec<(String, Answer)> = reader
        .votes_on(id, &on_screen)
        .unwrap()
        .into_iter()
        .map(|vote| (vote.participant, vote.answer))
        .collect();
    assert_eq!(
        stored,
        vec![
            (names[0].clone(), Answer::Level { level: 1 }),
            (names[3].clone(), Answer::Level { level: 3 }),
        ]
    );
    assert!(reader.votes_on(id, &other).unwrap().is_empty());
}

#[test]
fn the_coach_frees_a_taken_name_for_another_device() {
    let db = Workspace::new();
    let w = workshop(&db);
    let practice = practices(1).remove(0);
    db.ok(&["workshop", "focus", &w, &practice]);
    let (server, roster) = Server::in_process(&db, &w);
    let mut lost = server.device("P01");
    assert_eq!(lost.join().status, 200);
    assert_eq!(lost.vote(level(&practice, 1)).unwrap().status, 200);
    let mut spare = server.device("P01");
    assert_eq!(spare.join().status, 409, "the name is taken");
    assert_eq!(roster.joined(), vec!["P01".to_string()]);

    let mut events = Events::open(&server);
    let seen = lost.state()["version"].as_u64().unwrap();
    assert!(roster.free("P01"));
    events.expect_change_after(seen);
    assert!(roster.joined().is_empty());
    assert!(!roster.free("P01"), "nobody holds it any more");
    assert!(!roster.free("P02"), "nobody took P02");
    let room = spare.state();
    assert_eq!(
        room["participants"][0],
        json!({"name": "P01", "joined": false, "voted": true})
    );

    // The freed device is a stranger now: 401 on its vote, no "you".
    let refused = lost.vote(level(&practice, 4)).unwrap();
    assert_eq!(refused.status, 401, "{}", refused.body);
    assert_eq!(lost.state()["you"], Value::Null);

    // Another device takes the name and changes the vote; the first may join again, under another name.
    assert_eq!(spare.join().status, 200);
    assert_eq!(spare.vote(level(&practice, 3)).unwrap().status, 200);
    assert_eq!(
        spare.state()["you"],
        json!({"name": "P01", "vote": {"level": 3}})
    );
    assert_eq!(lost.join().status, 409, "P01 is the other device's now");
    lost.name = "P02".into();
    assert_eq!(lost.join().status, 200);
    assert_eq!(lost.vote(level(&practice, 2)).unwrap().status, 200);
    let mut joined = roster.joined();
    joined.sort();
    assert_eq!(joined, vec!["P01".to_string(), "P02".to_string()]);

    // The stored votes are the acknowledged ones: the freed device's refused 4 is not among them.
    db.ok(&["reveal", &w, &practice]);
    assert_eq!(
        spare.state()["votes"],
        json!([{"participant": "P01", "level": 3}, {"participant": "P02", "level": 2}])
    );
}

/// The state a device sees once `done` holds of it, re-read on each event
/// (within two seconds).
fn state_when(device: &Device, events: &mut Events, done: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let state = device.state();
        if done(&state) {
            return state;
        }
        let seen = state["version"].as_u64().unwrap();
        while events.next_version(deadline.saturating_duration_since(Instant::now())) <= seen {}
    }
}

#[test]
fn automatic_reveal_shows_the_votes_once_every_joined_device_has_voted() {
    let db = Workspace::new();
    let w = workshop(&db);
    let [first, second, third] = <[String; 3]>::try_from(practices(3)).unwrap();
    db.ok(&[
        "workshop",
        "pace",
        &w,
        "--auto-reveal",
        "on",
        "--timebox",
        "2m",
    ]);
    db.ok(&["workshop", "focus", &w, &first]);
    db.ok(&["agree", &w, &first, "2"]);
    let server = Server::start(&db, &w);
    let mut devices: Vec<Device> = ["P01", "P02", "P03"]
        .iter()
        .map(|name| server.device(name))
        .collect();
    for device in &mut devices {
        assert_eq!(device.join().status, 200);
    }
    let state = devices[0].state();
    assert_eq!(state["pace"]["auto_reveal"], true);
    assert_eq!(state["pace"]["timebox_seconds"], 120);
    let left = state["pace"]["timebox_left"].as_i64().unwrap();
    assert!((0..=120).contains(&left), "{left}");
    let total = practices(usize::MAX).len();
    assert_eq!(
        state["pace"]["agenda"],
        json!({"done": 1, "left": total - 1, "total": total})
    );

    // Two of the three joined devices voted: still hidden. The third reveals.
    for device in &devices[..2] {
        assert_eq!(device.vote(level(&first, 1)).unwrap().status, 200);
    }
    assert_eq!(devices[0].state()["revealed"], false);
    assert_eq!(devices[2].vote(level(&first, 3)).unwrap().status, 200);
    let state = devices[0].state();
    assert_eq!(state["revealed"], true);
    assert_eq!(state["votes"].as_array().unwrap().len(), 3);
    assert_eq!(devices[1].vote(level(&first, 2)).unwrap().status, 409);

    // A vote typed on the coach's keyboard (the library, as the window casts it) completes the room too.
    db.ok(&["workshop", "focus", &w, &second]);
    for device in &devices[..2] {
        assert_eq!(device.vote(level(&second, 2)).unwrap().status, 200);
    }
    let mut events = Events::open(&server);
    let mut store = mamos::store::Store::open(&db.db()).unwrap();
    mamos::app::workshops::cast_vote(
        &mut store,
        &mamos::app::workshops::CastVote {
            workshop_id: w.parse().unwrap(),
            participant: "P03".into(),
            practice_id: second.clone(),
            answer: Some(Answer::Level { level: 4 }),
        },
    )
    .unwrap();
    drop(store);
    let state = state_when(&devices[0], &mut events, |state| state["revealed"] == true);
    assert_eq!(state["practice"]["id"], second.as_str());
    assert_eq!(
        state["spread"],
        json!({"lowest": 2, "highest": 4, "disagreement": true})
    );
    let shown = db.json(&["disagreements", &w, "--json"]);
    assert!(shown.to_string().contains(second.as_str()), "{shown}");

    // Automatic reveal off: everyone voting leaves the votes hidden until the coach reveals.
    db.ok(&["workshop", "pace", &w, "--auto-reveal", "off"]);
    db.ok(&["workshop", "focus", &w, &third]);
    state_when(&devices[0], &mut events, |state| {
        state["pace"]["auto_reveal"] == false && state["practice"]["id"] == third.as_str()
    });
    for device in &devices {
        assert_eq!(device.vote(level(&third, 0)).unwrap().status, 200);
    }
    let state = devices[2].state();
    assert_eq!(state["revealed"], false);
    assert_eq!(state["votes"], Value::Null);
    let voted: Vec<_> = state["participants"].as_array().unwrap()[..3]
        .iter()
        .map(|p| p["voted"].clone())
        .collect();
    assert_eq!(voted, [true, true, true]);
}

#[test]
fn a_reveal_undone_with_the_cli_hides_the_votes_on_the_devices_and_reopens_the_vote() {
    let db = Workspace::new();
    let w = workshop(&db);
    let practice = practices(1).remove(0);
    db.ok(&["workshop", "focus", &w, &practice]);
    let server = Server::start(&db, &w);
    let mut ana = server.device("P01");
    let mut ben = server.device("P02");
    assert_eq!(ana.join().status, 200);
    assert_eq!(ben.join().status, 200);
    assert_eq!(ana.vote(level(&practice, 1)).unwrap().status, 200);
    assert_eq!(ben.vote(level(&practice, 3)).unwrap().status, 200);
    db.ok(&["reveal", &w, &practice]);
    let mut events = Events::open(&server);
    let revealed = ana.state();
    assert_eq!(revealed["revealed"], true);
    assert_eq!(revealed["votes"].as_array().unwrap().len(), 2);
    assert_eq!(ana.vote(level(&practice, 2)).unwrap().status, 409);

    db.ok(&["workshop", "undo", &w]);
    events.expect_change_after(revealed["version"].as_u64().unwrap());
    for (device, own) in [(&ana, 1), (&ben, 3)] {
        let state = device.state();
        assert_eq!(state["revealed"], false);
        assert_eq!(state["votes"], Value::Null);
        assert_eq!(state["spread"], Value::Null);
        assert_eq!(
            state["you"]["vote"],
            json!({ "level": own }),
            "its own vote stays"
        );
        let voted: Vec<&Value> = state["participants"].as_array().unwrap()[..2]
            .iter()
            .map(|p| &p["voted"])
            .collect();
        assert_eq!(voted, [true, true]);
    }
    // Hidden again, the vote is open again until the next reveal.
    assert_eq!(ana.vote(level(&practice, 2)).unwrap().status, 200);
}
