// Moving work between laptops, end to end: the real mamos-desktop binary
// under Xvfb, driven through tauri-driver and WebKitWebDriver. Anna (the
// app's database) and Ben (a second database, through the CLI) each go on
// with the same workshop after sharing it, differently. Anna imports Ben's
// bundle from the Import panel (path typed: the native open dialog cannot be
// driven through WebDriver): a malformed file is refused with its name and
// changes nothing; Ben's bundle shows what it added and the conflict in full,
// and `mamos workshop list` on Anna's database holds Ben's version beside
// hers. Then the component's bundle and the CSV tables are exported from the
// Export menu and read back.
// Run by `make test-e2e` (which starts dbus and Xvfb); needs `make build` first.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { app, cli, startApp } from "./app.mjs";
import { Session, waitFor } from "./webdriver.mjs";

const TEAM = "Équipe Łódź 🛒 <script>";
const BENS_TEAM = "Support <b>Ørsted</b>";
const PRACTICE = "methods.trunk-based";

let fixture;
let files;

/** The CLI on Ben's database. */
function ben(...args) {
  return execFileSync(cli, ["--db", files.benDb, ...args], { encoding: "utf8" });
}

function workshops(run) {
  return JSON.parse(run("workshop", "list", TEAM, "--json"));
}

before(async () => {
  // Its own database and driver port, so it never meets the other files.
  fixture = await startApp({ port: 4500, name: "exchange" });
  const dir = dirname(fixture.db);
  files = {
    benDb: join(dir, "ben.db"),
    first: join(dir, "first.mamos.json"),
    fromBen: join(dir, "ben.mamos.json"),
    bad: join(dir, "bad.mamos.json"),
    exported: join(dir, "exported"),
    csv: join(dir, "tables"),
  };
  // Anna's first workshop, shared with Ben.
  fixture.cli("component", "add", TEAM);
  const annas = fixture.cli("workshop", "start", TEAM, "--date", "2025-01-10", "--participants", "Ana,Ben").trim();
  fixture.cli("vote", annas, "Ana", PRACTICE, "2");
  fixture.cli("vote", annas, "Ben", PRACTICE, "2");
  fixture.cli("export", "--out", files.first);
  ben("import", files.first);
  // Both go on with the same workshop, differently; Ben also adds a component Anna never saw.
  fixture.cli("vote", annas, "Ana", PRACTICE, "3");
  const bens = String(workshops(ben)[0].id);
  ben("vote", bens, "Ana", PRACTICE, "0");
  ben("component", "add", BENS_TEAM);
  ben("export", "--out", files.fromBen);
  writeFileSync(files.bad, '{ "format": "mamos-bundle", ');
});

after(async () => {
  await fixture?.stop();
});

function screenshot(name) {
  fixture.screenshot(`30-exchange-${name}`);
}

async function choose(session, selectCss, value) {
  await session.click(await session.waitFor(`${selectCss} option[value="${value}"]`));
  await waitFor(`${selectCss} to show ${value}`, async () =>
    (await session.execute(`return document.querySelector(arguments[0]).value;`, [selectCss])) === value);
}

async function texts(session, css) {
  const out = [];
  for (const element of await session.findAll(css)) out.push(await session.text(element));
  return out;
}

