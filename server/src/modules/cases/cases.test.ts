/**
 * 案件办理 on the server: every refusal of issue 6 named by its rule ID, and the
 * API's behaviour — bad input, stale versions, other agencies, archived files,
 * one ledger event per step. Parties are generated; dates are in 2026 (the
 * bundled calendar's last year).
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidence, verifyLedger } from '../../ledger/verify.js';
import { describeVerdict, verifyPackage } from '../../ledger/verify-package.js';
import { caseTestKit, ok, reasons, refused } from '../../test/case-kit.js';
import { databaseFingerprint, type TestApp } from '../../test/harness.js';
import { createCaseFixture } from './test-fixtures.js';

const kit = caseTestKit();
const { at, as, step, move, get, register, team, generalAtNotify, generalAtDecide, decide, ledgerOf } = kit;
let t: TestApp;
let countyId = '';
let cityId = '';

/** A stored file of the county (its type is what the caller says), as an upload would leave it. */
const addEvidence = (mediaType: string) => kit.addEvidence(mediaType, countyId);

const renderFor = async (username: string, id: string, body: Record<string, unknown>) =>
  t.request(await as(username), { method: 'POST', url: `/api/cases/${id}/documents`, payload: body });

beforeAll(async () => {
  t = await kit.start();
  countyId = await kit.agencyId('示例县交通运输局');
  cityId = await kit.agencyId('示例市交通运输局');
  at('2026-06-01');
});
afterAll(() => t.close());

