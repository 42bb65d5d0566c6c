//! `make bench` (live): the budgets of the live-workshop issue over loopback.
//! The release `mamos workshop serve` runs as a child process (its peak
//! memory is read from `/proc/PID/status`); 50 simulated devices (threads,
//! plain HTTP/1.1 with keep-alive over `TcpStream`) join and open their event
//! streams; for every practice of the bank the bench moves the focus through
//! the use case on its own connection to the database (as the window does),
//! each device waits for its `state` event, re-reads the state as the page
//! does, and votes once. Not a test: numbers go to docs/performance.md.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::Barrier;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use mamos::app::components::{self, NewComponent};
use mamos::app::live;
use mamos::app::workshops::{self, NewWorkshop};
use mamos::model::Blueprint;
use mamos::scoring::Answer;
use mamos::store::Store;
use serde_json::{json, Value};

const DEVICES: usize = 50;
const VOTE_GOAL: Duration = Duration::from_millis(20);
const FOCUS_GOAL: Duration = Duration::from_millis(250);
/// Longer than this without the expected event or answer, the run is broken.
const STUCK: Duration = Duration::from_secs(10);

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Prints p50/p99/max of `samples`, and the p99 beside its goal if it has one.
fn report(what: &str, mut samples: Vec<Duration>, goal: Option<Duration>) {
    samples.sort();
    let p99 = percentile(&samples, 0.99);
    let verdict = match goal {
        Some(goal) if p99 <= goal => format!(" (goal p99 ≤ {:.0} ms: met)", ms(goal)),
        Some(goal) => format!(" (goal p99 ≤ {:.0} ms: MISSED)", ms(goal)),
        None => String::new(),
    };
    println!(
        "{what} ({} samples): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms{verdict}",
        samples.len(),
        ms(percentile(&samples, 0.5)),
        ms(p99),
        ms(*samples.last().unwrap()),
    );
}

/// A line such as `VmHWM:  12345 kB` of the server's status, in MiB.
fn memory_mib(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with(field)).unwrap();
    let kib: f64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib / 1024.0
}

/// The running `mamos workshop serve`, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    /// `/live/TOKEN`
    base: String,
}

