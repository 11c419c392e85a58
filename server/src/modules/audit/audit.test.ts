import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoPassword, type Session, type TestApp } from '../../test/harness.js';
import { totpCode } from '../auth/totp.js';

let t: TestApp;
let auditadmin: Session;
beforeAll(async () => {
  t = await createTestApp();
  auditadmin = await t.login('auditadmin');
});
afterAll(() => t.close());

const login = (username: string, password: string, code?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(code && { totpCode: code }) },
  });

describe('security audit trail (安全审计)', () => {
  it('records login success, failure and lockout with time, user, agency, IP and outcome', async () => {
    await login('officer2', 'wrong-one');
    await login('ghost', 'whatever');
    for (let i = 0; i < 5; i += 1) await login('discloser1', `wrong-${i}`);
    const response = await t.request(auditadmin, {
      method: 'GET',
      url: '/api/audit?event=login&outcome=failure',
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((i: { username: string }) => i.username)).toEqual(
      expect.arrayContaining(['officer2', 'ghost', 'discloser1']),
    );
    expect(items[0]).toMatchObject({ eventLabel: '登录', outcomeLabel: '失败', ip: '127.0.0.1' });
    const lockout = await t.request(auditadmin, { method: 'GET', url: '/api/audit?event=lockout' });
    expect(lockout.json().items).toEqual([
      expect.objectContaining({ username: 'discloser1', event: 'lockout' }),
    ]);
    const row = await t.database.db
      .selectFrom('security_audit')
      .selectAll()
      .where('username', '=', 'officer2')
      .executeTakeFirstOrThrow();
    expect(row.agency_id).toBeTruthy();
    expect(row.occurred_at.toISOString()).toBe(t.now().toISOString());
  });

  it('filters by user and date, pages, and exports CSV with a BOM', async () => {
    const byUser = await t.request(auditadmin, {
      method: 'GET',
      url: '/api/audit?username=auditadmin&pageSize=1',
    });
    expect(byUser.json()).toMatchObject({ total: 1, pageSize: 1 });
    const future = await t.request(auditadmin, { method: 'GET', url: '/api/audit?from=2030-01-01' });
    expect(future.json().total).toBe(0);
    const today = await t.request(auditadmin, {
      method: 'GET',
      url: '/api/audit?from=2026-11-24&to=2026-11-24',
    });
    expect(today.json().total).toBeGreaterThan(5);
    const csv = await t.request(auditadmin, { method: 'GET', url: '/api/audit/export?event=login' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF序号,时间,用户,IP,事件,结果,对象,详情')).toBe(true);
    expect(csv.body).toContain('discloser1');
  });

  it('SEC-6: a username shaped like a spreadsheet formula is exported as text, never a live formula', async () => {
    const formula = '=HYPERLINK("http://evil.example","点此")';
    await login(formula, 'whatever');
    await login('+1+cmd', 'whatever');
    const csv = await t.request(auditadmin, { method: 'GET', url: '/api/audit/export?event=login' });
    const cells = csv.body.split(/\r\n/).flatMap((line) => line.split(','));
    // Every cell a spreadsheet would evaluate (=, +, -, @ first) is prefixed with an apostrophe.
    expect(cells.filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([]);
    expect(csv.body).toContain("'=hyperlink("); // usernames are stored lower-case
    expect(csv.body).toContain("'+1+cmd");
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on it', async () => {
    const { db } = t.database;
    await expect(db.updateTable('security_audit').set({ outcome: 'success' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('security_audit').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE security_audit`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('records setting changes with who and what', async () => {
    const admin = await t.login('admin');
    const current = (await t.request(admin, { method: 'GET', url: '/api/settings' })).json();
    current.settings.quality.trainingHoursPerYear = 72;
    await t.request(admin, {
      method: 'PUT',
      url: '/api/settings',
      payload: { expectedVersion: current.version, note: '增加学时', settings: current.settings },
    });
    const events = (
      await t.request(auditadmin, { method: 'GET', url: '/api/audit?event=settings_changed' })
    ).json().items;
    expect(events[0]).toMatchObject({
      username: 'admin',
      detail: { changed: ['quality.trainingHoursPerYear'], note: '增加学时' },
    });
  });
});

describe('second factor (TOTP, RFC 6238)', () => {
  it('administrators must enable it when the policy requires; then login needs the code', async () => {
    const secadmin = await t.login('secadmin');
    const current = (await t.request(secadmin, { method: 'GET', url: '/api/settings' })).json();
    current.settings.security.administratorTotpRequired = true;
    const turnedOn = await t.request(secadmin, {
      method: 'PUT',
      url: '/api/settings',
      payload: { expectedVersion: current.version, note: '管理员须启用双因素', settings: current.settings },
    });
    expect(turnedOn.statusCode).toBe(200);

    const first = await login('admin', demoPassword);
    expect(first.json().user.restriction).toBe('totp');
    const session = {
      cookie: `zhifa_session=${first.cookies.find((c) => c.name === 'zhifa_session')?.value}`,
      csrfToken: first.json().csrfToken,
    };
    expect((await t.request(session, { method: 'GET', url: '/api/calendar' })).json().code).toBe(
      'TOTP_SETUP_REQUIRED',
    );
    const setup = (await t.request(session, { method: 'POST', url: '/api/auth/totp/setup' })).json();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/zhifa:admin\?/);
    const wrong = await t.request(session, {
      method: 'POST',
      url: '/api/auth/totp/enable',
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    const enabled = await t.request(session, {
      method: 'POST',
      url: '/api/auth/totp/enable',
      payload: { code: totpCode(setup.secret, 'admin', t.now()) },
    });
    expect(enabled.statusCode).toBe(204);
    expect((await t.request(session, { method: 'GET', url: '/api/calendar' })).statusCode).toBe(200);

    const noCode = await login('admin', demoPassword);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json()).toMatchObject({ code: 'TOTP_REQUIRED', field: 'body.totpCode' });
    expect((await login('admin', demoPassword, '123456')).statusCode).toBe(401);
    const ok = await login('admin', demoPassword, totpCode(setup.secret, 'admin', t.now()));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ restriction: null, totpEnabled: true });

    const disable = await t.request(session, {
      method: 'POST',
      url: '/api/auth/totp/disable',
      payload: { password: demoPassword },
    });
    expect(disable.statusCode).toBe(422);
  });
});
