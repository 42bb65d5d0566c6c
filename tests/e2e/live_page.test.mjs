// The participant page against the real live server: `mamos workshop serve` on
// 127.0.0.1 with a temp database, the page it embeds, and Debian's Chromium
// (playwright-core from ui/node_modules) at 390×844 as two phones. The coach
// acts through the CLI (`workshop focus`, `vote`, `reveal`), as the window
// would through the database. No tauri-driver, so no port of its own.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createServer, connect } from "node:net";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { cli } from "./app.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const fromUi = createRequire(join(root, "ui/package.json"));
const { chromium } = fromUi("playwright-core");
const AXE = readFileSync(fromUi.resolve("axe-core/axe.min.js"), "utf8");
const screenshots = join(root, "target/e2e-screenshots");
const WAIT = { timeout: 5000 };

const COMPONENT = "Caisse Été <b>v2</b>";
const ZOE = "Zoé Dupré";
const SCRIPT_NAME = "<script>window.__pwned=1</script>";
const IMG_NAME = '<img src=x onerror="window.__pwned=1">';
const PARTICIPANTS = ["Ana", ZOE, "Ben", SCRIPT_NAME, IMG_NAME];
const NA_REASON = "Pas de <script>window.__pwned=1</script> pipeline";

// What the page must show comes from the built-in bank, not from the server under test.
const bank = JSON.parse(readFileSync(join(root, "assessments/mamos.json"), "utf8"));
const [FIRST, SECOND, THIRD] = bank.pillars[0].practices;
const levelName = (level, lang) => bank.levels.find((l) => l.value === level).label[lang];

let workdir;
let db;
let workshop;
let server;
let url;
/** Zoé's phone reaches the server through this. */
let zoeWifi;
let browser;
const phones = {};
const problems = [];

const run = (...args) => execFileSync(cli, ["--db", db, ...args], { encoding: "utf8" });

/** Starts `mamos workshop serve` (on `port`, 0 for any) and resolves with the URL of its first `--json` line. */
function serve(port = 0) {
  const child = spawn(cli, ["--db", db, "workshop", "serve", workshop, "--bind", "127.0.0.1", "--port", String(port), "--json"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolveUrl, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`mamos workshop serve exited with ${code} before printing its URL`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      const first = JSON.parse(line);
      assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+\/live\/[A-Za-z0-9_-]{22,}\/$/);
      resolveUrl({ child, url: first.url });
    });
  });
}

/**
 * The room's Wi-Fi between one phone and the server: a TCP relay that can drop
 * every connection and refuse new ones, as a phone that sleeps or walks out of
 * range sees it. The bytes it relays are the real server's.
 */
async function wifi(target) {
  const { hostname, port } = new URL(target);
  const sockets = new Set();
  let down = false;
  const relay = createServer((phoneSide) => {
    if (down) return phoneSide.destroy();
    const serverSide = connect(Number(port), hostname);
    for (const [from, to] of [[phoneSide, serverSide], [serverSide, phoneSide]]) {
      sockets.add(from);
      from.pipe(to);
      from.on("error", () => to.destroy());
      from.on("close", () => (sockets.delete(from), to.destroy()));
    }
  });
  await new Promise((ready) => relay.listen(0, "127.0.0.1", ready));
  const shown = new URL(target);
  shown.port = String(relay.address().port);
  return {
    url: shown.href,
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      down = false;
    },
    close: () => (relay.close(), [...sockets].forEach((s) => s.destroy())),
  };
}

/** A phone: its own browser context (cookies, storage), so two of them are two devices. */
async function phone(name, locale) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
  // A binding and an init script run outside the page's CSP: the page itself stays strict.
  await context.exposeBinding("__reportCsp", (_source, text) => problems.push(`${name} CSP: ${text}`));
  await context.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`${name} page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !/net::ERR_|Failed to load resource/.test(message.text())) {
      problems.push(`${name} console: ${message.text()}`);
    }
  });
  phones[name] = { context, page };
  return page;
}

const text = (page, value) => page.getByText(value, { exact: true });

async function checkPage(page, label) {
  await page.evaluate(AXE); // through DevTools, which the page's CSP does not govern
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious, [], `${label}: axe violations ${JSON.stringify(serious)}`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("button:not([hidden])")]
      .map((b) => ({ text: b.textContent, box: b.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(({ text, box }) => `${text} ${box.width}×${box.height}`),
  );
  assert.deepEqual(small, [], `${label}: buttons under 44 px`);
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${label}: ${overflow} px of horizontal scroll at ${width} px`);
  }
}

