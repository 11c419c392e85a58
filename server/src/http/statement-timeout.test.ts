/**
 * Issue 21: requests that cannot run away. On PostgreSQL a request's statement past the timeout
 * is stopped by the server (SQLSTATE 57014) and answered 503 with Retry-After, naming what to do;
 * the configuration refuses a timeout that would stop everything. PGlite has no timers to stop a
 * statement (a single-user database in WebAssembly): there the timeout is not enforced.
 */
import Fastify from 'fastify';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { errorHandler } from './errors.js';

describe('issue 21: the statement timeout', () => {
  it.runIf(process.env.DATABASE_URL)(
    'PostgreSQL stops a statement past the timeout, and only then',
    async () => {
      const database = openDatabase({ url: process.env.DATABASE_URL! }, { statementTimeoutMs: 200 });
      try {
        const quick = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
        expect(quick.rows).toEqual([{ one: 1 }]);
        await expect(sql`SELECT pg_sleep(5)`.execute(database.db)).rejects.toMatchObject({ code: '57014' });
      } finally {
        await database.close();
      }
    },
  );

  it('a stopped statement is answered 503 with Retry-After and a message saying what to do', async () => {
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    app.get('/slow', async () => {
      // What node-postgres rejects with when the server cancels at statement_timeout.
      throw Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    });
    const response = await app.inject({ method: 'GET', url: '/slow' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ code: 'SERVICE_BUSY' });
    expect(response.json().message).toContain('缩小筛选范围');
    await app.close();
  });

  it('ZHIFA_STATEMENT_TIMEOUT_MS: 15 s unless set; 0 turns it off; below 100 ms is refused', () => {
    expect(readConfig({}).statementTimeoutMs).toBe(15_000);
    expect(readConfig({ ZHIFA_STATEMENT_TIMEOUT_MS: '0' }).statementTimeoutMs).toBe(0);
    expect(readConfig({ ZHIFA_STATEMENT_TIMEOUT_MS: '30000' }).statementTimeoutMs).toBe(30_000);
    for (const bad of ['50', '-1', '1.5', 'abc'])
      expect(() => readConfig({ ZHIFA_STATEMENT_TIMEOUT_MS: bad })).toThrow('ZHIFA_STATEMENT_TIMEOUT_MS');
  });
});
