import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3100';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
async function login(user) {
  await page.goto(`${base}/console/login`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill('Demo-Pass-2026');
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}
await login('admin');
await page.goto(`${base}/console/calendar?year=2027`);
await page.waitForTimeout(2500);
await page.screenshot({ path: '/tmp/shots/admin-calendar-2027.png' });
await page.getByRole('button', { name: /从国务院通知导入/ }).click();
await page.waitForTimeout(800);
await page.locator('textarea').first().fill(readFileSync('core/src/fixtures/holiday-notices/2026.txt', 'utf8'));
await page.getByRole('button', { name: /预览/ }).click();
await page.waitForTimeout(2000);
await page.screenshot({ path: '/tmp/shots/notice-preview.png', fullPage: true });
await browser.close();
