// 90-day plan end to end: the real mamos-desktop binary under Xvfb, driven
// through tauri-driver and WebKitWebDriver. A component answered through the
// CLI gets its plan generated on screen; an action is moved a week from the
// keyboard (a move before day 1 is refused, nothing lost), renamed, given to
// a person and kept through a regeneration; a weekly check-in is recorded;
// after a restart the screen still equals `mamos plan X --json`. Closing is
// refused until a re-assessment is held, then shows the grades of
// `mamos plan history`. Last, the coach's workbook is exported through the
// Export menu (path typed in its File field: the native save dialog cannot be
// driven through WebDriver) and read back with pdfinfo and pdftotext.
// Run by `make test-e2e` (which starts dbus and Xvfb); needs `make build` first.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { app, startApp } from "./app.mjs";
import { KEY, Session, waitFor } from "./webdriver.mjs";

const ARROW_LEFT = "\uE012";
const ARROW_RIGHT = "\uE014";

const COMPONENT = "Plan Équipe <b>Łódź</b>";
const NEXT_STEP = "Pair on the flaky <script> test, expect 0 reruns";
const OBSTACLE = "Pipeline queue of 40 min";
const ASSIGNEE = "Zoë <i>Ng</i>";

const bank = JSON.parse(
  readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), "../../assessments/mamos.json"), "utf8"),
);

let fixture;

before(async () => {
  // Its own database and driver port, so it never meets the other files.
  fixture = await startApp({ port: 4480, name: "plan" });
  fixture.cli("component", "add", COMPONENT, "--blueprint", "ii");
  // Level 1 everywhere: every pillar below its blueprint II target, so the plan has three objectives.
  for (const pillar of bank.pillars) {
    for (const practice of pillar.practices) fixture.cli("answer", COMPONENT, practice.id, "1");
  }
});

after(async () => {
  await fixture?.stop();
});

function screenshot(name) {
  fixture.screenshot(`20-plan-${name}`);
}

function cliPlan() {
  return fixture.cliJson("plan", COMPONENT);
}

/** The timeline as the window shows it: one entry per bar, in order. */
async function screenBars(session) {
  const out = [];
  for (const bar of await session.findAll('[data-testid="action-bar"]')) {
    out.push({
      id: await session.attribute(bar, "data-action-id"),
      start: await session.attribute(bar, "data-start"),
      end: await session.attribute(bar, "data-end"),
      status: await session.attribute(bar, "data-status"),
    });
  }
  return out;
}

function cliBars(plan) {
  return plan.actions.map((a) => ({ id: a.id, start: a.start, end: a.end, status: a.status }));
}

async function openPlan(session) {
  const item = await session.waitFor('[data-testid="component-item"]');
  await session.click(item);
  await session.click(await session.waitFor('[data-testid="open-plan"]'));
  await session.waitFor('[data-testid="plan-screen"]');
}

/** Clicks an option of a select and waits until the select shows it. */
async function choose(session, selectCss, value) {
  await session.click(await session.waitFor(`${selectCss} option[value="${value}"]`));
  await waitFor(`${selectCss} to show ${value}`, async () =>
    (await session.execute(`return document.querySelector(arguments[0]).value;`, [selectCss])) === value);
}