describe('a general-procedure penalty from source registration to archive', () => {
  it('walks every stage, one ledger event per step, and the chain verifies', async () => {
    at('2026-06-01');
    const id = await register();
    let page = ok(await get('officer1', `/api/cases/${id}`));
    expect(page).toMatchObject({ stage: 'intake', caseNumber: null, lead: '赵执法' });
    expect(page.moves.map((m: { to: string }) => m.to)).toEqual(['register', 'archive']);
    ok(
      await step(
        'officer1',
        id,
        'officers',
        team(['officer1', 'lead'], ['officer2', 'assisting'], ['auxiliary1', 'assistant']),
      ),
    );
    ok(await move('officer1', id, 'register', 'register'));
    // 立案审批表: the case fills title, party, source and handlers; the head adds the rest and signs.
    const filing = ok(
      await renderFor('head1', id, {
        kind: 'filingApproval',
        data: { facts: '当事人驾驶营运客车未携带道路运输证。', approvalOpinion: '同意立案。' },
      }),
    );
    expect(filing.number).toMatch(/^示县交立〔2026〕\d+号$/);
    expect(filing.filled).toEqual(expect.arrayContaining(['caseTitle', 'partyName', 'source', 'handlers']));
    // 立案 as the flowchart publishes it (issue 16): 承办机构负责人 → 机关负责人, each in turn.
    expect(refused(await move('unithead1', id, 'investigate'), 'PROCESS').message).toContain(
      '尚待承办机构负责人审批',
    );
    expect(refused(await step('head1', id, 'approvals', { opinion: '同意' }), 'PROCESS').message).toContain(
      '须先经承办机构负责人审批',
    );
    ok(await step('unithead1', id, 'approvals', { opinion: '同意立案，由王执法主办。' }));
    expect(refused(await move('unithead1', id, 'investigate'), 'PROCESS').message).toContain(
      '尚待机关负责人审批',
    );
    ok(await step('head1', id, 'approvals', { opinion: '同意立案。' }));
    page = ok(await move('unithead1', id, 'investigate'));
    expect(page.facts.approvals.map((a: { role: string }) => a.role)).toEqual(['unit_head', 'agency_head']);
    expect(page.caseNumber).toMatch(/^示县交案〔2026〕\d+号$/);
    expect(page.registeredOn).toBe('2026-06-01');
    // The auxiliary assists: a record and a photo, never counting for N1.
    const inquiry = ok(
      await t.request(await as('auxiliary1'), {
        method: 'POST',
        url: `/api/cases/${id}/records`,
        payload: {
          kind: 'inquiry',
          madeAt: '2026-06-01T09:00:00+08:00',
          content: {
            place: '示例县客运站',
            interviewee: { name: '测试当事人', relation: 'party' },
            inquirers: ['赵执法', '钱执法'],
            recorder: '孙辅助',
            questions: [{ question: '是否携带道路运输证？', answer: '没有携带。' }],
            endedAt: '2026-06-01T09:30:00+08:00',
          },
        },
      }),
    );
    const photo = await addEvidence('image/jpeg');
    ok(
      await t.request(await as('auxiliary1'), {
        method: 'POST',
        url: `/api/cases/${id}/evidence`,
        payload: { evidenceId: photo, recordingKind: 'photo', description: '现场照片' },
      }),
    );
    // 询问笔录 made from the structured record: nothing typed again.
    const inquiryDocument = ok(
      await renderFor('officer1', id, { kind: 'inquiryRecord', recordId: inquiry.id }),
    );
    expect(inquiryDocument.number).toBeNull();
    expect(inquiryDocument.filled).toEqual(
      expect.arrayContaining(['qa', 'intervieweeName', 'place', 'startedAt']),
    );
    ok(await step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen: 500_000 } }));
    ok(await move('officer1', id, 'review'));
    ok(await move('unithead1', id, 'notify', 'penalty'));
    ok(await step('officer1', id, 'prior-notice', { servedOn: '2026-06-01', hearingRightNotified: false }));
    const notice = ok(
      await renderFor('unithead1', id, {
        kind: 'priorNotice',
        data: {
          facts: '未携带道路运输证',
          evidence: '询问笔录、现场照片',
          basis: '《道路运输条例》第六十八条',
        },
      }),
    );
    expect(notice.filled).toEqual(expect.arrayContaining(['proposedPenalty', 'replyDeadline']));
    // The defence period served on 1 June ends on 8 June: the notice says so, once.
    const noticeText = await kit.documentText(notice.id);
    expect(noticeText).toContain('本机关拟作出如下行政处罚：罚款人民币5,000元。');
    expect(noticeText).toContain('请于2026年6月8日前向本机关提出');
    at('2026-06-09'); // the 5-working-day defence period ended on 8 June
    ok(await move('unithead1', id, 'decide'));
    ok(await decide(id));
    const decision = ok(
      await renderFor('head1', id, {
        kind: 'penaltyDecision',
        data: { facts: '未携带道路运输证', payment: '自收到本决定书之日起十五日内缴至指定银行' },
      }),
    );
    expect(decision.filled).toEqual(expect.arrayContaining(['evidence', 'basis', 'discretion', 'penalty']));
    ok(await move('head1', id, 'serve'));
    ok(await step('officer1', id, 'service', { servedOn: '2026-06-09', method: 'direct' }));
    ok(
      await renderFor('officer1', id, {
        kind: 'serviceReceipt',
        data: { servedDocument: `行政处罚决定书（${decision.number}）`, place: '当事人住所' },
      }),
    );
    const deadlines = ok(await get('officer1', `/api/cases/${id}/deadlines`));
    expect(deadlines.clocks.map((c: { id: string }) => c.id)).toEqual(['payment']);
    const mine = ok(await get('officer1', '/api/me/deadlines'));
    expect(
      mine.items.some((c: { caseId: string; id: string }) => c.caseId === id && c.id === 'payment'),
    ).toBe(true);
    at('2026-06-10');
    ok(
      await step('officer1', id, 'payments', {
        paidOn: '2026-06-10',
        amountFen: 500_000,
        channel: 'bank',
        bankReference: 'BANK-20260610-0001',
      }),
    );
    ok(await move('officer1', id, 'execute'));
    ok(await move('head1', id, 'close'));
    // 结案 too is approved by both, in turn, before the file goes to the archivist.
    refused(await move('archivist1', id, 'archive'), 'PROCESS');
    await kit.approveChain(id);
    const incomplete = refused(await move('archivist1', id, 'archive'), 'ARCHIVE');
    expect(incomplete.message).toContain('缺少结案报告');
    ok(await renderFor('head1', id, { kind: 'closingReport', data: { summary: '按普通程序办结。' } }));
    const check = ok(await get('archivist1', `/api/cases/${id}/archive-check`));
    expect(check).toMatchObject({ complete: true, missing: [] });
    expect(check.required.map((r: { label: string }) => r.label)).toEqual([
      '立案审批表',
      '询问笔录或现场笔录',
      '行政处罚事先告知书',
      '行政处罚决定书',
      '送达回证',
      '结案报告',
    ]);
    page = ok(await move('archivist1', id, 'archive'));
    expect(page.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'filingApproval',
      'inquiryRecord',
      'priorNotice',
      'penaltyDecision',
      'serviceReceipt',
      'closingReport',
    ]);
    expect(page.archivedAt).not.toBeNull();
    expect(page.moves).toEqual([]);

    const timeline = ok(await get('officer1', `/api/cases/${id}/timeline`));
    expect(timeline.verification.ok).toBe(true);
    expect(timeline.items.map((e: { kind: string }) => e.kind)).toEqual([
      'case.registered',
      'case.officersAssigned',
      'case.officersAssigned',
      'case.transitioned',
      'document.rendered',
      'case.factsRecorded', // 立案审批: the unit head
      'case.factsRecorded', // and the agency head
      'case.transitioned',
      'case.recordAdded',
      'case.evidenceLinked',
      'document.rendered',
      'case.factsRecorded',
      'case.transitioned',
      'case.transitioned',
      'case.factsRecorded',
      'document.rendered',
      'document.accessed', // the notice's text read back above
      'case.transitioned',
      'case.factsRecorded',
      'document.rendered',
      'case.transitioned',
      'case.factsRecorded',
      'document.rendered',
      'case.factsRecorded',
      'case.transitioned',
      'case.transitioned',
      'case.factsRecorded', // 结案审批: the unit head
      'case.factsRecorded', // and the agency head
      'document.rendered',
      'case.transitioned',
    ]);
    for (const event of timeline.items) {
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(event.actor?.username).toBeTruthy();
    }
    expect(timeline.items[8].actor.username).toBe('auxiliary1');

    // One click: the archived file as a self-verifying package, checked with no database.
    const exported = await get('archivist1', `/api/cases/${id}/package`);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toBe('application/zip');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'zhifa-case-package-')), 'case.zip');
    writeFileSync(file, exported.rawPayload);
    const verdict = await verifyPackage(file);
    expect(verdict.status, describeVerdict(verdict).join('\n')).toBe('ok');
    expect(verdict.summary).toMatchObject({ evidenceFiles: 1 });
    rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('archived: the file is read-only, in the service and in the database', async () => {
    const [archived] = await t.database.db
      .selectFrom('enforcement_case')
      .select('id')
      .where('archived_at', 'is not', null)
      .execute();
    const photo = await addEvidence('image/png');
    const before = await databaseFingerprint(t.database);
    const response = await step('officer1', archived!.id, 'proposal', { proposal: { kinds: ['warning'] } });
    expect(response.statusCode).toBe(422);
    expect(response.json().field).toBe('archivedAt');
    const record = await t.request(await as('officer1'), {
      method: 'POST',
      url: `/api/cases/${archived!.id}/evidence`,
      payload: { evidenceId: photo },
    });
    expect(record.statusCode).toBe(422);
    await expect(
      sql`UPDATE enforcement_case SET title = 'x' WHERE id = ${archived!.id}`.execute(t.database.db),
    ).rejects.toThrow(/archived/);
    await expect(
      sql`DELETE FROM case_officer WHERE case_id = ${archived!.id}`.execute(t.database.db),
    ).rejects.toThrow(/archived/);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });
});

