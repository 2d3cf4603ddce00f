// Accessibility of what the page shows, measured by axe-core against WCAG 2 A and AA (2.0 and 2.1).
// axe is put into the page through the DevTools protocol (page.evaluate): the console's
// Content-Security-Policy refuses inline scripts, and this way needs none.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { check } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Fails, listing every violation and where it is, unless axe finds none on the page as it is now
 * (open dialogs and drawers included: they are part of the document).
 * @param {import('playwright-core').Page} page
 * @param {string} what the screen, for the report, e.g. "the list (zh-CN)"
 */
export async function expectAccessible(page, what) {
  // Let Ant Design's transitions end: a half-faded dialog has half the contrast.
  await page.waitForTimeout(400);
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  /** @type {{ id: string, impact: string, help: string, nodes: { target: string[], failureSummary: string }[] }[]} */
  const violations = await page.evaluate(async (tags) => {
    // @ts-expect-error axe is what the script above defined
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((/** @type {any} */ violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((/** @type {any} */ node) => ({
        target: node.target,
        failureSummary: node.failureSummary,
      })),
    }));
  }, WCAG_AA);
  const nodes = violations.reduce((sum, violation) => sum + violation.nodes.length, 0);
  console.log(`        axe, ${what}: ${violations.length} kinds of WCAG 2 A/AA violation on ${nodes} elements`);
  for (const violation of violations) {
    console.log(`          ${violation.id} (${violation.impact}): ${violation.help}`);
    for (const node of violation.nodes.slice(0, 8)) {
      const summary = node.failureSummary.replace(/\s+/g, ' ').replace(/^Fix any of the following: /, '');
      console.log(`            ${node.target.join(' ')}: ${summary}`);
    }
    if (violation.nodes.length > 8) console.log(`            ... and ${violation.nodes.length - 8} more`);
  }
  check(
    violations.length === 0,
    `axe finds WCAG 2 A/AA violations on ${what}: ${violations.map((v) => v.id).join(', ')}`,
  );
}
