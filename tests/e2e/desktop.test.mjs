// Desktop end to end: the real mamos-desktop binary under Xvfb, driven through
// tauri-driver and WebKitWebDriver as a coach would use it with the keyboard.
// Run by `make test-e2e` (which starts dbus and Xvfb); needs `make build` first.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";

import { execFileSync } from "node:child_process";
import { dirname } from "node:path";

import { app, asAttribute, cli, startApp } from "./app.mjs";
import { KEY, Session, waitFor } from "./webdriver.mjs";

const COMPONENT = "Checkout <script>alert(1)</script> Équipe Łódź";
const NOTE = "Pipeline takes 40 min; measured on 2026-11-20";
const NA_REASON = "No database in this component";

let fixture;
let driver;

before(async () => {
  fixture = await startApp({ port: 4444, name: "desktop" });
  driver = fixture.driver;
});

after(async () => {
  await fixture?.stop();
});

function screenshot(name) {
  fixture.screenshot(name);
}

function cliScore() {
  return fixture.cliJson("score", COMPONENT);
}

async function progress(session) {
  return session.text(await session.find('[data-testid="progress"]'));
}

/** The scores as the window shows them: the data attributes behind the visible numbers. */
async function screenScores(session) {
  const pillars = [];
  for (const cell of await session.findAll('[data-testid="pillar-score"]')) {
    pillars.push({
      id: await session.attribute(cell, "data-pillar"),
      score: await session.attribute(cell, "data-score"),
      level: await session.attribute(cell, "data-level"),
    });
  }
  const attribute = async (testid, name) =>
    session.attribute(await session.find(`[data-testid="${testid}"]`), name);
  return {
    overallScore: await attribute("overall-score", "data-score"),
    overallLevel: await attribute("overall-level", "data-level"),
    limiting: await attribute("limiting-pillar", "data-pillar"),
    pillars,
  };
}

function assertScoresMatchCli(screen, score) {
  assert.equal(screen.overallScore, asAttribute(score.overall.score), "overall score");
  assert.equal(screen.overallLevel, asAttribute(score.overall.level), "overall level");
  assert.equal(screen.limiting, asAttribute(score.limiting_pillar), "limiting pillar");
  assert.deepEqual(
    screen.pillars,
    score.pillars.map((p) => ({ id: p.id, score: asAttribute(p.score), level: asAttribute(p.level) })),
  );
}

test("a coach creates a component, answers every practice from the keyboard, and finds it all after a restart", async () => {
  let session = await Session.create(driver.base, app);
  try {
    await session.waitFor('[data-testid="new-component-form"]');
    screenshot("01-empty");

    // About Mamos: the versions `mamos --version` prints, and this database's path.
    const [appLine, bankLine] = execFileSync(cli, ["--version"], { encoding: "utf8" }).trim().split("\n");
    await session.click(await session.find('[data-testid="about-open"]'));
    await session.waitFor('[data-testid="about-panel"]');
    const shown = async (testid) => session.text(await session.find(`[data-testid="${testid}"]`));
    assert.equal(`mamos ${await shown("about-version")}`, appLine);
    assert.equal(`built-in bank ${await shown("about-bank-version")}`, bankLine);
    assert.equal(await shown("about-db-path"), fixture.db);
    assert.equal(await shown("about-data-folder"), dirname(fixture.db));
    screenshot("01-about");
    await session.click(await session.find('[data-testid="about-close"]'));
    await waitFor("About to close", async () => (await session.findAll('[data-testid="about-panel"]')).length === 0);

    // Create the component with blueprint III.
    await session.type(await session.find('[data-testid="new-component-name"]'), COMPONENT);
    await session.click(await session.find('[data-testid="new-component-blueprint"] option[value="III"]'));
    await session.click(await session.find('[data-testid="new-component-submit"]'));
    await waitFor("the new component on screen", async () =>
      (await session.text(await session.find('[data-testid="component-name"]'))) === COMPONENT);

    const rows = await session.findAll('[data-testid="practice-row"]');
    const practiceIds = [];
    for (const row of rows) practiceIds.push(await session.attribute(row, "data-practice-id"));
    assert.ok(practiceIds.length >= 10, `the bank shows its practices (${practiceIds.length})`);
    assert.equal(await progress(session), `0/${practiceIds.length} answered`);

    // From here on, the keyboard alone. Focus the first practice.
    await session.click(rows[0]);

    // First practice: not applicable, with a reason.
    await session.press("n");
    const reason = await session.waitFor('[data-testid="na-reason"]');
    await session.type(reason, NA_REASON);
    await session.press(KEY.Enter);
    await waitFor("the N/A answer to count", async () => (await progress(session)).startsWith("1/"));

    // The N/A moved the selection on, as a level does.
    const selected = await session.find('[data-testid="practice-row"][aria-current="true"]');
    assert.equal(await session.attribute(selected, "data-practice-id"), practiceIds[1]);

    // The others: levels 0–4 in turn; each digit answers and moves to the next.
    for (let i = 1; i < practiceIds.length; i++) {
      await session.press(String(i % 5));
      await waitFor(`answer ${i + 1} to count`, async () => (await progress(session)).startsWith(`${i + 1}/`));
    }
    assert.equal(await progress(session), `${practiceIds.length}/${practiceIds.length} answered`);

    // A note on the last practice: back up one, E to edit, Enter to save.
    await session.press(KEY.ArrowUp);
    await session.press("e");
    const note = await session.waitFor('[data-testid="note"]');
    await session.type(note, NOTE);
    await session.press(KEY.Enter);

    // The window shows exactly what the CLI computes from the same database.
    await waitFor("the note to be stored", async () => {
      const text = fixture.cli("component", "list", "--json");
      return JSON.parse(text)[0].answered === practiceIds.length;
    });
    const score = cliScore();
    assert.equal(score.pillars[0].not_applicable, 1);
    assertScoresMatchCli(await screenScores(session), score);
    screenshot("02-answered");
  } finally {
    await session.close();
  }

  // Restart the app on the same database: everything is still there.
  session = await Session.create(driver.base, app);
  try {
    const item = await session.waitFor('[data-testid="component-item"]');
    assert.ok((await session.text(item)).includes(COMPONENT), "the name is shown as text, not HTML");
    await session.click(item);
    await waitFor("the component to load", async () =>
      (await session.findAll('[data-testid="pillar-score"]')).length === 5);
    const total = (await session.findAll('[data-testid="practice-row"]')).length;
    assert.equal(await progress(session), `${total}/${total} answered`);
    assertScoresMatchCli(await screenScores(session), cliScore());

    // The N/A reason and the note survived.
    await session.click((await session.findAll('[data-testid="practice-row"]'))[0]);
    const na = await session.waitFor('[data-testid="na-current"]');
    assert.ok((await session.text(na)).includes(NA_REASON));
    const rows = await session.findAll('[data-testid="practice-row"]');
    await session.click(rows[rows.length - 2]);
    await waitFor("the note to reappear", async () =>
      (await session.attribute(await session.find('[data-testid="note"]'), "value")) === NOTE ||
      (await session.execute('return document.querySelector(\'[data-testid="note"]\').value;')) === NOTE);
    // The bank's guidance is on screen: why the practice matters, and the next step from the answered level.
    assert.equal((await session.findAll('[data-testid="practice-why"]')).length, 1);
    const answered = await session.attribute(rows[rows.length - 2], "data-answer");
    assert.equal((await session.findAll('[data-testid="next-step"]')).length, answered === "4" ? 0 : 1);
    screenshot("03-after-restart");
  } finally {
    await session.close();
  }
});
