//! The live-workshop server: participants vote from their own devices on the
//! room's network (the participant API, `docs/security.md`). It calls the use
//! cases of `app::live` on its own connection to the database, so the window
//! and the CLI keep writing beside it; it notices their changes by polling
//! SQLite's `data_version` and pushes a `state` event to every device.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, oneshot, watch};

use crate::app::live as app;
use crate::scoring::Answer;
use crate::store::Store;
use crate::{Error, ErrorCode, Result};

/// The largest request body a device may send.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Sustained requests per second a device may make, and the burst above it.
const RATE_PER_SECOND: f64 = 20.0;
const RATE_BURST: f64 = 40.0;
/// How often the server looks for changes made by the window or the CLI.
const POLL_EVERY: Duration = Duration::from_millis(100);
const COOKIE: &str = "mamos_live";
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The participant page, built by `npm run build` in `ui/`. A binary built
/// before the page was (a fresh clone's `cargo test`) serves a 503 page
/// saying so instead of failing to build.
#[derive(rust_embed::Embed)]
#[folder = "ui/dist-live/"]
#[allow_missing = true]
struct Page;

/// A live session bound to its address, ready to serve one workshop.
pub struct LiveServer {
    listener: TcpListener,
    shared: Arc<Shared>,
    ballots: mpsc::UnboundedReceiver<Ballot>,
    url: String,
}

struct Shared {
    /// `/live/TOKEN`: every path served is under it.
    base: String,
    workshop_id: i64,
    /// The connection that writes (votes) and notices others' commits.
    store: Mutex<Store>,
    /// A second connection for the devices' reads, so they never wait for a
    /// commit's disk write (WAL lets it read while the other one writes).
    reader: Mutex<Store>,
    /// Votes on their way to the writer, which commits those waiting together.
    ballots: mpsc::UnboundedSender<Ballot>,
    /// The room as last read, with the version it was read at: the devices
    /// re-reading after a change share one read of the database.
    room: Mutex<Option<(u64, Arc<app::RoomData>)>>,
    /// Device secret (the cookie) → the participant's name it took.
    devices: Mutex<HashMap<String, String>>,
    /// Counts the changes the room sees; each one is a `state` event.
    version: watch::Sender<u64>,
    limits: Mutex<HashMap<String, Bucket>>,
    closing: watch::Sender<bool>,
}

impl LiveServer {
    /// Opens the database on a connection of its own, checks the workshop
    /// exists, and binds `addr` (port 0: any free port) with a new token.
    pub async fn bind(db: &Path, workshop_id: i64, addr: SocketAddr) -> Result<LiveServer> {
        let store = Store::open(db)?;
        store.workshop(workshop_id)?;
        let reader = Store::open(db)?;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| bind_error(addr, source))?;
        let local = listener
            .local_addr()
            .map_err(|source| bind_error(addr, source))?;
        let base = format!("/live/{}", random_hex()?);
        let url = format!("http://{local}{base}/");
        let (ballot_box, ballots) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            base,
            workshop_id,
            store: Mutex::new(store),
            reader: Mutex::new(reader),
            ballots: ballot_box,
            room: Mutex::default(),
            devices: Mutex::default(),
            version: watch::Sender::new(1),
            limits: Mutex::default(),
            closing: watch::Sender::new(false),
        });
        Ok(LiveServer {
            listener,
            shared,
            ballots,
            url,
        })
    }

    /// The participants' URL, ending with `/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Who has joined, readable while the server runs (the coach's view).
    pub fn roster(&self) -> Roster {
        Roster(Arc::clone(&self.shared))
    }

    /// Serves until `shutdown` completes, then closes every connection
    /// (event streams included) and returns.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<()> {
        let base = self.shared.base.as_str();
        let router = Router::new()
            .route(&format!("{base}/"), get(page))
            .route(base, get(Redirect::permanent(&format!("{base}/"))))
            .route(&format!("{base}/assets/{{*file}}"), get(asset))
            .route(&format!("{base}/api/state"), get(state))
            .route(&format!("{base}/api/join"), post(join))
            .route(&format!("{base}/api/vote"), post(vote))
            .route(&format!("{base}/api/events"), get(events))
            .fallback(not_found)
            .layer(middleware::from_fn_with_state(
                Arc::clone(&self.shared),
                rate_limit,
            ))
            .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
            .layer(middleware::map_response(strict_headers))
            .with_state(Arc::clone(&self.shared));
        let poller = tokio::spawn(poll_changes(Arc::clone(&self.shared)));
        let recorder = tokio::spawn(record_ballots(Arc::clone(&self.shared), self.ballots));
        let closing = Arc::clone(&self.shared);
        let served = axum::serve(
            self.listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            shutdown.await;
            // Event streams end too, or the graceful shutdown would wait for them forever.
            closing.closing.send_replace(true);
        })
        .await;
        // Every request has been answered: no vote waits for the recorder now.
        poller.abort();
        recorder.abort();
        served.map_err(|source| Error::File {
            path: PathBuf::from(&self.url),
            source,
        })
    }
}

