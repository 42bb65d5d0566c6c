// Live voting from the desktop window, end to end: the real mamos-desktop
// binary under Xvfb (tauri-driver) runs a workshop started with the CLI. The
// coach opens the Live voting panel (L), starts it in rehearsal mode (this
// computer only) and reads the participants' URL from the panel; a phone is
// played by plain `fetch` from Node (the participant API). The panel shows
// who joined and voted, phone and keyboard votes mix, the phones follow the
// practice the coach moves to, and Stop (or leaving the workshop) closes the server.
// Run by `make test-e2e` (which starts dbus and Xvfb); needs `make build` first.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";

import { app, startApp } from "./app.mjs";
import { Session, waitFor } from "./webdriver.mjs";

const COMPONENT = "Payments";
const ARROW_RIGHT = "\uE014";

let fixture;
let workshopId;

before(async () => {
  // Its own database and driver port, so it never meets the other files.
  fixture = await startApp({ port: 4560, name: "live-window" });
  fixture.cli("component", "add", COMPONENT);
  workshopId = fixture.cli("workshop", "start", COMPONENT, "--participants", "Ana,Ben,Chloé").trim();
});

after(async () => {
  await fixture?.stop();
});

/** A participant's marks in the live panel, as its data attributes say. */
async function marks(session, name) {
  const rows = await session.findAll(`[data-testid="live-participant"][data-name="${name}"]`);
  if (rows.length !== 1) return null;
  return {
    joined: await session.attribute(rows[0], "data-joined"),
    voted: await session.attribute(rows[0], "data-voted"),
  };
}

async function practiceOnScreen(session) {
  return session.attribute(await session.find('[data-testid="workshop-screen"]'), "data-practice-id");
}

async function roomState(url, cookie) {
  const response = await fetch(`${url}api/state`, { headers: cookie ? { cookie } : {} });
  assert.equal(response.status, 200);
  return response.json();
}

test("a coach runs live voting from the window: phones join, vote and follow the practice", async () => {
  const session = await Session.create(fixture.driver.base, app);
  try {
    await session.click(await session.waitFor('[data-testid="component-item"]'));
    await session.click(await session.waitFor('[data-testid="open-workshop"]'));
    await session.waitFor('[data-testid="workshop-screen"]');

    // L opens the panel; rehearsal binds the server to this computer only.
    await session.press("l");
    await session.click(await session.waitFor('[data-testid="live-loopback"]'));
    await session.click(await session.find('[data-testid="live-start"]'));
    const url = await waitFor("the participants' URL in the panel", async () =>
      session.attribute(await session.find('[data-testid="live-url"]'), "data-url"));
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/live\/[0-9a-f]{32}\/$/);
    assert.equal((await session.findAll('[data-testid="live-qr"]')).length, 1, "the QR code shows");

    // The phones see the practice the window shows.
    const first = await practiceOnScreen(session);
    await waitFor("the phones on the window's practice", async () => (await roomState(url)).practice?.id === first);

    // Ana joins and votes from her phone.
    const joined = await fetch(`${url}api/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Ana" }),
    });
    assert.equal(joined.status, 200);
    const cookie = joined.headers.get("set-cookie").split(";")[0];
    assert.match(cookie, /^mamos_live=/);
    await waitFor("Ana joined in the panel", async () => (await marks(session, "Ana"))?.joined === "true", 5000);
    const voted = await fetch(`${url}api/vote`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ practice: first, level: 2 }),
    });
    assert.equal(voted.status, 200, await voted.text());
    await waitFor("Ana voted in the panel", async () => (await marks(session, "Ana"))?.voted === "true", 5000);
    // The screen's own room strip shows the phone's vote too.
    await waitFor("Ana voted on the screen", async () =>
      (await session.attribute(await session.find('[data-testid="participant"][data-name="Ana"]'), "data-voted")) ===
      "true", 5000);

    // Ben's vote is typed on the keyboard: it mixes with the phone's.
    await session.click(await session.find('[data-testid="participant"][data-name="Ben"]'));
    await session.press("3");
    await waitFor("Ben voted in the panel", async () => (await marks(session, "Ben"))?.voted === "true", 5000);
    assert.deepEqual(await marks(session, "Chloé"), { joined: "false", voted: "false" });
    const count = await session.find('[data-testid="live-count"]');
    assert.equal(await session.attribute(count, "data-joined"), "1");
    assert.equal(await session.attribute(count, "data-voted"), "2");
    const own = await roomState(url, cookie);
    assert.deepEqual(own.you, { name: "Ana", vote: { level: 2 } });
    assert.equal(own.votes, null, "nobody's level before the reveal");

    // The pace from the panel: a 2-minute timebox reaches the phones and counts down in the panel.
    await session.click(await session.find('[data-testid="live-timebox"] option[value="120"]'));
    await waitFor("the phones get the timebox", async () => (await roomState(url)).pace.timebox_seconds === 120, 5000);
    assert.equal(fixture.cliJson("workshop", "pace", workshopId).timebox_seconds, 120);
    const left = await waitFor("the countdown in the panel", async () => {
      const shown = await session.findAll('[data-testid="live-countdown"]');
      return shown.length === 1 && Number(await session.attribute(shown[0], "data-left"));
    }, 5000);
    assert.ok(left > 0 && left <= 120, `${left} s left of 2 min`);
    fixture.screenshot("60-live-window-panel");

    // Automatic reveal switched on: Ana, the only phone joined, has voted, so the votes show without R.
    await session.click(await session.find('[data-testid="live-auto-reveal"]'));
    await waitFor("revealed by itself", async () => (await roomState(url)).revealed === true, 5000);
    assert.equal(fixture.cliJson("workshop", "pace", workshopId).auto_reveal, true);

    // The coach moves on: the phones follow.
    await session.press(ARROW_RIGHT);
    const second = await waitFor("the next practice on screen", async () => {
      const now = await practiceOnScreen(session);
      return now !== first && now;
    });
    await waitFor("the phones on the next practice", async () => (await roomState(url)).practice?.id === second, 5000);
    await waitFor("nobody voted on the next practice", async () => (await marks(session, "Ana"))?.voted === "false", 5000);

    // Stop: the URL answers no more.
    await session.click(await session.find('[data-testid="live-stop"]'));
    await waitFor("the server stopped", async () => fetch(`${url}api/state`).then(() => false, () => true), 5000);
    await session.waitFor('[data-testid="live-start"]');
    fixture.screenshot("61-live-window-stopped");

    // Leaving the workshop ends the room too: no server outlives the screen.
    assert.equal(
      await session.execute("return document.querySelector('[data-testid=\"live-loopback\"]').checked"),
      true,
      "the rehearsal choice stays",
    );
    await session.click(await session.find('[data-testid="live-start"]'));
    const again = await waitFor("a new URL", async () =>
      session.attribute(await session.find('[data-testid="live-url"]'), "data-url"));
    assert.notEqual(again, url, "a new session has a new token");
    assert.equal((await fetch(`${again}api/state`)).status, 200);
    await session.press("\uE00C");
    await waitFor("the workshop screen left", async () =>
      (await session.findAll('[data-testid="workshop-screen"]')).length === 0);
    await waitFor("the server stopped on leaving", async () =>
      fetch(`${again}api/state`).then(() => false, () => true), 5000);
  } finally {
    await session.close();
  }
});
