// Measures the list page with many data sources stored, in headless Debian Chromium:
//   1. seeds the store up to BENCH_ROWS data sources through the API (skipped when enough exist),
//   2. first page: from navigation start to the first table row on screen, BENCH_RUNS times with a
//      cold browser (fresh profile) and once more warm (same browser, cached assets),
//   3. search as you type: keystroke-to-paint latency, main-thread long tasks, list requests sent,
//      and the time from the last keystroke to the matching row.
// Starts no server. Environment: DSM_URL (the console, e.g. http://localhost:8080), DSM_USERNAME
// (admin) and DSM_PASSWORD (an OPERATOR or ADMIN: seeding creates data sources), BENCH_ROWS (10000),
// BENCH_RUNS (5). Writes bench/out/list-page.json and prints a Markdown summary.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { launch } from '../e2e/lib/browser.mjs';

const DSM_URL = (process.env.DSM_URL ?? '').replace(/\/$/, '');
if (!DSM_URL) {
  console.error('DSM_URL is not set');
  process.exit(2);
}
const USERNAME = process.env.DSM_USERNAME ?? 'admin';
const PASSWORD = process.env.DSM_PASSWORD ?? '';
if (!PASSWORD) {
  console.error('DSM_PASSWORD is not set (the console and the API need a signed-in user)');
  process.exit(2);
}
/** HTTP Basic for the seeding requests, as any API client signs in. */
const AUTHORIZATION = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`;
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEARCH = 'bench0999';
const FIRST_ROW = 'tr.ant-table-row';

/** @param {number[]} values */
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, min: sorted[0] ?? NaN, median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

async function countStored() {
  const response = await fetch(`${DSM_URL}/api/datasources?size=1`, { headers: { Authorization: AUTHORIZATION } });
  if (!response.ok) throw new Error(`GET /api/datasources: HTTP ${response.status}`);
  return /** @type {{ total: number }} */ (await response.json()).total;
}

/** @param {number} i */
function benchDataSource(i) {
  return {
    identifier: `bench${String(i).padStart(5, '0')}`,
    type: 'POSTGRESQL',
    attribute: i % 7 === 0 ? 'STANDBY' : 'PRIMARY',
    host: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    port: 5432,
    username: `migrator${i % 13}`,
    password: 'bench-password',
    databaseName: `orders${i % 50}`,
    schemaName: i % 3 === 0 ? 'public' : undefined,
    remarks: `Benchmark data source ${i}`,
  };
}

async function seed() {
  const stored = await countStored();
  if (stored >= ROWS) return { stored, created: 0, seconds: 0 };
  const started = Date.now();
  let next = 0;
  let created = 0;
  const worker = async () => {
    while (next < ROWS) {
      const i = next++;
      const response = await fetch(`${DSM_URL}/api/datasources`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: AUTHORIZATION },
        body: JSON.stringify(benchDataSource(i)),
      });
      if (response.status === 201) created += 1;
      else if (response.status !== 409)
        throw new Error(`POST bench ${i}: HTTP ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { stored: await countStored(), created, seconds: (Date.now() - started) / 1000 };
}

