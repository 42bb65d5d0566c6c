// Backups, end to end: the real mamos-desktop binary under Xvfb, driven
// through tauri-driver and WebKitWebDriver. The app takes today's copy of the
// database once its window shows. A backup taken with the CLI is restored
// from *Restore a backup…* (path typed: the native open dialog cannot be
// driven through WebDriver) after the data changed: a file that is not a
// database is refused with its name and changes nothing; the backup brings
// the window back to the state it holds, and the replaced data is kept.
// Then the database file is overwritten: the window, which cannot open it,
// offers the restore on its damaged-database screen, moves the damaged file
// to backups/ as it is, and starts on the backup's data.
// Run by `make test-e2e` (which starts dbus and Xvfb); needs `make build` first.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { app, startApp } from "./app.mjs";
import { Session, waitFor } from "./webdriver.mjs";

const TEAM = "Équipe <img src=x onerror=alert(1)>";
const LATER = "Added after the backup";

let fixture;
let files;

/** The components as the CLI lists them, by name with their progress as the sidebar shows it. */
function listed() {
  return fixture.cliJson("component", "list").map((c) => `${c.name} ${c.answered}/${c.total} answered`);
}

function localDate() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

before(async () => {
  // Its own database and driver port, so it never meets the other files.
  fixture = await startApp({ port: 4520, name: "backups" });
  const dir = dirname(fixture.db);
  files = { backup: join(dir, "friday.db"), notes: join(dir, "notes.db") };
  fixture.cli("component", "add", TEAM);
  fixture.cli("answer", TEAM, "methods.trunk-based", "3");
  fixture.cli("backup", "--out", files.backup);
  // Work goes on after the backup.
  fixture.cli("answer", TEAM, "methods.deploy-daily", "1");
  fixture.cli("component", "add", LATER);
  writeFileSync(files.notes, "not a database\n".repeat(100));
});

after(async () => {
  await fixture?.stop();
});

function screenshot(name) {
  fixture.screenshot(`40-backups-${name}`);
}

async function sidebar(session) {
  const out = [];
  for (const item of await session.findAll('[data-testid="component-item"]')) {
    const name = await session.text(await session.findAllIn(item, ".name").then((all) => all[0]));
    const progress = await session.text((await session.findAllIn(item, '[data-testid="component-progress"]'))[0]);
    out.push(`${name} ${progress}`);
  }
  return out.sort();
}

test("a coach restores a backup from the window; a bad file changes nothing", async () => {
  const session = await Session.create(fixture.driver.base, app);
  const changed = listed().sort();
  assert.equal(changed.length, 2);
  try {
    await waitFor("both components in the sidebar", async () =>
      JSON.stringify(await sidebar(session)) === JSON.stringify(changed));

    // Today's copy is taken in the background once the window shows.
    const daily = join(dirname(fixture.db), "backups", `mamos-${localDate()}.db`);
    await waitFor(`today's copy ${daily}`, async () => existsSync(daily), 30000);

    await session.click(await session.find('[data-testid="restore-open"]'));
    const warning = await session.text(await session.waitFor('[data-testid="restore-warning"]'));
    assert.match(warning, /will be replaced/);
    assert.match(warning, /copy of the current data is kept/);
    const input = await session.find('[data-testid="restore-path-input"]');

    // Not a database: refused with its name and the reason, nothing changed, the path stays.
    await session.type(input, files.notes);
    await session.click(await session.find('[data-testid="restore-submit"]'));
    const banner = await session.waitFor('[data-testid="restore-panel"] [data-testid="error-banner"]');
    assert.equal(await session.attribute(banner, "data-code"), "invalid_input");
    const message = await session.text(await session.findAllIn(banner, '[data-testid="error-message"]').then((m) => m[0]));
    assert.ok(message.includes(files.notes) && message.includes("not a SQLite database"), message);
    assert.deepEqual(listed().sort(), changed);
    assert.deepEqual(await sidebar(session), changed);
    assert.equal(await session.execute('return document.querySelector(\'[data-testid="restore-path-input"]\').value;'), files.notes);
    screenshot("01-refused");

    await session.clear(input);
    await session.type(input, files.backup);
    await session.click(await session.find('[data-testid="restore-submit"]'));
    const result = await session.waitFor('[data-testid="restore-result"]', 60000);
    assert.equal((await session.findAll('[data-testid="restore-panel"] [data-testid="error-banner"]')).length, 0);
    const safety = await session.attribute(result, "data-safety-backup");
    assert.ok(existsSync(safety), `the replaced data is kept in ${safety}`);
    assert.ok((await session.text(result)).includes(safety));

    // The window shows the backup's state, as the CLI reads it from the database.
    const restored = listed().sort();
    assert.equal(restored.length, 1);
    assert.ok(restored[0].startsWith(`${TEAM} 1/`), restored[0]);
    await waitFor("the restored components in the sidebar", async () =>
      JSON.stringify(await sidebar(session)) === JSON.stringify(restored));
    assert.equal(await session.text(await session.waitFor('[data-testid="component-name"]')), TEAM);
    screenshot("02-restored");
  } finally {
    await session.close();
  }
});

test("a damaged database is restored from the screen that says it cannot be opened", async () => {
  // The app of the first test has ended; its database now holds the backup's data.
  const expected = listed().sort();
  const damaged = "this file was overwritten by another program\n".repeat(400);
  for (const journal of ["-wal", "-shm"]) rmSync(`${fixture.db}${journal}`, { force: true });
  writeFileSync(fixture.db, damaged);
  const session = await Session.create(fixture.driver.base, app);
  try {
    const screen = await session.waitFor('[data-testid="startup-error"]');
    assert.equal(await session.attribute(screen, "data-code"), "corrupt_data");
    // Only a restore can help: what needs the database is not offered.
    for (const needsData of ["new-component-form", "import-open", "open-org"]) {
      assert.equal((await session.findAll(`[data-testid="${needsData}"]`)).length, 0, needsData);
    }
    await session.click(await session.find('[data-testid="startup-restore-open"]'));
    const warning = await session.text(await session.waitFor('[data-testid="restore-warning"]'));
    assert.match(warning, /damaged database will be replaced/);
    await session.type(await session.find('[data-testid="restore-path-input"]'), files.backup);
    screenshot("03-damaged");
    await session.click(await session.find('[data-testid="restore-submit"]'));

    const notice = await session.waitFor('[data-testid="recovered-notice"]', 60000);
    const kept = await session.attribute(notice, "data-safety-backup");
    assert.equal(dirname(kept), join(dirname(fixture.db), "backups"));
    assert.equal(readFileSync(kept, "utf8"), damaged, "the damaged file is kept as it was");
    assert.ok((await session.text(notice)).includes(kept));
    assert.equal((await session.findAll('[data-testid="startup-error"]')).length, 0);
    await session.waitFor('[data-testid="new-component-form"]');

    // The window works on the backup's data, as the CLI reads it from the database.
    assert.deepEqual(listed().sort(), expected);
    await waitFor("the backup's components in the sidebar", async () =>
      JSON.stringify(await sidebar(session)) === JSON.stringify(expected));
    assert.equal(await session.text(await session.waitFor('[data-testid="component-name"]')), TEAM);
    screenshot("04-recovered");
  } finally {
    await session.close();
  }
});