/// The names the devices of a running server have taken (held in memory only).
#[derive(Clone)]
pub struct Roster(Arc<Shared>);

impl Roster {
    pub fn joined(&self) -> Vec<String> {
        self.0.devices().values().cloned().collect()
    }

    /// Something the room sees was changed in this process (the window moved
    /// the focus): the devices re-read now instead of at the next poll.
    pub fn changed(&self) {
        self.0.changed();
    }

    /// The coach frees `name` (a phone lost, or taken by mistake): the device
    /// holding it is forgotten, so its next vote gets 401 and it may join
    /// again, and another device may now take the name. False if no device held it.
    pub fn free(&self, name: &str) -> bool {
        let freed = {
            let mut devices = self.0.devices();
            let before = devices.len();
            devices.retain(|_, taken| taken != name);
            devices.len() != before
        };
        if freed {
            self.0.changed();
        }
        freed
    }
}

fn bind_error(addr: SocketAddr, source: std::io::Error) -> Error {
    Error::File {
        path: PathBuf::from(format!("address {addr}")),
        source,
    }
}

/// The address of the network interface with the default route (the one the
/// room's Wi-Fi reaches), else loopback. No packet is sent: connecting a UDP
/// socket only picks the route.
pub fn default_bind_address() -> IpAddr {
    let routed = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).and_then(|socket| {
        socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9))?;
        socket.local_addr()
    });
    match routed {
        Ok(addr) if !addr.ip().is_unspecified() => addr.ip(),
        _ => IpAddr::V4(Ipv4Addr::LOCALHOST),
    }
}

/// What the window's live panel shows once the server runs: the participants'
/// URL and its QR code (an SVG document). Here, not in the desktop crate, so
/// its TypeScript type is generated with the others.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct LiveSession {
    pub url: String,
    pub qr_svg: String,
}

/// A network interface address live voting may listen on.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct NetworkInterface {
    /// The system's name of the interface (`wlan0`, `lo`…).
    pub name: String,
    pub address: IpAddr,
    /// On this computer only: for a rehearsal.
    pub loopback: bool,
    /// The interface with the default route, the one the room's network reaches.
    pub default_route: bool,
}

/// The machine's IPv4 addresses live voting can listen on, the default-route
/// one first and loopback last. IPv6 and link-local addresses are left out:
/// a participant types or scans an IPv4 URL on the room's Wi-Fi.
pub fn interfaces() -> Result<Vec<NetworkInterface>> {
    let found = if_addrs::get_if_addrs().map_err(|source| Error::File {
        path: PathBuf::from("the network interfaces"),
        source,
    })?;
    let routed = default_bind_address();
    let mut listed: Vec<NetworkInterface> = found
        .into_iter()
        .filter_map(|interface| match interface.ip() {
            IpAddr::V4(ip) if !ip.is_link_local() && !ip.is_unspecified() => {
                Some(NetworkInterface {
                    loopback: ip.is_loopback(),
                    default_route: !ip.is_loopback() && IpAddr::V4(ip) == routed,
                    name: interface.name,
                    address: IpAddr::V4(ip),
                })
            }
            _ => None,
        })
        .collect();
    listed.sort_by_key(|interface| (!interface.default_route, interface.loopback));
    listed.dedup_by(|a, b| a.address == b.address);
    Ok(listed)
}

