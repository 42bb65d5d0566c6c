// The whole room, end to end: the real mamos-desktop under Xvfb (tauri-driver)
// starts live voting on loopback (its network choice) from its Live voting panel; Debian's headless
// Chromium (playwright-core from ui/node_modules) at 390×844 opens the URL the
// panel shows as two phones (two browser contexts), one in English, one in
// French. They join and vote 1 and 3; the window counts the votes; the coach
// reveals with R; both phones show the same votes and the disagreement as
// `mamos disagreements --json` on the same database; U undoes the reveal and
// the phones hide the votes again, each phone's own vote still its own;
// Ctrl+Z undoes an agreement.
// Run by `make test-e2e` (which starts dbus and Xvfb); needs `make build` first.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { app, startApp } from "./app.mjs";
import { KEY, Session, waitFor } from "./webdriver.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const fromUi = createRequire(join(root, "ui/package.json"));
const { chromium } = fromUi("playwright-core");
const screenshots = join(root, "target/e2e-screenshots");
const WAIT = { timeout: 5000 };

const COMPONENT = "Payments";
// What the phones must show comes from the built-in bank, not from the server under test.
const bank = JSON.parse(readFileSync(join(root, "assessments/mamos.json"), "utf8"));
const FIRST = bank.pillars[0].practices[0];
const levelName = (level, lang) => bank.levels.find((l) => l.value === level).label[lang];

let fixture;
let workshop;
let browser;
let session;
const problems = [];

before(async () => {
  // Its own database and driver port, so it never meets the other files.
  fixture = await startApp({ port: 4570, name: "live-room" });
  fixture.cli("component", "add", COMPONENT);
  workshop = fixture.cli("workshop", "start", COMPONENT, "--participants", "Ana,Ben,Chloé").trim();
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  await session?.close();
  await fixture?.stop();
});

/** A phone: its own browser context (cookies, storage), so two of them are two devices. */
async function phone(name) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`${name} page error: ${error.message}`));
  return page;
}

const text = (page, value) => page.getByText(value, { exact: true });
const shot = (page, name) => page.screenshot({ path: join(screenshots, `live-room-${name}.png`), fullPage: true });

/** The window's data attribute `name` of the element `selector`. */
async function windowAttribute(selector, name) {
  return session.attribute(await session.find(selector), name);
}

