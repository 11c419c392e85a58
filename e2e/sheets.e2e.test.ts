/**
 * An .xlsx round trip in a real browser: the head of a unit exports 服务指南
 * from the console, imports the very file through 导入 Excel, is told on the
 * check that nothing would change, and imports it (P5).
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSuite } from './support';

const suite = useBrowserSuite();

describe('console 服务指南 as a sheet', () => {
  it('P5: exports the guides to .xlsx, imports the same file: the check finds nothing to change', async () => {
    const page = await suite.signedIn('unithead1', '/console/service-guides');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await page.getByRole('row').filter({ hasText: '道路货物运输经营许可' }).waitFor();
    const entries = await rows.count();
    expect(entries).toBeGreaterThan(0);

    // 导出 Excel: the browser downloads the workbook, one entry per 事项名称.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /导出 Excel/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^服务指南-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = {
      name: download.suggestedFilename(),
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await readFile((await download.path())!),
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const titleColumn = (sheet.getRow(1).values as unknown[]).indexOf('事项名称');
    expect(titleColumn).toBeGreaterThan(0);
    const titles = sheet
      .getColumn(titleColumn)
      .values.slice(2)
      .filter((v) => typeof v === 'string' && v);
    expect(titles).toHaveLength(entries);
    expect(titles).toContain('道路货物运输经营许可');

    // 导入 Excel with that file: the check (a dry run) says every entry is unchanged.
    await page.getByRole('button', { name: /导入 Excel/ }).click();
    const dialog = page.getByRole('dialog', { name: '导入服务指南' });
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText(file.name).waitFor();
    await dialog.getByRole('button', { name: '检查文件' }).click();
    await dialog
      .getByText(`检查通过：共 ${entries} 个条目，将新增 0 个、修改 0 个，${entries} 个无变化。`)
      .waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, 'console-guides-import-check.png');

    // Confirmed: imported, nothing changed, and the list is as it was.
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText(`已导入：新增 0 个，修改 0 个，未变 ${entries} 个`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await rows.count()).toBe(entries);
    await page.getByRole('row').filter({ hasText: '道路货物运输经营许可' }).getByText('已发布').waitFor();
  });
});
