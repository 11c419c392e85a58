import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, screenshot, signIn, totp, useBrowserSuite } from './support';

const suite = useBrowserSuite();
const newPage = (options: { javaScriptEnabled?: boolean } = {}) => suite.newPage(options);

describe('console', () => {
  it('signs admin in, shows the 2026 calendar and computes working days', async () => {
    const page = await newPage();
    // A deep link while signed out: the login page, then back to the link.
    await page.goto('/console/calendar?year=2026');
    await page.waitForURL('**/console/login');
    await signIn(page, 'admin');
    await page.waitForURL('**/console/calendar?year=2026');
    // Issue 13: the administrator sees the banner exactly when the server says next year (or
    // this one) lacks its holiday arrangement after the warning day, wherever the clock stands.
    const status = await page.evaluate(async () => (await fetch('/api/calendar/status')).json());
    if (status.warning) {
      const banner = page.getByTestId('calendar-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain(
        `工作日历缺少 ${status.missing.join('、')} 年的节假日安排`,
      );
    } else expect(await page.getByTestId('calendar-banner').count()).toBe(0);

    await page
      .getByText('十月', { exact: false })
      .or(page.getByText('10 月', { exact: true }))
      .first()
      .waitFor();
    await page
      .locator('.zf-cal-names')
      .getByText(/国庆节$/)
      .first()
      .waitFor();
    await page.getByText('调休上班日', { exact: false }).first().waitFor();
    await expect(page.locator('header').getByText('系统管理员').first().isVisible()).resolves.toBe(true);

    const date = page.locator('#workdays_date');
    await date.click();
    await date.fill('2026-09-28');
    await date.press('Enter');
    await page.locator('#workdays_count').fill('7');
    // By form, not by name: antd can leave a faded "loading" icon in a button's accessible name.
    await page.locator('form#workdays button[type=submit]').click();
    const result = page.getByTestId('workdays-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('2026-09-28 之后第 7 个工作日是 2026-10-13');

    // The table view names the days too.
    await page.getByText('列表', { exact: true }).click();
    await page.getByRole('cell', { name: '国庆节', exact: true }).first().waitFor();
    await page.getByText('月历', { exact: true }).click();
    await page.locator('.zf-cal-month').first().waitFor();
    await screenshot(page, 'console-calendar.png');
  });

  it('calendar notices (issue 13): previews a pasted State Council notice with its differences, then imports it', async () => {
    const page = await newPage();
    // A deep link, then the login: sign-in finishes before the page is asked for.
    await page.goto('/console/calendar?year=2025');
    await page.waitForURL('**/console/login');
    await signIn(page, 'admin');
    await page.waitForURL('**/console/calendar?year=2025');
    await page.getByRole('button', { name: /从国务院通知导入/ }).click();
    const modal = page.getByRole('dialog');
    const notice = readFileSync(path.join(root, 'core/src/fixtures/holiday-notices/2025.txt'), 'utf8');
    await modal.getByLabel('通知全文').fill(notice);
    await modal.getByRole('button', { name: /预\s*览/ }).click();
    // Grouped by holiday, with weekdays. The bundled 2025 has the same days; only the combined
    // section's name differs (the notice names 1–8 October 国庆节、中秋节): 10 days renamed.
    await modal.getByRole('cell', { name: '国庆节、中秋节', exact: true }).waitFor();
    await modal.getByText('10月1日（星期三） 至 10月8日（星期三），8 天').waitFor();
    await modal.getByText('2025 年：新增 0 天，删除 0 天，变更 10 天').waitFor();
    await screenshot(page, 'console-calendar-notice.png');
    await modal.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(/已按国务院通知导入 2025 年度/).waitFor();
    await page.getByText(/数据来源：国务院通知 2025/).waitFor();
  });

  it('does not show 辖区设置 to officer1, and refuses the page by URL', async () => {
    const page = await newPage();
    await page.goto('/console/login');
    await signIn(page, 'officer1');
    await page.waitForURL((url) => /^\/console\/?$/.test(url.pathname));
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByText('工作日历').waitFor();
    expect(await menu.getByText('辖区设置').count()).toBe(0);
    expect(await menu.getByText('工作台').count()).toBe(1);

    await page.goto('/console/settings');
    await page.getByText('无权访问').waitFor();
  });

  it('says 用户名或密码错误 for a wrong password', async () => {
    const page = await newPage();
    await page.goto('/console/login');
    await signIn(page, 'head1', 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
    await alert.waitFor();
    expect(page.url()).toContain('/console/login');
  });
});

describe('second factor', () => {
  it('lets auditadmin enable TOTP, then asks for the code at the next sign-in', async () => {
    const page = await newPage();
    await page.goto('/console/account');
    await signIn(page, 'auditadmin');
    await page.waitForURL('**/console/account');
    await page.getByRole('button', { name: '生成密钥', exact: true }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.locator('#totp_code').fill(totp(secret));
    await page.getByRole('button', { name: '验证并启用', exact: true }).click();
    await page.getByText('已启用', { exact: true }).waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/console/login');
    await signIn(page, 'auditadmin');
    await page.locator('#login_totpCode').fill(totp(secret));
    await page.locator('form#login button[type=submit]').click();
    await page.waitForURL((url) => /^\/console\/?$/.test(url.pathname));
    await page.getByText('您好，审计管理员').waitFor();
  });
});

describe('portal', () => {
  it('works without JavaScript and switches to 长者模式', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto('/');
    await page.getByText('示例县交通运输局').first().waitFor();
    expect(await page.locator('body.elder').count()).toBe(0);

    await page.getByRole('button', { name: /长者模式/ }).click();
    await page.waitForLoadState('load');
    await page.locator('body.elder').waitFor({ state: 'attached' });
    expect(await page.getByRole('button', { name: '退出长者模式' }).count()).toBe(1);
    await screenshot(page, 'portal-home.png');
  });
});
