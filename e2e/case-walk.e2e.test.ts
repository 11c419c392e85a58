/**
 * One general-procedure penalty walked through the console from source
 * registration to 归档, each step by the demo role whose job it is:
 * 赵执法 (officer1) registers and investigates with 钱执法 (officer2, named by
 * 李中队长), 郑局长 (head1) approves 立案 and decides, 李中队长 (unithead1)
 * approves the proposal and signs the 事先告知书, the party waives its defence
 * (the server has no clock to move, so the lawful path today is the waiver),
 * the fine is paid at the bank, and 冯档案 (archivist1) archives the complete file.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeDropdown, pickOption, screenshot, selectIn, settle, useBrowserSuite } from './support';

const suite = useBrowserSuite();

const title = '渣土运输车辆未密闭运输（全流程）';
const party = '示例县某渣土运输有限公司';
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
/** antd puts a space between two Chinese characters of a button. */
const ok = (dialog: Locator, text: string) =>
  dialog.getByRole('button', { name: new RegExp(`^${[...text].join('\\s?')}$`) });

/** A 1×1 PNG, enough for the evidence store to detect image/png. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

let caseId = '';

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

/** 文书 tab: picks the kind (if another is offered first); returns its form. */
async function choose(page: Page, kind: string): Promise<Locator> {
  await page.getByRole('tab', { name: '文书' }).click();
  const form = page.locator('form#caseDocument');
  await form.waitFor();
  const picker = page.getByLabel('文书种类');
  // The Select shows its choice as the title of the input's parent.
  const shown = (await picker.locator('xpath=..').getAttribute('title')) ?? '';
  if (!shown.startsWith(kind)) {
    await picker.click();
    // A kind the case already has a document of is marked so (a second 送达回证 is usual).
    await pickOption(page, kind, new RegExp(`^${kind}(（已生成）)?$`));
  }
  return form;
}

/** …fills what the case does not hold (what it holds is shown, not typed), signs. */
async function sign(page: Page, kind: string, fields: Record<string, string> = {}): Promise<void> {
  const form = await choose(page, kind);
  for (const [label, value] of Object.entries(fields))
    await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: '生成并签署' }).click();
  await page.getByTestId('document-list').getByText(kind, { exact: true }).waitFor();
}

/** 审批意见 at a stage with an approval chain (立案, 结案), in this approver's turn. */
async function approve(page: Page, opinion: string): Promise<void> {
  const dialog = await step(page, '审批意见');
  await dialog.getByLabel('审批意见').fill(opinion);
  await save(page, dialog, '审批意见');
}

