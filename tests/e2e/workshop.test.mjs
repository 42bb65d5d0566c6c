// Workshop end to end: the real mamos-desktop binary under Xvfb, driven through
// tauri-driver and WebKitWebDriver. A facilitator runs a four-person workshop
// from the keyboard: votes stay hidden until revealed, a spread of votes is
// flagged and resolved, and the scores on screen equal `mamos score --json`.
// DORA metrics are entered on the workshop screen and classified as the CLI
// does, a note and an evidence link are kept, and the organisation heatmap of
// three components in two groups shows the CLI's scores, whole and filtered.
// Run by `make test-e2e` (which starts dbus and Xvfb); needs `make build` first.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";

import { app, asAttribute, startApp } from "./app.mjs";
import { KEY, Session, waitFor } from "./webdriver.mjs";

// W3C WebDriver key code webdriver.mjs does not name.
const ARROW_RIGHT = "\uE014";

const COMPONENT = "Payments Équipe";
const PARTICIPANTS = ["Ana", "Ben", "Chloé", "Dev"];
const FACILITATOR = "Fatima";
// Holds r, m, a, p, n and digits: typed in the reason field, none of them may act as a shortcut.
const NA_REASON = "Ana: no mobile app, primary market 2";
// Typed in the note field: holds d, e, r and digits, none of which may act as a shortcut.
const NOTE = "Deploys need a ticket <b>approved</b> by release 2";
const EVIDENCE = { location: "https://ci.example.org/payments/pipelines?ref=main", label: "CI pipelines" };
const GROUPS = ["Checkout", "Platform"];
const SEARCH = "Search <script>";
const OVERRIDE_REASON = "Regulated payments: every release is audited";
const PLATFORM = "Élan Platform";
// Two Methods practices and one Skills practice of the built-in bank, answered for Élan Platform.
const PLATFORM_ANSWERS = [["methods.business-outcomes", "3"], ["methods.deploy-daily", "1"], ["skills.soft-skills", "4"]];

let fixture;
let driver;

before(async () => {
  // Its own database and driver port, so it never meets desktop.test.mjs.
  fixture = await startApp({ port: 4460, name: "workshop" });
  driver = fixture.driver;
});

after(async () => {
  await fixture?.stop();
});

function screenshot(name) {
  fixture.screenshot(`10-workshop-${name}`);
}

function cliJson(...args) {
  return fixture.cliJson(...args);
}

async function attr(session, css, name) {
  return session.attribute(await session.find(css), name);
}

/** Each participant chip as the room sees it. */
async function room(session) {
  const out = [];
  for (const chip of await session.findAll('[data-testid="participant"]')) {
    out.push({
      name: await session.attribute(chip, "data-name"),
      voted: await session.attribute(chip, "data-voted"),
      selected: await session.attribute(chip, "data-selected"),
      text: await session.text(chip),
    });
  }
  return out;
}

async function selectedName(session) {
  return attr(session, '[data-testid="participant"][data-selected="true"]', "data-name");
}

async function revealedVotes(session) {
  const out = {};
  for (const cell of await session.findAll('[data-testid="vote"]')) {
    out[await session.attribute(cell, "data-participant")] = await session.attribute(cell, "data-value");
  }
  return out;
}

async function agreed(session) {
  const cells = await session.findAll('[data-testid="agreed"]');
  if (cells.length === 0) return null;
  return {
    value: await session.attribute(cells[0], "data-value"),
    decided: await session.attribute(cells[0], "data-decided"),
    text: await session.text(cells[0]),
  };
}

async function practiceId(session) {
  return attr(session, '[data-testid="workshop-screen"]', "data-practice-id");
}

async function waitAllVoted(session, what) {
  await waitFor(`all four votes on ${what} to be stored`, async () =>
    (await room(session)).every((p) => p.voted === "true"));
}

