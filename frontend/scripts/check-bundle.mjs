// Fails the build when the JavaScript a first visit downloads exceeds the budget (gzip).
// "Initial" = the entry chunk and every chunk it imports statically (what index.html pulls in
// before the page can render); lazily loaded chunks (dialog, drawer, zh-CN) do not count.
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_KB = Number(process.env.DSM_INITIAL_JS_BUDGET_KB ?? 350);
const dist = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'dist');
const html = await readFile(path.join(dist, 'index.html'), 'utf8');

const initial = new Set();
for (const [, src] of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?(assets\/[^"]+\.js)"/g)) initial.add(src);

// Follow static imports: Vite writes them as `from"./x.js"` / `import"./x.js"` in the chunks.
const queue = [...initial];
while (queue.length > 0) {
  const file = queue.pop();
  const code = await readFile(path.join(dist, file), 'utf8');
  for (const [, imported] of code.matchAll(/(?:^|[;\s}])(?:import|from)\s*"\.\/([^"]+\.js)"/g)) {
    const name = `assets/${imported}`;
    if (!initial.has(name)) {
      initial.add(name);
      queue.push(name);
    }
  }
}

/** @param {string} file */
const gzipKb = async (file) => gzipSync(await readFile(path.join(dist, file)), { level: 9 }).length / 1024;
let total = 0;
console.log('Initial JavaScript (gzip):');
for (const file of [...initial].sort()) {
  const kb = await gzipKb(file);
  total += kb;
  console.log(`  ${file.padEnd(48)} ${kb.toFixed(1).padStart(7)} KB`);
}
const lazy = (await readdir(path.join(dist, 'assets'))).filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`));
let lazyTotal = 0;
for (const file of lazy) lazyTotal += await gzipKb(`assets/${file}`);
console.log(
  `  total ${total.toFixed(1)} KB of ${BUDGET_KB} KB budget; ${lazy.length} lazy chunks, ${lazyTotal.toFixed(1)} KB`,
);
if (total > BUDGET_KB) {
  console.error(`Initial JavaScript is ${total.toFixed(1)} KB gzipped, over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
