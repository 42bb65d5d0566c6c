// The fixture both desktop end-to-end files share: the built binaries, a
// tauri-driver with its own temp database, screenshots and CLI calls.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { startDriver } from "./webdriver.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const app = join(root, "target/debug/mamos-desktop");
export const cli = join(root, "target/debug/mamos");
const screenshots = join(root, "target/e2e-screenshots");

/**
 * Starts tauri-driver on `port` with a fresh database in a temp folder, so a
 * test never touches a user's data. `stop()` ends the driver and removes it.
 */
export async function startApp({ port, name }) {
  for (const binary of [app, cli]) {
    assert.ok(existsSync(binary), `${binary} is missing: run \`make build\` first`);
  }
  mkdirSync(screenshots, { recursive: true });
  const workdir = mkdtempSync(join(tmpdir(), `mamos-e2e-${name}-`));
  const db = join(workdir, `${name}.db`);
  const driver = await startDriver({ port, env: { MAMOS_DB: db } });
  return {
    db,
    driver,
    /** Runs the CLI on the same database; returns its standard output. */
    cli: (...args) => execFileSync(cli, ["--db", db, ...args], { encoding: "utf8" }),
    /** Runs a CLI command with --json on the same database and parses it. */
    cliJson: (...args) => JSON.parse(execFileSync(cli, ["--db", db, ...args, "--json"], { encoding: "utf8" })),
    /** Saves what the X display shows under target/e2e-screenshots/ (WebKitWebDriver's own screenshot hangs under Xvfb). */
    screenshot: (file) => execFileSync("import", ["-window", "root", join(screenshots, `${file}.png`)]),
    async stop() {
      await driver.stop();
      rmSync(workdir, { recursive: true, force: true });
    },
  };
}

/** A score or level as the UI writes it in a data attribute. */
export function asAttribute(value) {
  return value === null ? "null" : String(value);
}
