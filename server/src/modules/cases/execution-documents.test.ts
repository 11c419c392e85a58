/**
 * The documents of the execution stage and of L7 on the server (docs/decisions/0013):
 * 延期（分期）缴纳罚款审批表, 催告书, 强制执行申请书 and 重大行政处罚备案表, each
 * rendered on the case with only what the case does not hold, its text carrying
 * the case's values, numbered with its kind's character, and refused (PROCESS)
 * before the case may produce it. Parties are generated; dates are in 2026.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTestKit, ok, refused } from '../../test/case-kit.js';
import type { TestApp } from '../../test/harness.js';

const kit = caseTestKit('文书执行测试当事人');
const { at, as, step, move, get, generalAtDecide, decide } = kit;
let t: TestApp;

const renderFor = async (username: string, id: string, body: Record<string, unknown>) =>
  t.request(await as(username), { method: 'POST', url: `/api/cases/${id}/documents`, payload: body });

const textOf = (documentId: string) => kit.documentText(documentId);

interface PlanEntry {
  kind: string;
  filled: { name: string; value: string }[];
  needed: { name: string; required: boolean }[];
}
const planOf = async (id: string): Promise<PlanEntry[]> =>
  ok(await get('head1', `/api/cases/${id}/documents/kinds`)).kinds;
const entry = async (id: string, kind: string) => (await planOf(id)).find((k) => k.kind === kind);
const neededNames = (e: PlanEntry | undefined) =>
  (e?.needed ?? []).filter((f) => f.required).map((f) => f.name);

/** Decided kit.today with the 行政处罚决定书 rendered, moved to 送达 and served kit.today. */
async function servedFine() {
  const id = await generalAtDecide();
  ok(await decide(id));
  const decision = ok(
    await renderFor('head1', id, {
      kind: 'penaltyDecision',
      data: { facts: '未携带道路运输证', payment: '自收到本决定书之日起十五日内缴至指定银行' },
    }),
  );
  ok(await move('head1', id, 'serve'));
  ok(await step('officer1', id, 'service', { servedOn: kit.today, method: 'direct' }));
  return { id, decisionNumber: decision.number as string };
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / dayMs;
/** 2026年6月1日 */
const chinese = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

beforeAll(async () => {
  t = await kit.start();
  at('2026-06-01');
});
afterAll(() => t.close());

describe('延期（分期）缴纳罚款审批表 (N8, art. 66)', () => {
  it('is made once a plan is approved, filled from the plan, numbered 缓', async () => {
    at('2026-06-01');
    const { id, decisionNumber } = await servedFine();
    refused(await renderFor('head1', id, { kind: 'paymentPlanApproval' }), 'PROCESS', 'body.kind');
    expect(await entry(id, 'paymentPlanApproval')).toBeUndefined();

    const statutory = ok(await get('officer1', `/api/cases/${id}`)).deadlines.clocks.find(
      (c: { id: string }) => c.id === 'payment',
    ).dueOn as string;
    const parts = [
      { dueOn: statutory, amountFen: 200_000 },
      { dueOn: '2026-08-17', amountFen: 300_000 },
    ];
    ok(
      await step('head1', id, 'payment-plan', {
        kind: 'instalments',
        parts,
        approvedOn: kit.today,
        reason: '当事人经营困难，申请分两期缴纳',
      }),
    );
    const plan = await entry(id, 'paymentPlanApproval');
    expect(neededNames(plan)).toEqual([]);

    // Only the head signs it.
    const byOfficer = await renderFor('officer1', id, { kind: 'paymentPlanApproval' });
    expect(byOfficer.statusCode).toBe(422);
    expect(byOfficer.json().message).toContain('机关负责人');
    const document = ok(await renderFor('head1', id, { kind: 'paymentPlanApproval' }));
    expect(document.number).toContain('缓〔2026〕');
    const text = await textOf(document.id);
    for (const value of [
      '延期（分期）缴纳罚款审批表',
      decisionNumber,
      '人民币5,000元',
      `第1期于${chinese(statutory)}前缴纳人民币2,000元`,
      '第2期于2026年8月17日前缴纳人民币3,000元',
      '当事人经营困难，申请分两期缴纳',
      '批准日期：2026年6月1日',
    ])
      expect(text).toContain(value);
  });
});

describe('催告书 and 强制执行申请书 (行政强制法 art. 35, 53–55)', () => {
  it('are made at 执行 only; the reminder shows the fine outstanding and the late fee, the application the court', async () => {
    at('2026-06-01');
    const { id, decisionNumber } = await servedFine();
    refused(
      await renderFor('head1', id, { kind: 'performanceReminder', data: { performBy: '十日内' } }),
      'PROCESS',
      'body.kind',
    );
    const statutory = ok(await get('officer1', `/api/cases/${id}`)).deadlines.clocks.find(
      (c: { id: string }) => c.id === 'payment',
    ).dueOn as string;

    at('2026-07-01');
    ok(await move('officer1', id, 'execute'));
    ok(
      await step('officer1', id, 'payments', {
        paidOn: kit.today,
        amountFen: 100_000,
        channel: 'bank',
        bankReference: 'BANK-REMIND-1',
      }),
    );
    // 3 % a day on the 5,000 yuan due from the day after the due date, paid 1,000 yuan today
    // (which counts from tomorrow): the fee goes to the fine first, so 4,000 yuan stays unpaid.
    const lateFeeYuan = Math.min(5_000, daysBetween(statutory, kit.today) * 150);
    const reminderPlan = await entry(id, 'performanceReminder');
    expect(neededNames(reminderPlan)).toEqual(['performBy']);

    const reminder = ok(
      await renderFor('head1', id, {
        kind: 'performanceReminder',
        data: { performBy: '收到本催告书之日起十日内' },
      }),
    );
    expect(reminder.number).toContain('催〔2026〕');
    const reminderText = await textOf(reminder.id);
    for (const value of [
      '催告书',
      decisionNumber,
      '罚款人民币5,000元',
      '尚未缴纳罚款人民币4,000元',
      `加处罚款人民币${lateFeeYuan.toLocaleString('en-US')}元（截至2026年7月1日）`,
      '收到本催告书之日起十日内',
      '第三十五条、第五十四条',
      '有权进行陈述和申辩',
    ])
      expect(reminderText).toContain(value);

    at('2026-07-20');
    const applicationPlan = await entry(id, 'courtEnforcementApplication');
    expect(neededNames(applicationPlan).sort()).toEqual(['court', 'reminderServedOn']);
    const application = ok(
      await renderFor('head1', id, {
        kind: 'courtEnforcementApplication',
        data: { court: '示例县人民法院', reminderServedOn: '2026年7月2日' },
      }),
    );
    expect(application.number).toContain('执〔2026〕');
    const applicationText = await textOf(application.id);
    for (const value of [
      '强制执行申请书',
      '示例县人民法院',
      decisionNumber,
      '已于2026年6月1日送达',
      '尚未缴纳罚款人民币4,000元',
      '2026年7月2日',
      '第五十三条、第五十五条',
    ])
      expect(applicationText).toContain(value);
  });
});

describe('重大行政处罚备案表 (L7)', () => {
  it('is made for a major case decided with a penalty, filled from the review and the filing', async () => {
    at('2026-06-01');
    // Not a major case: refused, naming why.
    const { id: ordinary } = await servedFine();
    const notMajor = refused(
      await renderFor('head1', ordinary, {
        kind: 'majorFilingReport',
        data: { recipients: '示例市交通运输局' },
      }),
      'PROCESS',
      'body.kind',
    );
    expect(notMajor.message).toContain('重大案件');

    const id = await kit.majorDecided('事实清楚，证据确凿，同意');
    // Before 送达 the case produces no 备案表 yet.
    refused(
      await renderFor('head1', id, { kind: 'majorFilingReport', data: { recipients: '示例市交通运输局' } }),
      'PROCESS',
    );
    const decision = ok(
      await renderFor('head1', id, {
        kind: 'penaltyDecision',
        data: { facts: '未携带道路运输证', payment: '自收到本决定书之日起十五日内缴至指定银行' },
      }),
    );
    ok(await move('head1', id, 'serve'));
    expect(neededNames(await entry(id, 'majorFilingReport'))).toEqual(['recipients']);

    const recipients = '示例市交通运输局、示例县司法局';
    ok(await step('officer1', id, 'major-filing', { filedOn: kit.today, recipients }));
    expect(neededNames(await entry(id, 'majorFilingReport'))).toEqual([]);
    const report = ok(await renderFor('head1', id, { kind: 'majorFilingReport' }));
    expect(report.number).toContain('备〔2026〕');
    const text = await textOf(report.id);
    for (const value of [
      '重大行政处罚备案表',
      '未按规定携带道路运输证',
      decision.number,
      '罚款人民币5,000元',
      '处罚决定日期：2026年6月1日',
      '审核通过（2026年6月1日',
      '事实清楚，证据确凿，同意',
      recipients,
    ])
      expect(text).toContain(value);
  });
});