/** The practice's votes are on screen only after R; then they are exactly `expected`. */
async function revealAndCheck(session, expected, what) {
  assert.equal((await session.findAll('[data-testid="vote"]')).length, 0, `${what}: no vote value before R`);
  assert.equal(await agreed(session), null, `${what}: no agreed answer before R`);
  // The scores would give the hidden median away: they wait for R too.
  assert.equal((await session.findAll('[data-testid="scores-hidden"]')).length, 1, `${what}: scores hidden before R`);
  assert.equal((await session.findAll('[data-testid="pillar-score"]')).length, 0, `${what}: no pillar score before R`);
  for (const chip of await room(session)) {
    assert.doesNotMatch(chip.text, /[0-4]|N\/A/, `${what}: ${chip.name}'s chip shows no value before R`);
  }
  await session.press("r");
  await waitFor(`the votes on ${what} to be revealed`, async () =>
    (await session.findAll('[data-testid="vote"]')).length === PARTICIPANTS.length);
  assert.deepEqual(await revealedVotes(session), expected, `${what}: the votes side by side`);
}

/** Picks `value` in the select with `testid` by clicking its option, as a person would. */
async function choose(session, testid, value) {
  await session.click(await session.find(`[data-testid="${testid}"] option[value="${value}"]`));
  await waitFor(`${testid} to show ${value}`, async () =>
    (await session.execute(`return document.querySelector('[data-testid="${testid}"]').value;`)) === value);
}

/** The heatmap as shown: per component name, its five cells' scores and texts. */
async function heatmap(session) {
  const out = {};
  for (const row of await session.findAll('[data-testid="heat-row"]')) {
    const cells = [];
    for (const cell of await session.findAllIn(row, '[data-testid="heat-cell"]')) {
      cells.push({
        pillar: await session.attribute(cell, "data-pillar"),
        score: await session.attribute(cell, "data-score"),
        text: await session.text(cell),
      });
    }
    out[await session.attribute(row, "data-component")] = cells;
  }
  return out;
}

/** The heatmap row the CLI's scores of `name` should give: rounded scores, a dash when not assessed. */
function expectedRow(name) {
  return cliJson("score", name).pillars.map((p) => ({
    pillar: p.id,
    score: asAttribute(p.score),
    text: p.score === null ? "–" : p.score.toFixed(0),
  }));
}

/** The roll-up row shown against `mamos org [--group] --json`. */
async function assertRollupMatchesCli(session, group) {
  const { rollup } = group ? cliJson("org", "--group", group) : cliJson("org");
  const means = [];
  for (const cell of await session.findAll('[data-testid="rollup-cell"]')) {
    means.push([await session.attribute(cell, "data-pillar"), await session.attribute(cell, "data-mean")]);
  }
  assert.deepEqual(means, rollup.pillars.map((p) => [p.id, asAttribute(p.mean)]));
  assert.equal(
    await session.text(await session.find('[data-testid="rollup-assessed"]')),
    `${rollup.assessed} of ${rollup.components}`,
  );
  assert.equal(await attr(session, '[data-testid="rollup-limiting"]', "data-pillar"), asAttribute(rollup.most_common_limiting));
  return rollup;
}

/** The scores the window shows (ScoresPanel's data attributes) against the CLI on the same database. */
async function assertScoresMatchCli(session, component = COMPONENT) {
  const score = cliJson("score", component);
  assert.equal(await attr(session, '[data-testid="overall-score"]', "data-score"), asAttribute(score.overall.score));
  assert.equal(await attr(session, '[data-testid="overall-level"]', "data-level"), asAttribute(score.overall.level));
  assert.equal(await attr(session, '[data-testid="limiting-pillar"]', "data-pillar"), asAttribute(score.limiting_pillar));
  const pillars = [];
  for (const row of await session.findAll('[data-testid="pillar-score"]')) {
    pillars.push({
      id: await session.attribute(row, "data-pillar"),
      score: await session.attribute(row, "data-score"),
      level: await session.attribute(row, "data-level"),
    });
  }
  assert.deepEqual(
    pillars,
    score.pillars.map((p) => ({ id: p.id, score: asAttribute(p.score), level: asAttribute(p.level) })),
  );
  return score;
}

