// A tiny runner for the console's browser tests: named steps run in order, each passes or fails
// on its own, later steps are skipped when one they need failed, and the last line of output is
// always "N passed, N failed" (what the Maven test looks for).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

export class Harness {
  /** @param {string} screenshotDir */
  constructor(screenshotDir) {
    this.screenshotDir = screenshotDir;
    this.passed = 0;
    this.failed = 0;
    /** @type {Set<string>} */
    this.failures = new Set();
  }

  /**
   * Runs one step. `needs` names earlier steps whose failure makes this one meaningless: it is
   * then counted as failed without running, with the reason.
   * @param {string} name
   * @param {() => Promise<void>} body
   * @param {{ needs?: string[] }} [options]
   */
  async step(name, body, { needs = [] } = {}) {
    const missing = needs.filter((need) => this.failures.has(need));
    if (missing.length > 0) {
      this.#fail(name, `skipped: needs ${missing.join(', ')}`);
      return;
    }
    const started = Date.now();
    try {
      await body();
      this.passed += 1;
      console.log(`  ok    ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      this.#fail(name, error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }

  /**
   * @param {string} name
   * @param {string} reason
   */
  #fail(name, reason) {
    this.failed += 1;
    this.failures.add(name);
    console.log(`  FAIL  ${name}\n        ${reason.split('\n').slice(0, 6).join('\n        ')}`);
  }

  /**
   * Saves a PNG named after what it shows.
   * @param {import('playwright-core').Page} page
   * @param {string} name
   */
  async screenshot(page, name) {
    await mkdir(this.screenshotDir, { recursive: true });
    // Let Ant Design's transitions (fades, colour changes) finish; they ignore reduced motion.
    await page.waitForTimeout(400);
    const file = path.join(this.screenshotDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`        screenshot ${file}`);
  }

  summary() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 ? 0 : 1;
  }
}

/**
 * Waits until `condition` returns true (the page settles asynchronously), or fails with `message`.
 * @param {() => Promise<boolean>} condition
 * @param {string} message
 * @param {number} [timeoutMs]
 */
export async function eventually(condition, message, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Fails with `message` unless `condition` holds.
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}
