import { execFileSync } from 'node:child_process';

// Tests that run the `zhifa` command or the server process need the compiled
// server; an incremental build is quick when nothing changed.
export default function setup() {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'server'], { stdio: 'inherit' });
}