test("a coach generates a plan, moves an action, records a check-in and finds it all after a restart", async () => {
  let session = await Session.create(fixture.driver.base, app);
  let moved;
  try {
    await openPlan(session);
    await session.waitFor('[data-testid="plan-generate-form"]');
    // Day 1 defaults to today, three objectives.
    const today = await session.execute('return document.querySelector(\'[data-testid="plan-start"]\').value;');
    assert.match(today, /^\d{4}-\d{2}-\d{2}$/);
    screenshot("01-generate");
    await session.click(await session.find('[data-testid="plan-generate"]'));
    await session.waitFor('[data-testid="action-bar"]');

    let plan = cliPlan();
    assert.equal(plan.start, today, "day 1 is the date the form showed");
    assert.equal(plan.objectives.length, 3);
    assert.deepEqual(await screenBars(session), cliBars(plan));
    assert.equal((await session.findAll('[data-testid="objective"]')).length, 3);
    const krs = plan.objectives.flatMap((o) => o.key_results.map((k) => k.id));
    assert.deepEqual(
      await Promise.all((await session.findAll('[data-testid="key-result"]')).map((e) => session.attribute(e, "data-kr"))),
      krs,
    );
    const milestones = await session.findAll('[data-testid="milestone"]');
    assert.deepEqual(await Promise.all(milestones.map((m) => session.attribute(m, "data-day"))), ["30", "60", "90"]);
    assert.equal((await session.findAll('[data-testid="checkin-marker"]')).length, 13);
    assert.equal(await session.attribute(await session.find('[data-testid="today-marker"]'), "data-day"), "1");

    // An action nothing depends on and that depends on nothing, starting in week 1.
    const free = plan.actions.find(
      (a) => a.start_week === 1 && a.end_week < 12 && a.depends_on.length === 0 &&
        !plan.actions.some((b) => b.depends_on.includes(a.id)),
    );
    assert.ok(free, "the plan has a free week-1 action");
    const bar = await session.find(`[data-testid="action-bar"][data-action-id="${free.id}"]`);
    await session.click(bar);
    await waitFor("the action to be selected", async () =>
      (await session.attribute(await session.find('[data-testid="action-editor"]'), "data-action-id")) === free.id);

    // ← on week 1 would start before day 1: refused, shown, nothing changed.
    await session.press(ARROW_LEFT);
    const banner = await session.waitFor('[data-testid="error-banner"]');
    assert.match(await session.text(banner), /day 1 to day 90/);
    assert.deepEqual(cliBars(cliPlan()), cliBars(plan), "a refused move changes nothing");

    // → moves it a week later, keeping its length; the focus stays on the bar.
    await session.press(ARROW_RIGHT);
    await waitFor("the action to start in week 2", async () => {
      const b = await session.find(`[data-testid="action-bar"][data-action-id="${free.id}"]`);
      return (await session.attribute(b, "data-start")) !== free.start;
    });
    assert.equal((await session.findAll('[data-testid="error-banner"]')).length, 0, "the banner clears");
    plan = cliPlan();
    moved = plan.actions.find((a) => a.id === free.id);
    assert.equal(moved.start_week, 2);
    assert.equal(moved.end_week, free.end_week + 1);
    assert.ok(moved.edited);
    assert.deepEqual(await screenBars(session), cliBars(plan));
    screenshot("02-timeline");

    // Rename it and give it to a person: each stored on Enter.
    await session.type(await session.find('[data-testid="action-title"]'), " (pilot)");
    await session.press(KEY.Enter);
    await waitFor("the new title", async () =>
      (await session.text(await session.find('[data-testid="action-heading"]'))) === `${free.title} (pilot)`);
    await session.type(await session.find('[data-testid="action-assignee"]'), ASSIGNEE);
    await session.press(KEY.Enter);
    await waitFor("the person on the bar", async () =>
      (await session.attribute(await session.find(`[data-testid="action-bar"][data-action-id="${free.id}"]`), "data-owner")) === ASSIGNEE);
    // The editor is in view: the focus is in its person field.
    screenshot("03-editor");
    plan = cliPlan();
    moved = plan.actions.find((a) => a.id === free.id);
    assert.equal(moved.title, `${free.title} (pilot)`);
    assert.equal(moved.assignee, ASSIGNEE);

    // Regenerate: the preview marks the coach's edits; kept, they survive.
    await session.click(await session.find('[data-testid="regenerate-open"]'));
    const preview = await session.waitFor('[data-testid="regenerate-preview"]');
    const lines = [];
    for (const li of await session.findAllIn(preview, '[data-testid="regenerate-line"]')) lines.push(await session.text(li));
    const line = lines.find((l) => l.startsWith(`changed: ${free.id} (`));
    assert.ok(line?.endsWith("(you edited it)"), `the preview marks the edited action: ${lines}`);
    const keep = await session.find(`[data-testid="regenerate-keep"][value="${free.id}"]`);
    assert.equal(await session.execute("return arguments[0].checked;", [{ "element-6066-11e4-a52e-4f735466cecf": keep }]), true);
    await session.click(await session.find('[data-testid="regenerate-apply"]'));
    await waitFor("the preview to close", async () => (await session.findAll('[data-testid="regenerate-preview"]')).length === 0);
    plan = cliPlan();
    assert.deepEqual(plan.actions.find((a) => a.id === free.id), moved, "the kept action is as the coach left it");
    assert.deepEqual(await screenBars(session), cliBars(plan));

    // The weekly check-in of week 1.
    await session.click(await session.find('[data-testid="checkin-open"]'));
    await session.waitFor('[data-testid="checkin-form"]');
    assert.equal(
      await session.execute('return document.querySelector(\'[data-testid="checkin-week"]\').value;'),
      "1",
    );
    await session.click(await session.find(`[data-testid="checkin-kr"][data-kr="${krs[0]}"] [data-testid="rag-amber"]`));
    await session.click(await session.find(`[data-testid="checkin-kr"][data-kr="${krs[1]}"] [data-testid="rag-green"]`));
    await session.type(await session.find('[data-testid="kata-obstacle"]'), OBSTACLE);
    await session.type(await session.find('[data-testid="kata-next"]'), NEXT_STEP);
    await choose(session, `[data-testid="checkin-status"][data-action-id="${free.id}"]`, "doing");
    screenshot("04-checkin");
    await session.click(await session.find('[data-testid="checkin-submit"]'));
    await session.waitFor('[data-testid="recorded-checkin"][data-week="1"]');

    plan = cliPlan();
    const checkin = plan.recorded_checkins.find((c) => c.week === 1);
    assert.deepEqual(checkin.key_results, { [krs[0]]: "amber", [krs[1]]: "green" });
    assert.equal(checkin.obstacle, OBSTACLE);
    assert.equal(checkin.next_step, NEXT_STEP);
    assert.equal(plan.actions.find((a) => a.id === free.id).status, "doing");
    assert.deepEqual(await screenBars(session), cliBars(plan));
  } finally {
    await session.close();
  }

  // Restart on the same database: the plan, the move and the check-in are still there.
  session = await Session.create(fixture.driver.base, app);
  try {
    await openPlan(session);
    await session.waitFor('[data-testid="action-bar"]');
    const plan = cliPlan();
    assert.deepEqual(await screenBars(session), cliBars(plan));
    const bar = await session.find(`[data-testid="action-bar"][data-action-id="${moved.id}"]`);
    assert.equal(await session.attribute(bar, "data-start"), moved.start);
    assert.equal(await session.attribute(bar, "data-status"), "doing");
    await session.waitFor('[data-testid="recorded-checkin"][data-week="1"]');
    const kr = await session.find(`[data-testid="key-result"][data-kr="${plan.objectives[0].key_results[0].id}"]`);
    assert.equal(await session.attribute(kr, "data-rag"), "amber");
    assert.ok((await session.text(await session.find('[data-testid="recorded-checkins"]'))).includes(NEXT_STEP),
      "typed text is shown as text");
    screenshot("05-after-restart");
  } finally {
    await session.close();
  }
});

