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
/** The built-in bank's practice ids, in bank order. */
let practiceIds;

before(async () => {
  // Its own database and driver port, so it never meets the other files.
  fixture = await startApp({ port: 4560, name: "live-window" });
  fixture.cli("component", "add", COMPONENT);
  workshopId = fixture.cli("workshop", "start", COMPONENT, "--participants", "Ana,Ben,Chloé").trim();
  practiceIds = [...fixture.cli("bank", "show").matchAll(/^([a-z]+\.[a-z0-9-]+)  /gm)].map((m) => m[1]);
  assert.ok(practiceIds.length >= 10, "practice ids read from `mamos bank show`");
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

async function chosenAddress(session) {
  return session.execute("return document.querySelector('[data-testid=\"live-interface\"]').value");
}

/** Picks loopback in the panel's network choice (its first option is the default route's) and starts. */
async function startRehearsal(session) {
  await waitFor("the network choices", async () => (await session.findAll('[data-testid="live-interface"] option')).length > 0);
  const first = await session.attribute((await session.findAll('[data-testid="live-interface"] option'))[0], "data-address");
  assert.equal(await chosenAddress(session), first, "the first listed interface is the default choice");
  await session.click(await session.find('[data-testid="live-interface"] option[data-loopback="true"]'));
  await waitFor("loopback chosen", async () => (await chosenAddress(session)) === "127.0.0.1");
  await session.click(await session.find('[data-testid="live-start"]'));
}

async function join(url, name, cookie) {
  return fetch(`${url}api/join`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ name }),
  });
}

async function vote(url, cookie, practice, level) {
  return fetch(`${url}api/vote`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ practice, level }),
  });
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

    // L opens the panel; the default-route interface is chosen first, loopback (a rehearsal) is picked.
    await session.press("l");
    await startRehearsal(session);
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
    assert.equal(await chosenAddress(session), "127.0.0.1", "the rehearsal choice stays");
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

/** The projector's cards after the reveal: participant → value, from their data attributes. */
async function cards(session) {
  const found = {};
  for (const card of await session.findAll('[data-testid="projector-card"]')) {
    found[await session.attribute(card, "data-participant")] = await session.attribute(card, "data-value");
  }
  return found;
}

async function projectorAttr(session, testId, name) {
  const found = await session.findAll(`[data-testid="${testId}"]`);
  return found.length === 1 ? session.attribute(found[0], name) : null;
}