describe('refusals, each named by its rule', () => {
  it('PROCESS: only along the definition’s arrows, and only with the outcome they need', async () => {
    at('2026-06-01');
    const id = await register();
    const skip = refused(await move('officer1', id, 'decide'), 'PROCESS');
    expect(skip.message).toContain('不能从“案件来源登记”进入“决定”');
    refused(await move('officer1', id, 'register'), 'PROCESS'); // no 予以立案 recorded
    const bad = await move('officer1', id, 'register', 'approved');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('body.outcome');
    ok(await move('officer1', id, 'register', 'register'));
    // 立案 is approved by a head: an officer cannot leave it.
    refused(await move('officer1', id, 'investigate'), 'PROCESS');
  });

  it('N10: an act discovered after the limitation period is not registered', async () => {
    at('2026-06-01');
    const before = await databaseFingerprint(t.database);
    const response = await t.request(await as('officer1'), {
      method: 'POST',
      url: '/api/cases',
      payload: {
        processKind: 'penaltyGeneral',
        title: '超过追责时效',
        source: 'complaint',
        party: kit.generatedParty(),
        discoveredOn: '2026-05-20',
        violation: { occurredOn: '2024-05-19', continuing: false, severeHarm: false },
      },
    });
    refused(response, 'N10');
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('PROCESS: 立案 is left only with its 立案审批表, signed once both have approved (issue 16)', async () => {
    at('2026-06-01');
    const id = await register();
    ok(await step('officer1', id, 'officers', team(['officer1', 'lead'], ['officer2', 'assisting'])));
    ok(await move('officer1', id, 'register', 'register'));
    await kit.approveChain(id);
    const body = refused(await move('unithead1', id, 'investigate'), 'PROCESS');
    expect(body.message).toContain('立案审批表');
    const filing = ok(
      await renderFor('head1', id, { kind: 'filingApproval', data: { facts: '巡查发现。' } }),
    );
    expect(filing.filled).toEqual(expect.arrayContaining(['unitOpinion', 'approvalOpinion']));
    ok(await move('unithead1', id, 'investigate'));
  });

  it('N1: investigation needs two certified officers; an auxiliary never counts', async () => {
    at('2026-06-01');
    const id = await register();
    ok(await step('officer1', id, 'officers', team(['officer1', 'lead'], ['auxiliary1', 'assistant'])));
    ok(await move('officer1', id, 'register', 'register'));
    await kit.approveRegistration(id);
    ok(await move('unithead1', id, 'investigate'));
    const page = ok(await get('officer1', `/api/cases/${id}`));
    expect(page.moves[0].refusals[0].rule).toBe('N1');
    const body = refused(await move('officer1', id, 'review'), 'N1');
    expect(body.details.some((d: { message: string }) => d.message.includes('孙辅助'))).toBe(true);
    // At the act itself: an inquiry made by a lone officer (and an auxiliary) is refused, nothing recorded.
    const inquiry = {
      kind: 'inquiry',
      madeAt: '2026-06-01T09:00:00+08:00',
      content: {
        place: '示例县客运站',
        interviewee: { name: '测试当事人', relation: 'party' },
        inquirers: ['赵执法'],
        recorder: '孙辅助',
        questions: [{ question: '是否携带道路运输证？', answer: '没有携带。' }],
        endedAt: '2026-06-01T09:30:00+08:00',
      },
    };
    const before = await databaseFingerprint(t.database);
    const records = `/api/cases/${id}/records`;
    refused(await t.request(await as('officer1'), { method: 'POST', url: records, payload: inquiry }), 'N1');
    expect(await databaseFingerprint(t.database)).toBe(before);
    const assistant = await step(
      'officer1',
      id,
      'officers',
      team(['officer1', 'lead'], ['auxiliary1', 'assisting']),
    );
    expect(assistant.statusCode).toBe(422); // Q2: an auxiliary only as assistant
    ok(await step('officer1', id, 'officers', team(['officer1', 'lead'], ['officer2', 'assisting'])));
    ok(await t.request(await as('officer1'), { method: 'POST', url: records, payload: inquiry }));
    ok(await move('officer1', id, 'review'));
  });

  it('N2: the simple procedure only within its limits', async () => {
    at('2026-06-01');
    const id = await register({ processKind: 'penaltySimple', source: 'onSite' });
    ok(await step('officer1', id, 'officers', team(['officer1', 'lead'], ['officer2', 'assisting'])));
    ok(await move('officer1', id, 'notify'));
    refused(await step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen: 50_000 } }), 'N2');
    ok(await step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen: 20_000 } }));
  });

  it('N3: no decision before the defence period has run — refused at 进入：决定, and a decision dated inside it refused when recorded', async () => {
    at('2026-06-01');
    const id = await generalAtNotify();
    ok(await step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }));
    const body = refused(await move('unithead1', id, 'decide'), 'N3');
    expect(body.message).toContain('陈述申辩期限');
    at('2026-06-09');
    ok(await move('unithead1', id, 'decide'));
    const early = refused(await decide(id, 500_000, { reasons, decidedOn: '2026-06-05' }), 'N3');
    expect(early.message).toContain('陈述申辩期限');
    ok(await decide(id));
    ok(await move('head1', id, 'serve'));
  });

  it('N3: no heavier penalty than notified — refused when the decision is recorded', async () => {
    at('2026-06-01');
    const id = await generalAtDecide();
    const body = refused(await decide(id, 800_000), 'N3');
    expect(body.message).toContain('重');
    ok(await decide(id, 500_000));
  });

  it('N4: a penalty with a hearing right must say so, and the hearing notice comes in time', async () => {
    at('2026-06-01');
    const id = await generalAtNotify(2_000_000); // 20 000 yuan to a person: a hearing right
    refused(
      await step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }),
      'N4',
    );
    ok(await step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: true }));
    ok(await step('officer1', id, 'hearing', { requestedOn: '2026-06-01' }));
    refused(await step('officer1', id, 'hearing', { scheduledOn: '2026-06-05' }), 'N4');
    // A requested hearing cannot be skipped on the way to the decision.
    refused(await move('unithead1', id, 'decide'), 'PROCESS');
    ok(await step('officer1', id, 'hearing', { scheduledOn: '2026-06-12', noticeServedOn: '2026-06-01' }));
  });

  it('N6: an extension approved after the limit is refused; a late decision is recorded as late', async () => {
    at('2026-03-02');
    const id = await generalAtDecide();
    at('2026-06-15'); // 90 days from 2 March ended on 31 May
    refused(
      await step('unithead1', id, 'time-limit-extensions', {
        days: 30,
        reason: '案情复杂',
        approvedOn: kit.today,
      }),
      'N6',
    );
    ok(await decide(id));
    ok(await move('head1', id, 'serve'));
    const moved = (await ledgerOf(id)).at(-1)!.payload as { lateness: { rule: string }[] };
    expect(moved.lateness.map((l) => l.rule)).toEqual(['N6']);
    const listed = ok(await get('officer1', '/api/cases?overdue=true'));
    expect(listed.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
  });

  it('N7: a late service is still recorded, with its lateness on the ledger', async () => {
    at('2026-06-01');
    const id = await generalAtDecide();
    ok(await decide(id));
    ok(await move('head1', id, 'serve'));
    at('2026-06-25'); // 7 working days from 1 June ended on 10 June
    ok(await step('officer1', id, 'service', { servedOn: kit.today, method: 'mail' }));
    const served = (await ledgerOf(id)).at(-1)!.payload as { step: string; lateness: { rule: string }[] };
    expect(served.step).toBe('service');
    expect(served.lateness.map((l) => l.rule)).toEqual(['N7']);
  });

  it('N8: a payment only with the bank’s reference — never cash', async () => {
    at('2026-06-01');
    const id = await generalAtDecide();
    ok(await decide(id));
    ok(await move('head1', id, 'serve'));
    ok(await step('officer1', id, 'service', { servedOn: kit.today, method: 'direct' }));
    const payment = { paidOn: kit.today, amountFen: 500_000, channel: 'bank' };
    refused(await step('officer1', id, 'payments', { ...payment, bankReference: '' }), 'N8');
    const cash = await step('officer1', id, 'payments', { ...payment, channel: 'cash', bankReference: 'X' });
    expect(cash.statusCode).toBe(400);
    expect(cash.json().field).toBe('body.channel');
    refused(
      await step('officer1', id, 'payments', { ...payment, amountFen: 900_000, bankReference: 'BANK-1' }),
      'N8',
    );
    ok(await step('officer1', id, 'payments', { ...payment, bankReference: 'BANK-1' }));
  });

  it('R2: a general-procedure decision states all three reasons', async () => {
    at('2026-06-01');
    const id = await generalAtDecide();
    const body = refused(await decide(id, 500_000, { reasons: { evidence: '现场检查笔录' } }), 'R2');
    expect(body.field).toBe('decision.reasons.basis');
    ok(await decide(id));
    ok(await move('head1', id, 'serve'));
  });

  it('L1: a major case is decided only after a passed legal review on the current proposal — no bypass', async () => {
    at('2026-06-01');
    const id = await generalAtNotify();
    ok(await step('officer1', id, 'flags', { major: true, reason: '列入重大执法决定法制审核目录' }));
    ok(await step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }));
    ok(await step('officer1', id, 'defence', { waived: true }));
    refused(await move('unithead1', id, 'decide'), 'PROCESS'); // 法制审核 cannot be skipped
    ok(await move('unithead1', id, 'legalReview'));
    ok(
      await step('reviewer1', id, 'legal-review', {
        outcome: 'passed',
        reviewedOn: kit.today,
        opinion: '同意',
      }),
    );
    ok(await move('reviewer1', id, 'decide'));
    // The proposal changes after the review: the review no longer covers it.
    ok(await step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen: 400_000 } }));
    refused(await decide(id, 400_000), 'L1');
    // The flag cannot be taken off, by the API or in the database.
    const unflag = await step('officer1', id, 'flags', { major: false, reason: '撤销' });
    expect(unflag.statusCode).toBe(400);
    await expect(
      sql`UPDATE enforcement_case SET major = false WHERE id = ${id}`.execute(t.database.db),
    ).rejects.toThrow(/major/);
  });

  it('L1: flagged major at 决定 after a decision was recorded — no service, and a way back to 法制审核 that withdraws it', async () => {
    at('2026-06-01');
    const id = await generalAtDecide();
    ok(await decide(id));
    ok(await step('officer1', id, 'flags', { major: true, reason: '重大' }));
    const serve = refused(await move('head1', id, 'serve'), 'PROCESS');
    expect(serve.message).toContain('法制审核');
    // The way back is offered to the head, and needs a reason.
    const page = ok(await get('head1', `/api/cases/${id}`));
    const back = page.moves.find((m: { to: string }) => m.to === 'legalReview');
    expect(back).toMatchObject({ allowed: true, mayAct: true });
    expect((await move('head1', id, 'legalReview')).json().field).toBe('body.reason');
    ok(await move('head1', id, 'legalReview', undefined, '标记为重大案件，送法制审核'));
    const returned = ok(await get('head1', `/api/cases/${id}`));
    expect(returned.stage).toBe('legalReview');
    const ledger = await ledgerOf(id);
    expect(ledger.at(-1)).toMatchObject({
      kind: 'case.transitioned',
      payload: {
        from: 'decide',
        to: 'legalReview',
        reason: '标记为重大案件，送法制审核',
        withdrawnDecision: { outcome: 'penalty' },
      },
    });
    ok(
      await step('reviewer1', id, 'legal-review', {
        outcome: 'passed',
        reviewedOn: kit.today,
        opinion: '同意',
      }),
    );
    ok(await move('reviewer1', id, 'decide'));
    ok(await decide(id));
    ok(await move('head1', id, 'serve'));
  });

  it('R4 and N11: a seizure needs its recordings, its approval and a lawful term', async () => {
    at('2026-06-01');
    const id = await register({ processKind: 'seizure', source: 'inspection', violation: undefined });
    ok(await step('officer1', id, 'officers', team(['officer1', 'lead'], ['officer2', 'assisting'])));
    ok(await step('head1', id, 'seizure/approval', { approvedOn: kit.today, emergency: false }));
    ok(await move('head1', id, 'notifyParty'));
    const page = ok(await get('officer1', `/api/cases/${id}`));
    expect(page.moves[0].refusals.map((r: { rule: string }) => r.rule)).toEqual(['R4']);
    refused(await move('officer1', id, 'record'), 'R4');
    const pdf = await addEvidence('application/pdf');
    const wrongKind = await t.request(await as('officer1'), {
      method: 'POST',
      url: `/api/cases/${id}/evidence`,
      payload: { evidenceId: pdf, recordingKind: 'video' },
    });
    expect(wrongKind.statusCode).toBe(400);
    for (const stage of ['record', 'decide']) {
      ok(
        await t.request(await as('officer1'), {
          method: 'POST',
          url: `/api/cases/${id}/evidence`,
          payload: {
            evidenceId: await addEvidence('video/mp4'),
            recordingKind: 'video',
            description: '执法记录仪',
          },
        }),
      );
      ok(await move('officer1', id, stage));
    }
    refused(
      await step('officer1', id, 'seizure', {
        decidedOn: kit.today,
        termDays: 45,
        emergency: false,
        items: '货车一辆',
      }),
      'N11',
    );
    ok(
      await step('officer1', id, 'seizure', {
        decidedOn: kit.today,
        termDays: 30,
        emergency: false,
        items: '货车一辆',
      }),
    );
    ok(
      await t.request(await as('officer1'), {
        method: 'POST',
        url: `/api/cases/${id}/evidence`,
        payload: { evidenceId: await addEvidence('video/mp4'), recordingKind: 'video' },
      }),
    );
    ok(await move('officer1', id, 'serve'));
    ok(await step('head1', id, 'seizure/extension', { days: 30, approvedOn: kit.today, reason: '检验需要' }));
    refused(
      await step('head1', id, 'seizure/extension', { days: 10, approvedOn: kit.today, reason: '再延长' }),
      'N11',
    );
    const clocks = ok(await get('officer1', `/api/cases/${id}/deadlines`)).clocks;
    expect(clocks[0]).toMatchObject({ id: 'seizure', dueOn: '2026-07-31' });

    // PROCESS: 处理 decides the document — a 解除查封扣押决定书 only for a release.
    ok(await step('head1', id, 'seizure/disposal', { disposedOn: kit.today, outcome: 'confiscate' }));
    ok(await move('head1', id, 'extend'));
    ok(await move('head1', id, 'dispose'));
    const release = { kind: 'seizureRelease', data: { reason: '经检验无违法情形' } };
    const confiscated = refused(await renderFor('head1', id, release), 'PROCESS', 'body.kind');
    expect(confiscated.message).toContain('尚未记录解除查封扣押的处理决定');
    ok(await step('head1', id, 'seizure/disposal', { disposedOn: kit.today, outcome: 'release' }));
    const plan = ok(await get('head1', `/api/cases/${id}/documents/kinds`));
    expect(plan.kinds.map((k: { kind: string }) => k.kind)).toContain('seizureRelease');
  });

  it('R7: each look at a case’s evidence is on the stream of every case it is linked to', async () => {
    at('2026-06-01');
    const [first, second] = [await register(), await register()];
    const evidenceId = await addEvidence('video/mp4');
    for (const id of [first, second])
      ok(
        await t.request(await as('officer1'), {
          method: 'POST',
          url: `/api/cases/${id}/evidence`,
          payload: { evidenceId, recordingKind: 'video' },
        }),
      );
    const viewer = await as('officer2');
    expect((await t.request(viewer, { method: 'GET', url: `/api/evidence/${evidenceId}` })).statusCode).toBe(
      200,
    );
    const ranged = await t.request(viewer, {
      method: 'GET',
      url: `/api/evidence/${evidenceId}/content`,
      headers: { range: 'bytes=0-99' },
    });
    expect(ranged.statusCode).toBe(206);
    const viewerId = (
      await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'officer2')
        .executeTakeFirstOrThrow()
    ).id;
    for (const id of [first, second]) {
      const accesses = await t.database.db
        .selectFrom('ledger_event')
        .select(['payload', 'actor_id'])
        .where('stream_id', '=', `case:${id}`)
        .where('kind', '=', 'case.evidenceAccessed')
        .orderBy('seq')
        .execute();
      expect(accesses.map((a) => a.payload)).toEqual([
        { evidenceId, access: 'metadata', range: null },
        { evidenceId, access: 'view', range: 'bytes=0-99' },
      ]);
      expect(accesses.every((a) => a.actor_id === viewerId)).toBe(true);
    }
    expect((await verifyLedger(t.database.db)).ok).toBe(true);
  });
});

