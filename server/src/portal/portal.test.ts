import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/harness.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('public portal (no JavaScript)', () => {
  it('lists the agencies on the home page, with landmarks and no script', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    for (const name of ['示例省交通运输厅', '示例市交通运输局', '示例县交通运输局', '示例县司法局'])
      expect(html).toContain(name);
    expect(html).toContain('<html lang="zh-CN">');
    for (const landmark of ['<header', '<nav aria-label="主导航"', '<main id="main"', '<footer'])
      expect(html).toContain(landmark);
    expect(html).not.toContain('<script');
    expect(Buffer.byteLength(html)).toBeLessThan(50 * 1024);
  });

  it('switches 长者模式 with a plain form post and redirects back', async () => {
    const post = await t.app.inject({
      method: 'POST',
      url: '/preferences/elder-mode',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'enabled=1&back=%2F',
    });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe('/');
    const cookie = post.cookies.find((c) => c.name === 'zhifa_elder');
    expect(cookie?.value).toBe('1');
    const home = await t.app.inject({ method: 'GET', url: '/', cookies: { zhifa_elder: '1' } });
    expect(home.body).toContain('<body class="elder"');
    expect(home.body).toContain('退出长者模式');
  });

  it('refuses to redirect off-site', async () => {
    const post = await t.app.inject({
      method: 'POST',
      url: '/preferences/elder-mode',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'enabled=1&back=%2F%2Fevil.example',
    });
    expect(post.statusCode).toBe(400);
  });

  it.each([
    ['a tab browsers strip into //', '%2F%09%2Fevil.example'],
    ['a line feed that breaks the Location header', '%2F%0A%2Fx'],
    ['a carriage return', '%2F%0D%2Fx'],
    ['a space before the second slash', '%2F%20%2Fevil.example'],
  ])('SEC-9: refuses a redirect target with %s (400, never off-site or 500)', async (_, back) => {
    const post = await t.app.inject({
      method: 'POST',
      url: '/preferences/elder-mode',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `enabled=1&back=${back}`,
    });
    expect(post.statusCode).toBe(400);
    expect(post.headers.location).toBeUndefined();
  });

  it('answers an unknown page with an HTML 404 and an unknown API path with JSON', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/no-such-page' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('页面不存在');
    const api = await t.app.inject({ method: 'GET', url: '/api/no-such' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('NOT_FOUND');
  });

  it('publishes the checkpoint signing key and the latest checkpoint, without JavaScript', async () => {
    const empty = await t.app.inject({ method: 'GET', url: '/transparency' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('尚未签名检查点');
    const auditadmin = await t.login('auditadmin');
    await t.request(admin, {
      method: 'PUT',
      url: '/api/calendar/days/2026-12-30',
      payload: { kind: 'holiday', name: '测试' },
    });
    const created = (await t.request(auditadmin, { method: 'POST', url: '/api/ledger/checkpoints' })).json();
    const page = await t.app.inject({ method: 'GET', url: '/transparency' });
    const key = (await t.app.inject({ method: 'GET', url: '/api/ledger/public-key' })).json().publicKey;
    expect(page.body).toContain(key);
    expect(page.body).toContain(created.root);
    expect(page.body).not.toContain('<script');
  });

  it('GET /api/health reports the database kind and version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
      version: 'test',
    });
  });
});