async function fillPenalty(page: Page, dialog: Locator): Promise<void> {
  // On a busy machine the pick can be lost while the dropdown opens: check the tag, try again.
  const picked = dialog.locator('.ant-select-selection-item').filter({ hasText: /^罚款$/ });
  for (let attempt = 1; ; attempt++) {
    await dialog.getByLabel('处罚种类').click();
    await pickOption(page, '罚款');
    await closeDropdown(page);
    try {
      await picked.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await dialog.getByLabel('罚款金额（元）').fill('2000');
}

describe('a general-procedure penalty, source to archive, in the console', () => {
  it('is walked by the demo roles and ends archived, complete, verified and read-only', async () => {
    // 案件来源登记 — 赵执法 registers what he found on patrol and sends it for 立案.
    let page = await suite.signedIn('officer1', '/console/cases');
    await page.getByRole('button', { name: '登记案件来源' }).click();
    const register = page.getByRole('dialog', { name: '登记案件来源' });
    await register.getByLabel('案由').fill(title);
    await selectIn(page, register, '案件来源', '检查发现');
    await register.getByLabel('当事人', { exact: true }).fill(party);
    await register.getByLabel('违法行为发生日期（核对追责时效）').fill(today());
    await ok(register, '登记').click();
    await page.waitForURL('**/console/cases/*');
    caseId = new URL(page.url()).pathname.split('/').pop()!;
    await stageIs(page, '案件来源登记');
    await move(page, 'register', '立案');
    await done(page);

    // 立案 — 李中队长 names the team; 郑局长 signs the 立案审批表 and approves.
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
    // 立案审批 as the flowchart publishes it: 承办机构负责人 first, then 机关负责人 (issue 16).
    await expect
      .poll(() => page.getByTestId('move-investigate').textContent())
      .toContain('尚待承办机构负责人审批');
    await approve(page, '同意立案，由赵执法主办。');
    await done(page);

    // 郑局长 approves; the 立案审批表 then states both opinions from the record, typed by nobody.
    page = await as('head1');
    await approve(page, '同意立案，由赵执法、钱执法承办。');
    await choose(page, '立案审批表');
    await expect
      .poll(() => page.getByTestId('document-filled').textContent())
      .toContain('同意立案，由赵执法主办。');
    await sign(page, '立案审批表', { 简要案情: '巡查发现当事人渣土运输车辆未采取密闭措施，沿途抛撒。' });
    await page.getByRole('tab', { name: '办理' }).click();
    await move(page, 'investigate', '调查取证');
    await expect.poll(() => page.locator('.case-header').textContent()).toMatch(/〔\d{4}〕\d+号/);
    await done(page);

    // 调查取证 — 询问笔录, a photo, the 笔录 rendered as a document; then 调查终结.
    page = await as('officer1');
    await page.getByRole('tab', { name: /笔录/ }).click();
    await page.getByRole('button', { name: '制作笔录' }).click();
    const record = page.getByRole('dialog', { name: '制作笔录' });
    await record.getByLabel('笔录种类').click();
    await pickOption(page, '询问笔录');
    await record.getByLabel('询问地点').fill('示例县交通运输综合行政执法大队询问室');
    await record.getByLabel('询问人（每行一人）').fill('赵执法\n钱执法');
    await record.getByPlaceholder('问', { exact: true }).fill('车辆运输渣土时是否采取了密闭措施？');
    await record.getByPlaceholder('答', { exact: true }).fill('没有，篷布坏了还没修。');
    await ok(record, '保存').click();
    await record.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: '笔录（1）' }).waitFor();

    // Registered in the field by name only; the interview gave the rest, which 事先告知 needs (art. 59(一)).
    const partyCard = page.getByTestId('case-party');
    await expect
      .poll(() => partyCard.textContent())
      .toContain('事先告知前须补充：身份证件号码、住址、联系电话');
    await partyCard.getByRole('button', { name: '补充当事人信息' }).click();
    const partyForm = page.getByRole('dialog', { name: '补充当事人信息' });
    await partyForm.getByLabel('身份证号').fill('990121199001011236'); // fictitious region 990121
    await partyForm.getByLabel('住址').fill('示例县城关镇建设路18号');
    await partyForm.getByLabel('联系电话').fill('13900001234');
    await ok(partyForm, '保存').click();
    await partyForm.waitFor({ state: 'hidden' });
    await expect.poll(() => partyCard.textContent()).toContain('139****1234');
    expect(await partyCard.textContent()).not.toContain('事先告知前须补充');

    await page.getByRole('tab', { name: /证据/ }).click();
    await page
      .getByTestId('evidence-file')
      .setInputFiles({ name: '车厢照片.png', mimeType: 'image/png', buffer: png });
    await page.getByLabel('说明').fill('车厢未覆盖篷布');
    await page.getByRole('button', { name: '上传并关联到本环节' }).click();
    await page.getByTestId('evidence-list').getByText('车厢照片.png').waitFor();

    await page.getByRole('tab', { name: '文书' }).click();
    await page.getByTestId('record-document').getByRole('button', { name: '由笔录生成并签署' }).click();
    await page.getByTestId('document-list').getByText('询问笔录', { exact: true }).waitFor();
    await settle(page);
    await screenshot(page, 'walk-investigate.png');

    await page.getByRole('tab', { name: '办理' }).click();
    await move(page, 'review', '调查终结与处理意见');
    const proposal = await step(page, '处理意见（拟作出的处罚）');
    await fillPenalty(page, proposal);
    await save(page, proposal, '处理意见（拟作出的处罚）');
    await done(page);

    // 处理意见 approved by 李中队长, who signs the 事先告知书.
    page = await as('unithead1');
    await move(page, 'notify', '事先告知（陈述申辩、听证权利）');
    await sign(page, '行政处罚事先告知书', {
      违法事实: '渣土运输车辆未采取密闭措施。',
      证据: '询问笔录、现场照片。',
      法律依据: '《中华人民共和国固体废物污染环境防治法》第六十条。',
      陈述申辩期限: '收到本告知书之日起五个工作日内',
    });
    await done(page);

    // 事先告知 served by 赵执法; the party waives its statement and defence.
    page = await as('officer1');
    const notice = await step(page, '事先告知');
    await save(page, notice, '事先告知');
    await sign(page, '送达回证', {
      送达文书名称及文号: '行政处罚事先告知书',
      送达时间: today(),
      送达地点: '当事人经营场所',
      送达方式: '直接送达',
    });
    const defence = await step(page, '陈述申辩');
    await defence.getByText('当事人放弃陈述申辩').click();
    await save(page, defence, '陈述申辩');
    await done(page);

    // Not a major case: no 法制审核; 李中队长 sends it to 郑局长 for the decision.
    page = await as('unithead1');
    await move(page, 'decide', '决定');
    await done(page);

    // 决定 — 郑局长 records the penalty with the three R2 reasons and signs the 处罚决定书.
    page = await as('head1');
    const decision = await step(page, '决定（须写明三项理由，R2）');
    await fillPenalty(page, decision);
    await decision.getByLabel('证据采信理由').fill('询问笔录与现场照片相互印证，当事人无异议。');
    await decision.getByLabel('依据选择理由').fill('违反《中华人民共和国固体废物污染环境防治法》第六十条。');
    await decision.getByLabel('裁量理由').fill('初次违法，及时整改，按裁量基准从轻处罚。');
    await save(page, decision, '决定（须写明三项理由，R2）');
    await sign(page, '行政处罚决定书', {
      违法事实: '渣土运输车辆未采取密闭措施。',
      '履行方式和期限（缴款银行、账号）': '自收到本决定书之日起十五日内缴至指定银行。',
    });
    await settle(page);
    await screenshot(page, 'walk-decision.png');
    await page.getByRole('tab', { name: '办理' }).click();
    await move(page, 'serve', '送达');
    await done(page);

    // 送达 with its 送达回证, then 执行: the fine paid at the bank, by its reference.
    page = await as('officer1');
    const service = await step(page, '送达');
    await save(page, service, '送达');
    // The service just recorded fills 送达时间 and 送达方式: they are shown, not typed again.
    await choose(page, '送达回证');
    await expect.poll(() => page.getByTestId('document-filled').textContent()).toContain('直接送达');
    expect(await page.locator('form#caseDocument').getByLabel('送达方式').count()).toBe(0);
    await sign(page, '送达回证', {
      送达文书名称及文号: '行政处罚决定书',
      送达地点: '当事人经营场所',
    });
    await page.getByRole('tab', { name: '办理' }).click();
    await move(page, 'execute', '执行');
    const payment = await step(page, '罚款缴纳（缴至指定银行，不收现金）');
    await payment.getByLabel('缴款金额（元）').fill('2000');
    await payment.getByLabel('银行缴款凭证号').fill('BOC-2026-000123');
    await save(page, payment, '罚款缴纳（缴至指定银行，不收现金）');
    await page.getByText(/凭证 BOC-2026-000123/).waitFor();
    await done(page);

    // 结案 approved and reported by 郑局长.
    page = await as('head1');
    await move(page, 'close', '结案');
    // What the case holds is shown read-only: the outcome and the payment with its bank reference.
    await choose(page, '结案报告');
    await expect.poll(() => page.getByTestId('document-filled').textContent()).toContain('BOC-2026-000123');
    expect(await page.locator('form#caseDocument').getByLabel('执行情况').count()).toBe(0);
    await sign(page, '结案报告', {
      案件办理经过: '立案后调查取证，事先告知后当事人放弃陈述申辩，作出处罚决定并送达。',
    });
    await done(page);
    // 结案审批: 李中队长, then 郑局长.
    page = await as('unithead1');
    await approve(page, '同意结案。');
    await done(page);
    page = await as('head1');
    await approve(page, '同意结案，归档。');
    await done(page);

    // 归档 by 冯档案, once the file check is complete.
    page = await as('archivist1');
    const check = page.getByTestId('archive-check');
    await check.getByText('案卷完整', { exact: true }).waitFor();
    expect(await check.getByTestId('archive-requirement').count()).toBe(6);
    await settle(page);
    await screenshot(page, 'walk-archive-check.png');
    await move(page, 'archive', '归档');

    // The archived file: complete, its record verifies, and nothing can be changed.
    await check.getByText('案卷完整', { exact: true }).waitFor();
    await page.getByText('已归档（只读）').waitFor();
    expect(await page.getByRole('button', { name: /^进入：/ }).count()).toBe(0);
    await page.getByText('本环节没有您可以记录的事项').waitFor();
    await page.getByRole('tab', { name: '时间线' }).click();
    await expect
      .poll(() => page.getByTestId('chain-verification').textContent())
      .toContain('全过程记录校验通过');
    await settle(page);
    await screenshot(page, 'walk-archived.png');
    await page.getByRole('tab', { name: '文书' }).click();
    expect(await page.locator('form#caseDocument').count()).toBe(0);
    expect(await page.getByTestId('record-document').count()).toBe(0);
  }, 900_000);
});
