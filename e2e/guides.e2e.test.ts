/**
 * 事前公开 in a real browser. The public, with JavaScript off, opens the
 * flowchart of the general penalty procedure — the chart and the stages as
 * text (P6) — and searches for and opens a service guide, printable (P5, P12).
 * In the console the disclosure officer publishes the inspection item waiting
 * for review, and the portal lists it on the next load (P4, P11).
 */
import { describe, expect, it } from 'vitest';
import { screenshot, settle, useBrowserSuite } from './support';

const suite = useBrowserSuite();

describe('portal 执法流程图 and 服务指南 (JavaScript off)', () => {
  it('P6: opens the flowchart of the general penalty procedure, drawn and as text', async () => {
    const page = await suite.newPage({ javaScriptEnabled: false });
    await page.goto('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '执法流程图' }).click();
    await page.waitForURL('**/flowcharts');
    await page.getByRole('heading', { name: '行政处罚', exact: true }).waitFor();
    await page.getByRole('link', { name: '行政处罚（普通程序）流程' }).click();
    await page.waitForURL('**/flowcharts/penaltyGeneral');

    // The chart: an accessible image named by its title, drawn with every stage.
    const chart = page.getByRole('img', { name: /行政处罚（普通程序）流程/ });
    await chart.waitFor();
    const box = await chart.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(box?.height ?? 0).toBeGreaterThan(300);
    expect(await page.locator('svg g.stage').count()).toBeGreaterThanOrEqual(12);

    // The same stages as text, with their legal basis.
    const stages = page.locator('ol.stages > li');
    expect(await stages.count()).toBe(await page.locator('svg g.stage').count());
    const hearing = stages.filter({ has: page.getByRole('heading', { name: /^听证/ }) });
    await hearing.getByText('条件环节').waitFor();
    await hearing.getByText('《中华人民共和国行政处罚法》第六十四条').waitFor();
    await screenshot(page, 'portal-flowchart.png');
  });

  it('P5, P12: searches the service guides and opens one, printable', async () => {
    const page = await suite.newPage({ javaScriptEnabled: false });
    await page.goto('/guides');
    await page.getByLabel('关键词').fill('货物运输');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL('**/guides?q=*');
    await page.getByRole('status').getByText('共 1 项服务指南').waitFor();
    await page.getByRole('link', { name: '道路货物运输经营许可' }).click();
    await page.waitForURL(/\/guides\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: '道路货物运输经营许可服务指南' }).waitFor();
    const materials = page.getByRole('table', { name: '申请材料' });
    await materials.getByRole('rowheader', { name: '道路货物运输经营申请表' }).waitFor();
    await page.getByText('20 个工作日').waitFor();
    await page.getByText(/^5 个工作日/).waitFor();
    await page.getByText('示例县政务服务中心交通运输窗口').first().waitFor();
    await screenshot(page, 'portal-guide.png');

    // Printed: no header, navigation or search, the guide itself intact.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: '道路货物运输经营许可服务指南' }).isVisible()).toBe(true);
    await screenshot(page, 'portal-guide-print.png');
  });
});

describe('console 随机抽查事项 (P4, P11)', () => {
  it('the disclosure officer publishes the item waiting for review; the portal lists it', async () => {
    const portal = await suite.newPage({ javaScriptEnabled: false });
    await portal.goto('/inspections');
    await portal.getByRole('rowheader', { name: /道路运输企业安全生产检查/ }).waitFor();
    expect(await portal.getByText('货运源头单位装载检查').count()).toBe(0);

    const page = await suite.signedIn('discloser1', '/console/inspection-items');
    const row = page.getByRole('row').filter({ hasText: '货运源头单位装载检查' });
    await row.getByText('待审核').waitFor();
    await row.getByText('货运源头单位装载检查').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '公示记录' });
    await drawer.getByText('辖区内货运站场、物流园区等货运源头单位').waitFor();
    await settle(page);
    await screenshot(page, 'console-inspection-item.png');
    await drawer.getByRole('button', { name: '审核发布' }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '审核发布：货运源头单位装载检查' });
    await modal.getByRole('button', { name: '发布' }).click();
    await modal.waitFor({ state: 'hidden' });
    await drawer.locator('.ant-tag').getByText('已发布', { exact: true }).waitFor();

    await portal.reload();
    await portal.getByRole('rowheader', { name: /货运源头单位装载检查/ }).waitFor();
  });
});