test("a facilitator runs a four-person workshop from the keyboard", async () => {
  const session = await Session.create(driver.base, app);
  try {
    await session.waitFor('[data-testid="new-component-form"]');
    await session.type(await session.find('[data-testid="new-component-name"]'), COMPONENT);
    await session.click(await session.find('[data-testid="new-component-submit"]'));
    await waitFor("the new component on screen", async () =>
      (await session.text(await session.find('[data-testid="component-name"]'))) === COMPONENT);
    // A new component has nobody to vote yet: no workshop to open.
    assert.equal((await session.findAll('[data-testid="open-workshop"]')).length, 0);

    // Start the workshop: participants as typed, then the facilitator; Enter starts.
    await session.click(await session.find('[data-testid="start-workshop"]'));
    await session.type(await session.waitFor('[data-testid="workshop-participants"]'), PARTICIPANTS.join(", "));
    await session.type(await session.find('[data-testid="workshop-facilitator"]'), FACILITATOR);
    await session.press(KEY.Enter);
    await session.waitFor('[data-testid="workshop-screen"]');

    assert.deepEqual((await room(session)).map((p) => p.name), PARTICIPANTS);
    assert.equal(await selectedName(session), "Ana", "the first participant is selected");
    const progress = await session.findAll('[data-testid="pillar-progress"]');
    assert.equal(progress.length, 5);
    const firstPillar = await session.attribute(progress[0], "data-pillar");
    const pillarTotal = Number(await session.attribute(progress[0], "data-total"));
    assert.equal(await session.attribute(progress[0], "data-done"), "0");
    assert.equal((await session.findAll('[data-testid="workshop-level"]')).length, 5, "the five level descriptors");
    const practices = [await practiceId(session)];
    screenshot("start");

    // Practice 1: votes 1, 3, 2, 2 typed in one go; each digit votes and selects the next participant.
    await session.press("1", "3", "2", "2");
    await waitAllVoted(session, "practice 1");
    screenshot("hidden");
    await revealAndCheck(session, { Ana: "1", Ben: "3", "Chloé": "2", Dev: "2" }, "practice 1");
    const flag = await session.waitFor('[data-testid="disagreement"]');
    assert.equal(await session.attribute(flag, "data-kind"), "spread");
    assert.match(await session.text(flag), /votes 1 to 3: discuss/);
    // Until the facilitator decides, the agreed answer is the core's (lower) median, marked as such.
    assert.deepEqual(
      { value: (await agreed(session)).value, decided: (await agreed(session)).decided },
      { value: "2", decided: "false" },
    );
    assert.match((await agreed(session)).text, /median/);
    const items = await session.findAll('[data-testid="disagreement-item"]');
    assert.equal(items.length, 1);
    assert.equal(await session.attribute(items[0], "data-resolved"), "false");
    screenshot("revealed");

    // The room discusses; the facilitator sets 3 with A then 3.
    await session.press("a");
    await session.waitFor('[data-testid="agree-mode"]');
    await session.press("3");
    await waitFor("the agreed answer to be decided", async () => (await agreed(session))?.decided === "true");
    assert.equal((await agreed(session)).value, "3");
    assert.match((await agreed(session)).text, /facilitator/);
    await waitFor("the disagreement to be resolved", async () =>
      (await attr(session, '[data-testid="disagreement-item"]', "data-resolved")) === "true");
    screenshot("agreed");

    // Practice 2: close votes, no flag; M accepts the median.
    await session.press(ARROW_RIGHT);
    await waitFor("practice 2", async () => (await practiceId(session)) !== practices[0]);
    practices.push(await practiceId(session));
    assert.equal(await selectedName(session), "Ana", "a new practice starts with the first participant");
    await session.press("2", "2", "3", "2");
    await waitAllVoted(session, "practice 2");
    await revealAndCheck(session, { Ana: "2", Ben: "2", "Chloé": "3", Dev: "2" }, "practice 2");
    assert.equal((await session.findAll('[data-testid="disagreement"]')).length, 0, "votes 2 to 3 need no discussion");
    await session.press("m");
    await waitFor("the median to be accepted", async () => (await agreed(session))?.decided === "true");
    assert.equal((await agreed(session)).value, "2");

    // Practice 3: Ana votes N/A with a reason (typed keys are not shortcuts), the others give levels.
    await session.press(ARROW_RIGHT);
    await waitFor("practice 3", async () => (await practiceId(session)) !== practices[1]);
    practices.push(await practiceId(session));
    await session.press("n");
    await session.type(await session.waitFor('[data-testid="workshop-na-reason"]'), NA_REASON);
    await session.press(KEY.Enter);
    await waitFor("Ana's N/A vote to be stored", async () =>
      (await attr(session, '[data-testid="participant"][data-name="Ana"]', "data-voted")) === "true");
    assert.equal(await attr(session, '[data-testid="room"]', "data-revealed"), "false", "R typed in the reason did not reveal");
    assert.equal(await selectedName(session), "Ben");
    await session.press("3", "3", "4");
    await waitAllVoted(session, "practice 3");
    await revealAndCheck(session, { Ana: "na", Ben: "3", "Chloé": "3", Dev: "4" }, "practice 3");
    const mixed = await session.waitFor('[data-testid="disagreement"]');
    assert.equal(await session.attribute(mixed, "data-kind"), "mixed_not_applicable");
    assert.match(await session.text(mixed), /N\/A mixed with levels/);
    assert.deepEqual(
      { value: (await agreed(session)).value, decided: (await agreed(session)).decided },
      { value: "3", decided: "false" },
    );
    screenshot("na");

    // Practice 4: Tab skips Ana; the votes wrap round to her last.
    await session.press(ARROW_RIGHT);
    await waitFor("practice 4", async () => (await practiceId(session)) !== practices[2]);
    practices.push(await practiceId(session));
    await session.press(KEY.Tab);
    assert.equal(await selectedName(session), "Ben", "Tab selects the next participant");
    await session.press("4", "4", "4");
    assert.equal(await selectedName(session), "Ana", "after Dev, the selection wraps to Ana who has not voted");
    await session.press("4");
    await waitAllVoted(session, "practice 4");
    await revealAndCheck(session, { Ana: "4", Ben: "4", "Chloé": "4", Dev: "4" }, "practice 4");
    await session.press("m");
    await waitFor("the median of practice 4 to be accepted", async () => (await agreed(session))?.decided === "true");

    // The list of disagreements: practice 1 (resolved) and practice 3 (to discuss).
    const flagged = [];
    for (const item of await session.findAll('[data-testid="disagreement-item"]')) {
      flagged.push([await session.attribute(item, "data-practice-id"), await session.attribute(item, "data-resolved")]);
    }
    assert.deepEqual(flagged, [[practices[0], "true"], [practices[2], "false"]]);

    // The first four practices belong to the first pillar: its progress bar counts them.
    const firstProgress = `[data-testid="pillar-progress"][data-pillar="${firstPillar}"]`;
    await waitFor("the pillar progress", async () => (await attr(session, firstProgress, "data-done")) === "4");
    assert.equal(await attr(session, firstProgress, "data-total"), String(pillarTotal));

    // The scores shown equal the CLI's on the same database, and the core agrees on what to discuss.
    const score = await assertScoresMatchCli(session);
    const methods = score.pillars.find((p) => p.id === firstPillar);
    assert.equal(methods.answered + methods.not_applicable, 4);
    const [workshop] = cliJson("workshop", "list", COMPONENT).slice(-1);
    const cliFlags = cliJson("disagreements", String(workshop.id));
    assert.deepEqual(cliFlags.map((f) => [f.practice_id, String(f.resolved)]), flagged);
    screenshot("scores");

    // D opens the DORA panel: three bands, two percentages and the report year, each stored when chosen.
    await session.press("d");
    await session.waitFor('[data-testid="dora-panel"]');
    assert.equal((await session.findAll('[data-testid="workshop-level"]')).length, 0, "the panel takes the descriptors' place");
    await choose(session, "dora-lead-time", "one_day_to_one_week");
    await choose(session, "dora-deploy-frequency", "daily_to_weekly");
    await choose(session, "dora-recovery", "less_than_one_day");
    await session.type(await session.find('[data-testid="dora-change-fail"]'), "12");
    await session.press(KEY.Tab);
    await session.type(await session.find('[data-testid="dora-rework"]'), "8,5");
    await session.press(KEY.Enter);
    await choose(session, "dora-year", "2021");
    const doraCli = () => cliJson("dora", String(workshop.id));
    await waitFor("every metric and the year to be stored", async () => {
      const d = doraCli();
      return d.year === "2021" && d.metrics.rework_rate === 8.5 && d.metrics.change_fail_rate === 12;
    });
    const dora = doraCli();
    assert.deepEqual(dora.metrics, {
      lead_time: "one_day_to_one_week",
      deploy_frequency: "daily_to_weekly",
      recovery: "less_than_one_day",
      change_fail_rate: 12,
      rework_rate: 8.5,
    });
    const shown = await session.waitFor('[data-testid="dora-classification"][data-year="2021"]');
    assert.equal(await session.attribute(shown, "data-cluster"), asAttribute(dora.classification.overall));
    assert.ok(dora.classification.overall, "the metrics are classified");
    // The classification always names the year whose table it used.
    assert.match(await session.text(shown), new RegExp(`^${dora.classification.overall}\\b.*2021 clusters`, "i"));
    const quick = async (id) => session.text(await session.find(`[data-testid="dora-${id}"]`));
    assert.equal(await quick("throughput"), `${dora.quick_check.throughput.toFixed(1)} / 10`);
    assert.equal(await quick("stability"), `${dora.quick_check.stability.toFixed(1)} / 10`);
    assert.equal(await quick("overall"), `${dora.quick_check.overall.toFixed(1)} / 10`);
    screenshot("dora");
    // Esc (even from a field of the panel) goes back to the practice, not out of the workshop.
    await session.press(KEY.Escape);
    await waitFor("the practice again", async () => (await session.findAll('[data-testid="workshop-level"]')).length === 5);
    assert.equal((await session.findAll('[data-testid="workshop-screen"]')).length, 1);
    // The practice scores are not touched by outcome metrics.
    await assertScoresMatchCli(session);

    // E opens the note and the evidence links of the practice on screen.
    await session.press("e");
    const noteField = await session.waitFor('[data-testid="workshop-note"]');
    await session.type(noteField, NOTE);
    await session.type(await session.find('[data-testid="evidence-location"]'), EVIDENCE.location);
    await session.type(await session.find('[data-testid="evidence-label"]'), EVIDENCE.label);
    await session.press(KEY.Enter);
    await session.waitFor('[data-testid="evidence-item"]');
    const notedPractice = await practiceId(session);
    const links = cliJson("evidence", "list", String(workshop.id));
    assert.deepEqual(
      links.map((l) => [l.practice_id, l.location, l.label]),
      [[notedPractice, EVIDENCE.location, EVIDENCE.label]],
    );
    screenshot("notes");
    await session.press(KEY.Escape);
    // The note (markup and all, as text) and the link count are shown under the practice.
    await waitFor("the note under the practice", async () =>
      (await attr(session, '[data-testid="practice-extras"]', "data-note")) === NOTE);
    assert.equal(await attr(session, '[data-testid="practice-extras"]', "data-evidence"), "1");
    assert.equal((await session.findAll('[data-testid="practice-extras"] b')).length, 0, "no markup rendered");

    // Escape leaves to the component screen, which shows the same scores.
    await session.press(KEY.Escape);
    await waitFor("the component screen", async () =>
      (await session.findAll('[data-testid="component-name"]')).length === 1);
    await waitFor("the component progress", async () =>
      (await session.text(await session.find('[data-testid="progress"]'))).startsWith("4/"));
    await assertScoresMatchCli(session);
    screenshot("component");

    // Reopening resumes at the first practice neither revealed nor decided.
    await session.click(await session.waitFor('[data-testid="open-workshop"]'));
    await session.waitFor('[data-testid="workshop-screen"]');
    const resumed = await practiceId(session);
    assert.ok(!practices.includes(resumed), `resumes after the four practices (${resumed})`);
    assert.ok((await room(session)).every((p) => p.voted === "false"));
    screenshot("resumed");
    await session.press(KEY.Escape);
    await session.waitFor('[data-testid="component-name"]');

    // The organisation: two more components in two groups. Checkout and Search come from the CLI;
    // the Platform group is created on the organisation screen, Élan Platform in it from the sidebar.
    fixture.cli("group", "add", "Checkout");
    fixture.cli("component", "add", SEARCH, "--group", "Checkout");
    await session.click(await session.find('[data-testid="open-org"]'));
    await session.type(await session.waitFor('[data-testid="new-group-name"]'), "Platform");
    await session.click(await session.find('[data-testid="new-group-submit"]'));
    await session.waitFor('[data-testid="group-item"][data-group="Platform"]');
    assert.deepEqual(cliJson("group", "list").map((g) => g.name), GROUPS);
    await session.type(await session.find('[data-testid="new-component-name"]'), PLATFORM);
    await choose(session, "new-component-blueprint", "III");
    await choose(session, "new-component-group", "Platform");
    await session.click(await session.find('[data-testid="new-component-submit"]'));
    await waitFor("Élan Platform created", async () =>
      (await session.findAll('[data-testid="component-name"]')).length === 1 &&
      (await session.text(await session.find('[data-testid="component-name"]'))) === PLATFORM);
    assert.deepEqual(cliJson("group", "list").find((g) => g.name === "Platform").components, [PLATFORM]);
    for (const [practice, level] of PLATFORM_ANSWERS) fixture.cli("answer", PLATFORM, practice, level);

    await session.click(await session.find('[data-testid="open-org"]'));
    await session.waitFor('[data-testid="heatmap"]');
    const names = [COMPONENT, SEARCH, PLATFORM];
    await waitFor("the three components in the heatmap", async () =>
      (await session.findAll('[data-testid="heat-row"]')).length === 3);
    const whole = await heatmap(session);
    assert.deepEqual(Object.keys(whole).sort(), [...names].sort());
    for (const name of names) assert.deepEqual(whole[name], expectedRow(name), `${name}: the heatmap row equals mamos score`);
    // Search was never assessed: counted, and blank rather than zero.
    assert.ok(whole[SEARCH].every((c) => c.score === "null" && c.text === "–"));
    const rollup = await assertRollupMatchesCli(session, null);
    assert.deepEqual([rollup.components, rollup.assessed], [3, 2]);
    // Focusing a cell shows its target and gap in words, as its title does.
    const cell = await session.find(`[data-testid="heat-row"][data-component="${PLATFORM}"] [data-testid="heat-cell"]`);
    await session.click(cell);
    const tip = await session.text(await session.find('[data-testid="heat-tooltip"]'));
    assert.equal(tip, await session.attribute(cell, "title"));
    assert.match(tip, /target .* (points below target|target reached)/);
    screenshot("org");

    // Payments Équipe joins Checkout through the screen; the filter then shows Checkout alone.
    await choose(session, "member-component", await attr(session, `[data-testid="member-component"] option:nth-child(2)`, "value"));
    const memberName = await session.text(await session.find('[data-testid="member-component"] option:nth-child(2)'));
    assert.equal(memberName, COMPONENT);
    await choose(session, "member-group", "Checkout");
    await session.click(await session.find('[data-testid="add-member-submit"]'));
    await waitFor("Payments Équipe in Checkout", async () =>
      cliJson("group", "list").some((g) => g.name === "Checkout" && g.components.includes(COMPONENT)));
    await choose(session, "org-group", "Checkout");
    await waitFor("the Checkout heatmap", async () =>
      (await attr(session, '[data-testid="org-screen"]', "data-group")) === "Checkout" &&
      (await session.findAll('[data-testid="heat-row"]')).length === 2);
    const checkout = await heatmap(session);
    assert.deepEqual(Object.keys(checkout).sort(), [COMPONENT, SEARCH].sort());
    for (const name of [COMPONENT, SEARCH]) assert.deepEqual(checkout[name], expectedRow(name));
    const groupRollup = await assertRollupMatchesCli(session, "Checkout");
    assert.deepEqual([groupRollup.components, groupRollup.assessed], [2, 1]);
    screenshot("org-checkout");

    // Back to a component from its row.
    await session.click(await session.find(`[data-testid="heat-row"][data-component="${COMPONENT}"] button`));
    await waitFor("the component screen", async () =>
      (await session.text(await session.waitFor('[data-testid="component-name"]'))) === COMPONENT);

    // Élan Platform is re-assessed (a second workshop, through the CLI): one level gained, one lost.
    const [second] = fixture.cli("workshop", "start", PLATFORM, "--participants", "Ana,Ben").match(/\d+/);
    for (const [practice, level] of [["methods.business-outcomes", "4"], ["methods.deploy-daily", "0"], ["skills.soft-skills", "4"]]) {
      fixture.cli("agree", second, practice, level);
    }
    for (const item of await session.findAll('[data-testid="component-item"]')) {
      if ((await session.text(item)).includes(PLATFORM)) await session.click(item);
    }
    await waitFor("Élan Platform on screen", async () =>
      (await session.text(await session.find('[data-testid="component-name"]'))) === PLATFORM);

    // The coach raises the Methods target for this component, with a reason; the scores follow.
    await session.click(await session.waitFor('[data-testid="override-target"]'));
    await choose(session, "override-scope", "pillar");
    await choose(session, "override-level", "4");
    await session.click(await session.find('[data-testid="override-save"]'));
    await session.waitFor('[data-testid="override-form"] [role="alert"]');
    assert.deepEqual(cliJson("target", "list", PLATFORM), [], "no override without a reason");
    await session.type(await session.find('[data-testid="override-reason"]'), OVERRIDE_REASON);
    await session.click(await session.find('[data-testid="override-save"]'));
    await waitFor("the override next to the target", async () =>
      (await attr(session, '[data-testid="target-box"]', "data-overridden")) === "true");
    assert.deepEqual(cliJson("target", "list", PLATFORM), [{ key: "methods", pillar: true, level: 4, reason: OVERRIDE_REASON }]);
    assert.equal(await attr(session, '[data-testid="target-box"]', "data-target"), "4");
    assert.match(await session.text(await session.find('[data-testid="target-reason"]')), /whole Methods pillar/);
    await assertScoresMatchCli(session, PLATFORM);
    screenshot("override");

    // Previous vs latest workshop, as `mamos compare` sees them.
    await session.click(await session.find('[data-testid="open-compare"]'));
    await session.waitFor('[data-testid="compare-pillar"]');
    const compared = cliJson("compare", PLATFORM);
    const deltas = [];
    for (const row of await session.findAll('[data-testid="compare-pillar"]')) {
      deltas.push([await session.attribute(row, "data-pillar"), await session.attribute(row, "data-delta")]);
    }
    assert.deepEqual(deltas, compared.comparison.pillars.map((p) => [p.id, asAttribute(p.delta)]));
    assert.equal(await attr(session, '[data-testid="compare-overall"]', "data-delta"), asAttribute(compared.comparison.overall.delta));
    assert.deepEqual([compared.comparison.gained, compared.comparison.lost], [["methods.business-outcomes"], ["methods.deploy-daily"]]);
    assert.match(await session.text(await session.find('[data-testid="compare-gained"]')), /3 → 4/);
    assert.match(await session.text(await session.find('[data-testid="compare-lost"]')), /1 → 0/);
    assert.equal((await session.findAll('[data-testid="trend-row"]')).length, 2);
    screenshot("compare");
    await session.click(await session.find('[data-testid="close-compare"]'));
    await session.waitFor('[data-testid="target-box"]');
  } finally {
    await session.close();
  }
});

