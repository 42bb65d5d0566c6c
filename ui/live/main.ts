// The participant page of a live workshop. Talks only to the API under the page's own URL (relative URLs);
// every text from the API is set with textContent: names and bank texts are not trusted markup.
import './style.css';
import { errorSentence } from './errors';
import { LANG_STORAGE_KEY, pickLanguage, t, type Key } from './i18n';
import type { Lang, LiveState } from './types';
import { LIMITS } from '../src/lib/limits';
import { deadlinesOf, paceView, type Deadlines } from './pace';
import { viewOf, type View } from './view';

const byId = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`#${id} missing from index.html`);
  return found;
};

const main = byId('main');
const connection = byId('connection');
const errorLine = byId('error');
const announcer = byId('announce');

let lang: Lang = pickLanguage(readStoredLanguage(), navigator.language);
let state: LiveState | null = null;
let shown: View | null = null;
let renderedKey = '';
let naOpen = false;
let naDraft = '';
/** An N/A was attempted without a reason: said next to the field rather than at the top of a long page. */
let naMissing = false;
let busy = false;
/** Whether the error line shows a failed state fetch, which the next successful one clears. */
let fetchFailed = false;
/** When the timebox and the workshop end on this page's clock, from the last state. */
let deadlines: Deadlines | null = null;

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode): the browser's language decides
  }
}

type Child = Node | string | null | false;

/** An element whose string children become text nodes: nothing from the API is parsed as HTML. */
function h(tag: string, props: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

const tr = (key: Key, params?: Record<string, string | number>) => t(lang, key, params);

function announce(text: string): void {
  // Cleared first so the same sentence twice is announced twice.
  announcer.textContent = '';
  requestAnimationFrame(() => (announcer.textContent = text));
}

function showError(text: string): void {
  errorLine.textContent = text;
}

// --- talking to the server -------------------------------------------------------------------------------

let fetchInFlight = false;
let fetchAgain = false;
/** The server answered that this session's link is gone. */
let sessionEnded = false;

/** Re-reads the state; events arriving during a fetch coalesce into one more fetch. */
async function refresh(): Promise<void> {
  if (fetchInFlight) {
    fetchAgain = true;
    return;
  }
  fetchInFlight = true;
  try {
    do {
      fetchAgain = false;
      const response = await fetch('./api/state', { cache: 'no-store', credentials: 'same-origin' });
      const body = await response.text();
      if (response.status === 404) {
        // The coach stopped this session or started a new one (a new link): retrying cannot help.
        sessionEnded = true;
        events?.close();
        connection.textContent = tr('sessionEnded');
        return;
      }
      if (!response.ok) {
        fetchFailed = true;
        showError(errorSentence(lang, response.status, body));
        continue;
      }
      if (fetchFailed) showError('');
      fetchFailed = false;
      setState(JSON.parse(body) as LiveState);
    } while (fetchAgain);
  } catch {
    fetchFailed = true;
    showError(tr('errorNetwork'));
  } finally {
    fetchInFlight = false;
  }
}

async function post(path: string, payload: unknown): Promise<boolean> {
  busy = true;
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(payload),
    });
    const body = await response.text();
    if (!response.ok) {
      showError(errorSentence(lang, response.status, body));
      return false;
    }
    showError('');
    return true;
  } catch {
    showError(tr('errorNetwork'));
    return false;
  } finally {
    busy = false;
    await refresh();
  }
}

async function join(name: string): Promise<void> {
  if (busy) return;
  if (await post('./api/join', { name })) announce(tr('announceJoined', { name }));
}

async function voteLevel(practice: string, level: number): Promise<void> {
  if (busy) return;
  naOpen = false;
  if (await post('./api/vote', { practice, level })) {
    const chosen = shown?.screen === 'vote' ? shown.levels.find((l) => l.level === level) : undefined;
    announce(tr('announceVoteSaved', { vote: chosen ? `${level} · ${chosen.name}` : String(level) }));
  }
}

async function voteNotApplicable(practice: string): Promise<void> {
  if (busy) return;
  const reason = naDraft.trim();
  if (reason === '') {
    naMissing = true;
    render();
    document.getElementById('na-reason')?.focus();
    return;
  }
  naMissing = false;
  if (await post('./api/vote', { practice, na: true, reason })) {
    announce(tr('announceVoteSaved', { vote: tr('notApplicable') }));
  }
}

let events: EventSource | null = null;

function connect(): void {
  events?.close();
  const source = new EventSource('./api/events');
  events = source;
  source.addEventListener('open', () => {
    connection.textContent = '';
    void refresh();
  });
  source.addEventListener('state', () => void refresh());
  source.addEventListener('error', () => {
    connection.textContent = tr('reconnecting');
    // The browser retries by itself unless the server answered with an error status: then we
    // ask for the state (a 404 means the session is over) and retry while it is not.
    if (source.readyState === EventSource.CLOSED && events === source) {
      void refresh();
      setTimeout(() => events === source && !sessionEnded && connect(), 3000);
    }
  });
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible' || sessionEnded) return;
  if (events === null || events.readyState === EventSource.CLOSED) connect();
  void refresh();
});

