// Headless Chromium on the built participant page (ui/dist-live/) against fake-live-server.mjs:
// join, vote, change the vote, the reveal arriving by server push, reconnection, both languages,
// axe-core accessibility, 44-px targets, no horizontal scroll at 360 px, no CSP violation.
// Screenshots go to target/live-screenshots/. Run with `npm run test:live` (builds the page first).
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startFakeLiveServer } from './fake-live-server.mjs';

const ui = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = resolve(ui, '../target/live-screenshots');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const WAIT = { timeout: 5000 };

const both = (en, fr) => ({ en, fr });
const practice = (id, position, en, fr) => ({
  id,
  position,
  count: 52,
  pillar: both('Methods', 'Méthodes'),
  title: both(en, fr),
  question: both(
    'Is every change built, tested and integrated into the main line at least daily?',
    'Chaque changement est-il construit, testé et intégré à la branche principale au moins chaque jour ?',
  ),
  levels: [
    both('Absent', 'Absente'),
    both('Initial', 'Initiale'),
    both('Defined', 'Définie'),
    both('Managed', 'Maîtrisée'),
    both('Optimising', 'Optimisée'),
  ].map((name, level) => ({
    level,
    name,
    descriptor: both(
      `What a team at level ${level} does, in one or two sentences that may wrap on a phone screen.`,
      `Ce que fait une équipe au niveau ${level}, en une ou deux phrases qui passent à la ligne sur un téléphone.`,
    ),
  })),
});
const CI = practice('methods.ci', 3, 'Continuous integration', 'Intégration continue');
const REVIEW = practice('methods.review', 4, 'Code review', 'Revue de code');

let server;
let browser;
let page;
const problems = [];

before(async () => {
  await mkdir(shots, { recursive: true });
  server = await startFakeLiveServer({
    distDir: join(ui, 'dist-live'),
    workshop: { component: 'Payments', held_on: '2026-12-07' },
    participants: ['Ana', 'Ben', 'Cy', 'Dee', HOSTILE],
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const text = (value) => page.getByText(value, { exact: true });

async function checkAccessibility(label) {
  // Evaluated through DevTools, which the page's CSP does not govern: the page itself stays strict.
  await page.evaluate(await readFile(join(ui, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${label}: axe violations ${JSON.stringify(serious)}`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button:not([hidden])')]
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

const screenshot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

test('a participant joins, votes, changes the vote and sees the reveal arrive by push', async () => {
  server.joinElsewhere('Dee');
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Payments' }).waitFor(WAIT);
  await text('Workshop of 7 December 2026').waitFor(WAIT);
  assert.ok(await page.getByRole('button', { name: /Dee.*already joined/ }).isDisabled());
  // A hostile name is shown as text, never parsed.
  await page.getByRole('button', { name: HOSTILE }).waitFor(WAIT);
  await checkAccessibility('join');
  await screenshot('01-join-en');

  // A name taken by another device since the page loaded: the server's sentence is shown.
  server.joinElsewhere('Cy', { silently: true });
  await page.getByRole('button', { name: 'Cy', exact: true }).click();
  await page.getByRole('alert').getByText('Cy has already joined from another device.').waitFor(WAIT);

  await page.getByRole('button', { name: 'Ana', exact: true }).click();
  await text('Waiting for the coach to show a practice.').waitFor(WAIT);
  await text('You are Ana').waitFor(WAIT);
  await page.getByRole('heading', { name: 'Who has joined' }).waitFor(WAIT);
  assert.equal(await page.locator('#error').textContent(), '', 'the 409 sentence goes once a join succeeds');
  await screenshot('02-waiting-en');

  // The coach shows a practice: the page follows through the event stream.
  server.focus(CI);
  await page.getByRole('heading', { name: 'Continuous integration' }).waitFor(WAIT);
  const level = (n) => page.locator(`button.level[data-key="level:${n}"]`);
  await level(2).click();
  await text('Your vote: 2 · Defined').waitFor(WAIT);
  assert.equal(await level(2).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(server.voteOf('Ana'), { level: 2 });

  // N/A needs a reason: refused on the page, then sent with one.
  await page.getByRole('button', { name: /N\/A/ }).click();
  await page.getByRole('button', { name: 'Vote N/A' }).click();
  await text('Write a reason for N/A.').waitFor(WAIT);
  const reason = page.getByLabel('Why is it not applicable? (required)');
  assert.equal(await reason.getAttribute('aria-invalid'), 'true');
  assert.ok(await reason.evaluate((field) => field === document.activeElement), 'the reason field has the focus');
  await reason.fill('We have no <b>pipeline</b> yet');
  await screenshot('03-na-reason-en');
  await page.getByRole('button', { name: 'Vote N/A' }).click();
  await text('Your vote: N/A').waitFor(WAIT);
  assert.deepEqual(server.voteOf('Ana'), { na: true, reason: 'We have no <b>pipeline</b> yet' });
  assert.equal(await level(2).getAttribute('aria-pressed'), 'false');

  // Changed again to a level, then others vote: their marks show, their levels do not.
  await level(3).click();
  await text('Your vote: 3 · Managed').waitFor(WAIT);
  assert.deepEqual(server.voteOf('Ana'), { level: 3 });
  server.joinElsewhere('Ben');
  server.voteAs('Ben', { level: 1 });
  server.voteAs('Cy', { na: true, reason: 'Not our <script>team</script>' });
  await text('3 of 4 have voted').waitFor(WAIT);
  assert.equal(await page.getByText('Not our <script>team</script>').count(), 0, 'no reason before the reveal');
  await checkAccessibility('vote');
  await screenshot('04-vote-en');

  server.reveal();
  await page.getByRole('heading', { name: 'The votes' }).waitFor(WAIT);
  await text('Spread: 1–3').waitFor(WAIT);
  await text('To discuss: the votes disagree').waitFor(WAIT);
  const cards = await page.locator('.card').allTextContents();
  assert.deepEqual(cards, ['Ana3 · Managed', 'Ben1 · Initial', 'CyN/ANot our <script>team</script>']);
  assert.equal(await page.locator('button.level').count(), 0, 'no voting after the reveal');
  await checkAccessibility('revealed');
  await screenshot('05-revealed-en');
});

test('the language is the participant’s choice and is remembered', async () => {
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('heading', { name: 'Les votes' }).waitFor(WAIT);
  await page.reload();
  await page.getByRole('heading', { name: 'Les votes' }).waitFor(WAIT);
  await text('Écart : 1–3').waitFor(WAIT);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await checkAccessibility('revealed fr');
  await screenshot('06-revealed-fr');
});

test('a dropped stream shows “reconnecting” and the page catches up when it comes back', async () => {
  server.pauseEvents();
  await text('Reconnexion…').waitFor(WAIT);
  server.focus(REVIEW, { silently: true });
  server.resumeEvents();
  // The page retries a refused stream after 3 s: more than the usual wait.
  await page.getByRole('heading', { name: 'Revue de code' }).waitFor({ timeout: 10000 });
  await text('Reconnexion…').waitFor({ state: 'hidden', ...WAIT });
  await text('Vous n’avez pas encore voté.').waitFor(WAIT);
  await checkAccessibility('vote fr');
  await screenshot('07-vote-fr');

  // A phone that slept: coming back to the tab re-reads the state.
  server.focus(null, { silently: true });
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await text('En attente d’une pratique affichée par l’animateur.').waitFor(WAIT);
});

test('nothing from the API ran as markup and the CSP was never violated', async () => {
  assert.equal(await page.evaluate(() => 'pwned' in window || '__pwned' in window), false);
  assert.deepEqual(problems, []);
});
