/**
 * 案件办理 in the console, as the demo officer 赵执法: the case list with its
 * deadline badges, a demo case whose timeline verifies, a new case source, a
 * move the rules refuse (R4: the seizure needs its recording first) with the
 * refusal shown, an evidence photo uploaded and listed, 我的期限 from the menu,
 * and the case page at phone width with the camera input.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, selectIn, settle, useBrowserSuite } from './support';

const suite = useBrowserSuite();

/** A small real PNG (a colour gradient), so the server detects it as image/png. */
function gradientPng(width = 48, height = 32): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([30 + y * 5, 120, 200 - x * 3], 1 + x * 3);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function openCase(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL('**/console/cases/*');
  await page.locator('.case-title').filter({ hasText: title }).waitFor();
}

describe('case handling in the console', () => {
  it('lists cases with deadline badges, opens a demo case and its timeline verifies', async () => {
    const page = await suite.signedIn('officer1');
    await page.getByRole('menuitem', { name: '案件办理' }).click();
    await page.waitForURL('**/console/cases');
    await page.getByText(/共 \d+ 件/).waitFor();
    expect(await page.getByTestId('deadline-badge').count()).toBeGreaterThan(0);
    await settle(page);
    await screenshot(page, 'cases-list.png');

    await openCase(page, '货运车辆未按规定携带道路运输证');
    await page.getByTestId('case-officers').getByText('N1 可计入').first().waitFor();
    await page.getByText('事先告知（陈述申辩、听证权利）').first().waitFor();
    await settle(page);
    await screenshot(page, 'case-page.png');

    await page.getByRole('tab', { name: '时间线' }).click();
    await expect
      .poll(() => page.getByTestId('chain-verification').textContent())
      .toContain('全过程记录校验通过');
    expect(await page.getByTestId('timeline-event').count()).toBeGreaterThan(3);
    await settle(page);
    await screenshot(page, 'case-timeline.png');

    // 文书: the notice is a head's to sign; the officer generates the 送达回证: what the case
    // holds is shown read-only, only the rest is typed.
    await page.getByRole('tab', { name: '文书' }).click();
    const form = page.locator('form#caseDocument');
    await expect.poll(() => page.getByTestId('document-filled').textContent()).toContain('宋永文');
    expect(await form.getByLabel('受送达人').count()).toBe(0);
    await page.getByText('行政处罚事先告知书须由机关负责人或承办机构负责人签署生成').waitFor();
    await form.getByLabel('送达文书名称及文号').fill('行政处罚事先告知书');
    await form.getByLabel('送达时间').fill('2026年11月22日');
    await form.getByLabel('送达地点').fill('当事人住所');
    await form.getByLabel('送达方式').fill('直接送达');
    await form.getByRole('button', { name: '生成并签署' }).click();
    await page.getByTestId('document-list').getByText('送达回证').waitFor();
    // A PDF copy is offered where the server can make one (LibreOffice installed, as in CI).
    const { pdf } = (await (await page.request.get('/api/document-kinds')).json()) as { pdf: string };
    const pdfLinks = page.getByTestId('document-list').getByRole('link', { name: /下载 PDF/ });
    if (pdf === 'available') {
      const response = await page.request.get((await pdfLinks.first().getAttribute('href'))!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      expect(await pdfLinks.count()).toBe(0);
    }
    await settle(page);
    await screenshot(page, 'case-documents.png');

    await page.getByRole('tab', { name: '期限' }).click();
    await page.getByText('陈述申辩期限（N3）').waitFor();

    await page.getByRole('menuitem', { name: '我的期限' }).click();
    await page.waitForURL('**/console/my-deadlines');
    await page.getByRole('link', { name: '货运车辆未按规定携带道路运输证' }).first().waitFor();
    await settle(page);
    await screenshot(page, 'my-deadlines.png');
  });

  it('registers a new case source and lands on its page', async () => {
    const page = await suite.signedIn('officer1', '/console/cases');
    await page.getByRole('button', { name: '登记案件来源' }).click();
    const dialog = page.getByRole('dialog', { name: '登记案件来源' });
    await dialog.getByLabel('案由').fill('客运车辆超员运输');
    await selectIn(page, dialog, '案件来源', '检查发现');
    await dialog.getByLabel('当事人', { exact: true }).fill('示例县某客运有限公司');
    await dialog
      .getByLabel('违法行为发生日期（核对追责时效）')
      .fill(new Date(Date.now() - 3 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
    await screenshot(page, 'case-register.png');
    await dialog
      .getByRole('button', { name: '登 记' })
      .or(dialog.getByRole('button', { name: '登记' }))
      .click();
    await page.waitForURL('**/console/cases/*');
    await page.locator('.case-title').filter({ hasText: '客运车辆超员运输' }).waitFor();
    await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('案件来源登记');
    await page.getByTestId('move-register').getByRole('button', { name: '进入：立案' }).waitFor();
  });

  it('shows the refusal of a move the rules forbid, and lists an uploaded evidence file', async () => {
    const page = await suite.signedIn('officer1', '/console/cases');
    await openCase(page, '扣押非法营运车辆');
    const move = page.getByTestId('move-record');
    await move.getByText('请先关联录像记录').waitFor();
    await move.getByRole('button', { name: /进入：现场笔录与音像记录/ }).click();
    await page.getByRole('button', { name: '确认进入' }).click();
    const refused = page.getByTestId('move-refused');
    await expect.poll(() => refused.textContent()).toContain('应当全程音像记录');
    expect(await refused.textContent()).toContain('R4');
    await settle(page);
    await screenshot(page, 'case-refused.png');

    await page.getByRole('tab', { name: /证据/ }).click();
    await page.getByTestId('evidence-file').setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: gradientPng(),
    });
    await page.getByLabel('说明').fill('车辆外观照片');
    await page.getByRole('button', { name: '上传并关联到本环节' }).click();
    const list = page.getByTestId('evidence-list');
    await list.getByText('现场照片.png').waitFor();
    await list.getByText('车辆外观照片').waitFor();
    await expect
      .poll(() => list.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(48);
    await page.getByRole('tab', { name: '证据（1）' }).waitFor();
    await settle(page);
    await screenshot(page, 'case-evidence.png');
  });

  it('stacks the case page at phone width and offers the camera for evidence', async () => {
    const page = await suite.signedIn('officer1', '/console/cases', {
      viewport: { width: 390, height: 844 },
    });
    await openCase(page, '出租汽车拒载');
    await settle(page);
    await screenshot(page, 'case-phone.png');
    // The case page itself fits the phone: nothing of it reaches past the right edge.
    const overflow = await page.evaluate(
      () =>
        [...document.querySelectorAll('.case-page *')].filter((el) => el.getBoundingClientRect().right > 391)
          .length,
    );
    expect(overflow).toBe(0);
    // The columns stack: the team card sits below the tabs, not beside them.
    const tabs = await page.locator('.case-tabs').boundingBox();
    const team = await page.getByTestId('case-officers').boundingBox();
    expect(team!.y).toBeGreaterThan(tabs!.y + tabs!.height - 1);
    await page.getByRole('tab', { name: /证据/ }).click();
    const input = page.getByTestId('evidence-file');
    expect(await input.getAttribute('capture')).toBe('environment');
    expect(await input.getAttribute('accept')).toContain('image/*');
    await settle(page);
    await screenshot(page, 'case-phone-evidence.png');
  });
});
