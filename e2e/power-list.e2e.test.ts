/**
 * 权责清单 in a real browser. The public, with JavaScript off, searches the
 * published power list by its legal basis, opens an item and follows its
 * citation to the article on the law page (P3, P12). In the console the agency
 * head sees the status tags (草稿, 已发布, 待修订) and an item's version history.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { screenshot, settle, useBrowserSuite } from './support';

const suite = useBrowserSuite();

describe('public power list (JavaScript off)', () => {
  it('P12: finds an item by its basis and opens the cited article', async () => {
    const page = await suite.newPage({ javaScriptEnabled: false });
    await page.goto('/');
    await page.getByRole('link', { name: '行政执法事项清单（权责清单）' }).click();
    await page.waitForURL('**/items');
    await page.getByLabel('事项名称、编码或依据').fill('道路运输条例 第六十三条');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL('**/items?*');
    await page.getByText('共 1 项执法事项').waitFor();
    await page.getByRole('link', { name: '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚' }).click();
    await page.waitForURL('**/items/*');
    await page.getByText('3万元以上10万元以下', { exact: true }).waitFor();
    expect(await page.getByText('草稿').count()).toBe(0);
    await screenshot(page, 'portal-item.png');

    await page.getByRole('link', { name: '《中华人民共和国道路运输条例》第六十三条' }).click();
    await page.waitForURL('**/laws/*#article-63');
    const article = page.locator('article#article-63');
    await article.getByRole('heading', { name: '第六十三条' }).waitFor();
    expect(await article.textContent()).toContain('未取得道路运输经营许可，擅自从事道路运输经营的');
    // The anchor highlights the article with CSS alone.
    expect(await page.locator('article:target').getAttribute('id')).toBe('article-63');
    await screenshot(page, 'portal-law-article.png');
  });
});

describe('console power list', () => {
  it('P3: the agency head sees the status tags and an item’s version history', async () => {
    const page = await suite.signedIn('head1', '/console/power-list');
    const outdated = page.getByRole('row').filter({ hasText: 'JT-JC-001' });
    await outdated.getByText('待修订').waitFor();
    await outdated.getByText('第 2 版草稿').waitFor();
    await page.getByRole('row').filter({ hasText: 'JT-CF-004' }).getByText('草稿', { exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: 'JT-JC-002' }).getByText('已撤下').waitFor();
    await settle(page);
    await screenshot(page, 'console-power-list.png');

    await outdated.getByText('对道路运输车辆的监督检查').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('待修订：依据所在的法律法规文本已被修改或废止').waitFor();
    await drawer.getByRole('tab', { name: /版本历史/ }).click();
    await drawer.getByText('修订说明：依据更新为2023年修订的《道路运输条例》').waitFor();
    await settle(page);
    await screenshot(page, 'console-power-list-item.png');
  });

  it('P3: an import with bad rows shows each problem with its row and column, and imports nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('权责清单');
    sheet.addRow(['事项编码', '事项名称', '事项类型', '执法类别', '设定和实施依据', '职责']);
    sheet.addRow(['E2E-1', '浏览器导入的事项', '检查', '交通运输', '《道路运输条例》第五十九条', '监督检查']);
    sheet.addRow(['E2E-2', '依据写错的事项', '检查', '交通运输', '《道路运输条例》第九百条', '监督检查']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const page = await suite.signedIn('head1', '/console/power-list');
    await page.getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog', { name: '导入权责清单' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: '权责清单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await dialog.getByRole('button', { name: '检查文件' }).click();
    await dialog.getByText('导入文件有 1 处问题，未导入任何事项').waitFor();
    const problem = dialog.getByRole('row').filter({ hasText: '第九百条' });
    await problem.getByRole('cell', { name: '3', exact: true }).waitFor();
    await problem.getByRole('cell', { name: '设定和实施依据', exact: true }).waitFor();
    await screenshot(page, 'console-power-list-import-errors.png');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await page.getByRole('row').filter({ hasText: 'E2E-1' }).count()).toBe(0);
  });

  it('P3: the law library shows a text with its articles', async () => {
    const page = await suite.signedIn('reviewer1', '/console/laws');
    await page.getByText('中华人民共和国行政处罚法').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('第四十四条', { exact: true }).waitFor();
    await drawer.getByRole('button', { name: '粘贴批量录入' }).waitFor();
    await settle(page);
    await screenshot(page, 'console-laws.png');
  });
});
