/**
 * 行政执法证件 in a real browser. The public, with JavaScript off, finds an
 * officer by name and by certificate number and sees 有效; the system
 * administrator revokes the certificate through the API and the very next load
 * says 已吊销 (P7, P8, Q1). In the console the administrator opens a
 * certificate with its QR code and suspends another one with a reason.
 */
import { type Page, request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword, screenshot, settle, signIn, useBrowserSuite } from './support';

const suite = useBrowserSuite();
const newPage = (javaScriptEnabled: boolean) =>
  suite.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });

/** The system administrator, in an API session of its own, takes an action on a certificate by number. */
async function adminActsOn(number: string, action: 'revoke' | 'suspend', reason: string): Promise<void> {
  const api = await request.newContext({ baseURL: suite.server.baseUrl });
  try {
    const login = await api.post('/api/auth/login', { data: { username: 'admin', password: demoPassword } });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const list = await api.get(`/api/certificates?q=${encodeURIComponent(number)}`);
    const [certificate] = ((await list.json()) as { items: { id: string; number: string }[] }).items;
    expect(certificate?.number).toBe(number);
    const done = await api.post(`/api/certificates/${certificate!.id}/${action}`, {
      data: action === 'revoke' ? { kind: 'revoked', reason } : { reason },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(done.status(), await done.text()).toBe(200);
  } finally {
    await api.dispose();
  }
}

const verdict = (page: Page) => page.locator('.verdict-label strong');

describe('public officer list and certificate check (JavaScript off)', () => {
  it('finds 赵执法 by name and by number, sees 有效, then 已吊销 after the revocation', async () => {
    const page = await newPage(false);
    await page.goto('/');
    await page.getByRole('link', { name: '行政执法人员名单' }).click();
    await page.waitForURL('**/officers');

    await page.getByLabel('姓名、单位或证件编号').fill('赵执法');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL('**/officers?q=*');
    const row = page.getByRole('row').filter({ hasText: '赵执法' });
    await row.getByText('示例县交通运输局 执法一中队').waitFor();
    await row.getByRole('cell', { name: '交通运输', exact: true }).waitFor();
    await screenshot(page, 'portal-officers.png');
    await row.getByRole('link', { name: 'JT-990121-0001' }).click();
    await page.waitForURL('**/certificates/JT-990121-0001');
    await expect.poll(() => verdict(page).textContent()).toBe('有效');
    await page.getByText('示例县人民政府').waitFor();
    expect(await page.locator('img').count()).toBe(0);

    // By number, typed in lower case on the check form.
    await page.goto('/officers');
    await page.getByLabel('证件编号', { exact: true }).fill('jt-990121-0001');
    await page.getByRole('button', { name: '核验证件' }).click();
    await page.waitForURL('**/certificates/JT-990121-0001');
    await expect.poll(() => verdict(page).textContent()).toBe('有效');
    await screenshot(page, 'portal-certificate-valid.png');

    await adminActsOn('JT-990121-0001', 'revoke', '严重违法执法');
    await page.reload();
    await expect.poll(() => verdict(page).textContent()).toBe('已吊销');
    await page.getByText('不能用于执法').waitFor();
    await screenshot(page, 'portal-certificate-revoked.png');

    // A revoked holder leaves the public list.
    await page.goto('/officers?q=JT-990121-0001');
    await page.getByText('共 0 名执法人员').waitFor();
  });

  it('shows an unknown number as not found, and works in 长者模式', async () => {
    const page = await newPage(false);
    await page.goto('/certificates/NO-SUCH-0000');
    await page.getByText('未查询到该证件').waitFor();
    await page.getByRole('button', { name: '长者模式（大字）' }).click();
    await page.waitForURL('**/certificates/NO-SUCH-0000');
    await page.getByRole('button', { name: '退出长者模式' }).waitFor();
    expect(await page.locator('body.elder').count()).toBe(1);
  });
});

describe('console 执法证件', () => {
  it('admin opens a certificate with its QR code and suspends it; the portal says 暂扣', async () => {
    const page = await newPage(true);
    await page.goto('/console/certificates');
    await page.waitForURL('**/console/login');
    await signIn(page, 'admin');
    await page.waitForURL('**/console/certificates');
    const row = page.getByRole('row').filter({ hasText: 'JT-990121-0002' });
    await row.getByText('有效').waitFor();
    await row.getByText('JT-990121-0002').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '行政执法证件 JT-990121-0002' });
    await drawer.getByTestId('certificate-qr').waitFor();
    expect(await drawer.getByTestId('certificate-qr').getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    await drawer.getByText(`${suite.server.baseUrl}/certificates/JT-990121-0002`).waitFor();
    await settle(page);
    await screenshot(page, 'console-certificate.png');

    await drawer.getByRole('button', { name: '暂扣' }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '暂扣证件' });
    await modal.getByRole('button', { name: '确定' }).click();
    await modal.getByText('请写明理由').waitFor();
    await modal.getByLabel('理由').fill('涉嫌违规执法，停职调查');
    await modal.getByRole('button', { name: '确定' }).click();
    await drawer.getByText('涉嫌违规执法，停职调查').first().waitFor();
    await drawer.locator('.ant-tag').getByText('暂扣', { exact: true }).waitFor();

    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '清理提醒' }).click();
    await page.getByRole('heading', { name: /^逾期未年审/ }).waitFor();
    await page.getByRole('heading', { name: /^30 日内到期/ }).waitFor();
    await settle(page);
    await screenshot(page, 'console-certificates-cleanup.png');

    const portal = await page.context().newPage();
    await portal.goto('/certificates/JT-990121-0002');
    await expect.poll(() => portal.locator('.verdict-label strong').textContent()).toBe('暂扣');
  });
});