describe('case documents', () => {
  it('PROCESS: a kind no stage the case reached produces is refused, and nothing is numbered', async () => {
    at('2026-06-01');
    const id = await register();
    const before = (await ledgerOf(id)).length;
    const response = refused(
      await renderFor('head1', id, { kind: 'penaltyDecision', data: { facts: '甲', payment: '乙' } }),
      'PROCESS',
    );
    expect(response.message).toContain('行政处罚决定书');
    refused(await renderFor('head1', id, { kind: 'filingApproval', data: {} }), 'PROCESS');
    expect(await ledgerOf(id)).toHaveLength(before);
    const page = ok(await get('officer1', `/api/cases/${id}`));
    expect(page.actions.documents).toEqual([]);
    expect(page.documents).toEqual([]);
  });

  it('what the case holds is filled and may not be typed again; what it lacks is asked for by field', async () => {
    at('2026-06-01');
    const id = await register();
    ok(await step('officer1', id, 'officers', team(['officer1', 'lead'], ['officer2', 'assisting'])));
    ok(await move('officer1', id, 'register', 'register'));
    const retyped = await renderFor('head1', id, {
      kind: 'filingApproval',
      data: { caseTitle: '另一案由', facts: '甲', approvalOpinion: '同意' },
    });
    expect(retyped.statusCode).toBe(400);
    expect(retyped.json().field).toBe('body.data.caseTitle');
    const lacking = await renderFor('head1', id, { kind: 'filingApproval', data: { facts: '甲' } });
    expect(lacking.statusCode).toBe(400);
    expect(lacking.json().field).toBe('body.data.approvalOpinion');
    // Offered to whoever may sign it: the agency head, not the officer.
    expect(ok(await get('head1', `/api/cases/${id}`)).actions.documents).toEqual(['filingApproval']);
    expect(ok(await get('officer1', `/api/cases/${id}`)).actions.documents).toEqual([]);
  });

  it('the signer is the caller, who must be allowed to sign the kind', async () => {
    at('2026-06-01');
    const id = await register();
    ok(await move('officer1', id, 'register', 'register'));
    const response = await renderFor('officer1', id, {
      kind: 'filingApproval',
      data: { facts: '甲', approvalOpinion: '同意' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toContain('立案审批表须由机关负责人签署');
    const signed = ok(
      await renderFor('head1', id, {
        kind: 'filingApproval',
        data: { facts: '甲', approvalOpinion: '同意' },
      }),
    );
    const head = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'head1')
      .executeTakeFirstOrThrow();
    expect(signed.signer.id).toBe(head.id);
    const page = ok(await get('officer1', `/api/cases/${id}`));
    expect(page.documents).toEqual([
      expect.objectContaining({
        id: signed.id,
        kind: 'filingApproval',
        number: signed.number,
        signer: signed.signer,
      }),
    ]);
    const ledger = await ledgerOf(id);
    expect(ledger.at(-1)).toMatchObject({ kind: 'document.rendered', payload: { documentId: signed.id } });
  });

  it('another agency’s case: not found for its documents, its archive check, and the generic route', async () => {
    at('2026-06-01');
    const cityCaseId = await createCaseFixture(t.database.db, cityId, t.now());
    const body = { kind: 'filingApproval', data: { facts: '甲', approvalOpinion: '同意' } };
    expect((await renderFor('head1', cityCaseId, body)).statusCode).toBe(404);
    expect((await get('head1', `/api/cases/${cityCaseId}/archive-check`)).statusCode).toBe(404);
  });
});

describe('the API around the rules', () => {
  it('dates that cannot be: a violation after its discovery or ending before it began, a 笔录 ending before it starts or made in the future', async () => {
    at('2026-06-01');
    const officer = await as('officer1');
    const id = await register();
    const before = await databaseFingerprint(t.database);
    const registerWith = (violation: object) =>
      t.request(officer, {
        method: 'POST',
        url: '/api/cases',
        payload: {
          processKind: 'penaltyGeneral',
          title: '日期测试',
          source: 'inspection',
          party: kit.generatedParty(),
          discoveredOn: '2026-05-20',
          violation,
        },
      });
    for (const [violation, field] of [
      [{ occurredOn: '2026-05-25', continuing: false, severeHarm: false }, 'body.violation.occurredOn'],
      [
        { occurredOn: '2026-05-10', continuing: false, severeHarm: false, endedOn: '2026-05-01' },
        'body.violation.endedOn',
      ],
    ] as const) {
      const response = await registerWith(violation);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().field).toBe(field);
    }
    const content = {
      place: '示例县客运站',
      interviewee: { name: '测试当事人', relation: 'party' },
      inquirers: ['赵执法', '钱执法'],
      recorder: '孙辅助',
      questions: [{ question: '是否携带道路运输证？', answer: '没有携带。' }],
    };
    for (const [madeAt, endedAt, field] of [
      ['2026-06-01T09:00:00+08:00', '2026-06-01T08:30:00+08:00', 'body.content.endedAt'],
      ['2026-06-01T11:00:00+08:00', '2026-06-01T11:30:00+08:00', 'body.madeAt'],
    ]) {
      const response = await t.request(officer, {
        method: 'POST',
        url: `/api/cases/${id}/records`,
        payload: { kind: 'inquiry', madeAt, content: { ...content, endedAt } },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().field).toBe(field);
    }
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('the decision form is offered only to who decides: the agency head in 普通程序 (issue 16)', async () => {
    at('2026-06-01');
    const id = await generalAtDecide();
    expect(ok(await get('officer1', `/api/cases/${id}`)).actions.steps).not.toContain('decision');
    expect(ok(await get('unithead1', `/api/cases/${id}`)).actions.steps).not.toContain('decision');
    expect(ok(await get('head1', `/api/cases/${id}`)).actions.steps).toContain('decision');
  });

  it('行政许可 and 行政征收 are not opened as cases until they are real processes (issue 16)', async () => {
    at('2026-06-01');
    for (const processKind of ['licensing', 'expropriation']) {
      const before = await databaseFingerprint(t.database);
      const response = await t.request(await as('officer1'), {
        method: 'POST',
        url: '/api/cases',
        payload: {
          processKind,
          title: '申请道路运输经营许可',
          source: 'application',
          party: kit.generatedParty(),
          discoveredOn: kit.today,
        },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ field: 'body.processKind' });
      expect(response.json().message).toContain('行政许可、行政征收尚不能作为案件登记');
      expect(await databaseFingerprint(t.database)).toBe(before);
    }
  });

  it('bad input answers 400 naming the field, and nothing changes', async () => {
    at('2026-06-01');
    const id = await register();
    const before = await databaseFingerprint(t.database);
    const response = await step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen: -5 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('body.proposal.fineFen');
    const record = await t.request(await as('officer1'), {
      method: 'POST',
      url: `/api/cases/${id}/records`,
      payload: { kind: 'onSite', madeAt: '2026-06-01T09:00:00+08:00', content: { place: '路口' } },
    });
    expect(record.statusCode).toBe(400);
    expect(record.json().field).toMatch(/^body\.content\./);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('a stale version answers 409', async () => {
    at('2026-06-01');
    const id = await register();
    const version = await kit.versionOf(id);
    ok(await move('officer1', id, 'register', 'register'));
    const stale = await t.request(await as('officer1'), {
      method: 'POST',
      url: `/api/cases/${id}/flags`,
      payload: { version, complexOrMajor: true, reason: '情节复杂' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('body.version');
  });

  it('another agency’s case answers 404', async () => {
    at('2026-06-01');
    const cityCaseId = await createCaseFixture(t.database.db, cityId, t.now());
    expect((await get('officer1', `/api/cases/${cityCaseId}`)).statusCode).toBe(404);
    expect((await get('supervisor1', `/api/cases/${cityCaseId}/timeline`)).statusCode).toBe(404);
    expect((await move('officer1', cityCaseId, 'register', 'register')).statusCode).toBe(404);
    const list = ok(await get('officer1', '/api/cases?pageSize=200'));
    expect(list.items.some((c: { id: string }) => c.id === cityCaseId)).toBe(false);
  });

  it('the demo cases present, with their clocks and the reasons a move is blocked', async () => {
    at('2026-11-24');
    const demo = ok(await get('officer1', '/api/cases?pageSize=200'));
    for (const item of demo.items) ok(await get('officer1', `/api/cases/${item.id}`));
    const seizure = demo.items.find((c: { title: string }) => c.title === '扣押非法营运车辆');
    const page = ok(await get('officer1', `/api/cases/${seizure.id}`));
    expect(page.moves[0].refusals.map((r: { rule: string }) => r.rule)).toEqual(['R4']);
    const mine = ok(await get('officer1', '/api/me/deadlines'));
    expect(mine.items.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['caseTimeLimit', 'defence', 'service']),
    );
    const archived = demo.items.find((c: { archivedAt: string | null }) => c.archivedAt);
    expect(ok(await get('officer1', `/api/cases/${archived.id}/timeline`)).verification.ok).toBe(true);
    // The archived case's file holds every document the file standard asks for (ARCHIVE).
    const check = ok(await get('officer1', `/api/cases/${archived.id}/archive-check`));
    expect(check).toMatchObject({ archived: true, complete: true, missing: [] });
    expect(check.required.length).toBeGreaterThanOrEqual(6);
    // Every case has the documents of the stages it passed, rendered from its own fields.
    const passed = ok(
      await get(
        'officer1',
        `/api/cases/${demo.items.find((c: { title: string }) => c.title === '出租汽车拒载').id}`,
      ),
    );
    expect(passed.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'filingApproval',
      'sceneRecord',
      'priorNotice',
      'serviceReceipt',
      'penaltyDecision',
    ]);
    // One at 执行 with its fine in two parts: the plan's 审批表 made from the case, the second part due.
    const instalments = ok(
      await get(
        'officer1',
        `/api/cases/${demo.items.find((c: { title: string }) => c.title === '普通货运车辆超限运输').id}`,
      ),
    );
    expect(instalments.stage).toBe('execute');
    expect(instalments.documents.map((d: { kind: string }) => d.kind)).toContain('paymentPlanApproval');
    const paymentClock = instalments.deadlines.clocks.find((c: { id: string }) => c.id === 'payment');
    expect(paymentClock.dueOn > '2026-11-24').toBe(true);
    // A seizure with its recording: a video linked at 通知到场 and at 现场笔录, whose content verifies.
    const recorded = demo.items.find((c: { title: string }) => c.title === '扣押无道路运输证营运车辆');
    const recordedPage = ok(await get('officer1', `/api/cases/${recorded.id}`));
    const videos = recordedPage.evidence.filter(
      (e: { recordingKind: string | null }) => e.recordingKind === 'video',
    );
    expect(videos.map((e: { stage: string }) => e.stage)).toEqual(['notifyParty', 'record']);
    expect(videos[0].mediaType).toBe('video/mp4');
    expect(recordedPage.documents.map((d: { kind: string }) => d.kind)).toEqual(['sceneRecord']);
    // R4 is met at 现场笔录: its move is not refused for the recording.
    expect(recordedPage.moves[0].refusals.map((r: { rule: string }) => r.rule)).not.toContain('R4');
    const content = await t.request(await as('officer1'), { method: 'GET', url: videos[0].contentUrl });
    expect(content.statusCode).toBe(200);
    expect(createHash('sha256').update(content.rawPayload).digest('hex')).toBe(videos[0].sha256);
    const stored = ok(await get('officer1', `/api/evidence/${videos[0].evidenceId}`));
    expect(stored).toMatchObject({ sha256: videos[0].sha256, capturedBy: '赵执法', durationSeconds: 95 });
    // What the seed wrote verifies like anything the API writes: every chain of the database,
    // the seeded recordings' files (other tests here add evidence rows without files), and
    // the archived file's signed documents.
    expect((await verifyLedger(t.database.db)).ok).toBe(true);
    for (const evidenceId of new Set<string>(
      recordedPage.evidence.map((e: { evidenceId: string }) => e.evidenceId),
    )) {
      const verdict = await verifyEvidence(t.database.db, t.evidence, { evidenceId });
      expect(verdict, evidenceId).toMatchObject({ ok: true, files: 1 });
    }
    for (const { documents } of check.required)
      for (const { id } of documents)
        expect(ok(await get('officer1', `/api/documents/${id}/verify`))).toMatchObject({ problem: null });
  });

  it('lists by stage, process and officer; the supervisor reads the county’s cases', async () => {
    const all = ok(await get('supervisor1', '/api/cases?pageSize=200'));
    expect(all.total).toBeGreaterThan(5);
    const seizures = ok(await get('officer1', '/api/cases?processKind=seizure'));
    expect(seizures.items.every((c: { processKind: string }) => c.processKind === 'seizure')).toBe(true);
    const atDecide = ok(await get('officer1', '/api/cases?stage=decide'));
    expect(atDecide.items.every((c: { stage: string }) => c.stage === 'decide')).toBe(true);
    const byAuxiliary = ok(await get('officer1', `/api/cases?officerId=${kit.persons.get('auxiliary1')}`));
    expect(byAuxiliary.total).toBeGreaterThan(0);
    // 我承办的: the cases whose team holds the signed-in user's own person; none for one without a person.
    const mine = ok(await get('auxiliary1', '/api/cases?mine=true&pageSize=200'));
    expect(mine.total).toBe(byAuxiliary.total);
    expect(ok(await get('supervisor1', '/api/cases?mine=true')).total).toBe(0);
    const paged = ok(await get('officer1', '/api/cases?pageSize=2&page=2'));
    expect(paged.items).toHaveLength(2);
    expect(countyId).toBeTruthy();
  });
});