/// `address` as an address to listen on, if it is one of `listed` (see
/// [`interfaces`]); anything else is refused with the addresses offered.
pub fn listed_address(address: &str, listed: &[NetworkInterface]) -> Result<IpAddr> {
    let offered = || {
        listed
            .iter()
            .map(|interface| format!("{} ({})", interface.address, interface.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ip: IpAddr = address.trim().parse().map_err(|_| {
        Error::invalid(
            "address",
            format!(
                "{address:?} is not an IP address; choose one of {}",
                offered()
            ),
        )
    })?;
    if listed.iter().any(|interface| interface.address == ip) {
        Ok(ip)
    } else {
        Err(Error::invalid(
            "address",
            format!(
                "{ip} is not an address of this computer's network interfaces; choose one of {}",
                offered()
            ),
        ))
    }
}

/// 128 random bits from the OS, as hex: the URL token and the device secrets.
fn random_hex() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| Error::File {
        path: PathBuf::from("the system's random number generator"),
        source: std::io::Error::other(e.to_string()),
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl Shared {
    fn devices(&self) -> MutexGuard<'_, HashMap<String, String>> {
        lock(&self.devices)
    }

    /// Runs `work` on the writing connection on a blocking thread: a commit
    /// waits for the disk (synchronous FULL), and the event streams must not wait with it.
    async fn with_store<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&mut Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let shared = Arc::clone(self);
        Self::blocking(move || work(&mut lock(&shared.store))).await
    }

    /// Runs `work` on the reading connection on a blocking thread.
    async fn with_reader<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let shared = Arc::clone(self);
        Self::blocking(move || work(&lock(&shared.reader))).await
    }

    async fn blocking<T: Send + 'static>(
        work: impl FnOnce() -> Result<T> + Send + 'static,
    ) -> Result<T> {
        tokio::task::spawn_blocking(work)
            .await
            .unwrap_or_else(|error| {
                Err(Error::File {
                    path: PathBuf::from("the live server"),
                    source: std::io::Error::other(error.to_string()),
                })
            })
    }

    /// Something the room sees changed: every device re-reads the state.
    fn changed(&self) {
        self.version.send_modify(|version| *version += 1);
    }

    /// The name the device with these headers joined as, if it did.
    fn device(&self, headers: &HeaderMap) -> Option<(String, String)> {
        let secret = device_secret(headers)?;
        let name = self.devices().get(&secret)?.clone();
        Some((secret, name))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A device's vote waiting to be committed, and where its answer goes: the
/// vote's response, or the refusal the device gets.
struct Ballot {
    vote: app::DeviceVote,
    reply: oneshot::Sender<std::result::Result<(), Response>>,
}

/// Commits the devices' votes. The votes that arrive while a commit waits
/// for the disk are committed together by the next one (group commit): a
/// room of 50 voting at once waits for two disk writes, not fifty. Each vote
/// is acknowledged only after its commit.
async fn record_ballots(shared: Arc<Shared>, mut ballots: mpsc::UnboundedReceiver<Ballot>) {
    while let Some(first) = ballots.recv().await {
        let mut waiting = vec![first];
        while let Ok(next) = ballots.try_recv() {
            waiting.push(next);
        }
        let (votes, replies): (Vec<_>, Vec<_>) = waiting
            .into_iter()
            .map(|ballot| (ballot.vote, ballot.reply))
            .unzip();
        let workshop_id = shared.workshop_id;
        let joined: Vec<String> = shared.devices().values().cloned().collect();
        let recorded = shared
            .with_store(move |store| {
                let results = app::device_votes(store, workshop_id, &votes)?;
                // Before the replies, on the same thread: the last vote's 200
                // finds the practice revealed.
                if results.iter().any(Result::is_ok) {
                    auto_reveal(app::reveal_if_everyone_voted(store, workshop_id, &joined));
                }
                Ok(results)
            })
            .await;
        match recorded {
            Ok(results) => {
                if results.iter().any(Result::is_ok) {
                    shared.changed();
                }
                for (reply, result) in replies.into_iter().zip(results) {
                    let _ = reply.send(result.map_err(|error| refuse_error(&error)));
                }
            }
            Err(error) => {
                for reply in replies {
                    let _ = reply.send(Err(refuse_error(&error)));
                }
            }
        }
    }
}

/// Notices commits of the window or the CLI (votes, focus, reveal).
async fn poll_changes(shared: Arc<Shared>) {
    let mut seen = None;
    let mut tick = tokio::time::interval(POLL_EVERY);
    loop {
        tick.tick().await;
        let Ok(version) = shared.with_store(|store| store.data_version()).await else {
            continue;
        };
        if seen.is_some_and(|seen| seen != version) {
            shared.changed();
            // A keyboard vote, or automatic reveal switched on, may complete the room.
            reveal_if_everyone_voted(&shared).await;
        }
        seen = Some(version);
    }
}

/// With automatic reveal on, reveals the practice on screen once every
/// joined device's participant has voted on it; the devices then re-read.
async fn reveal_if_everyone_voted(shared: &Arc<Shared>) {
    let joined: Vec<String> = shared.devices().values().cloned().collect();
    let workshop_id = shared.workshop_id;
    let revealed = shared
        .with_store(move |store| {
            Ok(auto_reveal(app::reveal_if_everyone_voted(
                store,
                workshop_id,
                &joined,
            )))
        })
        .await;
    if revealed.unwrap_or(false) {
        shared.changed();
    }
}

/// Whether the automatic reveal revealed; its failure is only reported:
/// the votes are stored, and the coach can still reveal with R.
fn auto_reveal(revealed: Result<bool>) -> bool {
    revealed.unwrap_or_else(|error| {
        eprintln!("mamos live: automatic reveal: {error}");
        false
    })
}

fn device_secret(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, secret)| secret.to_string())
}