impl Server {
    fn start(db: &std::path::Path, workshop: i64) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mamos"))
            .arg("--db")
            .arg(db)
            .args(["workshop", "serve", &workshop.to_string()])
            .args(["--bind", "127.0.0.1", "--port", "0", "--json"])
            .env_remove("MAMOS_DB")
            .stdout(Stdio::piped())
            .spawn()
            .expect("the release mamos starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let first: Value = serde_json::from_str(&line).expect("the first line is JSON");
        let url = first["url"].as_str().unwrap();
        let (addr, path) = url
            .strip_prefix("http://")
            .unwrap()
            .split_once('/')
            .unwrap();
        Server {
            child,
            addr: addr.parse().unwrap(),
            base: format!("/{}", path.trim_end_matches('/')),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads an HTTP/1.1 response head: the status and the headers, lowercased names.
fn read_head(reader: &mut BufReader<TcpStream>) -> (u16, Vec<(String, String)>) {
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status = line.split(' ').nth(1).and_then(|s| s.parse().ok());
    let status = status.unwrap_or_else(|| panic!("no status line: {line:?}"));
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            return (status, headers);
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
}

/// One keep-alive connection of a device, with its cookie once it joined.
struct Device {
    addr: SocketAddr,
    base: String,
    reader: BufReader<TcpStream>,
    cookie: Option<String>,
}

impl Device {
    fn connect(server: &Server) -> Device {
        let stream = TcpStream::connect(server.addr).unwrap();
        stream.set_nodelay(true).unwrap();
        stream.set_read_timeout(Some(STUCK)).unwrap();
        Device {
            addr: server.addr,
            base: server.base.clone(),
            reader: BufReader::new(stream),
            cookie: None,
        }
    }

    /// Sends a request and reads its answer on the same connection.
    fn send(
        &mut self,
        method: &str,
        api: &str,
        body: Option<&Value>,
    ) -> (u16, Vec<(String, String)>, Value) {
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut request = format!(
            "{method} {}/{api} HTTP/1.1\r\nHost: {}\r\n",
            self.base, self.addr
        );
        if let Some(cookie) = &self.cookie {
            request.push_str(&format!("Cookie: {cookie}\r\n"));
        }
        if method == "POST" {
            request.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        request.push_str("\r\n");
        request.push_str(&body);
        self.reader.get_mut().write_all(request.as_bytes()).unwrap();
        let (status, headers) = read_head(&mut self.reader);
        let length: usize = headers
            .iter()
            .find(|(name, _)| name == "content-length")
            .and_then(|(_, value)| value.parse().ok())
            .expect("an API answer with a Content-Length");
        let mut raw = vec![0; length];
        self.reader.read_exact(&mut raw).unwrap();
        (status, headers, serde_json::from_slice(&raw).unwrap())
    }

    /// Joins as `name`. Before joining, the rate limit counts per address, and
    /// all 50 devices share 127.0.0.1: one waits its turn on a 429.
    fn join(&mut self, name: &str) {
        loop {
            let (status, headers, body) =
                self.send("POST", "api/join", Some(&json!({ "name": name })));
            match status {
                200 => {
                    let cookie = headers.iter().find(|(n, _)| n == "set-cookie").unwrap();
                    self.cookie = Some(cookie.1.split(';').next().unwrap().to_string());
                    return;
                }
                429 => std::thread::sleep(Duration::from_millis(100)),
                _ => panic!("join {name}: {status} {body}"),
            }
        }
    }

    /// The version the room's state is at. The coach's reads count against
    /// 127.0.0.1 as the joins did: it too waits its turn on a 429.
    fn version(&mut self) -> u64 {
        loop {
            let (status, _, state) = self.send("GET", "api/state", None);
            match status {
                200 => return state["version"].as_u64().unwrap(),
                429 => std::thread::sleep(Duration::from_millis(50)),
                _ => panic!("state: {status} {state}"),
            }
        }
    }
}

/// A device's open `api/events` stream.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(device: &Device) -> Events {
        let mut stream = TcpStream::connect(device.addr).unwrap();
        stream.set_read_timeout(Some(STUCK)).unwrap();
        let cookie = device.cookie.as_deref().unwrap();
        write!(
            stream,
            "GET {}/api/events HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\n\r\n",
            device.base, device.addr
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let (status, _) = read_head(&mut reader);
        assert_eq!(status, 200);
        Events { reader }
    }

    /// Reads `state` events until one newer than `seen`; when it arrived.
    fn after(&mut self, seen: u64) -> Instant {
        let mut line = String::new();
        loop {
            line.clear();
            let read = self
                .reader
                .read_line(&mut line)
                .expect("a state event in time");
            assert!(read > 0, "the event stream closed");
            if let Some(data) = line.trim().strip_prefix("data:") {
                let data: Value = serde_json::from_str(data.trim()).unwrap();
                if data["version"].as_u64().unwrap() > seen {
                    return Instant::now();
                }
            }
        }
    }
}

/// The vote device `i` casts on practice `round`: a level, or N/A for one in ten.
fn vote_of(practice: &str, round: usize, i: usize) -> (Value, Answer) {
    if i % 10 == 9 {
        let reason = format!("not ours ({i}, {round})");
        (
            json!({ "practice": practice, "na": true, "reason": reason }),
            Answer::NotApplicable { reason },
        )
    } else {
        let level = ((i + round) % 5) as u8;
        (
            json!({ "practice": practice, "level": level }),
            Answer::Level { level },
        )
    }
}

/// What one device measured: per round, when the focus event came, when its
/// state showed the new practice, and its vote's round trip.
#[derive(Default)]
struct Samples {
    event_at: Vec<Instant>,
    state_at: Vec<Instant>,
    vote: Vec<Duration>,
    /// The server's own count from a vote's arrival to its commit.
    commit: Vec<Duration>,
}

/// The `Server-Timing: commit;dur=MS` of a vote's answer.
fn server_timing(headers: &[(String, String)]) -> Duration {
    headers
        .iter()
        .find(|(name, _)| name == "server-timing")
        .and_then(|(_, value)| value.split_once("dur="))
        .and_then(|(_, ms)| ms.parse::<f64>().ok())
        .map(|ms| Duration::from_secs_f64(ms / 1000.0))
        .expect("a vote's answer with Server-Timing: commit;dur=MS")
}

/// The server's pid, for the panic hook.
static SERVER_PID: AtomicU32 = AtomicU32::new(0);

/// A device that panics would leave the others waiting at a barrier for
/// ever: any panic stops the server and the run instead.
fn stop_on_panic() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        report(info);
        let pid = SERVER_PID.load(Ordering::SeqCst);
        if pid != 0 {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
        std::process::exit(101);
    }));
}

/// A component and a workshop of `DEVICES` participants: the workshop's id,
/// the participants' names and the practices in the order the bank gives them.
fn make_room(store: &mut Store) -> (i64, Vec<String>, Vec<String>) {
    let component = components::add_component(
        store,
        &NewComponent {
            name: "Payments".into(),
            blueprint: Blueprint::III,
            bank: None,
            groups: Vec::new(),
        },
    )
    .unwrap();
    let names: Vec<String> = (1..=DEVICES).map(|i| format!("P{i:02}")).collect();
    let date = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let state = workshops::start_workshop(
        store,
        &NewWorkshop {
            component_id: component.id,
            held_on: Some(date),
            facilitator: "Coach".into(),
            participants: names.join(", "),
        },
        date,
    )
    .unwrap();
    let practices = state
        .practices
        .iter()
        .map(|p| p.practice_id.clone())
        .collect();
    (state.workshop.id, names, practices)
}