test("a coach imports another coach's bundle and sees the conflict, then exports a bundle and the CSV tables", async () => {
  const session = await Session.create(fixture.driver.base, app);
  const original = workshops(fixture.cli)[0];
  try {
    await session.waitFor('[data-testid="component-item"]');
    await session.click(await session.find('[data-testid="import-open"]'));
    const input = await session.waitFor('[data-testid="import-path-input"]');

    // A cut-off file: refused with its name, nothing imported, the path stays to be corrected.
    await session.type(input, files.bad);
    await session.click(await session.find('[data-testid="import-submit"]'));
    const banner = await session.waitFor('[data-testid="import-panel"] [data-testid="error-banner"]');
    const message = await session.text(banner);
    assert.ok(message.includes(files.bad) && message.includes("malformed JSON"), message);
    assert.equal(workshops(fixture.cli).length, 1);
    assert.equal((await session.findAll('[data-testid="component-item"]')).length, 1);
    screenshot("01-import-error");

    await session.clear(input);
    await session.type(input, files.fromBen);
    await session.click(await session.find('[data-testid="import-submit"]'));
    const result = await session.waitFor('[data-testid="import-result"]', 60000);
    assert.equal(await session.attribute(result, "data-conflicts"), "1");
    // The banner of the failed try is gone once an import succeeded.
    assert.equal((await session.findAll('[data-testid="import-panel"] [data-testid="error-banner"]')).length, 0);
    const counts = await texts(session, '[data-testid="import-counts"] li');
    // Ben's version of the workshop, and the first assessment of his component.
    assert.deepEqual(counts.slice(0, 2), ["1 new component", "2 workshops"]);
    assert.match(await session.text(await session.find('[data-testid="import-headline"]')), /1 conflict/);
    const conflicts = await texts(session, '[data-testid="import-conflict"]');
    assert.equal(conflicts.length, 1, conflicts.join("\n"));
    const [conflict] = conflicts;
    assert.ok(
      conflict.includes(TEAM) && conflict.includes("2025-01-10") && conflict.includes("both kept"),
      conflict,
    );

    // The sidebar lists Ben's component without a restart.
    await waitFor("the imported component in the sidebar", async () =>
      (await texts(session, '[data-testid="component-item"]')).some((t) => t.includes(BENS_TEAM)));
    screenshot("02-import-conflict");

    // Anna's workshop is untouched; Ben's version sits beside it.
    const listed = workshops(fixture.cli);
    assert.equal(listed.length, 2);
    assert.equal(listed[0].id, original.id);
    assert.equal(listed[1].conflict_of, original.id);
    assert.ok(conflict.includes(`workshop ${listed[1].id} as imported`), conflict);

    // The component's bundle, through the Export menu; the save dialog's missing extension is added.
    await session.click(await session.find('[data-testid="import-close"]'));
    await session.click(await session.waitFor('[data-testid="export-open"]'));
    await session.waitFor('[data-testid="export-menu"]');
    await choose(session, '[data-testid="export-kind"]', "bundle");
    await choose(session, '[data-testid="export-scope"]', "component");
    const path = await session.find('[data-testid="export-path-input"]');
    await session.type(path, files.exported);
    await session.click(await session.find('[data-testid="export-submit"]'));
    const written = `${files.exported}.mamos.json`;
    const exported = await session.waitFor(`[data-testid="export-result"][data-path="${written}"]`, 60000);
    assert.match(await session.text(exported), /1 component, 1 question-bank version/);
    screenshot("03-export-bundle");

    // The CSV tables of the whole database, into a folder that does not exist yet.
    await choose(session, '[data-testid="export-kind"]', "csv");
    assert.equal(await session.execute('return document.querySelector(\'[data-testid="export-path-input"]\').value;'), "");
    await session.type(await session.find('[data-testid="export-path-input"]'), files.csv);
    await session.click(await session.find('[data-testid="export-submit"]'));
    const tables = await session.waitFor(`[data-testid="export-result"][data-path="${files.csv}"]`, 60000);
    assert.match(await session.text(tables), /Saved 6 tables/);
    screenshot("04-export-csv");
  } finally {
    await session.close();
  }

  // The bundle holds the component with both versions of its workshop, and merges like the CLI's.
  const bundle = JSON.parse(readFileSync(`${files.exported}.mamos.json`, "utf8"));
  assert.equal(bundle.format, "mamos-bundle");
  assert.deepEqual(bundle.components.map((c) => c.name), [TEAM]);
  assert.equal(bundle.components[0].workshops.length, 2);
  const cliBundle = join(dirname(fixture.db), "cli.mamos.json");
  fixture.cli("export", "--out", cliBundle, "--component", TEAM);
  assert.equal(readFileSync(`${files.exported}.mamos.json`, "utf8"), readFileSync(cliBundle, "utf8"));

  const votes = readFileSync(join(files.csv, "votes.csv"), "utf8");
  assert.ok(votes.includes("Łódź 🛒 <script>"), votes);
  for (const name of ["answers.csv", "pillar_scores.csv", "plan_actions.csv", "plan_key_results.csv", "checkins.csv"]) {
    assert.ok(existsSync(join(files.csv, name)), `${name} was written`);
  }
});