/** Records, inside the page, when the first table row is attached (relative to navigation start). */
const FIRST_ROW_PROBE = `
  window.__firstRowAt = undefined;
  new MutationObserver((_, observer) => {
    if (document.querySelector('${FIRST_ROW}')) {
      requestAnimationFrame(() => { window.__firstRowAt = performance.now(); });
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Signs the browser context in as the console does (the session cookie lands in the context), so
 * that the measured navigation goes straight to the list, not to the sign-in page.
 * @param {import('playwright-core').Page} page
 */
async function signIn(page) {
  const response = await page.request.post(`${DSM_URL}/api/session`, {
    data: { username: USERNAME, password: PASSWORD },
    headers: { 'X-Requested-With': 'dsm-console' },
  });
  if (!response.ok()) throw new Error(`POST /api/session: HTTP ${response.status()}`);
}

/** @param {import('playwright-core').Page} page */
async function firstRowTiming(page) {
  await page.goto(`${DSM_URL}/`);
  await page.locator(FIRST_ROW).first().waitFor();
  await page.waitForFunction(() => /** @type {any} */ (window).__firstRowAt !== undefined);
  return page.evaluate(() => {
    const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
    const list = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/datasources?'));
    const js = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .reduce((sum, entry) => sum + /** @type {PerformanceResourceTiming} */ (entry).transferSize, 0);
    return {
      firstRowMs: /** @type {any} */ (window).__firstRowAt,
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      listRequestMs: list ? list.duration : NaN,
      jsTransferredKb: js / 1024,
    };
  });
}

async function measureFirstPage() {
  /** @type {Awaited<ReturnType<typeof firstRowTiming>>[]} */
  const cold = [];
  let warm;
  for (let run = 0; run < RUNS; run += 1) {
    const browser = await launch({ width: 1280, height: 900 });
    try {
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      await page.addInitScript(FIRST_ROW_PROBE);
      await signIn(page);
      cold.push(await firstRowTiming(page));
      if (run === RUNS - 1) warm = await firstRowTiming(page);
    } finally {
      await browser.close();
    }
  }
  return { cold, warm };
}

async function measureSearch() {
  const browser = await launch({ width: 1280, height: 900 });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await signIn(page);
    await page.goto(`${DSM_URL}/`);
    await page.locator(FIRST_ROW).first().waitFor();
    let listRequests = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/datasources?') && request.url().includes('q=')) listRequests += 1;
    });
    // Keystroke → next frame after the input shows it; and every main-thread task over 50 ms.
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__keyLatencies = [];
      w.__longTasks = [];
      let downAt = 0;
      document.addEventListener('keydown', (event) => (downAt = event.timeStamp), true);
      document.addEventListener(
        'input',
        () => {
          const start = downAt;
          requestAnimationFrame(() => setTimeout(() => w.__keyLatencies.push(performance.now() - start), 0));
        },
        true,
      );
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    const box = page.getByRole('searchbox', { name: 'Search data sources' });
    await box.click();
    await box.pressSequentially(SEARCH, { delay: 80 });
    const typedAt = Date.now();
    await page.getByRole('link', { name: `${SEARCH}9`, exact: true }).waitFor();
    await page.waitForFunction(
      (text) => document.querySelectorAll('tr.ant-table-row').length === 10 && location.search.includes(text),
      SEARCH,
    );
    const resultsAfterMs = Date.now() - typedAt;
    const typed = await box.inputValue();
    const { keyLatencies, longTasks } = await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      return {
        keyLatencies: /** @type {number[]} */ (w.__keyLatencies),
        longTasks: /** @type {number[]} */ (w.__longTasks),
      };
    });
    return { typed, keyLatencyMs: stats(keyLatencies), longTasksMs: longTasks, listRequests, resultsAfterMs };
  } finally {
    await browser.close();
  }
}

const seeded = await seed();
const firstPage = await measureFirstPage();
const search = await measureSearch();
const result = {
  at: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
  url: DSM_URL,
  seeded,
  firstRowMs: stats(firstPage.cold.map((run) => run.firstRowMs)),
  listRequestMs: stats(firstPage.cold.map((run) => run.listRequestMs)),
  domContentLoadedMs: stats(firstPage.cold.map((run) => run.domContentLoadedMs)),
  warmFirstRowMs: firstPage.warm?.firstRowMs,
  jsTransferredKb: firstPage.cold[0]?.jsTransferredKb,
  search,
};
await mkdir('bench/out', { recursive: true });
await writeFile('bench/out/list-page.json', JSON.stringify(result, null, 2));

const ms = (/** @type {number | undefined} */ value) => (value === undefined ? '—' : `${Math.round(value)} ms`);
console.log(`
| measure (${result.seeded.stored} data sources stored) | median | max |
|---|---|---|
| navigation → first row on screen, cold browser (${RUNS} runs) | ${ms(result.firstRowMs.median)} | ${ms(result.firstRowMs.max)} |
| of which GET /api/datasources (page 1, 20 rows) | ${ms(result.listRequestMs.median)} | ${ms(result.listRequestMs.max)} |
| navigation → first row, warm browser (cached assets) | ${ms(result.warmFirstRowMs)} | |
| search "${SEARCH}" typed at 80 ms/key: keystroke → painted | ${ms(search.keyLatencyMs.median)} | ${ms(search.keyLatencyMs.max)} |
| main-thread tasks over 50 ms while typing | ${search.longTasksMs.length} | ${ms(Math.max(0, ...search.longTasksMs))} |
| list requests sent for ${SEARCH.length} keystrokes | ${search.listRequests} | |
| last keystroke → matching rows shown | ${ms(search.resultsAfterMs)} | |

JavaScript transferred on a cold load: ${result.jsTransferredKb?.toFixed(0)} KB (gzip). Machine: ${result.machine}.
Seeding: ${seeded.created} created in ${seeded.seconds.toFixed(0)} s.`);
