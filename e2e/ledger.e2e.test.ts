/**
 * The ledger explorer (全过程记录) in a real browser: a calendar change by the
 * system administrator shows up in the `calendar` stream for the audit
 * administrator, who verifies the chains, signs a checkpoint, downloads it and
 * an inclusion proof; the supervising bureau reads the page; an officer does not.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Page, request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword, resultsDir, screenshot, settle, useBrowserSuite } from './support';

const suite = useBrowserSuite();
const _newContext = () => suite.newContext();
const signedIn = (username: string, path: string) => suite.signedIn(username, path);

const menuOf = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

/**
 * A full-page screenshot with the viewport as tall as the page: a longer page
 * would be captured with the sticky 100vh menu drawn part-way down.
 */
async function fullScreenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1440, height: Math.max(900, height) });
  await screenshot(page, name);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The system administrator, through the API in a session of its own, marks a holiday: a `calendar.changed` event. */
async function adminMarksDay(date: string): Promise<void> {
  const api = await request.newContext({ baseURL: suite.server.baseUrl });
  try {
    const login = await api.post('/api/auth/login', { data: { username: 'admin', password: demoPassword } });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const changed = await api.put(`/api/calendar/days/${date}`, {
      data: { kind: 'holiday', name: '账本测试' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(changed.status()).toBe(200);
  } finally {
    await api.dispose();
  }
}

describe('ledger explorer', () => {
  it('shows admin’s calendar change to auditadmin, verified, signed and provable', async () => {
    await adminMarksDay('2026-12-31');

    const page = await signedIn('auditadmin', '/console/ledger');
    await menuOf(page).getByText('全过程记录').waitFor();
    const banner = page.getByTestId('ledger-verification');
    await banner.getByText('校验通过', { exact: true }).waitFor();

    // The prefix filter goes into the address; the calendar stream opens in a drawer.
    await page.getByPlaceholder('按前缀筛选，如 user:、calendar').fill('calendar');
    await page.getByPlaceholder('按前缀筛选，如 user:、calendar').press('Enter');
    await page.waitForURL('**/console/ledger?prefix=calendar');
    // The list re-renders with the filter in a transition: wait for it, or a click would
    // follow a link of the unfiltered list (without the prefix).
    await expect.poll(() => page.getByRole('link', { name: /^law:/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'calendar', exact: true }).click();
    await page.waitForURL('**/console/ledger?prefix=calendar&stream=calendar');
    const drawer = page.getByRole('dialog');
    await drawer.getByText('本流校验通过').waitFor();
    const event = drawer.getByTestId('ledger-event').filter({ hasText: 'calendar.changed' });
    await event.getByText('系统管理员').waitFor();
    await event.getByText('工作日历变更').waitFor();
    await event.getByText('展开内容').click();
    await event.getByText('"2026-12-31"', { exact: false }).first().waitFor();

    // No checkpoint yet: the proof cannot exist, and the page says what to do.
    await event.getByRole('button', { name: /包含证明/ }).click();
    await page.getByText('尚无检查点覆盖此事件，请先签名检查点').waitFor();
    await settle(page);
    await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0);
    // The viewport only: a drawer is fixed to it, and the page behind is longer.
    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'console-ledger-stream.png') });
    await page.goBack();
    await page.waitForURL('**/console/ledger?prefix=calendar');
    await drawer.waitFor({ state: 'hidden' });

    // Sign a checkpoint: it is listed, the banner counts it, the export is the signed JSON.
    await page.getByRole('button', { name: /立即签名检查点/ }).click();
    await page.getByText(/已签名检查点 #\d+/).waitFor();
    const row = page.getByRole('row').filter({ hasText: /^#\d+/ }).first();
    await row.getByText('本平台').waitFor();
    await banner.getByText('1 个检查点的 SM2 签名和 Merkle 根哈希均有效', { exact: false }).waitFor();
    const href = await row.getByRole('link', { name: /下载/ }).getAttribute('href');
    expect(href).toMatch(/^\/api\/ledger\/checkpoints\/\d+\/export$/);
    const exported = await page.request.get(href!);
    expect(exported.status()).toBe(200);
    const checkpoint = (await exported.json()) as { treeSize: number; root: string; publicKey: string };
    expect(checkpoint.treeSize).toBeGreaterThanOrEqual(1);
    expect(checkpoint.root).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('ledger-public-key').textContent()).toContain(checkpoint.publicKey);

    // Signing again with nothing new: the server says so.
    await page.getByRole('button', { name: /立即签名检查点/ }).click();
    await page.getByText('自上一检查点以来没有新的记录').waitFor();

    // Now the proof downloads, named after the stream and sequence.
    await page.getByRole('link', { name: 'calendar', exact: true }).click();
    const downloading = page.waitForEvent('download');
    await drawer
      .getByTestId('ledger-event')
      .filter({ hasText: 'calendar.changed' })
      .getByRole('button', { name: /包含证明/ })
      .click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('zhifa-proof-calendar-1.json');
    const proof = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      events: { kind: string }[];
      merklePath: string[];
      checkpoint: { treeSize: number };
    };
    expect(proof.events[0]?.kind).toBe('calendar.changed');
    expect(proof.checkpoint.treeSize).toBe(checkpoint.treeSize);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Another change, a second checkpoint: the later tree extends the earlier one.
    await adminMarksDay('2026-12-30');
    await page.getByRole('button', { name: /立即签名检查点/ }).click();
    await page.getByText(/已签名检查点 #2/).waitFor();
    await banner.getByText('2 个检查点的 SM2 签名和 Merkle 根哈希均有效', { exact: false }).waitFor();
    await page.getByRole('button', { name: '生成一致性证明' }).click();
    await page.getByText(/→ #2（\d+ 个叶子）：一致性证明共 \d+ 个哈希/).waitFor();

    await page.getByPlaceholder('按前缀筛选，如 user:、calendar').clear();
    await page.getByPlaceholder('按前缀筛选，如 user:、calendar').press('Enter');
    await page.waitForURL((url) => url.pathname === '/console/ledger' && url.search === '');
    await page.getByRole('link', { name: 'calendar', exact: true }).waitFor();
    await settle(page);
    await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0);
    await fullScreenshot(page, 'console-ledger.png');
  });

  it('lets supervisor1 read the ledger, without signing', async () => {
    const page = await signedIn('supervisor1', '/console/ledger');
    await menuOf(page).getByText('全过程记录').waitFor();
    await page.getByTestId('ledger-verification').getByText('校验通过', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'calendar', exact: true }).waitFor();
    await page.getByTestId('ledger-public-key').waitFor();
    expect(await page.getByRole('button', { name: /立即签名检查点/ }).count()).toBe(0);

    // A broken chain (simulated: the database refuses the edit that would cause one) shows in red.
    await page.route('**/api/ledger/verify', (route) =>
      route.fulfill({
        json: {
          ledger: {
            ok: false,
            streams: 1,
            events: 0,
            firstBreak: {
              streamId: 'calendar',
              seq: 1,
              problem: 'hash',
              detail: '存储的哈希 aa ≠ 重新计算的 bb',
            },
          },
          checkpoints: { checkpoints: 0, problem: null },
        },
      }),
    );
    await page.getByRole('button', { name: /重新校验/ }).click();
    const banner = page.getByTestId('ledger-verification');
    await banner.getByText('校验未通过：发现断链').waitFor();
    await banner.getByText('哈希与内容不符', { exact: false }).waitFor();
    await banner.getByText('存储的哈希 aa ≠ 重新计算的 bb').waitFor();
    await settle(page);
    await fullScreenshot(page, 'console-ledger-broken.png');
  });

  it('hides 全过程记录 from officer1 and refuses it by URL', async () => {
    const page = await signedIn('officer1', '/console/');
    const menu = menuOf(page);
    await menu.getByText('工作台').waitFor();
    expect(await menu.getByText('全过程记录').count()).toBe(0);
    await page.goto('/console/ledger');
    await page.getByText('无权访问').waitFor();
  });
});
