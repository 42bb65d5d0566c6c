// Hostile text, end to end: the real mamos-desktop binary under Xvfb, driven
// through tauri-driver and WebKitWebDriver. Before the window opens, the CLI
// puts markup, script, template and bidi payloads into every text a coach (or
// a colleague's bundle) can set: a question bank's texts, the component and
// group names, participants, facilitator, a vote's N/A reason, the agreed
// answer's note and reason, evidence (a `javascript:` location and a hostile
// label), a target override's reason, an action's title and person, a
// check-in's answers. Each screen (component, workshop and its notes panel,
// plan, organisation heatmap) must show every payload verbatim as text: no
// injected element, no handler attribute, no `javascript:` link, and
// `window.__pwned` never set.
// Run by `make test-e2e` (which starts dbus and Xvfb); needs `make build` first.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { app, startApp } from "./app.mjs";
import { KEY, Session, waitFor } from "./webdriver.mjs";

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = "<script>window.__pwned=1</script>";
const SVG = '"><svg onload=window.__pwned=1>';
const TEMPLATE = "{{7*7}}";
const RLO = "\u202Eevil.exe";
const ACCENTS = "Équipe 🚀 Zoë";

const COMPONENT = `${IMG} ${ACCENTS}`;
const GROUP = `${SVG} ${TEMPLATE}`;
// Names are separated by commas on the command line: none of these holds one.
const PARTICIPANTS = [SCRIPT, IMG, `Zoë ${RLO}`];
const FACILITATOR = `${TEMPLATE} ${SVG}`;
const VOTE_REASON = `${SCRIPT} ne s'applique pas`;
const NOTE = `${IMG} note ${TEMPLATE} ${RLO}`;
const NA_REASON = `${SCRIPT} ${ACCENTS}`;
const EVIDENCE = [
  { location: "javascript:alert(1)", label: IMG },
  { location: "JaVaScRiPt:window.__pwned=1", label: SCRIPT },
  { location: "https://example.com/ok", label: `${ACCENTS} ${RLO}` },
];
const TARGET_REASON = `${SVG} ${RLO}`;
const ACTION_TITLE = `${SCRIPT} ${ACCENTS}`;
const ASSIGNEE = IMG;
const NEXT_STEP = `${SVG} ${TEMPLATE}`;
const OBSTACLE = `${IMG} ${RLO}`;
const BANK = { id: "hostile-bank", title: `${SCRIPT} bank`, practice: `${IMG} ${ACCENTS}`, question: `${SVG} ${TEMPLATE}?`, descriptor: `${SCRIPT} ${RLO}` };

let fixture;
let ids;

before(async () => {
  // Its own database and driver port, so it never meets the other files.
  fixture = await startApp({ port: 4540, name: "hostile" });
  const root = join(dirname(app), "../..");

  // A question bank whose texts are hostile too, imported as a colleague's would be.
  const bank = JSON.parse(readFileSync(join(root, "assessments/mamos.json"), "utf8"));
  bank.id = BANK.id;
  bank.title.en = BANK.title;
  const first = bank.pillars[0].practices[0];
  first.title.en = BANK.practice;
  first.question.en = BANK.question;
  first.descriptors[0].en = BANK.descriptor;
  const bankFile = join(dirname(fixture.db), "hostile-bank.json");
  writeFileSync(bankFile, JSON.stringify(bank));
  fixture.cli("bank", "import", bankFile);

  fixture.cli("group", "add", GROUP);
  fixture.cli("component", "add", COMPONENT, "--bank", BANK.id, "--group", GROUP);
  const workshop = fixture
    .cli("workshop", "start", COMPONENT, "--participants", PARTICIPANTS.join(","), "--facilitator", FACILITATOR, "--date", "2025-03-01")
    .trim();
  const practices = bank.pillars.flatMap((p) => p.practices.map((q) => q.id));
  const practice = practices[0];
  fixture.cli("vote", workshop, PARTICIPANTS[0], practice, "na", "--reason", VOTE_REASON);
  fixture.cli("reveal", workshop, practice);
  fixture.cli("answer", COMPONENT, practice, "na", "--reason", NA_REASON, "--note", NOTE);
  for (const other of practices.slice(1)) fixture.cli("answer", COMPONENT, other, "0");
  for (const link of EVIDENCE) fixture.cli("evidence", "add", workshop, practice, link.location, "--label", link.label);
  fixture.cli("target", "set", COMPONENT, "--practice", practices[1], "3", "--reason", TARGET_REASON);

  const plan = fixture.cliJson("plan", COMPONENT, "--start", "2025-03-03");
  const action = plan.actions[0].id;
  fixture.cli("plan", "rename", COMPONENT, action, ACTION_TITLE);
  fixture.cli("plan", "assign", COMPONENT, action, "--to", ASSIGNEE);
  fixture.cli("checkin", COMPONENT, "--week", "1", "--obstacle", OBSTACLE, "--next-step", NEXT_STEP);
  ids = { workshop, practice, target: practices[1], action };
});

after(async () => {
  await fixture?.stop();
});

function screenshot(name) {
  fixture.screenshot(`50-hostile-${name}`);
}

/**
 * What the page holds that injected markup would leave: `window.__pwned`,
 * handler attributes (an injected `<img onerror>` or `<svg onload>`), script
 * links, images and frames (the app has none), inline scripts, and the page's text (what it shows, whatever CSS hides).
 */
async function inspect(session) {
  return session.execute(`
    const elements = [...document.querySelectorAll('*')];
    return {
      pwned: typeof window.__pwned,
      handlers: elements
        .flatMap((e) => [...e.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => e.tagName + ' ' + a.name)),
      badLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
        .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('formaction'))
        .filter((url) => /^[\\s\\u0000-\\u001f]*(javascript|vbscript|data):/i.test(url)),
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      images: document.querySelectorAll('img, iframe, object, embed').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src || s.textContent.includes('__pwned')).length,
      text: document.body.textContent,
    };
  `);
}

