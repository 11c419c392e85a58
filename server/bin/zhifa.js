#!/usr/bin/env node
// Runs the compiled CLI; `npm install` builds it (see the root package's prepare script).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('zhifa：尚未构建，请先在仓库根目录运行 npm install 或 npm run build');
  process.exit(1);
}
await import(cli.href);