/// Every acknowledged vote is stored, as acknowledged; returns how many.
fn count_stored_as_acknowledged(
    store: &Store,
    workshop: i64,
    names: &[String],
    practices: &[String],
) -> usize {
    let stored = store.votes(workshop).unwrap();
    let mut count = 0;
    for (round, practice) in practices.iter().enumerate() {
        let votes: BTreeMap<&str, &Answer> = stored[practice]
            .iter()
            .map(|v| (v.participant.as_str(), &v.answer))
            .collect();
        for (i, name) in names.iter().enumerate() {
            assert_eq!(
                votes.get(name.as_str()),
                Some(&&vote_of(practice, round, i).1)
            );
            count += 1;
        }
    }
    count
}

fn main() {
    stop_on_panic();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    let mut store = Store::open(&db).unwrap();
    let (workshop, names, practices) = make_room(&mut store);

    let server = Server::start(&db, workshop);
    let pid = server.child.id();
    SERVER_PID.store(pid, Ordering::SeqCst);
    let idle_mib = memory_mib(pid, "VmRSS:");
    let mut coach = Device::connect(&server);
    let mut devices: Vec<Device> = names
        .iter()
        .map(|name| {
            let mut device = Device::connect(&server);
            device.join(name);
            device
        })
        .collect();

    // The room's version before each focus change: the first event above it is the focus's.
    let before = AtomicU64::new(0);
    let (focus_on, voted) = (Barrier::new(DEVICES + 1), Barrier::new(DEVICES + 1));
    let mut focus_at = Vec::with_capacity(practices.len());
    let started = Instant::now();
    let samples: Vec<Samples> = std::thread::scope(|s| {
        let threads: Vec<_> = devices
            .iter_mut()
            .enumerate()
            .map(|(i, device)| {
                let (before, focus_on, voted, practices) = (&before, &focus_on, &voted, &practices);
                s.spawn(move || {
                    let mut events = Events::open(device);
                    let mut mine = Samples::default();
                    for (round, practice) in practices.iter().enumerate() {
                        focus_on.wait();
                        mine.event_at
                            .push(events.after(before.load(Ordering::SeqCst)));
                        let (status, _, state) = device.send("GET", "api/state", None);
                        assert_eq!(status, 200, "{state}");
                        assert_eq!(state["practice"]["id"].as_str(), Some(practice.as_str()));
                        mine.state_at.push(Instant::now());
                        let (body, _) = vote_of(practice, round, i);
                        let sent = Instant::now();
                        let (status, headers, answer) =
                            device.send("POST", "api/vote", Some(&body));
                        mine.vote.push(sent.elapsed());
                        mine.commit.push(server_timing(&headers));
                        assert_eq!(status, 200, "vote of device {i} on {practice}: {answer}");
                        voted.wait();
                    }
                    mine
                })
            })
            .collect();
        for practice in &practices {
            before.store(coach.version(), Ordering::SeqCst);
            focus_on.wait();
            focus_at.push(Instant::now());
            live::set_focus(&mut store, workshop, practice).unwrap();
            voted.wait();
        }
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    });
    let elapsed = started.elapsed();
    let peak_mib = memory_mib(pid, "VmHWM:");
    let end_mib = memory_mib(pid, "VmRSS:");

    let count = count_stored_as_acknowledged(&store, workshop, &names, &practices);
    drop(server);

    let since_focus = |at: fn(&Samples) -> &Vec<Instant>| -> Vec<Duration> {
        samples
            .iter()
            .flat_map(|device| {
                at(device)
                    .iter()
                    .zip(&focus_at)
                    .map(|(at, focus)| *at - *focus)
            })
            .collect()
    };
    println!(
        "{DEVICES} devices × {} practices over loopback in {:.1} s; {count} votes acknowledged, {count} stored as acknowledged",
        practices.len(),
        elapsed.as_secs_f64()
    );
    report(
        "vote received → committed, as the server counts it (Server-Timing)",
        samples
            .iter()
            .flat_map(|d| d.commit.iter().copied())
            .collect(),
        Some(VOTE_GOAL),
    );
    report(
        "vote sent → 200 at the device (the above plus the devices' and server's turns on the CPU)",
        samples
            .iter()
            .flat_map(|d| d.vote.iter().copied())
            .collect(),
        None,
    );
    report(
        "focus set by another connection → state event at each device",
        since_focus(|d| &d.event_at),
        Some(FOCUS_GOAL),
    );
    report(
        "focus set → device's re-read state shows the practice",
        since_focus(|d| &d.state_at),
        None,
    );
    println!(
        "server memory: {idle_mib:.1} MiB resident at start, {end_mib:.1} MiB at the end, peak (VmHWM) {peak_mib:.1} MiB"
    );
}
