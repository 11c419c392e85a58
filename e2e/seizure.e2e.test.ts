/**
 * One seizure (行政强制措施：扣押) walked through the console by the demo roles:
 * 赵执法 (officer1) registers it, 李中队长 (unithead1) names 钱执法 (officer2)
 * as the second officer (N1), 郑局长 (head1) approves it beforehand (N11).
 * At 通知当事人到场并告知 the move on is refused without a video recording of
 * the stage (R4) and accepted once the body-camera video is uploaded as the
 * stage's 录像; the 现场笔录 and decision stages are recorded the same way; the
 * decision carries its 30-day term, 郑局长 extends it once by 30 days, and
 * releases the vehicle; the case ends 结案.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoVideo } from '../server/src/seed/media';
import { closeDropdown, resultsDir, screenshot, selectIn, settle, useBrowserSuite } from './support';

const suite = useBrowserSuite();

const title = '扣押非法营运车辆（浏览器测试）';
const party = '刘某某';
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const plusDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** antd puts a space between two Chinese characters of a button. */
const ok = (dialog: Locator, text: string) =>
  dialog.getByRole('button', { name: new RegExp(`^${[...text].join('\\s?')}$`) });

let caseId = '';

async function screenshotPath(name: string): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  return path.join(resultsDir, name);
}

async function as(username: string): Promise<Page> {
  const page = await suite.signedIn(username, `/console/cases/${caseId}`);
  await page.locator('.case-title').filter({ hasText: title }).waitFor();
  return page;
}

async function done(page: Page): Promise<void> {
  await page.context().close();
}

async function stageIs(page: Page, label: string): Promise<void> {
  await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe(label);
}

/** Presses the move into `label` (it must be allowed) and waits for the case to be there. */
async function move(page: Page, to: string, label: string): Promise<void> {
  await page.getByRole('tab', { name: '办理' }).click();
  const item = page.getByTestId(`move-${to}`);
  await item.getByText('条件已满足').waitFor();
  await item.getByRole('button', { name: `进入：${label}` }).click();
  await page.getByRole('button', { name: '确认进入' }).click();
  await stageIs(page, label);
}

/** Opens a fact step of the 办理 tab and returns its dialog. */
async function step(page: Page, name: string): Promise<Locator> {
  await page.getByRole('tab', { name: '办理' }).click();
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  return dialog;
}

