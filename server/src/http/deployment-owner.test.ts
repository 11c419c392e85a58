/**
 * SEC-5: what the deployment shares — the working-day calendar, the jurisdiction settings
 * (business and security), the law library — is kept by the one agency that owns the deployment
 * (the demo's county bureau). The same roles at an agency below read them and may not write them.
 * SEC-6 (second half): sign-in attempts by names that match no user belong to no agency; only the
 * owner's audit administrator sees them.
 */
import type { Role } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, addTownship } from '../test/accounts.js';
import { createTestApp, databaseFingerprint, type Session, type TestApp } from '../test/harness.js';

let t: TestApp;
const township: Record<string, Session> = {};
const county: Record<string, Session> = {};
const townshipAccounts: [string, Role][] = [
  ['townadmin', 'system_admin'],
  ['townsec', 'security_admin'],
  ['townaudit', 'audit_admin'],
  ['townreviewer', 'legal_reviewer'],
];

beforeAll(async () => {
  t = await createTestApp();
  const owner = await t.database.db
    .selectFrom('agency')
    .select('name')
    .where('owns_deployment', '=', true)
    .execute();
  expect(owner).toEqual([{ name: '示例县交通运输局' }]);
  const townshipId = await addTownship(t.database.db);
  for (const [username, role] of townshipAccounts)
    township[username] = await addAccount(t, townshipId, username, role);
  for (const username of ['admin', 'secadmin', 'auditadmin', 'reviewer1'])
    county[username] = await t.login(username);
});
afterAll(() => t.close());

const me = async (session: Session): Promise<string[]> =>
  (await t.request(session, { method: 'GET', url: '/api/auth/me' })).json().user.actions;

describe('SEC-5: deployment-wide data is written by the owning agency only', () => {
  it('SEC-5: a township security administrator cannot change the idle timeout for everyone', async () => {
    const read = await t.request(township.townsec!, { method: 'GET', url: '/api/settings' });
    expect(read.statusCode, read.body).toBe(200);
    const { version, settings } = read.json();
    expect(read.json().actions).toEqual({ edit: false, editSecurity: false });
    const tightened = structuredClone(settings);
    tightened.security.idleTimeoutMinutes = 5;
    const before = await databaseFingerprint(t.database);
    const refused = await t.request(township.townsec!, {
      method: 'PUT',
      url: '/api/settings',
      payload: { expectedVersion: version, note: '乡镇改全局', settings: tightened },
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(await databaseFingerprint(t.database)).toBe(before);
    const after = await t.request(county.secadmin!, { method: 'GET', url: '/api/settings' });
    expect(after.json().version).toBe(version);
    expect(after.json().settings.security.idleTimeoutMinutes).toBe(settings.security.idleTimeoutMinutes);
    // The owner's security administrator keeps the policy.
    expect(after.json().actions).toEqual({ edit: false, editSecurity: true });
  });

  it('SEC-5: a township system administrator cannot mark a holiday that moves the county’s deadlines', async () => {
    const day = '2026-12-09';
    const before = await t.request(county.admin!, { method: 'GET', url: '/api/calendar?year=2026' });
    const refused = await t.request(township.townadmin!, {
      method: 'PUT',
      url: `/api/calendar/days/${day}`,
      payload: { kind: 'holiday', name: '乡镇自定假日' },
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect(refused.json().message).toContain('由示例县交通运输局统一维护');
    const after = await t.request(county.admin!, { method: 'GET', url: '/api/calendar?year=2026' });
    expect(after.body).toBe(before.body);
    const calendar = await t.request(township.townadmin!, { method: 'GET', url: '/api/calendar?year=2026' });
    expect(calendar.json().actions.edit).toBe(false);
    // The owner's system administrator may.
    const allowed = await t.request(county.admin!, {
      method: 'PUT',
      url: `/api/calendar/days/${day}`,
      payload: { kind: 'holiday', name: '县定假日' },
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
  });

  it('SEC-5: a township legal reviewer cannot edit a law article the county cites', async () => {
    const laws = (await t.request(county.reviewer1!, { method: 'GET', url: '/api/laws' })).json();
    const lawId = laws.items[0].id;
    const law = (await t.request(county.reviewer1!, { method: 'GET', url: `/api/laws/${lawId}` })).json();
    const article = law.articles[0];
    const refused = await t.request(township.townreviewer!, {
      method: 'PATCH',
      url: `/api/law-articles/${article.id}`,
      payload: { text: '乡镇改写的条文。' },
    });
    expect(refused.statusCode, refused.body).toBe(403);
    const added = await t.request(township.townreviewer!, {
      method: 'POST',
      url: `/api/laws/${lawId}/articles`,
      payload: { number: '第九百九十九条', text: '乡镇添加的条文。' },
    });
    expect(added.statusCode, added.body).toBe(403);
    const after = (await t.request(county.reviewer1!, { method: 'GET', url: `/api/laws/${lawId}` })).json();
    expect(after.articles[0].text).toBe(article.text);
    expect(after.articles).toHaveLength(law.articles.length);
  });

  it('SEC-5: the console offers none of it below the owner, and all of it at the owner', async () => {
    const deploymentWide = ['calendar.edit', 'settings.edit', 'settings.editSecurity', 'law.manage'];
    for (const name of ['townadmin', 'townsec', 'townreviewer']) {
      const offered = (await me(township[name]!)).filter((action) => deploymentWide.includes(action));
      expect(offered, name).toEqual([]);
    }
    expect(await me(county.admin!)).toEqual(expect.arrayContaining(['calendar.edit', 'settings.edit']));
    expect(await me(county.secadmin!)).toContain('settings.editSecurity');
    expect(await me(county.reviewer1!)).toContain('law.manage');
    // What the agency keeps for itself stays: the township's administrator manages its own people.
    expect(await me(township.townadmin!)).toEqual(expect.arrayContaining(['user.manage', 'person.manage']));
  });
});

describe('SEC-6: sign-in attempts by unknown names are the owner’s to audit', () => {
  it('SEC-6: only the owning agency’s audit administrator sees an attempt by a name that matches no user', async () => {
    const username = 'nobody.sec6';
    const attempt = await t.request(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'wrong-password-1' },
    });
    expect(attempt.statusCode).toBe(401);
    const seen = async (session: Session) => {
      const response = await t.request(session, { method: 'GET', url: `/api/audit?username=${username}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().total as number;
    };
    expect(await seen(county.auditadmin!)).toBe(1);
    expect(await seen(township.townaudit!)).toBe(0);
    const exported = await t.request(township.townaudit!, { method: 'GET', url: '/api/audit/export' });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain(username);
    // The township's own events stay its own: its administrators' sign-ins are there.
    const own = await t.request(township.townaudit!, { method: 'GET', url: '/api/audit?username=townadmin' });
    expect(own.json().total).toBeGreaterThan(0);
  });
});