const screenshot = (page, name) => page.screenshot({ path: join(screenshots, `60-live-${name}.png`), fullPage: true });

before(async () => {
  assert.ok(existsSync(cli), `${cli} is missing: run \`make build\` first`);
  mkdirSync(screenshots, { recursive: true });
  workdir = mkdtempSync(join(tmpdir(), "mamos-e2e-live-"));
  db = join(workdir, "live.db");
  run("component", "add", COMPONENT);
  workshop = run("workshop", "start", COMPONENT, "--date", "2026-12-07", "--participants", PARTICIPANTS.join(",")).trim();
  ({ child: server, url } = await serve());
  zoeWifi = await wifi(url);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  await phone("ana", "en-GB");
  await phone("zoe", "en-GB");
});

after(async () => {
  await browser?.close();
  zoeWifi?.close();
  server?.kill("SIGKILL");
  if (workdir) rmSync(workdir, { recursive: true, force: true });
});

test("two phones join; a name taken by the other phone is disabled and refused with the server's sentence", async () => {
  const ana = phones.ana.page;
  const zoe = phones.zoe.page;
  const response = await ana.goto(url);
  assert.equal(response.status(), 200);
  const headers = response.headers();
  assert.match(headers["content-security-policy"], /default-src 'self'; script-src 'self'/);
  assert.equal(headers["x-content-type-options"], "nosniff");
  assert.equal(headers["referrer-policy"], "no-referrer");
  await ana.getByRole("heading", { name: COMPONENT }).waitFor(WAIT);
  await text(ana, "Workshop of 7 December 2026").waitFor(WAIT);
  // Every name, hostile ones included, is a button whose text is the name as typed.
  const names = await ana.locator("button.name > span:first-child").allTextContents();
  assert.deepEqual(names, PARTICIPANTS);
  await checkPage(ana, "join");
  await screenshot(ana, "01-join-en");

  await zoe.goto(zoeWifi.url);
  await zoe.getByRole("button", { name: ZOE }).click();
  await text(zoe, `You are ${ZOE}`).waitFor(WAIT);
  await text(zoe, "Waiting for the coach to show a practice.").waitFor(WAIT);

  // Zoé's join reaches Ana's phone by the event stream: her name is disabled there.
  const taken = ana.getByRole("button", { name: `${ZOE} already joined` });
  await taken.waitFor(WAIT);
  assert.ok(await taken.isDisabled());

  // A phone that drew the list before Zoé joined would still offer her name: the server refuses it.
  const refused = await fetch(new URL("api/join", url), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: ZOE }),
  });
  assert.equal(refused.status, 409);
  const sentence = (await refused.json()).error;
  await taken.evaluate((button) => button.removeAttribute("disabled"));
  await taken.click();
  await ana.getByRole("alert").getByText(sentence, { exact: true }).waitFor(WAIT);

  await ana.getByRole("button", { name: "Ana", exact: true }).click();
  await text(ana, "You are Ana").waitFor(WAIT);
  await text(ana, "Waiting for the coach to show a practice.").waitFor(WAIT);
  assert.equal(await ana.locator("#error").textContent(), "", "the 409 sentence goes once a join succeeds");
  assert.deepEqual(await ana.locator(".voters li").allTextContents(), ["Ana", ZOE]);
  await checkPage(ana, "waiting");
  await screenshot(ana, "02-waiting-en");
});

