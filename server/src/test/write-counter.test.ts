import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, installWriteCounter, type TestApp } from './harness.js';

let t: TestApp;
let writes: () => Promise<number>;
beforeAll(async () => {
  t = await createTestApp();
  writes = await installWriteCounter(t.database);
});
afterAll(() => t.close());

describe('the write counter the bad-input suite relies on', () => {
  it('counts a row written through the API, and not a refused or rolled-back one', async () => {
    const admin = await t.login('admin');
    const before = await writes();
    const refused = await t.request(admin, { method: 'POST', url: '/api/units', payload: { name: 1 } });
    expect(refused.statusCode).toBe(400);
    expect(await writes()).toBe(before);

    await t.database.db
      .transaction()
      .execute(async (trx) => {
        await sql`UPDATE agency SET name = name`.execute(trx);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await writes()).toBe(before);

    await sql`UPDATE agency SET name = name`.execute(t.database.db);
    expect(await writes()).toBeGreaterThan(before);
  });
});
