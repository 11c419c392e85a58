// `npm start`: build what is missing or stale, then run the server.
// The server and core compile incrementally with `tsc -b` (fast when nothing
// changed); the console is rebuilt only when a file under web/ is newer than its build.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args) => execFileSync(npm, args, { cwd: root, stdio: 'inherit' });

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

run(['exec', '--', 'tsc', '-b', 'server']);
const consoleIndex = path.join(root, 'web/dist/index.html');
if (!existsSync(consoleIndex) || newestMtime(path.join(root, 'web')) > statSync(consoleIndex).mtimeMs) {
  console.log('正在构建工作台前端……');
  run(['run', 'build', '-w', 'web']);
}
const server = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 1));
