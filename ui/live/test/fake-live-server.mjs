// A FAKE of the live-workshop server, only for the headless check of the participant page (page.check.mjs).
// It is not the product: the real server is src/live/ (Rust), and the real end-to-end test (desktop + phones)
// comes with the desktop panel. This fake follows the participant API contract closely enough to drive the page:
// it serves ui/dist-live/ under /live/TOKEN/, keeps a room in memory and lets the test change it on demand.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** @param {{ distDir: string, workshop: object, participants: string[] }} options */
export async function startFakeLiveServer({ distDir, workshop, participants }) {
  const token = randomBytes(16).toString('hex');
  const base = `/live/${token}/`;
  const room = {
    version: 1,
    practice: null,
    revealed: false,
    /** practice id → Map(name → vote) */
    votes: new Map(),
    /** device secret → name */
    devices: new Map(),
  };
  const streams = new Set();
  let eventsRefused = false;
  /** What the page posted, in order: the test asserts on it. */
  const posts = [];

  const joinedNames = () => new Set(room.devices.values());
  const practiceVotes = () => {
    const id = room.practice?.id;
    if (id === undefined) return new Map();
    if (!room.votes.has(id)) room.votes.set(id, new Map());
    return room.votes.get(id);
  };

  function stateFor(name) {
    const votes = practiceVotes();
    const joined = joinedNames();
    const levels = [...votes.values()].filter((v) => 'level' in v).map((v) => v.level);
    return {
      version: room.version,
      workshop,
      practice: room.practice,
      participants: participants.map((p) => ({ name: p, joined: joined.has(p), voted: votes.has(p) })),
      revealed: room.revealed,
      votes: room.revealed ? [...votes].map(([participant, vote]) => ({ participant, ...vote })) : null,
      spread: room.revealed
        ? {
            lowest: levels.length ? Math.min(...levels) : null,
            highest: levels.length ? Math.max(...levels) : null,
            disagreement: levels.length > 0 && Math.max(...levels) - Math.min(...levels) >= 2,
          }
        : null,
      you: name === undefined ? null : { name, vote: room.practice ? (votes.get(name) ?? null) : null },
    };
  }

  function changed({ silently = false } = {}) {
    room.version += 1;
    if (silently) return;
    for (const stream of streams) stream.write(`event: state\ndata: {"version": ${room.version}}\n\n`);
  }

  function send(response, status, body, headers = {}) {
    response.writeHead(status, {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      ...headers,
    });
    response.end(body);
  }
  const json = (response, status, value, headers = {}) =>
    send(response, status, JSON.stringify(value), {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      ...headers,
    });
  const notFound = (response) => send(response, 404, 'Not found', { 'Content-Type': 'text/plain' });

  async function readJson(request) {
    let body = '';
    for await (const chunk of request) body += chunk;
    return JSON.parse(body);
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://fake');
    if (!url.pathname.startsWith(base)) return notFound(response);
    const path = url.pathname.slice(base.length);
    const device = /(?:^|; )mamos_live=([0-9a-f]+)/.exec(request.headers.cookie ?? '')?.[1];
    const name = device === undefined ? undefined : room.devices.get(device);

    if (request.method === 'GET' && (path === '' || path.startsWith('assets/'))) {
      const file = normalize(join(distDir, path === '' ? 'index.html' : path));
      if (!file.startsWith(distDir)) return notFound(response);
      try {
        return send(response, 200, await readFile(file), { 'Content-Type': TYPES[extname(file)] ?? 'text/plain' });
      } catch {
        return notFound(response);
      }
    }
    if (request.method === 'GET' && path === 'api/state') return json(response, 200, stateFor(name));
    if (request.method === 'GET' && path === 'api/events') {
      if (eventsRefused) return json(response, 503, { error: 'The stream is paused by the test.' });
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': CSP,
      });
      // A short retry keeps the check fast; the stream itself carries only the version.
      response.write('retry: 200\n: keep-alive\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (request.method === 'POST' && path === 'api/join') {
      const body = await readJson(request);
      posts.push({ path, body });
      if (!participants.includes(body.name)) {
        return json(response, 422, { error: `${body.name} is not a participant of this workshop.` });
      }
      const holder = [...room.devices].find(([, held]) => held === body.name)?.[0];
      if (holder !== undefined && holder !== device) {
        return json(response, 409, { error: `${body.name} has already joined from another device.` });
      }
      const secret = device ?? randomBytes(16).toString('hex');
      room.devices.set(secret, body.name);
      changed();
      return json(response, 200, { name: body.name }, {
        'Set-Cookie': `mamos_live=${secret}; HttpOnly; SameSite=Strict; Path=/live/${token}`,
      });
    }
    if (request.method === 'POST' && path === 'api/vote') {
      const body = await readJson(request);
      posts.push({ path, body });
      if (name === undefined) return json(response, 401, { error: 'Join the workshop first.' });
      if (room.practice?.id !== body.practice || room.revealed) {
        return json(response, 409, { error: 'This practice is no longer open for votes.' });
      }
      const vote = body.na === true ? { na: true, reason: body.reason } : { level: body.level };
      if (vote.na && !(vote.reason ?? '').trim()) return json(response, 422, { error: 'An N/A vote needs a reason.' });
      practiceVotes().set(name, vote);
      changed();
      return json(response, 200, { practice: body.practice, vote });
    }
    return notFound(response);
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}${base}`,
    posts,
    /** What this participant's device would see (the test's view of the stored vote). */
    voteOf: (participant) => practiceVotes().get(participant) ?? null,
    /** Another device takes `participant`; `silently`: the page is not told (to provoke a 409). */
    joinElsewhere(participant, options) {
      room.devices.set(randomBytes(16).toString('hex'), participant);
      changed(options);
    },
    voteAs(participant, vote) {
      practiceVotes().set(participant, vote);
      changed();
    },
    focus(practice, options) {
      room.practice = practice;
      room.revealed = false;
      changed(options);
    },
    reveal() {
      room.revealed = true;
      changed();
    },
    /** Cuts every event stream and refuses new ones until `resumeEvents`. */
    pauseEvents() {
      eventsRefused = true;
      for (const stream of streams) stream.destroy();
      streams.clear();
    },
    resumeEvents() {
      eventsRefused = false;
    },
    close() {
      for (const stream of streams) stream.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
