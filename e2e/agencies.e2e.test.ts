/**
 * 执法主体公示 (P2), 法制审核人员 (P7, L2) and 窗口公示牌 (P8) in a real browser.
 * The public, with JavaScript off, goes from the home page to the county
 * bureau's profile, its reviewers and its window board, which prints one board
 * per A4 page without the site's header. In the console the administrator sees
 * the training ledger (Q3) with its plan filed on time and the officers who are
 * short of hours, and the reviewer capacity.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { screenshot, settle, useBrowserSuite } from './support';

const suite = useBrowserSuite();

describe('agency profile and window boards (JavaScript off)', () => {
  it('opens the county bureau’s profile from the home page, then its reviewers and its printable window board', async () => {
    const page = await suite.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto('/');
    await page.getByRole('link', { name: '示例县交通运输局' }).first().click();
    await page.waitForURL(/\/agencies\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: '示例县交通运输局' }).waitFor();
    for (const heading of ['执法依据', '主要职责', '办公地址和时间', '监督渠道', '救济渠道'])
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    await page.getByText('《中华人民共和国道路运输条例》第七条').waitFor();
    await page.getByText('0000-5550199').waitFor();
    await page.getByText('示例县人民法院').waitFor();
    await page.getByRole('region', { name: '本机关公示信息' }).waitFor();
    await screenshot(page, 'portal-agency-profile.png');

    await page.getByRole('link', { name: '法制审核人员名单' }).click();
    await page.waitForURL('**/reviewers');
    const reviewers = page.getByRole('table', { name: '示例县交通运输局法制审核人员名单' });
    await reviewers.getByRole('row').filter({ hasText: '周审核' }).getByText('法律职业资格（A证）').waitFor();
    await reviewers.getByRole('row').filter({ hasText: '吴审核' }).getByText('公职律师').first().waitFor();

    await page.getByRole('link', { name: '示例县交通运输局' }).click();
    await page.getByRole('link', { name: '窗口公示' }).click();
    await page.waitForURL('**/windows');
    const board = page.getByRole('region', { name: '1 号窗口 道路运输许可' });
    await board.getByText('道路旅客运输经营许可').waitFor();
    await board.getByText('0000-5550102').waitFor();
    await board.getByRole('row').filter({ hasText: '钱执法' }).getByText('首席代表').waitFor();
    expect(await page.locator('img').count()).toBe(0);
    await screenshot(page, 'portal-window-board.png');

    // Printed: no header or navigation, the board framed for an A4 sheet and followed by a page break.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(false);
    const style = await board.evaluate((element) => {
      const computed = getComputedStyle(element);
      return { breakAfter: computed.breakAfter, borderTopWidth: computed.borderTopWidth };
    });
    expect(style.borderTopWidth).toBe('3px');
    expect(['page', 'auto']).toContain(style.breakAfter);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('console 培训台账 and 法制审核人员', () => {
  it('shows the plan filed on time, the officers short of hours, and the reviewer capacity', async () => {
    const page = await suite.signedIn('admin', '/console/training');
    await page.getByTestId('plan-standing').getByText('已按时报送').waitFor();
    await page.getByText(/名执法人员 \d{4} 年度培训学时未达到 60 学时/).waitFor();
    await page.getByRole('checkbox', { name: '仅显示未达标人员' }).check();
    await page
      .getByRole('row')
      .filter({ hasText: /差 \d+(\.\d)? 学时/ })
      .first()
      .waitFor();
    await page.getByRole('tab', { name: /培训课程/ }).click();
    await page.getByRole('row').filter({ hasText: '执法记录仪使用规范' }).waitFor();
    await settle(page);
    await screenshot(page, 'console-training.png');

    // An attendance sheet with a bad row: the check lists it by row and column, and nothing is imported.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('出勤');
    sheet.addRow(['姓名', '执法证号', '课程', '学时', '出勤']);
    sheet.addRow(['赵执法', '', '执法记录仪使用规范', 4, '出勤']);
    sheet.addRow(['不存在的人', '', '执法记录仪使用规范', 4, '出勤']);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'zhifa-e2e-sheet-')), '出勤.xlsx');
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.getByRole('button', { name: '导入出勤' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '年度培训出勤' });
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: '检查文件' }).click();
    const problems = dialog.getByRole('table', { name: '导入问题清单' });
    await problems
      .getByRole('row')
      .filter({ hasText: '“不存在的人”不是本机关在岗执法人员' })
      .getByText('姓名')
      .waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, 'console-training-import-problems.png');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();

    await page.goto('/console/reviewers');
    await page
      .getByTestId('reviewer-capacity')
      .getByText(/符合要求/)
      .waitFor();
    await page.getByRole('row').filter({ hasText: '周审核' }).waitFor();
    await settle(page);
    await screenshot(page, 'console-reviewers.png');

    await page.goto('/console/window-boards');
    await page.getByText('1 号窗口 道路运输许可').waitFor();
    await page.getByText('钱执法 首席代表').waitFor();
    await settle(page);
    await screenshot(page, 'console-window-boards.png');

    // The agency form carries the public profile (P2).
    await page.goto('/console/organisation');
    await page
      .getByRole('row')
      .filter({ hasText: '示例县交通运输局' })
      .getByRole('button', { name: '修改' })
      .click();
    const modal = page.getByRole('dialog').filter({ hasText: '修改执法主体' });
    await expect.poll(() => modal.getByLabel('监督电话').inputValue()).toBe('0000-5550199');
    await modal.getByLabel('办公电话').fill('0000-5550111');
    await modal.getByRole('button', { name: '保存' }).click();
    await modal.waitFor({ state: 'hidden' });
    const portal = await page.context().newPage();
    await portal.goto('/agencies');
    await portal.getByRole('row').filter({ hasText: '示例县交通运输局' }).getByText('0000-5550111').waitFor();
  });
});
