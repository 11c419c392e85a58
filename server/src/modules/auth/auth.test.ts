import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoPassword, type TestApp, testStart } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const minutes = (n: number) => new Date(testStart.getTime() + n * 60_000);

describe('login and sessions', () => {
  it('logs in with a session cookie (httpOnly, SameSite=Strict) and a CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'officer1', password: demoPassword },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'zhifa_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const body = response.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user).toMatchObject({ username: 'officer1', agency: { name: '示例县交通运输局' } });
    expect(body.user.roles).toEqual([{ role: 'officer', label: '执法人员' }]);
    expect(body.user.actions).toContain('calendar.read');
    expect(body.user.actions).not.toContain('settings.edit');
  });

  it('answers 401 with a stable code for a wrong password or unknown user', async () => {
    for (const payload of [
      { username: 'officer2', password: 'wrong-password' },
      { username: 'nobody', password: demoPassword },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    }
  });

  it('returns the signed-in user from /me and forgets them after logout', async () => {
    const session = await t.login('head1');
    const me = await t.request(session, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.roles[0].label).toBe('机关负责人');
    const logout = await t.request(session, { method: 'POST', url: '/api/auth/logout' });
    expect(logout.statusCode).toBe(204);
    const after = await t.request(session, { method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const session = await t.login('reviewer1');
    const response = await t.request(session, {
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_FAILED');
    expect((await t.request(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('locks an account after 5 failures: the 6th attempt answers 423 even with the right password', async () => {
    t.setNow(testStart);
    for (let i = 0; i < 5; i += 1) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'archivist1', password: `wrong-${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'archivist1', password: demoPassword },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');

    t.setNow(minutes(9));
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'archivist1', password: demoPassword },
        })
      ).statusCode,
    ).toBe(423);
    t.setNow(minutes(10.1));
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'archivist1', password: demoPassword },
        })
      ).statusCode,
    ).toBe(200);
    t.setNow(testStart);
  });

  it('ends a session after 30 idle minutes but keeps an active one alive', async () => {
    t.setNow(testStart);
    const session = await t.login('discloser1');
    t.setNow(minutes(25));
    expect((await t.request(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.setNow(minutes(50)); // 25 minutes after the last request
    expect((await t.request(session, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.setNow(minutes(81)); // 31 idle minutes
    const expired = await t.request(session, { method: 'GET', url: '/api/auth/me' });
    expect(expired.statusCode).toBe(401);
    t.setNow(testStart);
  });
});
