/**
 * Issue 15, SEC-3: 三员分立 through the user-management back door. The system administrator
 * must not create, change, reset or disable the security and audit administrators (only the
 * security administrator does, or `zhifa user create` on the server); no administrator holds
 * a business role; nobody changes their own roles. Each refusal names the rule and the field
 * and changes nothing.
 */
import { administratorRoles } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../seed/demo.js';
import { createTestApp, databaseFingerprint, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Session;
let secadmin: Session;
const ids = new Map<string, string>();
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  secadmin = await t.login('secadmin');
  for (const u of await t.database.db.selectFrom('app_user').select(['id', 'username']).execute())
    ids.set(u.username, u.id);
});
afterAll(() => t.close());

const create = (session: Session, username: string, roles: string[]) =>
  t.request(session, {
    method: 'POST',
    url: '/api/users',
    payload: { username, displayName: '测试', roles },
  });
const patch = (session: Session, username: string, payload: object) =>
  t.request(session, { method: 'PATCH', url: `/api/users/${ids.get(username)}`, payload });
const reset = (session: Session, username: string) =>
  t.request(session, { method: 'POST', url: `/api/users/${ids.get(username)}/reset-password` });

/** Refused with a 4xx that names the field and 三员分立, and the database is as before. */
async function expectRefused(
  attempt: () => Promise<Awaited<ReturnType<typeof create>>>,
  field: string,
  status: 403 | 422,
) {
  const before = await databaseFingerprint(t.database);
  const response = await attempt();
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().field).toBe(field);
  expect(response.json().message).toMatch(/三员分立|自己的角色/);
  expect(await databaseFingerprint(t.database)).toBe(before);
}

describe('SEC-3: 三员分立 holds in user management', () => {
  it('SEC-3: the system administrator cannot create a security or audit administrator', async () => {
    for (const role of ['audit_admin', 'security_admin']) {
      await expectRefused(() => create(admin, `sneaky-${role.replace('_', '')}`, [role]), 'body.roles', 403);
    }
  });

  it('SEC-3: the system administrator cannot reset, disable or change the security or audit administrator', async () => {
    for (const username of ['auditadmin', 'secadmin']) {
      await expectRefused(() => reset(admin, username), 'params.id', 403);
      await expectRefused(() => patch(admin, username, { active: false }), 'params.id', 403);
      await expectRefused(() => patch(admin, username, { displayName: '改名' }), 'params.id', 403);
    }
  });

  it('SEC-3: the system administrator cannot grant itself, or any administrator, a business role', async () => {
    for (const role of ['agency_head', 'legal_reviewer', 'discloser', 'officer']) {
      await expectRefused(() => patch(admin, 'admin', { roles: ['system_admin', role] }), 'body.roles', 422);
    }
    await expectRefused(() => create(admin, 'adminplus', ['system_admin', 'agency_head']), 'body.roles', 422);
    await expectRefused(
      () => create(secadmin, 'auditplus', ['audit_admin', 'supervisor']),
      'body.roles',
      422,
    );
  });

  it('SEC-3: nobody changes their own roles', async () => {
    await expectRefused(() => patch(admin, 'admin', { roles: ['supervisor'] }), 'body.roles', 422);
    await expectRefused(() => patch(secadmin, 'secadmin', { roles: ['audit_admin'] }), 'body.roles', 422);
  });

  it('SEC-3: the security administrator manages the security and audit administrators, and only them', async () => {
    const created = await create(secadmin, 'auditadmin2', ['audit_admin']);
    expect(created.statusCode, created.body).toBe(201);
    ids.set('auditadmin2', created.json().id);
    expect((await reset(secadmin, 'auditadmin2')).statusCode).toBe(200);
    expect((await patch(secadmin, 'auditadmin2', { active: false })).statusCode).toBe(200);
    await expectRefused(() => create(secadmin, 'secofficer', ['officer']), 'body.roles', 403);
    await expectRefused(() => reset(secadmin, 'officer1'), 'params.id', 403);
    await expectRefused(() => patch(secadmin, 'admin', { active: false }), 'params.id', 403);
    // Moving an account between the two sides would take it from one administrator to the other.
    await expectRefused(() => patch(secadmin, 'auditadmin2', { roles: ['system_admin'] }), 'body.roles', 403);
  });

  it('SEC-3: the system administrator still manages business users and system administrators', async () => {
    const created = await create(admin, 'sysadmin2', ['system_admin']);
    expect(created.statusCode, created.body).toBe(201);
    expect((await create(admin, 'officer9', ['officer'])).statusCode).toBe(201);
    expect((await reset(admin, 'officer2')).statusCode).toBe(200);
  });

  it('SEC-3: the demo users satisfy the rule: no administrator holds a business role', () => {
    for (const user of demoUsers) {
      const administrator = user.roles.some((r) => administratorRoles.includes(r));
      if (administrator) expect(user.roles, user.username).toHaveLength(1);
    }
  });
});