/// A JSON error the page shows as is.
fn refuse(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

/// The core's error as the participant API answers it; a failure of the
/// coach's laptop is reported without its details (they go to stderr).
fn refuse_error(error: &Error) -> Response {
    let status = match error.code() {
        ErrorCode::InvalidInput | ErrorCode::NotFound => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        ErrorCode::Locked => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    if status.is_server_error() {
        eprintln!("mamos live: {error}");
        return refuse(
            status,
            "the coach's laptop could not do this just now; try again",
        );
    }
    refuse(status, error.to_string())
}

async fn not_found() -> Response {
    refuse(StatusCode::NOT_FOUND, "there is nothing here")
}

async fn page() -> Response {
    match Page::get("index.html") {
        Some(file) => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            file.data.into_owned(),
        )
            .into_response(),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!doctype html><title>Mamos</title><p>The participant page was not built into this Mamos: run <code>make build</code>.</p>",
        )
            .into_response(),
    }
}

async fn asset(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    let Some(found) = Page::get(&format!("assets/{file}")) else {
        return not_found().await;
    };
    let kind = match file.rsplit_once('.').map(|(_, ext)| ext) {
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    };
    ([(header::CONTENT_TYPE, kind)], found.data.into_owned()).into_response()
}

async fn state(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let viewer = shared.device(&headers).map(|(_, name)| name);
    let joined: Vec<String> = shared.devices().values().cloned().collect();
    let version = *shared.version.borrow();
    match room_at(&shared, version).await {
        Ok(room) => Json(room.view(&joined, viewer.as_deref(), version)).into_response(),
        Err(error) => refuse_error(&error),
    }
}

/// The room at `version`, read from the database by the first device that
/// asks after a change; the others get the same read. A change the server
/// has not noticed yet is at most one poll away, and its event follows.
async fn room_at(shared: &Arc<Shared>, version: u64) -> Result<Arc<app::RoomData>> {
    let cached = move |shared: &Shared| {
        lock(&shared.room)
            .as_ref()
            .filter(|(read_at, _)| *read_at == version)
            .map(|(_, room)| Arc::clone(room))
    };
    if let Some(room) = cached(shared) {
        return Ok(room);
    }
    let reading = Arc::clone(shared);
    shared
        .with_reader(move |store| {
            // Another device may have read it while this one waited for the connection.
            if let Some(room) = cached(&reading) {
                return Ok(room);
            }
            let room = Arc::new(app::room_data(store, reading.workshop_id)?);
            let mut last = lock(&reading.room);
            if last.as_ref().is_none_or(|(read_at, _)| *read_at < version) {
                *last = Some((version, Arc::clone(&room)));
            }
            Ok(room)
        })
        .await
}

