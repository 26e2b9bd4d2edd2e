// Cairn's real-browser harness: Debian's chromium driven by playwright-core, axe-core run
// inside the page. A scenario (one file per flow, next to this folder) is a list of named
// steps; a failing step is recorded and the next one still runs, so one run reports every
// problem. The run prints ONE JSON line on standard output and exits 0 only when every step
// passed:
//   {"ok": bool, "steps": [{"name", "ok", "ms", "error"?}], "screenshots": [file…],
//    "axe": {"<page>": {"serious": n, "critical": n, "violations": [...]}}, "notes": [text…]}
//
// Usage in a scenario:
//   const h = await Harness.start(baseUrl, artefactDir);
//   await h.step("home page", async () => { const p = await h.page(); await h.goto(p, "/"); … });
//   await h.finish();

import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Where Debian puts chromium; `CHROMIUM` overrides it. */
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** How long one browser action may wait (a bound, never a speed assertion). */
const ACTION_BOUND_MS = 30_000;

export class Harness {
  constructor(browser, baseUrl, artefacts) {
    this.browser = browser;
    this.baseUrl = baseUrl.replace(/\/$/, "");
    this.artefacts = artefacts;
    this.steps = [];
    this.screenshots = [];
    this.axeResults = {};
    this.notes = [];
  }

  /** Launches headless chromium (no sandbox: CI runs as root). */
  static async start(baseUrl, artefacts) {
    if (!baseUrl || !artefacts) throw new Error("usage: node <scenario>.mjs <base-url> <artefact-dir> [data.json]");
    mkdirSync(artefacts, { recursive: true });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
    });
    return new Harness(browser, baseUrl, artefacts);
  }

  /** A fresh page in its own context (its own cookies); `javaScript: false` for the no-JS checks;
   * `storageState` (from `page.context().storageState()`) starts it with another page's cookies. */
  async page({ javaScript = true, locale = "en-GB", storageState } = {}) {
    const context = await this.browser.newContext({
      javaScriptEnabled: javaScript,
      locale,
      viewport: { width: 1200, height: 900 },
      acceptDownloads: true,
      storageState,
    });
    context.setDefaultTimeout(ACTION_BOUND_MS);
    const page = await context.newPage();
    // Script errors, and sub-resources (scripts, styles, images) that failed; the browser's
    // own favicon request is not the page's.
    page.cairnErrors = [];
    page.on("pageerror", (e) => page.cairnErrors.push(String(e)));
    // Anything the Content-Security-Policy blocked is a defect of the page, not of the test.
    page.on("console", (m) => {
      if (m.type() === "error" && m.text().includes("Content Security Policy")) page.cairnErrors.push(m.text());
    });
    page.on("response", (r) => {
      const sub = r.request().resourceType() !== "document" && !r.url().endsWith("/favicon.ico");
      if (sub && r.status() >= 400) page.cairnErrors.push(`${r.status()} ${r.url()}`);
    });
    return page;
  }

  /** Runs one named step; records its outcome and time. */
  async step(name, fn) {
    const started = Date.now();
    try {
      await fn();
      this.steps.push({ name, ok: true, ms: Date.now() - started });
    } catch (e) {
      this.steps.push({ name, ok: false, ms: Date.now() - started, error: String(e && e.stack ? e.stack : e) });
    }
  }

  /** Opens `path` (relative to the base URL); fails on an HTTP error status. */
  async goto(page, path, { status = 200 } = {}) {
    const response = await page.goto(this.baseUrl + path, { waitUntil: "load" });
    expect(response && response.status() === status, `GET ${path}: status ${response && response.status()}, wanted ${status}`);
    return response;
  }

  /** Fills a field found by its id (`#id`) or by its label's text. */
  async fill(page, idOrLabel, value) {
    await field(page, idOrLabel).fill(value);
  }

  /** Clicks an element by id (`#id`), or a button or link by its text. */
  async click(page, target) {
    const locator = target.startsWith("#")
      ? page.locator(target)
      : page.getByRole("button", { name: target }).or(page.getByRole("link", { name: target }));
    await locator.first().click();
  }

  /** Clicks `target` and waits for the page it loads. */
  async submit(page, target) {
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), this.click(page, target)]);
  }

  /** Chooses a file in a file input (by id or label). */
  async upload(page, idOrLabel, file) {
    await field(page, idOrLabel).setInputFiles(file);
  }

  /** Drops a file (name and bytes) on an element, the way a person drags one from the desktop. */
  async dropFile(page, target, name, bytes, type = "application/octet-stream") {
    const dataTransfer = await page.evaluateHandle(
      ({ name, b64, type }) => {
        const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([raw], name, { type }));
        return dt;
      },
      { name, b64: Buffer.from(bytes).toString("base64"), type },
    );
    for (const type of ["dragenter", "dragover", "drop"]) {
      await page.dispatchEvent(target, type, { dataTransfer });
    }
  }

  /** Clicks `target` (a download link) and saves the file it downloads as `file`. */
  async download(page, target, file) {
    const [download] = await Promise.all([page.waitForEvent("download"), this.click(page, target)]);
    await download.saveAs(file);
    return file;
  }

  /** The visible text of the first element matching `selector`. */
  async text(page, selector) {
    return (await page.locator(selector).first().innerText()).trim();
  }

  /** Saves a full-page PNG screenshot as `<artefacts>/<name>.png`. */
  async screenshot(page, name) {
    const file = join(this.artefacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    this.screenshots.push(basename(file));
    return file;
  }

  /** Runs axe-core in the page; fails listing every serious or critical violation. */
  async axe(page, name) {
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    this.axeResults[name] = {
      serious: bad.filter((v) => v.impact === "serious").length,
      critical: bad.filter((v) => v.impact === "critical").length,
      minor_or_moderate: result.violations.length - bad.length,
      violations: bad.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      })),
    };
    expect(bad.length === 0, `axe on ${name}: ${JSON.stringify(this.axeResults[name].violations)}`);
  }

  /** Records a note for the report (a check skipped and why); the Rust side prints it. */
  note(message) {
    this.notes.push(message);
  }

  /** Fails when the page had a script error, a missing sub-resource or something the CSP
   * blocked (since the last call). */
  noScriptErrors(page) {
    const errors = page.cairnErrors.splice(0);
    expect(errors.length === 0, `script or resource errors: ${errors.join(" | ")}`);
  }

  /** Closes the browser, prints the report line and sets the exit code. */
  async finish() {
    await this.browser.close();
    const ok = this.steps.length > 0 && this.steps.every((s) => s.ok);
    const report = { ok, steps: this.steps, screenshots: this.screenshots, axe: this.axeResults, notes: this.notes };
    process.stdout.write(JSON.stringify(report) + "\n");
    process.exitCode = ok ? 0 : 1;
  }
}

/** Throws `message` unless `condition`. */
export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** An input by `#id`, else by its label. */
function field(page, idOrLabel) {
  return idOrLabel.startsWith("#") ? page.locator(idOrLabel) : page.getByLabel(idOrLabel, { exact: false });
}

/** Reads the scenario's data file (third argument), if any. */
export function readData(path) {
  return path ? JSON.parse(readFileSync(path, "utf8")) : {};
}
