/**
 * SEC-4: the system administrator's subtree is for account administration; case work is
 * the own agency's (supervisors read the agencies they supervise). An account that holds
 * a business role besides — refused since SEC-3, but possible in data from before — must
 * not read or write the cases, evidence or documents of agencies below.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTownship } from '../../test/accounts.js';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';
import { createCaseFixture } from './test-fixtures.js';

let t: TestApp;
let townshipCase: string;
let countyCase: string;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const county = await db
    .selectFrom('agency')
    .select('id')
    .where('name', '=', '示例县交通运输局')
    .executeTakeFirstOrThrow();
  const township = { id: await addTownship(db) };
  townshipCase = await createCaseFixture(db, township.id, t.now());
  countyCase = await createCaseFixture(db, county.id, t.now());
  // A legacy account: system administrator and officer at once, written as old data would be.
  await sql`UPDATE app_user SET roles = ARRAY['system_admin', 'officer'] WHERE username = 'admin'`.execute(
    db,
  );
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('SEC-4: administrative scope is not case scope', () => {
  it('SEC-4: a county administrator holding officer reads no township case, by id or in the list', async () => {
    const one = await t.request(admin, { method: 'GET', url: `/api/cases/${townshipCase}` });
    expect(one.statusCode, one.body).toBe(404);
    const list = await t.request(admin, { method: 'GET', url: '/api/cases?pageSize=100' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(townshipCase);
    // Its own agency's case work stays within reach.
    const own = await t.request(admin, { method: 'GET', url: `/api/cases/${countyCase}` });
    expect(own.statusCode, own.body).toBe(200);
  });

  it('SEC-4: nor writes a 笔录 on it', async () => {
    const record = await t.request(admin, {
      method: 'POST',
      url: `/api/cases/${townshipCase}/records`,
      payload: { kind: 'defence', madeAt: '2026-11-24T10:00:00+08:00', content: { statement: '越权写入' } },
    });
    expect(record.statusCode, record.body).toBe(404);
    const onOwn = await t.request(admin, {
      method: 'POST',
      url: `/api/cases/${countyCase}/records`,
      payload: { kind: 'defence', madeAt: '2026-11-24T10:00:00+08:00', content: { statement: '本机关案件' } },
    });
    expect(onOwn.statusCode, onOwn.body).not.toBe(404);
  });

  it('SEC-4: account administration still reaches the subtree', async () => {
    const users = await t.request(admin, { method: 'GET', url: '/api/agencies' });
    expect(users.statusCode).toBe(200);
    expect(users.body).toContain('示例镇交通运输所');
  });
});
