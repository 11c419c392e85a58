/**
 * Test harness: a real database for each test file — PGlite in memory by
 * default, or a fresh database on the PostgreSQL server named by DATABASE_URL —
 * migrated, with the demo jurisdiction seeded and the clock under test control.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { createFieldCipher } from '../crypto/field-cipher.js';
import { type Database, openDatabase } from '../db/database.js';
import { type AppOptions, buildApp } from '../http/app.js';
import { newSigner } from '../ledger/signing.js';
import type { EvidenceStore, IntegrityLog } from '../storage/evidence-store.js';
import { LocalEvidenceStore } from '../storage/local.js';

import { demoPassword, testStart } from './seed-snapshot.js';

export { demoPassword, testStart };

/** A fresh PostgreSQL database, empty or a copy of a template; its URL and a function that drops it. */
export async function freshPostgresDatabase(
  baseUrl: string,
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `zhifa_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        // Closed pools finish closing their sockets a moment later; terminating one still
        // closing surfaces as an unhandled 57P01 in the test run. Wait for them (≤ 5 s).
        for (let waited = 0; waited < 5_000; waited += 50) {
          const { rows } = await client.query(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * An empty database, or a copy of the run's migrated or demo-seeded one (see seed-snapshot.ts);
 * `url` is set on PostgreSQL, so a test can open a second pool.
 */
export async function openTestDatabase(from?: 'initialised' | 'seeded'): Promise<{
  database: Database;
  url?: string;
  dispose: () => Promise<void>;
}> {
  const baseUrl = process.env.DATABASE_URL;
  const source = from && inject('seedSnapshot')[from];
  if (!baseUrl) {
    const database = openDatabase(
      source ? { memory: true, loadDataDir: new Blob([readFileSync(source)]) } : { memory: true },
    );
    return { database, dispose: () => database.close() };
  }
  const fresh = await freshPostgresDatabase(baseUrl, source);
  const database = openDatabase({ url: fresh.url });
  return {
    database,
    url: fresh.url,
    dispose: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface TestApp<S extends EvidenceStore = LocalEvidenceStore> {
  app: FastifyInstance;
  database: Database;
  /** This app's evidence store: by default in a temporary data directory of its own. */
  evidence: S;
  /** Moves the injected clock. */
  setNow(date: Date): void;
  now(): Date;
  login(username: string, password?: string): Promise<Session>;
  /** A request as the given session (cookie and CSRF header added). */
  request(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp<S extends EvidenceStore = LocalEvidenceStore>(
  options: { seed?: boolean; integrityLog?: IntegrityLog; evidence?: S; app?: AppOptions } = {},
): Promise<TestApp<S>> {
  // A copy of the run's database, migrated and (unless seed: false) with the demo seeded at
  // testStart, and the keys and evidence files that go with it.
  const seeded = options.seed !== false;
  const snapshot = inject('seedSnapshot');
  const { database, dispose } = await openTestDatabase(seeded ? 'seeded' : 'initialised');
  let now = testStart;
  const clock = () => now;
  const cipher = createFieldCipher({
    encryption: Buffer.from(snapshot.keys.encryption, 'hex'),
    mac: Buffer.from(snapshot.keys.mac, 'hex'),
    digest: Buffer.from(snapshot.keys.digest, 'hex'),
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhifa-test-'));
  // The demo's recordings and documents go to the app's store; a store the test brings (an S3
  // bucket, one made to fail) is left as the test set it up, and the demo's files go to a
  // directory of the harness's own.
  if (seeded)
    cpSync(snapshot.evidenceDir, path.join(dataDir, options.evidence ? 'demo-evidence' : 'evidence'), {
      recursive: true,
    });
  const evidence =
    options.evidence ??
    (new LocalEvidenceStore(
      path.join(dataDir, 'evidence'),
      options.integrityLog ?? (() => {}),
    ) as EvidenceStore as S);
  const app = await buildApp(
    {
      db: database.db,
      databaseKind: database.kind,
      clock,
      version: 'test',
      cipher,
      signer: newSigner(),
      evidence,
    },
    options.app,
  );

  const request: TestApp<S>['request'] = (session, opts) => {
    const headers = { ...(opts.headers ?? {}) };
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] ??= session.csrfToken;
    }
    return app.inject({ ...opts, headers });
  };

  return {
    app,
    database,
    evidence,
    setNow: (date) => {
      now = date;
    },
    now: clock,
    request,
    login: async (username, password = demoPassword) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'zhifa_session');
      return { cookie: `zhifa_session=${cookie?.value}`, csrfToken: response.json().csrfToken };
    },
    close: async () => {
      await app.close();
      await dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Counts every row written to any table but the two `databaseFingerprint` leaves out, by
 * triggers this installs (test databases only). A rolled-back write rolls its count back, so
 * an unchanged count proves a request wrote nothing, at the price of one query instead of
 * hashing every table; suites that check thousands of requests read this and take the full
 * fingerprint once at the end.
 */
export async function installWriteCounter(database: Database): Promise<() => Promise<number>> {
  await sql`
    CREATE TABLE IF NOT EXISTS test_write_count (n bigint NOT NULL);
    INSERT INTO test_write_count SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM test_write_count);
    CREATE OR REPLACE FUNCTION test_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE test_write_count SET n = n + 1; RETURN NULL; END $$;
    DO $$ DECLARE t text; BEGIN
      FOR t IN SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('user_session', 'security_audit', 'test_write_count')
      LOOP
        EXECUTE format('CREATE OR REPLACE TRIGGER test_count_rows AFTER INSERT OR UPDATE OR DELETE ON %I
          FOR EACH ROW EXECUTE FUNCTION test_count_write()', t);
        EXECUTE format('CREATE OR REPLACE TRIGGER test_count_truncate AFTER TRUNCATE ON %I
          FOR EACH STATEMENT EXECUTE FUNCTION test_count_write()', t);
      END LOOP;
    END $$`.execute(database.db);
  return async () => {
    const { rows } = await sql<{ n: string }>`SELECT n FROM test_write_count`.execute(database.db);
    return Number(rows[0]!.n);
  };
}

/**
 * A digest of every row of every table, to prove a refused request wrote nothing.
 * Session rows are left out (reading may refresh last_seen_at), and so is the
 * security audit trail, whose job is to record refused requests too.
 */
export async function databaseFingerprint(database: Database): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('user_session', 'security_audit', 'test_write_count')
    ORDER BY table_name`.execute(database.db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const digest = await sql<{ digest: string | null }>`
      SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${sql.table(table_name)} t`.execute(
      database.db,
    );
    parts.push(`${table_name}:${digest.rows[0]?.digest ?? 'empty'}`);
  }
  return parts.join(',');
}