/// A JSON body, or why it is refused (413 too large, 400 malformed).
fn parse_body<T: for<'de> Deserialize<'de>>(
    body: std::result::Result<Bytes, BytesRejection>,
) -> std::result::Result<T, (StatusCode, String)> {
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => (
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request is larger than {} KB", MAX_BODY_BYTES / 1024),
        ),
        status => (status, rejection.body_text()),
    })?;
    serde_json::from_slice(&body).map_err(|error| {
        (
            StatusCode::BAD_REQUEST,
            format!("the request is not the JSON expected: {error}"),
        )
    })
}

#[derive(Deserialize)]
struct JoinRequest {
    name: String,
}

async fn join(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Response {
    let request: JoinRequest = match parse_body(body) {
        Ok(request) => request,
        Err((status, message)) => return refuse(status, message),
    };
    let workshop_id = shared.workshop_id;
    let joining = shared
        .with_reader(move |store| app::join(store, workshop_id, &request.name))
        .await;
    let name = match joining {
        Ok(name) => name,
        Err(error) => return refuse_error(&error),
    };
    let mine = device_secret(&headers);
    let secret = {
        let mut devices = shared.devices();
        let holder = devices
            .iter()
            .find(|(_, taken)| **taken == name)
            .map(|(secret, _)| secret.clone());
        match holder {
            Some(holder) if Some(&holder) == mine.as_ref() => holder,
            Some(_) => {
                return refuse(
                    StatusCode::CONFLICT,
                    format!("{name} has already joined from another device; ask the coach"),
                )
            }
            None => {
                // A device that joined under another name gives that name up.
                let secret = match mine.filter(|secret| devices.contains_key(secret)) {
                    Some(secret) => secret,
                    None => match random_hex() {
                        Ok(secret) => secret,
                        Err(error) => return refuse_error(&error),
                    },
                };
                devices.insert(secret.clone(), name.clone());
                secret
            }
        }
    };
    shared.changed();
    let cookie = format!(
        "{COOKIE}={secret}; HttpOnly; SameSite=Strict; Path={}",
        shared.base
    );
    let mut response = Json(json!({ "name": name })).into_response();
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

#[derive(Deserialize)]
struct VoteRequest {
    practice: String,
    level: Option<i64>,
    #[serde(default)]
    na: bool,
    reason: Option<String>,
}

impl VoteRequest {
    fn answer(&self) -> Result<Answer> {
        match (self.level, self.na) {
            (Some(level), false) => match u8::try_from(level) {
                Ok(level) => Ok(Answer::Level { level }),
                Err(_) => Err(Error::invalid(
                    "level",
                    format!("expected a level from 0 to 4 or N/A, found {level}"),
                )),
            },
            (None, true) => Ok(Answer::NotApplicable {
                reason: self.reason.clone().unwrap_or_default(),
            }),
            _ => Err(Error::invalid(
                "vote",
                "give either a level from 0 to 4 or N/A with a reason",
            )),
        }
    }
}

async fn vote(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Response {
    let received = Instant::now();
    let Some((_, name)) = shared.device(&headers) else {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "pick your name first: this device has not joined",
        );
    };
    let request: VoteRequest = match parse_body(body) {
        Ok(request) => request,
        Err((status, message)) => return refuse(status, message),
    };
    let answer = match request.answer() {
        Ok(answer) => answer,
        Err(error) => return refuse_error(&error),
    };
    let (reply, recorded) = oneshot::channel();
    let ballot = Ballot {
        vote: app::DeviceVote {
            participant: name,
            practice_id: request.practice.clone(),
            answer: answer.clone(),
        },
        reply,
    };
    let not_recorded = || {
        refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "live voting is stopping: your vote was not recorded",
        )
    };
    if shared.ballots.send(ballot).is_err() {
        return not_recorded();
    }
    match recorded.await {
        Ok(Ok(())) => {}
        Ok(Err(refusal)) => return refusal,
        Err(_) => return not_recorded(),
    }
    // How long the vote waited from its arrival to its commit (the bench reads it).
    let timing = format!(
        "commit;dur={:.3}",
        received.elapsed().as_secs_f64() * 1000.0
    );
    let shown = crate::live_view::ShownAnswer::from(&answer);
    let mut response = Json(json!({ "practice": request.practice, "vote": shown })).into_response();
    if let Ok(timing) = HeaderValue::from_str(&timing) {
        response
            .headers_mut()
            .insert(HeaderName::from_static("server-timing"), timing);
    }
    response
}

async fn events(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let versions = shared.version.subscribe();
    let closing = shared.closing.subscribe();
    let stream = futures_util::stream::unfold(
        (versions, closing, true),
        |(mut versions, mut closing, first)| async move {
            if !first {
                tokio::select! {
                    changed = versions.changed() => changed.ok()?,
                    _ = async { closing.wait_for(|closing| *closing).await.map(|_| ()) } => return None,
                }
            }
            let version = *versions.borrow_and_update();
            let event = Event::default()
                .event("state")
                .data(format!("{{\"version\": {version}}}"));
            Some((Ok::<_, Infallible>(event), (versions, closing, false)))
        },
    );
    Sse::new(stream).keep_alive(
        KeepAlive::new()
            .interval(Duration::from_secs(15))
            .text(" keep-alive"),
    )
}

/// A small token bucket per device (its cookie), or per address before it joined.
struct Bucket {
    tokens: f64,
    at: Instant,
}

async fn rate_limit(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let key = match shared.device(request.headers()) {
        Some((secret, _)) => secret,
        None => request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(String::new, |info| info.0.ip().to_string()),
    };
    let allowed = {
        let mut limits = shared
            .limits
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = Instant::now();
        if limits.len() > 10_000 {
            // Forget the devices that have been quiet long enough to be full again.
            limits.retain(|_, bucket| now.duration_since(bucket.at).as_secs_f64() < 2.0);
        }
        let bucket = limits.entry(key).or_insert(Bucket {
            tokens: RATE_BURST,
            at: now,
        });
        let refill = now.duration_since(bucket.at).as_secs_f64() * RATE_PER_SECOND;
        bucket.tokens = (bucket.tokens + refill).min(RATE_BURST);
        bucket.at = now;
        let allowed = bucket.tokens >= 1.0;
        if allowed {
            bucket.tokens -= 1.0;
        }
        allowed
    };
    if !allowed {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            "too many requests from this device; wait a moment",
        );
    }
    next.run(request).await
}

