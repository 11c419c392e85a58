/** The `zhifa` command's entry: runs the command line with this process's environment and streams. */
import { run } from './program.js';

const code = await run(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (text) => process.stderr.write(text),
  progressShown: process.stderr.isTTY === true,
});
// Exit explicitly: worker threads (the SM3 hasher) or open handles must not keep a finished command alive.
process.exit(code);
