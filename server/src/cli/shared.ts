/** What the `zhifa` commands share: the configured database and evidence store, argument parsers. */
import { readFileSync } from 'node:fs';
import { parseIsoDate } from '@zhifa/core';
import { InvalidArgumentError } from 'commander';
import { readConfig } from '../config.js';
import { createFieldCipher, type FieldCipher, loadOrCreateFieldKeys } from '../crypto/field-cipher.js';
import { type Database, openDatabase } from '../db/database.js';
import { initialiseDatabase } from '../db/initialise.js';
import { openEvidenceStore } from '../storage/open.js';

/** What one run of a command is given: the environment it reads its configuration from, and its output. */
export interface CliContext {
  env: NodeJS.ProcessEnv;
  /** One line of the command's result (standard output). */
  out: (line: string) => void;
  /** Text for the operator: errors, warnings, progress (standard error). */
  err: (text: string) => void;
  /** Whether a progress counter may rewrite its line (standard error is a terminal). */
  progressShown: boolean;
}

export async function withDatabase<T>(
  env: NodeJS.ProcessEnv,
  work: (database: Database & { cipher: FieldCipher }) => Promise<T>,
): Promise<T> {
  const config = readConfig(env);
  const cipher = createFieldCipher(loadOrCreateFieldKeys(config.dataDir));
  return withUninitialisedDatabase(env, async (database) => {
    await initialiseDatabase(database.db, new Date());
    return work({ ...database, cipher });
  });
}

/** The database as it is: no migrations, no calendar, no keys created (a restore brings its own). */
export async function withUninitialisedDatabase<T>(
  env: NodeJS.ProcessEnv,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const config = readConfig(env);
  const database = openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export const configuredEvidenceStore = (env: NodeJS.ProcessEnv) => openEvidenceStore(readConfig(env));

export const count = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('应为非负整数');
  return Number(value);
};
export const isoDateArgument = (value: string) => {
  try {
    return parseIsoDate(value);
  } catch {
    throw new InvalidArgumentError('应为 YYYY-MM-DD 格式的有效日期');
  }
};

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`无法读取文件 ${file}：${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