async function save(page: Page, dialog: Locator, name: string): Promise<void> {
  await ok(dialog, '保存').click();
  await page.getByText(`已记录：${name}`).first().waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

/** 证据 tab: uploads a small MP4 as the current stage's video recording (R4) and waits for it in the list. */
async function uploadVideo(page: Page, name: string, description: string): Promise<void> {
  await page.getByRole('tab', { name: /证据/ }).click();
  await page
    .getByTestId('evidence-file')
    .setInputFiles({ name, mimeType: 'video/mp4', buffer: demoVideo(12) });
  // The kind follows the file; the officer could also choose it.
  const kind = page.locator('form#evidenceUpload .ant-select').filter({ hasText: '录像' });
  await kind.waitFor();
  await page.getByLabel('说明').fill(description);
  await page.getByRole('button', { name: '上传并关联到本环节' }).click();
  const item = page.getByTestId('evidence-list').locator('.ant-list-item').filter({ hasText: name });
  await item.waitFor();
  await item.locator('.ant-tag', { hasText: /^录像$/ }).waitFor();
  expect(await item.locator('video').count()).toBe(1);
}

describe('a seizure in the console', () => {
  it('is refused without the recording, accepted with it, decided with its term, extended and released', async () => {
    // 报批 — 赵执法 registers the seizure he has to carry out.
    let page = await suite.signedIn('officer1', '/console/cases');
    await page.getByRole('button', { name: '登记案件来源' }).click();
    const register = page.getByRole('dialog', { name: '登记案件来源' });
    // The pick checked and tried again, as in the other case walks (a pick can be lost when busy).
    await selectIn(page, register, '流程', '行政强制措施（查封、扣押）');
    await register.getByLabel('案由').fill(title);
    await register.getByLabel('案件来源', { exact: true }).fill('检查发现');
    await register.getByLabel('当事人', { exact: true }).fill(party);
    await ok(register, '登记').click();
    await page.waitForURL('**/console/cases/*');
    caseId = new URL(page.url()).pathname.split('/').pop()!;
    await stageIs(page, '报批');
    // Approval is the head's: the officer sees the move but may not take it.
    await page.getByTestId('move-notifyParty').getByText('须由承办机构负责人或机关负责人办理').waitFor();
    await done(page);

    // The second officer (N1), named by 李中队长.
    page = await as('unithead1');
    await page.getByTestId('case-officers').getByRole('button', { name: '指定承办人员' }).click();
    const team = page.getByRole('dialog', { name: '指定承办人员' });
    await team.getByLabel('协办人（执法人员）').click();
    await page.keyboard.type('钱执法');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '钱执法' }).click();
    await closeDropdown(page);
    await ok(team, '保存').click();
    await page.getByTestId('case-officers').getByText('钱执法').waitFor();
    await expect.poll(() => page.getByTestId('case-officers').getByText('N1 可计入').count()).toBe(2);
    await done(page);

    // 郑局长 approves the seizure before it is carried out (N11).
    page = await as('head1');
    const approval = await step(page, '查封扣押审批');
    await save(page, approval, '查封扣押审批');
    await page.getByTestId('seizure-facts').getByText(`${today()} 经负责人批准`).waitFor();
    await move(page, 'notifyParty', '通知当事人到场并告知');
    await done(page);

    // 通知当事人到场并告知 — without the stage's video the move is refused (R4)...
    page = await as('officer1');
    const next = page.getByTestId('move-record');
    await next.getByText('尚不能进入').waitFor();
    await next.getByText('请先关联录像记录').waitFor();
    await next.getByRole('button', { name: '进入：现场笔录与音像记录' }).click();
    await page.getByRole('button', { name: '确认进入' }).click();
    const refused = page.getByTestId('move-refused');
    await expect.poll(() => refused.textContent()).toContain('应当全程音像记录');
    expect(await refused.textContent()).toContain('不能进入“现场笔录与音像记录”');
    await stageIs(page, '通知当事人到场并告知');
    await settle(page);
    await screenshot(page, 'seizure-refused.png');

    // ...and accepted once the body-camera video is linked to this stage as its 录像.
    await uploadVideo(page, '执法记录仪-通知到场.mp4', '出示证件、告知当事人扣押理由和依据，全程录像');
    await page.getByRole('tab', { name: '证据（1）' }).waitFor();
    await page.getByRole('tab', { name: '办理' }).click();
    await next.getByText('条件已满足').waitFor();
    expect(await next.getByText('请先关联录像记录').count()).toBe(0);
    await next.getByRole('button', { name: '进入：现场笔录与音像记录' }).click();
    await page.getByRole('button', { name: '确认进入' }).click();
    await stageIs(page, '现场笔录与音像记录');
    await page.getByText('已进入“现场笔录与音像记录”').first().waitFor();
    expect(await page.getByTestId('move-refused').count()).toBe(0);
    // With its toast: animations finished, so it is not caught half faded in.
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: await screenshotPath('seizure-accepted.png'),
      fullPage: true,
      animations: 'disabled',
    });

    // 现场笔录与音像记录 — its own recording, then the decision stage.
    await page.getByTestId('move-decide').getByText('请先关联录像记录').waitFor();
    await uploadVideo(page, '执法记录仪-现场清点.mp4', '现场清点、扣押车辆，全程录像');
    await move(page, 'decide', '查封（扣押）决定书及清单');

    // 查封（扣押）决定 with its term: at most 30 days (N11).
    const decision = await step(page, '查封扣押决定（期限不超过三十日）');
    expect(await decision.getByLabel('查封扣押期限').inputValue()).toBe('30');
    await decision.getByLabel('查封扣押财物清单').fill('小型客车一辆（示A·E2E01），存放于执法大队停车场');
    await screenshot(page, 'seizure-decision-form.png');
    await save(page, decision, '查封扣押决定（期限不超过三十日）');
    const facts = page.getByTestId('seizure-facts');
    await facts.getByText(`${today()} 决定，期限30日`).waitFor();
    await facts.getByText('小型客车一辆（示A·E2E01）', { exact: false }).waitFor();
    await page.getByRole('tab', { name: '期限' }).click();
    const clock = page.locator('tr', { hasText: '查封扣押期限（N11）' });
    await clock.getByText(plusDays(today(), 30)).waitFor();
    await uploadVideo(page, '执法记录仪-交付决定书.mp4', '当场交付扣押决定书和财物清单');
    await move(page, 'serve', '送达');
    await done(page);

    // 延长期限 — approved once by 郑局长, by 30 days (N11).
    page = await as('head1');
    const extension = await step(page, '延长查封扣押期限（只能延长一次）');
    await extension
      .getByLabel('延长理由（书面告知当事人）')
      .fill('需对车辆营运情况进一步调查核实，情况复杂。');
    await save(page, extension, '延长查封扣押期限（只能延长一次）');
    await page.getByTestId('seizure-facts').getByText(`${today()} 批准延长30日`).waitFor();
    await page.getByRole('tab', { name: '期限' }).click();
    await page.locator('tr', { hasText: '查封扣押期限（N11）' }).getByText(plusDays(today(), 60)).waitFor();
    // Only one extension, ever (N11): a second is refused and says why.
    const again = await step(page, '延长查封扣押期限（只能延长一次）');
    await again.getByLabel('延长理由（书面告知当事人）').fill('再次延长。');
    await ok(again, '保存').click();
    await again.getByText('查封、扣押期限只能延长一次').waitFor();
    await ok(again, '取消').click();
    await again.waitFor({ state: 'hidden' });
    await done(page);

    page = await as('officer1');
    await move(page, 'extend', '延长期限');
    await done(page);

    // 处理决定 — 郑局长 releases the vehicle, and the case is closed.
    page = await as('head1');
    await move(page, 'dispose', '处理决定');
    const disposal = await step(page, '查封扣押处理决定');
    expect(await disposal.getByLabel('解除').isChecked()).toBe(true);
    await save(page, disposal, '查封扣押处理决定');
    await page.getByTestId('seizure-facts').getByText(`${today()} 解除`).waitFor();
    await settle(page);
    await screenshot(page, 'seizure-released.png');
    await move(page, 'close', '结案');
    await page.getByRole('tab', { name: '时间线' }).click();
    await expect
      .poll(() => page.getByTestId('chain-verification').textContent())
      .toContain('全过程记录校验通过');
  }, 600_000);
});
