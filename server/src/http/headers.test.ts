/**
 * SEC-10: the API speaks JSON (multipart only where a file is uploaded), so no form on
 * another site can sign a browser in (login CSRF); the session cookie is Secure behind a
 * TLS-terminating proxy the operator names, and never on a client's word; every page
 * carries a Content-Security-Policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoPassword, type TestApp } from '../test/harness.js';

let t: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp({ seed: true, app: { trustProxy: 'loopback' } });
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

const formLogin = (app: TestApp, contentType: string, payload: string) =>
  app.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': contentType },
    payload,
  });

describe('SEC-10: login CSRF, the Secure cookie, CSP', () => {
  it.each([
    ['application/x-www-form-urlencoded', `username=officer1&password=${encodeURIComponent(demoPassword)}`],
    ['text/plain', JSON.stringify({ username: 'officer1', password: demoPassword })],
    [
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nofficer1\r\n--x--\r\n`,
    ],
  ])(
    'SEC-10: a login posted as %s (what a cross-site form can send) is refused with 415, no session',
    async (type, body) => {
      const response = await formLogin(t, type, body);
      expect(response.statusCode, response.body).toBe(415);
      expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(response.cookies.find((c) => c.name === 'zhifa_session')).toBeUndefined();
    },
  );

  it('SEC-10: the portal keeps its plain form (长者模式) and JSON login still works', async () => {
    const elder = await t.app.inject({
      method: 'POST',
      url: '/preferences/elder-mode',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'enabled=1&back=%2F',
    });
    expect(elder.statusCode).toBe(303);
    await expect(t.login('officer1')).resolves.toBeDefined();
  });

  it('SEC-10: a client saying X-Forwarded-Proto: https is not believed unless the operator trusts the proxy', async () => {
    const login = (app: TestApp) =>
      app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'officer2', password: demoPassword },
      });
    const direct = (await login(t)).cookies.find((c) => c.name === 'zhifa_session');
    expect(direct?.secure).toBeFalsy();
    const behindProxy = (await login(proxied)).cookies.find((c) => c.name === 'zhifa_session');
    expect(behindProxy?.secure).toBe(true);
  });

  it.each(['/', '/api/health', '/no-such-page'])(
    'SEC-10: %s carries a Content-Security-Policy',
    async (url) => {
      const response = await t.app.inject({ method: 'GET', url });
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
    },
  );
});
