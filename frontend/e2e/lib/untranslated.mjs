// Finds English sentences on a page that should read entirely in Chinese: what dsm wrote and
// forgot to translate (its own words, or the server's), as opposed to names that stay as they are.
/** @typedef {import('playwright-core').Locator} Locator */

/**
 * Where words part: spaces, the punctuation inside or at the end of a sentence, and Chinese
 * (ideographs, full-width punctuation), which may touch a Latin word without a space.
 */
const SEPARATORS = /[\s,;:()!?\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+|\.(?=\s|$)/;
/** An English word: ASCII letters, perhaps hyphenated or with an apostrophe (re-sync, user's, tables'). */
const WORD = /^[A-Za-z]+(?:[-'][A-Za-z]+)*'?$/;
/** SQL keywords alone (REPLICA IDENTITY FULL, FOR TABLE) name what to run, inside any language. */
const KEYWORD = /^[A-Z]{2,}$/;
/** A statement shown as a hint, e.g. "GRANT SELECT ON ALL TABLES IN SCHEMA public TO migrator;". */
const STATEMENT = /^(?:GRANT|REVOKE|ALTER|CREATE|SELECT|SET) [A-Z]+\b.*;$/;

/**
 * Text that legitimately stays English in a Chinese screen. Keep it short; every entry says why.
 * Compared after trimming; a run is allowed when an entry contains it.
 * @type {readonly string[]}
 */
const ALLOWED = [
  // None yet. Single words need no entry ("Schema", "PostgreSQL", "SQLSTATE"), nor two ("Primary Key").
];

/**
 * Where no sentence is looked for: SQL to copy (fix blocks), code and monospaced values (hosts,
 * object names, GUC values), what users typed (remarks, identifiers), and text the page declares
 * English on purpose (lang="en": audit records, which the server keeps in English for every reader).
 */
const SKIPPED = 'pre, code, kbd, .code-block, .mono, .identifier-link, [translate="no"], [lang="en"]:not(html)';

/**
 * The runs of three or more English words in `text` that no allow-list entry covers. Anything
 * that is not a plain word breaks a run: identifiers (orders_prod, wal_level), host names and
 * endpoints (127.0.0.1:5432/appdb), quoted names ("migrator"), numbers, Chinese.
 * @param {string} text
 * @param {readonly string[]} [userValues] values the test itself typed, e.g. a remark
 */
export function englishRuns(text, userValues = []) {
  if (STATEMENT.test(text.trim())) return [];
  const allowed = [...ALLOWED, ...userValues];
  /** @type {string[][]} */
  const runs = [[]];
  for (const token of text.split(SEPARATORS)) {
    if (WORD.test(token)) runs[runs.length - 1].push(token);
    else if (token !== '') runs.push([]);
  }
  return runs
    .filter((words) => words.length >= 3 && !words.every((word) => KEYWORD.test(word)))
    .map((words) => words.join(' '))
    .filter((run) => !allowed.some((entry) => entry.includes(run)));
}

/**
 * The visible text of a region, one string per text node (so that words of neighbouring elements
 * never join into a sentence), leaving out what SKIPPED names.
 * @param {Locator} region
 */
export async function visibleTexts(region) {
  return region.evaluate((root, skipped) => {
    const texts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skipped)) continue;
      if (parent.getClientRects().length === 0) continue; // display: none, or not rendered
      const text = (node.textContent ?? '').trim();
      if (text !== '') texts.push(text);
    }
    return texts;
  }, SKIPPED);
}

/**
 * Every English run in the visible text of these regions, each once, prefixed with where it was found.
 * @param {Record<string, Locator>} regions by a name for the report, e.g. { 'the list': ... }
 * @param {readonly string[]} [userValues]
 */
export async function untranslatedIn(regions, userValues = []) {
  /** @type {Set<string>} each once, however many rows repeat it */
  const found = new Set();
  for (const [where, region] of Object.entries(regions)) {
    for (const text of await visibleTexts(region)) {
      for (const run of englishRuns(text, userValues)) found.add(`${where}: "${run}" in "${text}"`);
    }
  }
  return [...found];
}