test("the coach shows a practice; each phone votes and sees the others voted, not their levels", async () => {
  const ana = phones.ana.page;
  const zoe = phones.zoe.page;
  run("workshop", "focus", workshop, FIRST.id);
  for (const page of [ana, zoe]) await page.getByRole("heading", { name: FIRST.title.en }).waitFor(WAIT);
  await text(ana, FIRST.question.en).waitFor(WAIT);

  const level = (page, n) => page.locator(`button.level[data-key="level:${n}"]`);
  await level(ana, 1).click();
  await text(ana, `Your vote: 1 · ${levelName(1, "en")}`).waitFor(WAIT);
  await level(ana, 2).click();
  await text(ana, `Your vote: 2 · ${levelName(2, "en")}`).waitFor(WAIT);
  assert.equal(await level(ana, 2).getAttribute("aria-pressed"), "true");
  assert.equal(await level(ana, 1).getAttribute("aria-pressed"), "false");

  // N/A without a reason: the page asks for one; the server, asked directly with Zoé's cookie, refuses it too.
  await zoe.getByRole("button", { name: /N\/A/ }).click();
  await zoe.getByRole("button", { name: "Vote N/A" }).click();
  await text(zoe, "Write a reason for N/A.").waitFor(WAIT);
  const reason = zoe.getByLabel("Why is it not applicable? (required)");
  assert.equal(await reason.getAttribute("aria-invalid"), "true");
  const bare = await zoe.evaluate(async (practice) => {
    const r = await fetch("./api/vote", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ practice, na: true }),
    });
    return { status: r.status, body: await r.json() };
  }, FIRST.id);
  assert.equal(bare.status, 422);
  assert.match(bare.body.error, /reason/i);
  await text(zoe, "You have not voted yet.").waitFor(WAIT);
  await reason.fill(NA_REASON);
  await screenshot(zoe, "03-na-reason-en");
  await zoe.getByRole("button", { name: "Vote N/A" }).click();
  await text(zoe, "Your vote: N/A").waitFor(WAIT);

  // A vote typed on the coach's keyboard mixes with the phones' (Ben has no phone).
  run("vote", workshop, "Ben", FIRST.id, "4");

  await text(ana, "2 of 2 have voted").waitFor(WAIT);
  await text(zoe, "2 of 2 have voted").waitFor(WAIT);
  const marks = await ana.locator(".voters li").allTextContents();
  assert.deepEqual(marks, ["✓Anavoted", `✓${ZOE}voted`]);
  const anaSees = await ana.locator("body").innerText();
  assert.ok(!anaSees.includes("Pas de"), "Zoé's reason is not on Ana's phone before the reveal");
  assert.equal(await ana.locator(".card").count(), 0);
  await checkPage(ana, "vote");
  await checkPage(zoe, "vote N/A");
  await screenshot(ana, "04-vote-en");
  await screenshot(zoe, "05-voted-na-en");
});

test("the coach reveals through the CLI: both phones show the cards and the spread, as the CLI does", async () => {
  const ana = phones.ana.page;
  const zoe = phones.zoe.page;
  run("reveal", workshop, FIRST.id);
  for (const page of [ana, zoe]) {
    await page.getByRole("heading", { name: "The votes" }).waitFor(WAIT);
    await text(page, "Spread: 2–4").waitFor(WAIT);
    await text(page, "To discuss: the votes disagree").waitFor(WAIT);
  }
  const cards = await ana.locator(".card").allTextContents();
  assert.deepEqual([...cards].sort(), [
    `Ana2 · ${levelName(2, "en")}`,
    `Ben4 · ${levelName(4, "en")}`,
    `${ZOE}N/A${NA_REASON}`,
  ].sort());
  assert.deepEqual(await zoe.locator(".card").allTextContents(), cards);
  assert.equal(await ana.locator("button.level").count(), 0, "no voting after the reveal");

  // The CLI flags the same practice with the same votes.
  const flagged = JSON.parse(run("disagreements", workshop, "--json"));
  const mine = flagged.find((f) => f.practice_id === FIRST.id);
  assert.ok(mine, `${FIRST.id} among ${JSON.stringify(flagged)}`);
  const asCard = ({ participant, answer }) =>
    "level" in answer
      ? `${participant}${answer.level} · ${levelName(answer.level, "en")}`
      : `${participant}N/A${answer.reason}`;
  assert.deepEqual(mine.votes.map(asCard).sort(), [...cards].sort());

  await checkPage(ana, "revealed");
  await screenshot(ana, "06-revealed-en");
});