/** Kills every running mamos-desktop started from `app` with SIGKILL: no chance to flush anything. */
function killApp() {
  let killed = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let cmdline;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    } catch {
      continue; // the process ended meanwhile
    }
    if (cmdline[0] === app) {
      process.kill(Number(pid), "SIGKILL");
      killed += 1;
    }
  }
  return killed;
}

test("every vote the screen showed as saved survives the app being killed", async () => {
  let session = await Session.create(driver.base, app);
  let practice;
  try {
    await session.click(await session.waitFor('[data-testid="component-item"]'));
    await session.click(await session.waitFor('[data-testid="open-workshop"]'));
    await session.waitFor('[data-testid="workshop-screen"]');
    practice = await practiceId(session);
    await session.press("0", "1", "2");
    await waitFor("three votes shown as saved", async () =>
      (await room(session)).filter((p) => p.voted === "true").length === 3);
    assert.ok(killApp() >= 1, "the app was running and is killed");
  } finally {
    await session.close().catch(() => {}); // the window is gone already
  }

  session = await Session.create(driver.base, app);
  try {
    await session.click(await session.waitFor('[data-testid="component-item"]'));
    await session.click(await session.waitFor('[data-testid="open-workshop"]'));
    await session.waitFor('[data-testid="workshop-screen"]');
    assert.equal(await practiceId(session), practice, "the workshop resumes at the interrupted practice");
    assert.deepEqual(
      (await room(session)).map((p) => [p.name, p.voted]),
      [["Ana", "true"], ["Ben", "true"], ["Chloé", "true"], ["Dev", "false"]],
    );
    screenshot("after-kill");
  } finally {
    await session.close();
  }
  const [workshop] = cliJson("workshop", "list", COMPONENT).slice(-1);
  const votes = fixture.cli("reveal", String(workshop.id), practice);
  assert.equal(votes, "Ana: 0\nBen: 1\nChloé: 2\n");
});