// --- rendering -------------------------------------------------------------------------------------------

function setState(next: LiveState): void {
  const before = shown;
  const practiceMoved = state?.practice?.id !== next.practice?.id;
  deadlines = deadlinesOf(next.pace, performance.now(), practiceMoved ? null : deadlines);
  state = next;
  render();
  const after = shown;
  if (before === null || after === null) return;
  const practiceBefore = 'practice' in before ? before.practice.id : null;
  const practiceAfter = 'practice' in after ? after.practice.id : null;
  if (practiceAfter !== null && practiceAfter !== practiceBefore && 'practice' in after) {
    naOpen = false;
    naDraft = '';
    naMissing = false;
    announce(tr('announcePractice', { title: after.practice.title }));
  } else if (after.screen === 'revealed' && before.screen !== 'revealed') {
    announce(tr('announceRevealed'));
  }
}

function render(): void {
  document.documentElement.lang = lang;
  document.title = tr('pageTitle');
  byId('lang-label').textContent = tr('language');
  for (const code of ['en', 'fr'] as const) {
    byId(`lang-${code}`).setAttribute('aria-pressed', String(code === lang));
  }
  if (state === null) return;
  renderPace();
  byId('component').textContent = state.workshop.component;
  byId('held-on').textContent = tr('workshopOn', { date: formatDate(state.workshop.held_on) });
  if (connection.textContent !== '') connection.textContent = tr(sessionEnded ? 'sessionEnded' : 'reconnecting');

  const view = viewOf(state, lang);
  if (view.screen === 'vote' && view.naSelected && !naOpen && naDraft === '') {
    naOpen = true;
    naDraft = view.naReason;
  }
  // Re-drawn only when something visible changed, so a screen reader's place survives others' events.
  const key = JSON.stringify([view, lang, naOpen, naMissing]);
  const screenChanged = shown?.screen !== view.screen;
  shown = view;
  if (key === renderedKey) return;
  renderedKey = key;

  const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.['key'];
  main.replaceChildren(...screen(view));
  const again = focusedKey ? main.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`) : null;
  if (again) again.focus();
  else if (screenChanged && document.activeElement === document.body) {
    main.querySelector<HTMLElement>('h2')?.focus();
  }
}

/** Sets `text` only when it changed: the spoken countdown must not be re-announced each second. */
function setText(id: string, text: string): void {
  const element = byId(id);
  if (element.textContent !== text) element.textContent = text;
}

/** The agenda and the countdown, redrawn each second apart from the rest of the page. */
function renderPace(): void {
  if (state === null || deadlines === null) return;
  const view = paceView(state, lang, deadlines, performance.now());
  const section = byId('pace');
  section.hidden = false;
  section.setAttribute('aria-label', tr('paceTitle'));
  setText('agenda', view.agenda);
  const countdown = byId('countdown');
  countdown.hidden = view.countdown === null;
  countdown.classList.toggle('over', view.countdown?.over ?? false);
  setText('countdown-clock', view.countdown?.clock ?? '');
  setText('countdown-label', view.countdown?.label ?? '');
  setText('countdown-spoken', view.countdown?.spoken ?? '');
}

function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function screen(view: View): Node[] {
  switch (view.screen) {
    case 'join':
      return [
        h('h2', { tabindex: '-1' }, tr('pickName')),
        h('p', { class: 'muted', id: 'join-hint' }, tr('pickNameHint')),
        h(
          'ul',
          { class: 'names', 'aria-describedby': 'join-hint' },
          ...view.choices.map((choice) => {
            const button = h(
              'button',
              { type: 'button', class: 'name', 'data-key': `join:${choice.name}`, disabled: choice.taken },
              h('span', {}, choice.name),
              choice.taken && h('span', { class: 'note' }, tr('alreadyJoined')),
            );
            button.addEventListener('click', () => void join(choice.name));
            return h('li', {}, button);
          }),
        ),
      ];
    case 'waiting':
      return [
        you(view.you),
        h('h2', { tabindex: '-1', class: 'waiting' }, tr('waiting')),
        h(
          'section',
          { class: 'voters', 'aria-labelledby': 'joined-title' },
          h('h3', { id: 'joined-title' }, tr('whoJoined')),
          h('ul', {}, ...view.joined.map((name) => h('li', {}, h('span', { class: 'voter' }, name)))),
        ),
      ];
    case 'vote':
      return [you(view.you), practice(view.practice), ballot(view), voters(view.voters, view.votedCount)];
    case 'revealed':
      return [you(view.you), practice(view.practice), results(view)];
  }
}

function you(name: string): HTMLElement {
  return h('p', { class: 'you' }, tr('joinedAs', { name }));
}

function practice(p: { position: string; pillar: string; title: string; question: string }): HTMLElement {
  return h(
    'section',
    { class: 'practice', 'aria-labelledby': 'practice-title' },
    h('p', { class: 'muted' }, `${p.pillar} · ${p.position}`),
    h('h2', { id: 'practice-title', tabindex: '-1' }, p.title),
    h('p', { class: 'question' }, p.question),
  );
}

function ballot(view: Extract<View, { screen: 'vote' }>): HTMLElement {
  const levels = view.levels.map((level) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: 'level',
        'aria-pressed': String(level.selected),
        'data-key': `level:${level.level}`,
      },
      h('span', { class: 'level-name' }, h('span', { class: 'level-number' }, String(level.level)), level.name),
      h('span', { class: 'descriptor' }, level.descriptor),
      level.selected && h('span', { class: 'mark' }, tr('yourVote')),
    );
    button.addEventListener('click', () => void voteLevel(view.practice.id, level.level));
    return h('li', {}, button);
  });

  const naToggle = h(
    'button',
    {
      type: 'button',
      class: 'level na',
      'aria-pressed': String(view.naSelected),
      'aria-expanded': String(naOpen),
      'aria-controls': 'na-form',
      'data-key': 'na',
    },
    h('span', { class: 'level-name' }, h('span', { class: 'level-number' }, tr('notApplicable')), tr('notApplicableLong')),
    view.naSelected && h('span', { class: 'mark' }, tr('yourVote')),
  );
  naToggle.addEventListener('click', () => {
    naOpen = !naOpen;
    render();
    if (naOpen) document.getElementById('na-reason')?.focus();
  });

  const reason = h('textarea', {
    id: 'na-reason',
    rows: '3',
    maxlength: String(LIMITS.naReason),
    'data-key': 'na-reason',
    'aria-required': 'true',
    'aria-invalid': String(naMissing),
    'aria-describedby': naMissing && 'na-error',
  });
  (reason as HTMLTextAreaElement).value = naDraft;
  reason.addEventListener('input', () => (naDraft = (reason as HTMLTextAreaElement).value));
  const missing = naMissing && h('p', { id: 'na-error', class: 'field-error' }, tr('reasonRequired'));
  const submit = h('button', { type: 'submit', class: 'primary', 'data-key': 'na-submit' }, tr('voteNa'));
  const form = h(
    'form',
    { id: 'na-form', class: 'na-form', hidden: !naOpen },
    h('label', { for: 'na-reason' }, tr('reason')),
    missing,
    reason,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void voteNotApplicable(view.practice.id);
  });

  return h(
    'section',
    { class: 'ballot', 'aria-labelledby': 'ballot-title' },
    h('h3', { id: 'ballot-title' }, tr('yourVote')),
    h('p', { class: 'muted', id: 'ballot-hint' }, tr('voteHint')),
    h('p', { class: 'current' }, view.yourVote),
    h('ul', { class: 'levels', 'aria-describedby': 'ballot-hint' }, ...levels, h('li', {}, naToggle, form)),
  );
}

function voters(marks: { name: string; voted: boolean }[], count: string): HTMLElement {
  return h(
    'section',
    { class: 'voters', 'aria-labelledby': 'voters-title' },
    h('h3', { id: 'voters-title' }, tr('whoVoted')),
    h('p', { class: 'muted' }, count),
    h(
      'ul',
      {},
      ...marks.map((mark) =>
        h(
          'li',
          { class: mark.voted ? 'voted' : 'pending' },
          h('span', { class: 'tick', 'aria-hidden': 'true' }, mark.voted ? '✓' : '…'),
          h('span', { class: 'voter' }, mark.name),
          h('span', { class: 'muted' }, mark.voted ? tr('voted') : tr('notVotedYet')),
        ),
      ),
    ),
  );
}

function results(view: Extract<View, { screen: 'revealed' }>): HTMLElement {
  return h(
    'section',
    { class: 'results', 'aria-labelledby': 'results-title' },
    h('h3', { id: 'results-title' }, tr('revealedTitle')),
    h('p', { class: 'spread' }, view.spread),
    view.toDiscuss && h('p', { class: 'discuss' }, tr('toDiscuss')),
    h(
      'ul',
      { class: 'cards' },
      ...view.cards.map((card) =>
        h(
          'li',
          { class: card.na ? 'card na' : 'card' },
          h('span', { class: 'card-name' }, card.participant),
          h('span', { class: 'card-vote' }, card.vote),
          card.reason !== '' && h('span', { class: 'card-reason' }, card.reason),
        ),
      ),
    ),
  );
}

for (const code of ['en', 'fr'] as const) {
  byId(`lang-${code}`).addEventListener('click', () => {
    lang = code;
    try {
      localStorage.setItem(LANG_STORAGE_KEY, code);
    } catch {
      // storage disabled: the choice lasts until the page is closed
    }
    render();
  });
}

render();
connect();
void refresh();
setInterval(renderPace, 250);