test("closing the plan waits for the re-assessment, then shows the graded key results", async () => {
  const session = await Session.create(fixture.driver.base, app);
  try {
    await openPlan(session);
    await session.waitFor('[data-testid="action-bar"]');
    await session.click(await session.find('[data-testid="close-plan-open"]'));
    await session.click(await session.waitFor('[data-testid="close-plan-confirm"]'));
    // No re-assessment yet: refused, shown, the plan stays open.
    const banner = await session.waitFor('[data-testid="error-banner"]');
    assert.match(await session.text(banner), /re-assessment/);
    assert.equal(cliPlan().closed_at, null);

    // The re-assessment, held through the CLI: the first key result's practice moved up a level.
    const kr = cliPlan().objectives[0].key_results[0];
    assert.equal(kr.measure.kind, "practice_level");
    fixture.cli("workshop", "start", COMPONENT, "--participants", "Ana, Ben", "--facilitator", "Fatima");
    fixture.cli("answer", COMPONENT, kr.measure.practice_id, String(kr.measure.target));

    await session.click(await session.find('[data-testid="close-plan-confirm"]'));
    await session.waitFor('[data-testid="closed-plan"]');
    const closed = fixture.cliJson("plan", "history", COMPONENT).at(-1);
    assert.ok(closed.closed_at, "the CLI sees it closed");
    const grades = [];
    for (const row of await session.findAll('[data-testid="grade"]')) {
      grades.push({ kr: await session.attribute(row, "data-kr"), grade: await session.attribute(row, "data-grade") });
    }
    assert.deepEqual(grades, closed.grades.map((g) => ({ kr: g.key_result, grade: String(g.grade ?? "null") })));
    assert.equal(grades[0].grade, "1", "the practice reached its key result");
    assert.equal(
      await session.attribute(await session.find('[data-testid="mean-grade"]'), "data-grade"),
      String(closed.mean_grade),
    );
    // The next plan can be generated from here.
    await session.waitFor('[data-testid="plan-generate-form"]');
    screenshot("06-closed");
  } finally {
    await session.close();
  }
});

