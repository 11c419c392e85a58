// Builds what is missing or stale: the server and core compile incrementally
// with `tsc -b` (quick when nothing changed); the console is rebuilt only when
// a file under web/ is newer than its build. Used by `npm install` (prepare),
// `npm start` and `npm test`; `npm run build` rebuilds everything.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIfStale() {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'server'], {
    cwd: root,
    stdio: 'inherit',
  });
  const consoleIndex = path.join(root, 'web/dist/index.html');
  // The console imports some of core's modules (role labels), so core's sources count too.
  const newestSource = Math.max(
    newestMtime(path.join(root, 'web')),
    newestMtime(path.join(root, 'core/src')),
  );
  if (!existsSync(consoleIndex) || newestSource > statSync(consoleIndex).mtimeMs) {
    console.log('正在构建工作台前端（web/）……');
    execFileSync(npm, ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale();
