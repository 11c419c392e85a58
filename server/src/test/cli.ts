/**
 * The `zhifa` command for tests: in this process (what a command does), or as a real process
 * (what only a process shows: its exit code, its streams, its end).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { run } from '../cli/program.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command line in this process with its own environment; output is collected, not printed. */
export async function runZhifa(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    env,
    out: (line) => {
      stdout += `${line}\n`;
    },
    err: (text) => {
      stderr += text;
    },
    progressShown: false,
  });
  return { code, stdout, stderr };
}

const bin = fileURLToPath(new URL('../../bin/zhifa.js', import.meta.url));

/** Runs the built `zhifa` as an operator does: a new process. */
export async function spawnZhifa(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
