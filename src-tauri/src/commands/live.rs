//! Live voting: the participants' server of one workshop, run on the Tauri
//! async runtime while the coach keeps it on; the practice on screen; the
//! room as the coach sees it (who has joined, who has voted).

use std::net::SocketAddr;
use std::sync::Mutex;

use mamos::app::live as app;
use mamos::error::ErrorReport;
use mamos::live::{interfaces, listed_address, LiveServer, LiveSession, NetworkInterface, Roster};
use mamos::live_view::{Pace, RoomState};
use qrcode::render::svg;
use qrcode::QrCode;
use tauri::State;
use tokio::sync::oneshot;

use super::Db;

/// The running server, if any: one workshop at a time. Dropping it (the app
/// quits) drops the shutdown sender, which stops the server too.
#[derive(Default)]
pub struct Live(Mutex<Option<Running>>);

struct Running {
    workshop_id: i64,
    roster: Roster,
    stop: oneshot::Sender<()>,
}

impl Live {
    fn running(&self) -> std::sync::MutexGuard<'_, Option<Running>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Stops the server, if one runs; its connections close.
    pub fn stop(&self) {
        if let Some(running) = self.running().take() {
            // The server may have ended on its own already: nothing to stop then.
            let _ = running.stop.send(());
        }
    }
}

/// The addresses live voting may listen on, the default-route one first
/// (the panel's default), loopback last (a rehearsal).
#[tauri::command]
pub fn live_interfaces() -> Result<Vec<NetworkInterface>, ErrorReport> {
    interfaces().map_err(|error| ErrorReport::from(&error))
}

/// Starts live voting on `workshop_id` on `address`, one of [`live_interfaces`]
/// (loopback: this computer only, for a rehearsal), any free port; a server
/// already running (another workshop, or the same one) is stopped first.
#[tauri::command]
pub async fn start_live(
    db: State<'_, Db>,
    live: State<'_, Live>,
    workshop_id: i64,
    address: String,
) -> Result<LiveSession, ErrorReport> {
    let listed = interfaces().map_err(|error| ErrorReport::from(&error))?;
    let ip = listed_address(&address, &listed).map_err(|error| ErrorReport::from(&error))?;
    live.stop();
    let server = LiveServer::bind(&db.path, workshop_id, SocketAddr::new(ip, 0))
        .await
        .map_err(|error| ErrorReport::from(&error))?;
    let url = server.url().to_string();
    let qr_svg = qr_svg(&url)?;
    let (stop, stopped) = oneshot::channel::<()>();
    *live.running() = Some(Running {
        workshop_id,
        roster: server.roster(),
        stop,
    });
    tauri::async_runtime::spawn(async move {
        let shutdown = async move {
            // A dropped sender (the app quits) stops the server as a sent one does.
            let _ = stopped.await;
        };
        if let Err(error) = server.run(shutdown).await {
            eprintln!("mamos-desktop: live voting stopped: {error}");
        }
    });
    Ok(LiveSession { url, qr_svg })
}

#[tauri::command]
pub fn stop_live(live: State<'_, Live>) {
    live.stop();
}

/// The coach frees a participant's name: the device that took it must join
/// again, and another may take it. False when no device held it (or live voting is off).
#[tauri::command]
pub fn free_live_name(live: State<'_, Live>, name: String) -> bool {
    live.running()
        .as_ref()
        .is_some_and(|running| running.roster.free(&name))
}

/// The participants' URL as a QR code a phone camera reads from the back of the room.
fn qr_svg(url: &str) -> Result<String, ErrorReport> {
    let code = QrCode::new(url.as_bytes()).map_err(|error| {
        ErrorReport::from(&mamos::Error::invalid(
            "url",
            format!("the address {url} does not fit in a QR code: {error}"),
        ))
    })?;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}

/// Puts a practice on screen: the participants' devices follow it.
#[tauri::command]
pub async fn focus_practice(
    db: State<'_, Db>,
    live: State<'_, Live>,
    workshop_id: i64,
    practice_id: String,
) -> Result<(), ErrorReport> {
    db.run(move |store| app::set_focus(store, workshop_id, &practice_id))
        .await?;
    if let Some(running) = live
        .running()
        .as_ref()
        .filter(|running| running.workshop_id == workshop_id)
    {
        running.roster.changed();
    }
    Ok(())
}

/// The practice on screen as stored: the window polls it to follow
/// `mamos workshop focus` (and the server) without re-reading the workshop.
#[tauri::command]
pub async fn live_focus(
    db: State<'_, Db>,
    workshop_id: i64,
) -> Result<Option<String>, ErrorReport> {
    db.run(move |store| app::focus(store, workshop_id)).await
}

/// The room as the coach sees it: the practice on screen, who has joined
/// (nobody when live voting is off) and who has voted; no one's level before the reveal.
#[tauri::command]
pub async fn live_room(
    db: State<'_, Db>,
    live: State<'_, Live>,
    workshop_id: i64,
) -> Result<RoomState, ErrorReport> {
    let joined = live
        .running()
        .as_ref()
        .filter(|running| running.workshop_id == workshop_id)
        .map(|running| running.roster.joined())
        .unwrap_or_default();
    db.run(move |store| app::room(store, workshop_id, &joined, None, 0))
        .await
}

/// How the workshop is paced: timebox per practice, planned length, automatic reveal.
#[tauri::command]
pub async fn live_pace(db: State<'_, Db>, workshop_id: i64) -> Result<Pace, ErrorReport> {
    db.run(move |store| app::pace(store, workshop_id)).await
}

/// Sets the pace (checked by the core: a timebox of 10 s to 60 min, a length of 5 min to 8 h);
/// the phones see it at their next state.
#[tauri::command]
pub async fn set_live_pace(
    db: State<'_, Db>,
    workshop_id: i64,
    pace: Pace,
) -> Result<Pace, ErrorReport> {
    db.run(move |store| app::set_pace(store, workshop_id, pace))
        .await
}
