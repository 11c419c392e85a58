/**
 * One query layer for both databases: Kysely over a `pg` pool. PostgreSQL is
 * reached by URL; embedded PGlite through its node-postgres adapter, which
 * offers exactly one connection — so a transaction must never query through
 * the outer `db` while it holds that connection (it would wait for itself).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

// DATE columns stay ISO strings: a JS Date would shift them by the local time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// COUNT(*) and other BIGINTs: numbers are safe at the sizes we count.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** `loadDataDir`: in memory, starting from a dump of a PGlite data directory (tests' seeded copies). */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true; loadDataDir?: Blob };

/**
 * `statementTimeoutMs`: PostgreSQL stops any statement running longer (the server's requests; a
 * command line's long work opens the database without it). PGlite has no timers to enforce one.
 */
export function openDatabase(
  target: DatabaseTarget,
  options: { statementTimeoutMs?: number } = {},
): Database {
  if ('url' in target) {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      ...(options.statementTimeoutMs && { statement_timeout: options.statementTimeoutMs }),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  let dataDir = 'memory://';
  let releaseLock = () => {};
  if ('dataDir' in target) {
    dataDir = path.join(target.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(target.dataDir);
  }
  const pglite =
    'memory' in target && target.loadDataDir
      ? new PGlite({ loadDataDir: target.loadDataDir })
      : new PGlite(dataDir);
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const close = async () => {
    await db.destroy();
    await pglite.close();
    releaseLock();
  };
  return { db, kind: 'pglite', close };
}

/**
 * PGlite is single-process: a second process opening the same directory would
 * corrupt it. A lock file with the owner's PID refuses the second opener; a
 * lock left by a process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (isRunning(owner)) {
        throw new Error(
          `数据目录 ${dataDir} 正被进程 ${owner} 使用（嵌入式数据库只允许一个进程），请先停止该进程`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}

/** Whether a process with this ID runs on this machine (owners of lock and staging files). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
