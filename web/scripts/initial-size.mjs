/**
 * Measures the console's initial JavaScript: the entry chunk named in
 * dist/index.html plus every chunk it imports statically (transitively), each
 * gzipped as `gzip -c file | wc -c` would. Fails above the budget.
 *
 *   node web/scripts/initial-size.mjs [budgetKiB=400]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const budget = Number(process.argv[2] ?? 400) * 1024;
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\/console\/([^"]+)"/.exec(html)?.[1];
if (!entry) throw new Error('no module entry in dist/index.html');

// Static imports only: `import"./x.js"` and `from"./x.js"`; `import("./x.js")` is lazy.
const staticImport = /(?:\bfrom\s*|\bimport\s*)["'](\.\/[^"']+\.js)["']/g;
const seen = new Set();
const queue = [entry];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(path.join(dist, file), 'utf8');
  for (const match of code.matchAll(staticImport)) {
    queue.push(path.posix.join(path.posix.dirname(file), match[1]));
  }
}

let raw = 0;
let gzipped = 0;
for (const file of seen) {
  const bytes = readFileSync(path.join(dist, file));
  const size = gzipSync(bytes, { level: 6 }).length;
  raw += bytes.length;
  gzipped += size;
  console.log(
    `${file.padEnd(44)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KiB  gzip ${(size / 1024).toFixed(1).padStart(7)} KiB`,
  );
}
console.log(
  `initial JS: ${seen.size} files, ${(raw / 1024).toFixed(1)} KiB, gzip ${(gzipped / 1024).toFixed(1)} KiB (budget ${budget / 1024} KiB)`,
);
if (gzipped > budget) {
  console.error('initial JS is over budget');
  process.exit(1);
}