test("the coach's workbook and the organisation summary are exported through the Export menu in French on Letter paper", async () => {
  const session = await Session.create(fixture.driver.base, app);
  const out = join(dirname(fixture.db), "Plan workbook é.pdf");
  const summaryOut = join(dirname(fixture.db), "Organisation summary.pdf");
  try {
    const item = await session.waitFor('[data-testid="component-item"]');
    await session.click(item);
    await session.click(await session.waitFor('[data-testid="export-open"]'));
    await session.waitFor('[data-testid="export-menu"]');
    await choose(session, '[data-testid="export-kind"]', "workbook");
    await choose(session, '[data-testid="export-lang"]', "fr");
    await choose(session, '[data-testid="export-paper"]', "letter");

    // A folder that does not exist: the write fails, the error is shown and the choices stay.
    const input = await session.find('[data-testid="export-path-input"]');
    await session.type(input, join(dirname(fixture.db), "missing", "x.pdf"));
    await session.click(await session.find('[data-testid="export-submit"]'));
    const banner = await session.waitFor('[data-testid="export-menu"] [data-testid="error-banner"]');
    assert.match(await session.text(banner), /missing/);
    assert.equal(
      await session.execute('return document.querySelector(\'[data-testid="export-kind"]\').value;'),
      "workbook",
    );

    await session.clear(input);
    await session.type(input, out);
    await session.click(await session.find('[data-testid="export-submit"]'));
    const result = await session.waitFor('[data-testid="export-result"]', 60000);
    assert.equal(await session.attribute(result, "data-path"), out);
    screenshot("07-export");

    // The one-page summary for sponsors, about the whole organisation: the
    // core offers the summary and the report for it, not the workbook.
    await choose(session, '[data-testid="export-scope"]', "organisation");
    await choose(session, '[data-testid="export-kind"]', "executive");
    await waitFor("the organisation's documents to be offered", async () =>
      (await session.execute(
        'return [...document.querySelectorAll(\'[data-testid="export-kind"] optgroup:first-child option\')].map((o) => o.value).join(",");',
      )) === "executive,org");
    await session.clear(input);
    await session.type(input, summaryOut);
    await session.click(await session.find('[data-testid="export-submit"]'));
    await waitFor("the organisation summary to be written", async () => {
      const written = await session.find('[data-testid="export-result"]');
      return (await session.attribute(written, "data-path")) === summaryOut;
    }, 60000);
    screenshot("08-export-organisation-summary");
  } finally {
    await session.close();
  }

  const summaryInfo = execFileSync("pdfinfo", [summaryOut], { encoding: "utf8" });
  assert.match(summaryInfo, /Pages:\s+1\n/, "exactly one page");
  const summaryText = execFileSync("pdftotext", ["-layout", summaryOut, "-"], { encoding: "utf8" });
  const cliSummary = join(dirname(fixture.db), "cli-summary.pdf");
  fixture.cli("report", "--org", "--kind", "executive", "--lang", "fr", "--paper", "letter", "--out", cliSummary);
  assert.equal(summaryText, execFileSync("pdftotext", ["-layout", cliSummary, "-"], { encoding: "utf8" }));

  assert.ok(existsSync(out), `${out} was written`);
  const info = execFileSync("pdfinfo", [out], { encoding: "utf8" });
  assert.match(info, /Page size:\s+612 x 792 pts \(letter\)/);
  assert.ok(Number(/Pages:\s+(\d+)/.exec(info)[1]) >= 2, info);
  const text = execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" });
  assert.ok(text.includes("Plan Équipe <b>Łódź</b>"), "the component name, as text");
  // The same document the CLI writes for the same data.
  const cliOut = join(dirname(fixture.db), "cli.pdf");
  fixture.cli("report", "--component", COMPONENT, "--kind", "workbook", "--lang", "fr", "--paper", "letter", "--out", cliOut);
  assert.equal(text, execFileSync("pdftotext", ["-layout", cliOut, "-"], { encoding: "utf8" }));
});
