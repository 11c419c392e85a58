#!/usr/bin/env node
// Counts `expect(` calls per requirement ID (the `N3:`, `R7:` prefixes of test and describe
// titles), so a change to the test suite can show that no requirement lost assertions.
// An expect counts for the IDs of its innermost titled block that has any; expects outside
// such a block (helpers, untagged tests) count under "(none)". Counts calls as written, not
// as run: an expect in a loop counts once.
// Usage: node scripts/count-expects.mjs [> counts.txt]; compare two outputs with diff.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const roots = ['core/src', 'server/src', 'e2e'];
const files = roots.flatMap((root) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    // Test files, and the helpers they share, which hold expects too.
    .filter((f) => f.endsWith('.test.ts') || f.startsWith('server/src/test/') || f === 'e2e/support.ts'),
);

const idPattern = /\b([A-Z]{1,3}\d+[a-z]?):/g;
const blockNames = new Set(['it', 'test', 'describe']);
const counts = new Map();

const calleeRoot = (expr) => {
  while (ts.isPropertyAccessExpression(expr) || ts.isCallExpression(expr))
    expr = ts.isCallExpression(expr) ? expr.expression : expr.expression;
  return ts.isIdentifier(expr) ? expr.text : undefined;
};
const titleOf = (arg) =>
  arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))
    ? arg.text
    : arg && ts.isTemplateExpression(arg)
      ? arg.head.text
      : undefined;

for (const file of [...new Set(files)].sort()) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node, ids) => {
    if (ts.isCallExpression(node)) {
      const root = calleeRoot(node.expression);
      if (root === 'expect') {
        const key = ids.length ? ids : ['(none)'];
        for (const id of key) counts.set(id, (counts.get(id) ?? 0) + 1);
      } else if (root && blockNames.has(root)) {
        const title = titleOf(node.arguments[0]);
        const own = title ? [...new Set([...title.matchAll(idPattern)].map((m) => m[1]))] : [];
        if (own.length) ids = own;
      }
    }
    ts.forEachChild(node, (child) => visit(child, ids));
  };
  visit(source, []);
}
const sorted = [...counts].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
for (const [id, n] of sorted) console.log(`${id}\t${n}`);
console.log(`total\t${sorted.reduce((sum, [, n]) => sum + n, 0)}`);
