import { idNumberCheckChar } from '@zhifa/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, addTownship } from '../../test/accounts.js';
import {
  createTestApp,
  databaseFingerprint,
  demoPassword,
  type Session,
  type TestApp,
  testStart,
} from '../../test/harness.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const days = (n: number) => new Date(testStart.getTime() + n * 86_400_000);
const validId = (first17: string) => first17 + idNumberCheckChar(first17);
const loginAs = (username: string, password: string, totpCode?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(totpCode && { totpCode }) },
  });
const sessionOf = (response: Awaited<ReturnType<typeof loginAs>>): Session => ({
  cookie: `zhifa_session=${response.cookies.find((c) => c.name === 'zhifa_session')?.value}`,
  csrfToken: response.json().csrfToken,
});

describe('people: 身份证号 encrypted at rest and masked', () => {
  const idNumber = validId('99012119880808123');

  it('registers a person; the database holds no plain ID number; lists show it masked', async () => {
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/persons',
      payload: { name: '测试执法员', kind: 'officer', idNumber },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().idNumberMasked).toBe(`990${'*'.repeat(11)}${idNumber.slice(-4)}`);
    const raw = await sql<{ dump: string }>`SELECT string_agg(p::text, '|') AS dump FROM person p`.execute(
      t.database.db,
    );
    expect(raw.rows[0]!.dump).not.toContain(idNumber);
    expect(raw.rows[0]!.dump).not.toContain(idNumber.slice(6, 14));
    const list = await t.request(admin, { method: 'GET', url: '/api/persons' });
    expect(list.body).not.toContain(idNumber);
  });

  it('refuses a wrong check digit (GB 11643) and a duplicate, naming the field', async () => {
    const wrong = `${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`;
    const bad = await t.request(admin, {
      method: 'POST',
      url: '/api/persons',
      payload: { name: '甲', kind: 'staff', idNumber: wrong },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'body.idNumber' });
    expect(bad.json().message).toContain('校验位');
    const duplicate = await t.request(admin, {
      method: 'POST',
      url: '/api/persons',
      payload: { name: '乙', kind: 'staff', idNumber },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('reveals the whole number only to the system administrator, and audits it', async () => {
    const list = (await t.request(admin, { method: 'GET', url: '/api/persons' })).json().items;
    const person = list.find((p: { name: string }) => p.name === '测试执法员');
    const revealed = await t.request(admin, { method: 'POST', url: `/api/persons/${person.id}/id-number` });
    expect(revealed.json()).toEqual({ idNumber });
    const head = await t.login('head1');
    expect(
      (await t.request(head, { method: 'POST', url: `/api/persons/${person.id}/id-number` })).statusCode,
    ).toBe(403);
    const audit = await t.database.db
      .selectFrom('security_audit')
      .selectAll()
      .where('event', '=', 'id_number_revealed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'admin', target: '测试执法员', outcome: 'success' });
  });
});

describe('SEC-7: a roster is its agency’s own', () => {
  it('SEC-7: registering a 身份证号 another agency holds is not refused, so it reveals nothing', async () => {
    const idNumber = validId('99012119770707246');
    const registered = await t.request(admin, {
      method: 'POST',
      url: '/api/persons',
      payload: { name: '县局在册人', kind: 'officer', idNumber },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const townAdmin = await addAccount(t, await addTownship(t.database.db), 'townadmin', 'system_admin');
    const probe = await t.request(townAdmin, {
      method: 'POST',
      url: '/api/persons',
      payload: { name: '乡镇登记人', kind: 'staff', idNumber },
    });
    expect(probe.statusCode, probe.body).toBe(201);
    // Each agency sees its own entry only; within one agency the number is still registered once.
    const townList = (await t.request(townAdmin, { method: 'GET', url: '/api/persons' })).json().items;
    expect(townList.map((p: { name: string }) => p.name)).toEqual(['乡镇登记人']);
    const again = await t.request(townAdmin, {
      method: 'POST',
      url: '/api/persons',
      payload: { name: '乡镇再登记', kind: 'staff', idNumber },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', field: 'body.idNumber' });
  });
});

describe('users: creation, forced password change, 三员分立', () => {
  it('creates a user with a temporary password that must be changed at first login', async () => {
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'newofficer', displayName: '新执法员', roles: ['officer'] },
    });
    expect(created.statusCode).toBe(201);
    const { temporaryPassword } = created.json();
    const login = await loginAs('newofficer', temporaryPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ restriction: 'password', actions: [] });
    const session = sessionOf(login);
    const blocked = await t.request(session, { method: 'GET', url: '/api/calendar' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const change = await t.request(session, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: temporaryPassword, newPassword: 'Fresh-Pass-2026' },
    });
    expect(change.statusCode).toBe(204);
    expect((await t.request(session, { method: 'GET', url: '/api/calendar' })).statusCode).toBe(200);
  });

  it('refuses two administrator roles on one user, in the service and in the database', async () => {
    const response = await t.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'twohats', displayName: '兼任', roles: ['system_admin', 'audit_admin'] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'RULE_VIOLATION', field: 'body.roles' });
    await expect(
      t.database.db
        .updateTable('app_user')
        .set({ roles: ['security_admin', 'audit_admin'] })
        .where('username', '=', 'secadmin')
        .execute(),
    ).rejects.toThrow(/app_user_separate_administrators/);
  });

  it('an administrator reset forces a change and ends the user’s sessions', async () => {
    const officer2 = await t.login('officer2');
    const users = (await t.request(admin, { method: 'GET', url: '/api/users' })).json().items;
    const target = users.find((u: { username: string }) => u.username === 'officer2');
    const reset = await t.request(admin, { method: 'POST', url: `/api/users/${target.id}/reset-password` });
    expect(reset.statusCode).toBe(200);
    expect((await t.request(officer2, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const login = await loginAs('officer2', reset.json().temporaryPassword);
    expect(login.json().user.restriction).toBe('password');
  });

  it('the audit administrator cannot manage users; the system administrator cannot read the audit trail', async () => {
    const auditadmin = await t.login('auditadmin');
    const create = await t.request(auditadmin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'sneaky', displayName: '越权', roles: ['officer'] },
    });
    expect(create.statusCode).toBe(403);
    expect((await t.request(admin, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await t.request(auditadmin, { method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
  });
});

describe('password policy', () => {
  it('refuses a weak password and any of the last 5, naming the field', async () => {
    const session = await t.login('reviewer2');
    const change = (currentPassword: string, newPassword: string) =>
      t.request(session, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword },
      });
    const weak = await change(demoPassword, 'password');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('body.newPassword');
    const withName = await change(demoPassword, 'Reviewer2-Strong');
    expect(withName.json().message).toContain('用户名');
    let current = demoPassword;
    for (let i = 1; i <= 4; i += 1) {
      const next = `History-Pass-${i}`;
      expect((await change(current, next)).statusCode).toBe(204);
      current = next;
    }
    const reused = await change(current, demoPassword);
    expect(reused.statusCode).toBe(400);
    expect(reused.json().message).toContain('最近 5 次');
    expect((await change(current, 'History-Pass-5')).statusCode).toBe(204);
    expect((await change('History-Pass-5', demoPassword)).statusCode).toBe(204);
  });

  it('a password older than 90 days must be changed before anything else', async () => {
    t.setNow(days(91));
    const login = await loginAs('archivist1', demoPassword);
    expect(login.json().user.restriction).toBe('password');
    const blocked = await t.request(sessionOf(login), { method: 'GET', url: '/api/calendar' });
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    t.setNow(testStart);
  });
});

describe('sessions', () => {
  it('end after 12 hours however active', async () => {
    const session = await t.login('head1');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.setNow(new Date(testStart.getTime() + minutes * 60_000));
      expect((await t.request(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    }
    t.setNow(new Date(testStart.getTime() + 12 * 3_600_000 + 60_000));
    expect((await t.request(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    t.setNow(testStart);
  });

  it('are listed for and revoked by the security administrator, and the revocation is audited', async () => {
    const secadmin = await t.login('secadmin');
    const victim = await t.login('unithead1');
    const list = (await t.request(secadmin, { method: 'GET', url: '/api/security/sessions' })).json().items;
    const target = list.find((s: { username: string }) => s.username === 'unithead1');
    const revoked = await t.request(secadmin, {
      method: 'DELETE',
      url: `/api/security/sessions/${target.id}`,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await t.request(victim, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const again = await t.request(secadmin, { method: 'DELETE', url: `/api/security/sessions/${target.id}` });
    expect(again.statusCode).toBe(404);
  });
});

describe('refused requests change nothing', () => {
  it('reaching for another agency’s record answers 404 and is audited as a denial', async () => {
    const city = await t.database.db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例市交通运输局')
      .executeTakeFirstOrThrow();
    const response = await t.request(admin, { method: 'GET', url: `/api/agencies/${city.id}` });
    expect(response.statusCode).toBe(404);
    const denial = await t.database.db
      .selectFrom('security_audit')
      .selectAll()
      .where('event', '=', 'permission_denied')
      .where('username', '=', 'admin')
      .execute();
    expect(denial.at(-1)).toMatchObject({
      target: 'GET /api/agencies/:id',
      detail: { code: 'OUT_OF_SCOPE' },
    });
  });

  it('a forbidden user change writes no business data but is in the audit trail', async () => {
    const officer = await t.login('officer1');
    const users = (await t.request(admin, { method: 'GET', url: '/api/users' })).json().items;
    const before = await databaseFingerprint(t.database);
    const response = await t.request(officer, {
      method: 'PATCH',
      url: `/api/users/${users[0].id}`,
      payload: { roles: ['system_admin'] },
    });
    expect(response.statusCode).toBe(403);
    expect(await databaseFingerprint(t.database)).toBe(before);
    const denial = await t.database.db
      .selectFrom('security_audit')
      .selectAll()
      .where('event', '=', 'permission_denied')
      .where('username', '=', 'officer1')
      .execute();
    expect(denial.at(-1)).toMatchObject({ outcome: 'denied', target: 'PATCH /api/users/:id' });
  });
});
