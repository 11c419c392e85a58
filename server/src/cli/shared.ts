/** What the `zhifa` commands share: the configured database and evidence store, argument parsers. */
import { readFileSync } from 'node:fs';
import { parseIsoDate } from '@zhifa/core';
import { InvalidArgumentError } from 'commander';
import { readConfig } from '../config.js';
import { createFieldCipher, type FieldCipher, loadOrCreateFieldKeys } from '../crypto/field-cipher.js';
import { type Database, openDatabase } from '../db/database.js';
import { initialiseDatabase } from '../db/initialise.js';
import { openEvidenceStore } from '../storage/open.js';

export async function withDatabase<T>(
  work: (database: Database & { cipher: FieldCipher }) => Promise<T>,
): Promise<T> {
  const config = readConfig();
  const cipher = createFieldCipher(loadOrCreateFieldKeys(config.dataDir));
  return withUninitialisedDatabase(async (database) => {
    await initialiseDatabase(database.db, new Date());
    return work({ ...database, cipher });
  });
}

/** The database as it is: no migrations, no calendar, no keys created (a restore brings its own). */
export async function withUninitialisedDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = readConfig();
  const database = openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export const configuredEvidenceStore = () => openEvidenceStore(readConfig());

export const printProgress = (line: string) => process.stderr.write(`${line}\n`);

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