test("French chosen on one phone is remembered over a reload; the other stays in English", async () => {
  const ana = phones.ana.page;
  await ana.getByRole("button", { name: "Français" }).click();
  await ana.getByRole("heading", { name: "Les votes" }).waitFor(WAIT);
  await ana.reload();
  await ana.getByRole("heading", { name: "Les votes" }).waitFor(WAIT);
  await text(ana, "Écart : 2–4").waitFor(WAIT);
  await ana.getByRole("heading", { name: FIRST.title.fr }).waitFor(WAIT);
  await text(ana, "Atelier du 7 décembre 2026").waitFor(WAIT);
  assert.equal(await ana.evaluate(() => document.documentElement.lang), "fr");
  assert.equal(await phones.zoe.page.evaluate(() => document.documentElement.lang), "en");
  await checkPage(ana, "revealed fr");
  await screenshot(ana, "07-revealed-fr");
});

test("the coach moves on with the CLI: both phones follow, a phone back online catches up", async () => {
  const ana = phones.ana.page;
  const zoe = phones.zoe.page;
  run("workshop", "focus", workshop, SECOND.id);
  await ana.getByRole("heading", { name: SECOND.title.fr }).waitFor(WAIT);
  await zoe.getByRole("heading", { name: SECOND.title.en }).waitFor(WAIT);
  await text(ana, "Vous n’avez pas encore voté.").waitFor(WAIT);
  await text(zoe, "You have not voted yet.").waitFor(WAIT);
  // A timebox set through the CLI reaches the phones, counting down from 2 minutes, with the agenda beside it.
  run("workshop", "pace", workshop, "--timebox", "2m");
  await zoe.locator("#countdown-clock").filter({ hasText: /^(2:00|1:[0-5]\d)$/ }).waitFor(WAIT);
  await text(zoe, "left on this practice").waitFor(WAIT);
  await ana.locator("#countdown-clock").filter({ hasText: /^(2:00|1:[0-5]\d)$/ }).waitFor(WAIT);
  await text(ana, "restant pour cette pratique").waitFor(WAIT);
  await ana.locator("#agenda").filter({ hasText: /^Pratique 2 sur \d+ · \d+ faites?$/ }).waitFor(WAIT);
  await checkPage(ana, "vote fr");
  await screenshot(ana, "08-vote-fr");

  // Zoé's phone loses the network while the coach moves on; back online, it catches up by itself.
  zoeWifi.cut();
  await text(zoe, "Reconnecting…").waitFor(WAIT);
  run("workshop", "focus", workshop, THIRD.id);
  await ana.getByRole("heading", { name: THIRD.title.fr }).waitFor(WAIT);
  zoeWifi.restore();
  // The page retries a failed stream after 3 s: more than the usual wait.
  await zoe.getByRole("heading", { name: THIRD.title.en }).waitFor({ timeout: 10000 });
  await text(zoe, "Reconnecting…").waitFor({ state: "hidden", ...WAIT });
});

test("the server stopped: both phones say they are reconnecting", async () => {
  server.kill("SIGKILL");
  await text(phones.ana.page, "Reconnexion…").waitFor(WAIT);
  await text(phones.zoe.page, "Reconnecting…").waitFor(WAIT);
  // The notice stays in view at the bottom of a long page.
  const zoe = phones.zoe.page;
  await zoe.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const notice = await zoe.locator("#connection").boundingBox();
  assert.ok(notice.y >= 0 && notice.y + notice.height <= 844, `the notice at ${notice.y} px`);
  await screenshot(phones.ana.page, "09-reconnecting-fr");
  await screenshot(phones.zoe.page, "10-reconnecting-en");
});

test("a new session on the same port: the old link says the vote has ended instead of retrying", async () => {
  const oldUrl = phones.ana.page.url();
  server = (await serve(Number(new URL(oldUrl).port))).child;
  await phones.ana.page.getByText("Ce vote en direct est terminé", { exact: false }).waitFor(WAIT);
  await phones.zoe.page.getByText("This live vote has ended", { exact: false }).waitFor(WAIT);
  await screenshot(phones.zoe.page, "11-ended-en");
});

test("nothing from the server ran as markup and the CSP was never violated", async () => {
  for (const { page } of Object.values(phones)) {
    assert.equal(await page.evaluate(() => "__pwned" in window), false);
    assert.equal(await page.locator("main img, main script, main b").count(), 0);
  }
  assert.deepEqual(problems, []);
});