test("the window follows the CLI's focus, the projector shows the room, the coach frees a name", async () => {
  const session = await Session.create(fixture.driver.base, app);
  try {
    await session.click(await session.waitFor('[data-testid="component-item"]'));
    await session.click(await session.waitFor('[data-testid="open-workshop"]'));
    await session.waitFor('[data-testid="workshop-screen"]');
    const start = await practiceOnScreen(session);
    // The first test switched automatic reveal on and set a timebox; here the coach reveals with R, untimed.
    fixture.cli("workshop", "pace", workshopId, "--auto-reveal", "off", "--timebox", "off");

    // `mamos workshop focus` moves the open window within about a second, live voting on or off.
    const target = practiceIds[4];
    assert.notEqual(start, target);
    fixture.cli("workshop", "focus", workshopId, target);
    await waitFor("the window on the CLI's practice", async () => (await practiceOnScreen(session)) === target, 3000);
    // (The heading is upper-cased by CSS, as WebDriver's text reports it.)
    assert.match(await session.text(await session.find('[data-testid="workshop-position"]')), /^practice 5 of 52$/i);

    await session.press("l");
    await startRehearsal(session);
    const url = await waitFor("the participants' URL", async () =>
      session.attribute(await session.find('[data-testid="live-url"]'), "data-url"));

    // The window's own move is stored and is not pulled back by the polling.
    await session.press(ARROW_RIGHT);
    const practice = practiceIds[5];
    await waitFor("the window on the next practice", async () => (await practiceOnScreen(session)) === practice);
    await waitFor("the phones on it", async () => (await roomState(url)).practice?.id === practice, 5000);
    assert.equal(await practiceOnScreen(session), practice, "the window stays where the coach moved it");

    // P opens the projector view on the same practice, in the room's large type (in the
    // window's language: WebKit keeps localStorage between runs, so an earlier choice is forgotten first).
    await session.execute("localStorage.removeItem('mamos.projector.lang')");
    await session.press("p");
    await session.waitFor('[data-testid="projector"]');
    const state = await roomState(url);
    assert.equal(await session.text(await session.find('[data-testid="projector-title"]')), state.practice.title.en);
    assert.equal(await session.text(await session.find('[data-testid="projector-question"]')), state.practice.question.en);
    assert.equal(await projectorAttr(session, "projector-position", "data-position"), "6");
    const sizes = await session.execute(`
      const px = (id) => parseFloat(getComputedStyle(document.querySelector('[data-testid="' + id + '"]')).fontSize);
      return [px('projector-title'), px('projector-question'), window.innerWidth, window.innerHeight];`);
    assert.ok(sizes[0] >= 40 && sizes[1] >= 28, `title ${sizes[0]} px, question ${sizes[1]} px`);
    assert.equal((await session.findAll('[data-testid="projector-countdown"]')).length, 0, "no countdown without a timebox");

    // Ana and Ben vote from their phones, Chloé on the keyboard (Tab twice selects her): the count follows.
    const ana = await join(url, "Ana");
    const anaCookie = ana.headers.get("set-cookie").split(";")[0];
    const ben = await join(url, "Ben");
    const benCookie = ben.headers.get("set-cookie").split(";")[0];
    assert.equal((await vote(url, anaCookie, practice, 1)).status, 200);
    assert.equal((await vote(url, benCookie, practice, 3)).status, 200);
    await waitFor("two phones joined on the projector", async () =>
      (await session.findAll('[data-testid="projector-person"][data-joined="true"]')).length === 2, 5000);
    await waitFor("2 of 3 voted", async () => (await projectorAttr(session, "projector-count", "data-voted")) === "2", 5000);
    await session.press("\uE004", "\uE004");
    await waitFor("Chloé selected", async () =>
      (await session.attribute(await session.find('[data-testid="participant"][data-name="Chloé"]'), "data-selected")) === "true");
    await session.press("4");
    await waitFor("3 of 3 voted", async () => (await projectorAttr(session, "projector-count", "data-voted")) === "3", 5000);
    assert.equal(await session.text(await session.find('[data-testid="projector-count"]')), "3 of 3 voted");
    assert.equal((await session.findAll('[data-testid="projector-card"]')).length, 0, "no card before the reveal");
    fixture.screenshot("62-projector-before-reveal-en");

    // R reveals under the projector: the votes as cards, the spread and the flag.
    await session.press("r");
    await waitFor("the cards", async () => (await session.findAll('[data-testid="projector-card"]')).length === 3);
    assert.deepEqual(await cards(session), { Ana: "1", Ben: "3", Chloé: "4" });
    assert.equal(await session.text(await session.find('[data-testid="projector-spread"]')), "Spread: 1–4");
    assert.equal(await projectorAttr(session, "projector-disagreement", "data-kind"), "spread");
    const disagreements = JSON.parse(fixture.cli("disagreements", workshopId, "--json"));
    assert.ok(JSON.stringify(disagreements).includes(practice), "the CLI flags the same practice");
    fixture.screenshot("63-projector-revealed-en");

    // A waits for a digit, and the room sees it; 3 sets the agreed level, the projector shows it.
    await session.press("a");
    await waitFor("the agree mode on the projector", async () =>
      (await session.findAll('[data-testid="projector-agreeing"]')).length === 1);
    assert.equal(await session.text(await session.find('[data-testid="projector-agreeing"]')), "Agreeing: press 0–4 or N");
    await session.press("3");
    await waitFor("the agreed level", async () => (await projectorAttr(session, "projector-agreed", "data-value")) === "3");
    assert.equal((await session.findAll('[data-testid="projector-agreeing"]')).length, 0, "the agree mode ended");

    // French for the room: bank texts and labels; remembered when the view opens again.
    await session.click(await session.find('[data-testid="projector-lang"][data-lang="fr"]'));
    await waitFor("French on the projector", async () => (await projectorAttr(session, "projector", "data-lang")) === "fr");
    assert.equal(await session.text(await session.find('[data-testid="projector-title"]')), state.practice.title.fr);
    assert.equal(await session.text(await session.find('[data-testid="projector-spread"]')), "Écart : 1–4");
    fixture.screenshot("64-projector-revealed-fr");
    await session.press(ARROW_RIGHT);
    const third = practiceIds[6];
    await waitFor("the next practice on the projector", async () =>
      (await projectorAttr(session, "projector-position", "data-position")) === "7");
    await waitFor("the phones follow", async () => (await roomState(url)).practice?.id === third, 5000);
    assert.equal(await session.text(await session.find('[data-testid="projector-count"]')), "0 sur 3 ont voté");
    fixture.screenshot("65-projector-before-reveal-fr");

    // A 2-minute timebox and a 90-minute workshop set from the CLI: the projector counts down in large type
    // (read through the window's room, live voting on or off) with the agenda, in both languages.
    fixture.cli("workshop", "pace", workshopId, "--timebox", "2m", "--length", "90m");
    const left = await waitFor("the countdown on the projector", async () => {
      const shown = await projectorAttr(session, "projector-countdown", "data-left");
      return shown !== null && Number(shown);
    }, 5000);
    assert.ok(left > 100 && left <= 120, `${left} s left of 2 min`);
    assert.equal(await projectorAttr(session, "projector-countdown", "data-over"), "false");
    const clockPx = await session.execute(
      "return parseFloat(getComputedStyle(document.querySelector('[data-testid=\"projector-countdown\"] .clock')).fontSize)");
    assert.ok(clockPx >= 48, `the countdown in ${clockPx} px`);
    assert.match(await session.text(await session.find('[data-testid="projector-position"]')),
      /^Pratique 7 sur 52 · \d+ faites? · reste \d+ min$/);
    const done = Number(await projectorAttr(session, "projector-position", "data-done"));
    fixture.screenshot("68-projector-timebox-fr");
    await session.click(await session.find('[data-testid="projector-lang"][data-lang="en"]'));
    await waitFor("English on the projector", async () => (await projectorAttr(session, "projector", "data-lang")) === "en");
    assert.match(await session.text(await session.find('[data-testid="projector-position"]')),
      /^Practice 7 of 52 · \d+ done · \d+ min left$/);
    assert.match(await session.text(await session.find('[data-testid="projector-countdown"]')), /^[12]:\d\d\s+left on this practice$/);
    fixture.screenshot("67-projector-timebox-en");
    await session.click(await session.find('[data-testid="projector-lang"][data-lang="fr"]'));
    await waitFor("French again", async () => (await projectorAttr(session, "projector", "data-lang")) === "fr");
    // N under the view: the reason field shows above it, on top (not hidden under the view); Esc cancels it only.
    await session.press("n");
    await session.waitFor('[data-testid="workshop-na-reason"]');
    assert.equal(
      await session.execute(`
        const input = document.querySelector('[data-testid="workshop-na-reason"]');
        const box = input.getBoundingClientRect();
        return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === input;`),
      true,
      "the N/A reason field is on top of the projector view",
    );
    await session.press("\uE00C");
    await waitFor("the reason field closed", async () =>
      (await session.findAll('[data-testid="workshop-na-reason"]')).length === 0);
    assert.equal((await session.findAll('[data-testid="projector"]')).length, 1, "the view stays");

    // U under the view undoes the agreement on practice 6: the window goes back to it and the projector says so.
    await session.press("u");
    await waitFor("the undo on the projector", async () =>
      (await projectorAttr(session, "projector-undone", "data-kind")) === "agreement");
    assert.equal(await projectorAttr(session, "projector-position", "data-position"), "6");
    assert.equal(await session.text(await session.find('[data-testid="projector-undone"]')),
      "↶ Accord sur la pratique 6 annulé : pas de réponse retenue, comme avant");
    assert.equal(await projectorAttr(session, "projector-agreed", "data-decided"), "false", "back to the median");
    await waitFor("the agenda counts one practice less done", async () =>
      (await projectorAttr(session, "projector-position", "data-done")) === String(done - 1), 3000);
    assert.equal(
      await session.execute(`
        const line = document.querySelector('[data-testid="projector-undone"]');
        const box = line.getBoundingClientRect();
        return line.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));`),
      true,
      "the undo status is in view, not under the window's own status line",
    );
    assert.equal(
      await session.execute(`return document.querySelector('[data-testid="projector-undone"]').closest('[role="status"]') !== null`),
      true,
      "a screen reader hears the undo",
    );
    fixture.screenshot("69-projector-undone-fr");
    // → again: the status is gone with the move, the phones follow.
    await session.press(ARROW_RIGHT);
    await waitFor("the phones back on practice 7", async () => (await roomState(url)).practice?.id === third, 5000);
    assert.equal((await session.findAll('[data-testid="projector-undone"]')).length, 0, "the undo status left with the move");
    // The shortest timebox runs out: the clock turns into "over time" and counts up.
    fixture.cli("workshop", "pace", workshopId, "--timebox", "10s");
    await waitFor("over time on the projector", async () =>
      (await projectorAttr(session, "projector-countdown", "data-over")) === "true", 15000);
    assert.match(await session.text(await session.find('[data-testid="projector-countdown"]')), /^\+0:\d\d\s+temps dépassé$/);
    fixture.screenshot("70-projector-over-time-fr");
    await session.press("\uE00C");
    await waitFor("the projector closed", async () => (await session.findAll('[data-testid="projector"]')).length === 0);
    assert.equal((await session.findAll('[data-testid="workshop-screen"]')).length, 1, "Esc left the projector, not the workshop");
    await session.press("p");
    await waitFor("French remembered", async () => (await projectorAttr(session, "projector", "data-lang")) === "fr");
    await session.press("p");
    await waitFor("P closes it", async () => (await session.findAll('[data-testid="projector"]')).length === 0);

    // Ana's phone is lost: another device cannot take her name until the coach frees it.
    assert.equal((await join(url, "Ana")).status, 409);
    const free = await session.find('[data-testid="live-participant"][data-name="Ana"] [data-testid="live-free"]');
    assert.equal(await session.attribute(free, "aria-label"), "Free the name Ana");
    await session.click(free);
    await session.click(await session.waitFor('[data-testid="live-participant"][data-name="Ana"] [data-testid="live-free-confirm"]'));
    await waitFor("Ana no longer joined", async () => (await marks(session, "Ana"))?.joined === "false", 5000);
    const lost = await vote(url, anaCookie, third, 2);
    assert.equal(lost.status, 401, "the freed device must join again");
    const spare = await join(url, "Ana");
    assert.equal(spare.status, 200, "another device takes the freed name");
    const spareCookie = spare.headers.get("set-cookie").split(";")[0];
    assert.notEqual(spareCookie, anaCookie);
    assert.equal((await vote(url, spareCookie, third, 2)).status, 200);
    await waitFor("Ana joined and voted again", async () => {
      const m = await marks(session, "Ana");
      return m?.joined === "true" && m?.voted === "true";
    }, 5000);
    assert.deepEqual((await roomState(url, spareCookie)).you, { name: "Ana", vote: { level: 2 } });
    fixture.screenshot("66-live-window-freed");

    await session.click(await session.find('[data-testid="live-stop"]'));
    await waitFor("the server stopped", async () => fetch(`${url}api/state`).then(() => false, () => true), 5000);

    // Live voting off, the pace is still the stored one: the projector counts (over time by now), nobody joined.
    await session.press("p");
    await waitFor("the countdown without live voting", async () =>
      (await projectorAttr(session, "projector-countdown", "data-over")) === "true", 5000);
    assert.equal((await session.findAll('[data-testid="projector-person"][data-joined="true"]')).length, 0);
    await session.press("p");
    await waitFor("the projector closed again", async () => (await session.findAll('[data-testid="projector"]')).length === 0);
  } finally {
    await session.close();
  }
});
