// A minimal W3C WebDriver client over fetch, for driving the real Mamos
// desktop app through tauri-driver (which proxies to WebKitWebDriver).
// Only what the end-to-end tests use: sessions, elements, keys. (Screenshots
// come from the X display instead: WebKitWebDriver's screenshot hangs under Xvfb.)

import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

export const KEY = {
  ArrowUp: "\uE013",
  ArrowDown: "\uE015",
  Enter: "\uE007",
  Escape: "\uE00C",
  Backspace: "\uE003",
  Tab: "\uE004",
  Control: "\uE009",
};

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor(what, check, timeoutMs = 15000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ""}`);
}

/** Starts tauri-driver on `port` with `env`, and waits until it answers /status. */
export async function startDriver({ port, env }) {
  const child = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const base = `http://127.0.0.1:${port}`;
  await waitFor("tauri-driver to answer /status", async () => {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    const response = await fetch(`${base}/status`);
    return response.ok;
  });
  return {
    base,
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(5000)]);
    },
  };
}

async function request(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A hung WebDriver call fails the test in reasonable time instead of at CI's limit.
    signal: AbortSignal.timeout(60000),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = json.value?.message ?? JSON.stringify(json);
    throw new Error(`${method} ${url}: HTTP ${response.status}: ${detail}`);
  }
  return json.value;
}

export class Session {
  static async create(base, application) {
    const value = await request("POST", `${base}/session`, {
      capabilities: { alwaysMatch: { "tauri:options": { application } } },
    });
    return new Session(base, value.sessionId);
  }

  constructor(base, id) {
    this.url = `${base}/session/${id}`;
  }

  async close() {
    await request("DELETE", this.url);
  }

  async find(css) {
    const value = await request("POST", `${this.url}/element`, { using: "css selector", value: css });
    return value[ELEMENT];
  }

  async findAll(css) {
    const value = await request("POST", `${this.url}/elements`, { using: "css selector", value: css });
    return value.map((e) => e[ELEMENT]);
  }

  /** Waits until `css` matches an element, and returns it. */
  async waitFor(css, timeoutMs = 15000) {
    return waitFor(`an element matching ${css}`, async () => (await this.findAll(css))[0], timeoutMs);
  }

  /** The elements matching `css` inside `element`. */
  async findAllIn(element, css) {
    const found = await request("POST", `${this.url}/element/${element}/elements`, { using: "css selector", value: css });
    return found.map((e) => e[ELEMENT]);
  }

  async text(element) {
    return request("GET", `${this.url}/element/${element}/text`);
  }

  async attribute(element, name) {
    return request("GET", `${this.url}/element/${element}/attribute/${name}`);
  }

  async click(element) {
    await request("POST", `${this.url}/element/${element}/click`, {});
  }

  async type(element, text) {
    await request("POST", `${this.url}/element/${element}/value`, { text });
  }

  async clear(element) {
    await request("POST", `${this.url}/element/${element}/clear`, {});
  }

  /** Presses keys on whatever has the focus, one after the other. */
  async press(...keys) {
    const actions = keys.flatMap((key) => [
      { type: "keyDown", value: key },
      { type: "keyUp", value: key },
    ]);
    await request("POST", `${this.url}/actions`, {
      actions: [{ type: "key", id: "keyboard", actions }],
    });
    await request("DELETE", `${this.url}/actions`);
  }

  /** Presses keys together, as Ctrl+Z: each down in order, then up in reverse. */
  async chord(...keys) {
    const actions = [
      ...keys.map((key) => ({ type: "keyDown", value: key })),
      ...[...keys].reverse().map((key) => ({ type: "keyUp", value: key })),
    ];
    await request("POST", `${this.url}/actions`, {
      actions: [{ type: "key", id: "keyboard", actions }],
    });
    await request("DELETE", `${this.url}/actions`);
  }

  /** Runs `script` in the page; used only to read state, never to drive the UI. */
  async execute(script, args = []) {
    return request("POST", `${this.url}/execute/sync`, { script, args });
  }

}
