/**
 * The migrated and the demo-seeded database, made once per test run (in vitest's global setup)
 * and copied for each test file: seeding renders the demo cases' documents and costs seconds,
 * a copy a fraction of that. PGlite: a dump of its data directory that each file loads into
 * memory. PostgreSQL: template databases each file's database is created from.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createFieldCipher, randomFieldKeys } from '../crypto/field-cipher.js';
import { initialiseDatabase } from '../db/initialise.js';
import type { DB } from '../db/schema.js';
import { seedDemo } from '../seed/demo.js';
import { LocalEvidenceStore } from '../storage/local.js';

export const demoPassword = 'Demo-Pass-2026';
/** The test clock's start, and the time the snapshot's demo is seeded at. */
export const testStart = new Date('2026-11-24T02:00:00Z');

/** Where a test file finds the copies' sources; plain data, handed to the workers by `provide`. */
export interface SeedSnapshot {
  /** The field keys the demo's personal data was encrypted with (hex). */
  keys: { encryption: string; mac: string; digest: string };
  /** The demo's recordings and documents, to copy into each seeded app's evidence directory. */
  evidenceDir: string;
  /** PGlite: data-directory dumps (tar files). PostgreSQL: template database names. */
  initialised: string;
  seeded: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    seedSnapshot: SeedSnapshot;
  }
}

/** Builds both snapshots; the returned function removes them. */
export async function createSeedSnapshot(
  databaseUrl: string | undefined,
): Promise<{ snapshot: SeedSnapshot; remove: () => Promise<void> }> {
  const now = testStart;
  const dir = mkdtempSync(path.join(tmpdir(), 'zhifa-seed-'));
  const keys = randomFieldKeys();
  const evidenceDir = path.join(dir, 'evidence');
  const seed = (db: Kysely<DB>) =>
    seedDemo(
      db,
      { cipher: createFieldCipher(keys), evidence: new LocalEvidenceStore(evidenceDir, () => {}) },
      now,
      demoPassword,
    );
  const hexKeys = {
    encryption: keys.encryption.toString('hex'),
    mac: keys.mac.toString('hex'),
    digest: keys.digest.toString('hex'),
  };

  if (!databaseUrl) {
    const pglite = new PGlite('memory://');
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ ...createPgConfig(pglite), max: 1 }) }),
    });
    const dump = async (name: string) => {
      const file = path.join(dir, name);
      // Without a checkpoint the copy starts by replaying the log, and sequences replayed from
      // it jump ahead by the 32 values PostgreSQL logs in advance (ids and versions tests expect).
      await pglite.exec('CHECKPOINT');
      // Uncompressed: loading it is what every test file pays for, and gzip makes that slower.
      writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
      return file;
    };
    try {
      await initialiseDatabase(db, now);
      const initialised = await dump('initialised.tar');
      await seed(db);
      const seeded = await dump('seeded.tar');
      return {
        snapshot: { keys: hexKeys, evidenceDir, initialised, seeded },
        remove: async () => rmSync(dir, { recursive: true, force: true }),
      };
    } finally {
      await db.destroy();
      await pglite.close();
    }
  }

  // PostgreSQL copies a template only while nobody is connected to it: each is closed once built.
  const id = randomBytes(6).toString('hex');
  const initialised = `zhifa_template_${id}_initialised`;
  const seeded = `zhifa_template_${id}_seeded`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const build = async (name: string, work: (db: Kysely<DB>) => Promise<unknown>) => {
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }),
    });
    try {
      await work(db);
    } finally {
      await db.destroy();
    }
  };
  await admin(`CREATE DATABASE ${initialised}`);
  await build(initialised, (db) => initialiseDatabase(db, now));
  await admin(`CREATE DATABASE ${seeded} TEMPLATE ${initialised}`);
  await build(seeded, seed);
  return {
    snapshot: { keys: hexKeys, evidenceDir, initialised, seeded },
    remove: async () => {
      for (const name of [seeded, initialised]) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