/** Asserts the screen ran nothing injected, and shows each of `texts` verbatim. */
async function assertSafe(session, screen, texts) {
  const page = await inspect(session);
  assert.equal(page.pwned, "undefined", `${screen}: injected code ran`);
  assert.deepEqual(page.handlers, [], `${screen}: an element carries an event handler attribute`);
  assert.deepEqual(page.badLinks, [], `${screen}: a script link`);
  assert.equal(page.images, 0, `${screen}: an injected image or frame`);
  assert.equal(page.scripts, 0, `${screen}: an injected script`);
  for (const text of texts) assert.ok(page.text.includes(text), `${screen}: ${JSON.stringify(text)} is not shown verbatim`);
  return page;
}

async function value(session, css) {
  return session.execute("return document.querySelector(arguments[0]).value;", [css]);
}

test("every text a coach or a bundle can set is shown verbatim and never runs", async () => {
  const session = await Session.create(fixture.driver.base, app);
  try {
    // The sidebar and the component screen.
    const item = await session.waitFor('[data-testid="component-item"]');
    await session.click(item);
    await waitFor("the component screen", async () =>
      (await session.execute('return document.querySelector(\'[data-testid="component-name"]\')?.textContent;')) === COMPONENT);
    await session.waitFor('[data-testid="na-current"]');
    await assertSafe(session, "component", [COMPONENT, BANK.practice, BANK.question, BANK.descriptor, NA_REASON]);
    assert.equal(await value(session, "#note"), NOTE);
    screenshot("01-component");

    // The overridden target's reason, on the practice it was set for.
    await session.click(await session.find(`[data-testid="practice-row"][data-practice-id="${ids.target}"]`));
    await session.waitFor('[data-testid="target-reason"]');
    await assertSafe(session, "component target", [TARGET_REASON]);

    // The workshop: participants, facilitator, the vote's N/A reason.
    await session.click(await session.find('[data-testid="open-workshop"]'));
    await session.waitFor('[data-testid="workshop-screen"]');
    const names = await session.execute(
      "return [...document.querySelectorAll('[data-testid=\"participant\"]')].map((p) => [p.dataset.name, p.textContent]);",
    );
    assert.deepEqual(names.map(([name]) => name), PARTICIPANTS);
    for (const [name, shown] of names) assert.ok(shown.includes(name), `the chip shows ${name}`);
    await assertSafe(session, "workshop", [COMPONENT, FACILITATOR, VOTE_REASON, ...PARTICIPANTS]);
    screenshot("02-workshop");

    // Its notes panel: the note, the evidence labels and locations as text; only the https one a link.
    await session.press("e");
    await session.waitFor('[data-testid="notes-panel"]');
    assert.equal(await value(session, '[data-testid="workshop-note"]'), NOTE);
    const evidence = await session.execute(
      "return [...document.querySelectorAll('[data-testid=\"evidence-item\"]')].map((e) => ({ label: e.dataset.label, location: e.dataset.location, text: e.textContent }));",
    );
    const page = await assertSafe(session, "notes", EVIDENCE.flatMap((e) => [e.label, e.location]));
    assert.deepEqual(evidence.map(({ label, location }) => ({ location, label })), EVIDENCE);
    for (const link of evidence) assert.ok(link.text.includes(link.label) && link.text.includes(link.location), link.text);
    assert.deepEqual(page.links, ["https://example.com/ok"]);
    screenshot("03-notes");
    await session.press(KEY.Escape);
    await session.press(KEY.Escape);
    await session.waitFor('[data-testid="open-plan"]');

    // The plan: the action's title and person, the check-in's next step.
    await session.click(await session.find('[data-testid="open-plan"]'));
    await session.waitFor('[data-testid="plan-screen"]');
    await session.waitFor('[data-testid="recorded-checkin"][data-week="1"]');
    await assertSafe(session, "plan", [ACTION_TITLE, ASSIGNEE, NEXT_STEP]);
    screenshot("04-plan");
    await session.click(await session.find('[data-testid="plan-back"]'));

    // The organisation: the heatmap row, the group and its member.
    await session.click(await session.waitFor('[data-testid="open-org"]'));
    await session.waitFor('[data-testid="heatmap"]');
    const row = await session.waitFor('[data-testid="heat-row"]');
    assert.equal(await session.attribute(row, "data-component"), COMPONENT);
    const group = await session.waitFor('[data-testid="group-item"]');
    assert.equal(await session.attribute(group, "data-group"), GROUP);
    await assertSafe(session, "organisation", [COMPONENT, GROUP]);
    screenshot("05-org");
  } finally {
    await session.close();
  }
});

test("the window never leaves the app's own pages, whatever a script or a link asks", async () => {
  const session = await Session.create(fixture.driver.base, app);
  try {
    await session.waitFor('[data-testid="component-item"]');
    const home = await session.execute("return window.location.href;");
    for (const target of ["https://example.invalid/", "file:///etc/hostname"]) {
      await session.execute("window.location.href = arguments[0];", [target]);
      // A navigation the guard let through would replace the page within this
      // time (the machine has no network: an error page); none must happen.
      await assert.rejects(
        waitFor(`a navigation to ${target}`, async () => (await session.execute("return window.location.href;")) !== home, 2000),
      );
      assert.ok(await session.find('[data-testid="component-item"]'), `the app's page is still shown after ${target}`);
    }
  } finally {
    await session.close();
  }
});