async fn strict_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed() -> Vec<NetworkInterface> {
        vec![
            NetworkInterface {
                name: "wlan0".into(),
                address: "192.168.1.20".parse().unwrap(),
                loopback: false,
                default_route: true,
            },
            NetworkInterface {
                name: "lo".into(),
                address: "127.0.0.1".parse().unwrap(),
                loopback: true,
                default_route: false,
            },
        ]
    }

    #[test]
    fn a_listed_address_is_taken() {
        assert_eq!(
            listed_address(" 192.168.1.20 ", &listed()).unwrap(),
            "192.168.1.20".parse::<IpAddr>().unwrap()
        );
        assert!(listed_address("127.0.0.1", &listed()).is_ok());
    }

    #[test]
    fn an_address_not_listed_is_refused_with_the_choices() {
        for address in ["10.0.0.9", "0.0.0.0", "wlan0", ""] {
            let error = listed_address(address, &listed()).unwrap_err();
            assert_eq!(error.code(), ErrorCode::InvalidInput, "{address}");
            let message = error.to_string();
            assert!(message.contains("192.168.1.20 (wlan0)"), "{message}");
            assert!(message.contains("127.0.0.1 (lo)"), "{message}");
        }
    }

    #[test]
    fn this_machine_lists_loopback_last_and_the_default_route_first() {
        let found = interfaces().unwrap();
        let loopback = found
            .iter()
            .position(|i| i.loopback)
            .expect("loopback listed");
        assert!(found[loopback..].iter().all(|i| i.loopback));
        assert!(found.iter().all(|i| i.address.is_ipv4()));
        if let Some(routed) = found.iter().position(|i| i.default_route) {
            assert_eq!(routed, 0);
        }
    }
}