test("two phones vote, the coach reveals, undoes the reveal with U and an agreement with Ctrl+Z", async () => {
  session = await Session.create(fixture.driver.base, app);
  await session.click(await session.waitFor('[data-testid="component-item"]'));
  await session.click(await session.waitFor('[data-testid="open-workshop"]'));
  await session.waitFor('[data-testid="workshop-screen"]');
  const practice = await windowAttribute('[data-testid="workshop-screen"]', "data-practice-id");
  assert.equal(practice, FIRST.id, "a new workshop starts at the first practice");

  // L opens the live panel; loopback (a rehearsal) binds the server to this computer only.
  await session.press("l");
  await session.waitFor('[data-testid="live-interface"] option[data-loopback="true"]');
  await session.click(await session.find('[data-testid="live-interface"] option[data-loopback="true"]'));
  await waitFor("loopback chosen", async () =>
    (await session.execute("return document.querySelector('[data-testid=\"live-interface\"]').value")) === "127.0.0.1");
  await session.click(await session.find('[data-testid="live-start"]'));
  const url = await waitFor("the participants' URL in the panel", async () =>
    windowAttribute('[data-testid="live-url"]', "data-url"));
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/live\/[0-9a-f]{32}\/$/);

  // Two phones open the URL the panel shows and join under their names.
  const ana = await phone("Ana");
  const ben = await phone("Ben");
  for (const [page, name] of [[ana, "Ana"], [ben, "Ben"]]) {
    assert.equal((await page.goto(url)).status(), 200);
    await page.getByRole("button", { name, exact: true }).click();
    await text(page, `You are ${name}`).waitFor(WAIT);
    await page.getByRole("heading", { name: FIRST.title.en }).waitFor(WAIT);
  }

  // Ana votes 1, Ben 3: each sees their own vote, nobody else's level.
  const level = (page, n) => page.locator(`button.level[data-key="level:${n}"]`);
  await level(ana, 1).click();
  await text(ana, `Your vote: 1 · ${levelName(1, "en")}`).waitFor(WAIT);
  await level(ben, 3).click();
  await text(ben, `Your vote: 3 · ${levelName(3, "en")}`).waitFor(WAIT);
  await waitFor("the window counts 2 votes", async () =>
    (await windowAttribute('[data-testid="live-count"]', "data-voted")) === "2", 5000);
  assert.equal(await windowAttribute('[data-testid="live-count"]', "data-joined"), "2");
  await text(ana, "2 of 2 have voted").waitFor(WAIT);
  assert.equal(await ana.locator(".card").count(), 0, "no card before the reveal");

  // Ben reads in French; both before the reveal, as the room sees them.
  await ben.getByRole("button", { name: "Français" }).click();
  await text(ben, "2 sur 2 ont voté").waitFor(WAIT);
  await text(ben, `Votre vote : 3 · ${levelName(3, "fr")}`).waitFor(WAIT);
  await shot(ana, "01-voted-en");
  await shot(ben, "02-voted-fr");
  fixture.screenshot("live-room-03-window-voted");

  // R in the window reveals: both phones show both votes and the disagreement.
  await session.press("r");
  await waitFor("the window revealed", async () =>
    (await windowAttribute('[data-testid="room"]', "data-revealed")) === "true", 5000);
  await ana.getByRole("heading", { name: "The votes" }).waitFor(WAIT);
  await text(ana, "Spread: 1–3").waitFor(WAIT);
  await text(ana, "To discuss: the votes disagree").waitFor(WAIT);
  await ben.getByRole("heading", { name: "Les votes" }).waitFor(WAIT);
  await text(ben, "Écart : 1–3").waitFor(WAIT);
  await text(ben, "À discuter : les votes divergent").waitFor(WAIT);
  const cards = await ana.locator(".card").allTextContents();
  assert.deepEqual(cards, [`Ana1 · ${levelName(1, "en")}`, `Ben3 · ${levelName(3, "en")}`]);
  assert.deepEqual(await ben.locator(".card").allTextContents(), [
    `Ana1 · ${levelName(1, "fr")}`,
    `Ben3 · ${levelName(3, "fr")}`,
  ]);

  // The CLI on the same database flags that practice with the levels the phones show.
  const flagged = fixture.cliJson("disagreements", workshop);
  assert.deepEqual(flagged.map((f) => f.practice_id), [FIRST.id]);
  assert.deepEqual(
    flagged[0].votes.map(({ participant, answer }) => `${participant}${answer.level} · ${levelName(answer.level, "en")}`),
    cards,
  );
  assert.deepEqual(flagged[0].disagreement, { kind: "spread", low: 1, high: 3 });
  await shot(ana, "04-revealed-en");
  await shot(ben, "05-revealed-fr");
  fixture.screenshot("live-room-06-window-revealed");

  // U undoes the reveal: the window says so, the phones hide the votes again.
  await session.press("u");
  await waitFor("the window's status line", async () => {
    const hints = await session.findAll('[data-testid="workshop-hint"]');
    return hints.length === 1 && (await session.text(hints[0])) === "Undid the reveal of practice 1: its votes are hidden again.";
  }, 5000);
  assert.equal(await windowAttribute('[data-testid="room"]', "data-revealed"), "false");
  await ana.getByRole("heading", { name: "The votes" }).waitFor({ state: "detached", ...WAIT });
  await ben.getByRole("heading", { name: "Les votes" }).waitFor({ state: "detached", ...WAIT });
  for (const page of [ana, ben]) assert.equal(await page.locator(".card").count(), 0, "no card once hidden again");
  await text(ana, "2 of 2 have voted").waitFor(WAIT);
  await text(ana, `Your vote: 1 · ${levelName(1, "en")}`).waitFor(WAIT);
  await text(ben, `Votre vote : 3 · ${levelName(3, "fr")}`).waitFor(WAIT);
  assert.equal(await level(ana, 1).getAttribute("aria-pressed"), "true", "Ana's own vote is still hers");
  assert.deepEqual(fixture.cliJson("disagreements", workshop).map((f) => f.practice_id), [FIRST.id], "the votes are kept");
  await shot(ana, "07-undone-en");
  await shot(ben, "08-undone-fr");
  fixture.screenshot("live-room-09-window-undone");

  // Once only: a second U says there is nothing left to undo, and the phones stay as they are.
  await session.press("u");
  const banner = await session.waitFor('[data-testid="error-banner"]');
  assert.equal(await session.attribute(banner, "data-code"), "conflict");
  assert.match(await session.text(await session.find('[data-testid="error-message"]')), /nothing to undo/);

  // Revealed again, then an agreement (A 2) undone with Ctrl+Z: the median of the votes is the agreed answer again.
  await session.press("r");
  await ana.getByRole("heading", { name: "The votes" }).waitFor(WAIT);
  await session.press("a", "2");
  const agreed = async () => {
    const box = await session.find('[data-testid="agreed"]');
    return `${await session.attribute(box, "data-value")} ${await session.attribute(box, "data-decided")}`;
  };
  await waitFor("the agreed 2", async () => (await agreed()) === "2 true", 5000);
  await session.chord(KEY.Control, "z");
  await waitFor("the median back", async () => (await agreed()) === "1 false", 5000);
  assert.equal(
    await session.text(await session.find('[data-testid="workshop-hint"]')),
    "Undid the agreement on practice 1: no agreed answer, as before.",
  );
  assert.equal((await session.findAll('[data-testid="error-banner"]')).length, 0, "the banner went");
  assert.deepEqual(problems, []);
});
