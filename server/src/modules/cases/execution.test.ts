/**
 * After and around the decision on the server: payment plans (N8, 暂缓或分期缴纳),
 * filing a major penalty (L7) and periods not counted in the 90-day limit (N6).
 * Each step is one ledger event; refusals name their rule. Parties are
 * generated; dates are in 2026 (the bundled calendar's last year).
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTestKit, ok, refused } from '../../test/case-kit.js';
import type { TestApp } from '../../test/harness.js';

const kit = caseTestKit('执行测试当事人');
const { at, step, move, get, generalAtNotify, generalAtDecide, decide, ledgerOf } = kit;
let t: TestApp;

/** Decided kit.today, fine of 5,000 yuan, served kit.today: the payment clock runs. */
async function servedFine() {
  const id = await generalAtDecide();
  ok(await decide(id));
  ok(await move('head1', id, 'serve'));
  ok(await step('officer1', id, 'service', { servedOn: kit.today, method: 'direct' }));
  return id;
}

/** A major case decided kit.today after a passed legal review, moved on to 送达. */
async function majorDecided() {
  const id = await kit.majorDecided();
  ok(await move('head1', id, 'serve'));
  return id;
}

interface Clock {
  id: string;
  dueOn: string;
  note?: string;
}
const clocksOf = async (id: string): Promise<Clock[]> =>
  ok(await get('officer1', `/api/cases/${id}`)).deadlines.clocks;
const clock = async (id: string, clockId: string) => (await clocksOf(id)).find((c) => c.id === clockId);

type FactsPayload = { step: string; section: Record<string, unknown>; lateness: { rule: string }[] };

/** Runs a change and checks it appended exactly one `case.factsRecorded` event of the step. */
async function oneEvent(id: string, stepName: string, change: () => Promise<unknown>) {
  const before = (await ledgerOf(id)).length;
  await change();
  const after = await ledgerOf(id);
  expect(after.length).toBe(before + 1);
  const last = after.at(-1)!;
  expect(last.kind).toBe('case.factsRecorded');
  expect((last.payload as FactsPayload).step).toBe(stepName);
  return last.payload as FactsPayload;
}

beforeAll(async () => {
  t = await kit.start();
  at('2026-06-01');
});
afterAll(() => t.close());

describe('N8: deferral and instalments (暂缓、分期缴纳), approved by the agency head', () => {
  it('N8: an approved deferral, then an instalment plan, move the payment clock to their dates', async () => {
    at('2026-06-01');
    const id = await servedFine();
    const statutory = (await clock(id, 'payment'))!.dueOn;
    expect(statutory > kit.today).toBe(true);

    const deferral = await oneEvent(id, 'paymentPlan', async () =>
      ok(
        await step('head1', id, 'payment-plan', {
          kind: 'deferral',
          until: '2026-07-31',
          approvedOn: kit.today,
          reason: '当事人确有经济困难，申请暂缓缴纳',
        }),
      ),
    );
    expect(deferral.section).toMatchObject({ kind: 'deferral', deferral: { until: '2026-07-31' } });
    expect((await clock(id, 'payment'))!.dueOn).toBe('2026-07-31');

    // A later approval replaces the deferral: two parts, the first on the statutory date.
    const parts = [
      { dueOn: statutory, amountFen: 200_000 },
      { dueOn: '2026-08-17', amountFen: 300_000 },
    ];
    await oneEvent(id, 'paymentPlan', async () =>
      ok(
        await step('unithead1', id, 'payment-plan', {
          kind: 'instalments',
          parts,
          approvedOn: kit.today,
          reason: '当事人申请分两期缴纳',
        }),
      ),
    );
    const page = ok(await get('officer1', `/api/cases/${id}`));
    expect(page.facts.payment.deferral).toBeUndefined();
    expect(page.facts.payment.instalments.parts).toEqual(parts);
    expect(page.deadlines.clocks.find((c: Clock) => c.id === 'payment').dueOn).toBe(statutory);

    // The first part paid: the clock moves on to the second.
    ok(
      await step('officer1', id, 'payments', {
        paidOn: kit.today,
        amountFen: 200_000,
        channel: 'bank',
        bankReference: 'BANK-EXEC-1',
      }),
    );
    const next = (await clock(id, 'payment'))!;
    expect(next.dueOn).toBe('2026-08-17');
    expect(next.note).toContain('3,000元');
  });

  it('N8: an instalment plan whose parts do not add up to the fine is refused, naming the field', async () => {
    at('2026-06-01');
    const id = await servedFine();
    const statutory = (await clock(id, 'payment'))!.dueOn;
    const version = await kit.versionOf(id);
    const plan = { kind: 'instalments', approvedOn: kit.today, reason: '当事人申请分期缴纳' };
    refused(
      await step('head1', id, 'payment-plan', {
        ...plan,
        parts: [
          { dueOn: statutory, amountFen: 200_000 },
          { dueOn: '2026-08-17', amountFen: 200_000 },
        ],
      }),
      'N8',
      'payment.instalments.parts',
    );
    // A part due before the statutory date would take time away from the party.
    refused(
      await step('head1', id, 'payment-plan', {
        ...plan,
        parts: [
          { dueOn: kit.today, amountFen: 200_000 },
          { dueOn: '2026-08-17', amountFen: 300_000 },
        ],
      }),
      'N8',
      'payment.instalments.parts[0].dueOn',
    );
    // A deferral that defers nothing.
    refused(
      await step('head1', id, 'payment-plan', {
        kind: 'deferral',
        until: statutory,
        approvedOn: kit.today,
        reason: '当事人申请暂缓缴纳',
      }),
      'N8',
      'payment.deferral.until',
    );
    // Approved before the decision reached the party: not a plan on this fine.
    refused(
      await step('head1', id, 'payment-plan', {
        kind: 'deferral',
        until: '2026-07-31',
        approvedOn: '2026-05-29',
        reason: '当事人申请暂缓缴纳',
      }),
      'N8',
      'payment.approvedOn',
    );
    // Without the approval date it is no approval at all; more than 12 parts is no plan either.
    const unapproved = await step('head1', id, 'payment-plan', {
      kind: 'deferral',
      until: '2026-07-31',
      reason: '当事人申请暂缓缴纳',
    });
    expect(unapproved.statusCode).toBe(400);
    expect(unapproved.json().field).toBe('body.approvedOn');
    const tooMany = await step('head1', id, 'payment-plan', {
      ...plan,
      parts: Array.from({ length: 13 }, () => ({ dueOn: '2026-08-17', amountFen: 1 })),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(await kit.versionOf(id)).toBe(version);
    expect((await clock(id, 'payment'))!.dueOn).toBe(statutory);
  });

  it('N8: a plan is the agency’s approval — an officer without case.approve gets 403', async () => {
    at('2026-06-01');
    const id = await servedFine();
    const response = await step('officer1', id, 'payment-plan', {
      kind: 'deferral',
      until: '2026-07-31',
      approvedOn: kit.today,
      reason: '当事人申请暂缓缴纳',
    });
    expect(response.statusCode).toBe(403);
  });

  it('N8: no plan once the fine is paid, and none before the decision is served', async () => {
    at('2026-06-01');
    const id = await servedFine();
    ok(
      await step('officer1', id, 'payments', {
        paidOn: kit.today,
        amountFen: 500_000,
        channel: 'bank',
        bankReference: 'BANK-EXEC-2',
      }),
    );
    const plan = { kind: 'deferral', until: '2026-07-31', approvedOn: kit.today, reason: '申请暂缓缴纳' };
    refused(await step('head1', id, 'payment-plan', plan), 'N8', 'payment');

    const unserved = await generalAtNotify();
    ok(
      await step('officer1', unserved, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }),
    );
    ok(await step('officer1', unserved, 'defence', { waived: true }));
    ok(await move('unithead1', unserved, 'decide'));
    ok(await decide(unserved));
    refused(await step('head1', unserved, 'payment-plan', plan), 'PROCESS', 'stage');
    ok(await move('head1', unserved, 'serve'));
    refused(await step('head1', unserved, 'payment-plan', plan), 'N8');
  });
});

describe('N8 at 结案: nothing closed with money owed (issue 16)', () => {
  it('N8: a deferred fine unpaid cannot be closed, nor a second instalment unpaid; paid in full it can', async () => {
    at('2026-06-01');
    const id = await servedFine();
    ok(
      await step('head1', id, 'payment-plan', {
        kind: 'deferral',
        until: '2027-01-15',
        approvedOn: kit.today,
        reason: '当事人确有经济困难，申请暂缓缴纳',
      }),
    );
    ok(await move('officer1', id, 'execute'));
    const page = ok(await get('head1', `/api/cases/${id}`));
    const close = page.moves.find((m: { to: string }) => m.to === 'close');
    expect(close.allowed).toBe(false);
    expect(close.refusals.map((r: { rule: string }) => r.rule)).toEqual(['N8']);
    const body = refused(await move('head1', id, 'close'), 'N8');
    expect(body.message).toContain('尚欠5,000元');
    expect((await clock(id, 'payment'))!.dueOn).toBe('2027-01-15');
    // Half paid on an instalment plan: still refused, naming what is owed.
    ok(
      await step('head1', id, 'payment-plan', {
        kind: 'instalments',
        parts: [
          { dueOn: '2026-06-20', amountFen: 250_000 },
          { dueOn: '2026-09-20', amountFen: 250_000 },
        ],
        approvedOn: kit.today,
        reason: '当事人申请分两期缴纳',
      }),
    );
    ok(
      await step('officer1', id, 'payments', {
        paidOn: kit.today,
        amountFen: 250_000,
        channel: 'bank',
        bankReference: 'BANK-N8-1',
      }),
    );
    expect(refused(await move('head1', id, 'close'), 'N8').message).toContain('尚欠2,500元');
    ok(
      await step('officer1', id, 'payments', {
        paidOn: kit.today,
        amountFen: 250_000,
        channel: 'bank',
        bankReference: 'BANK-N8-2',
      }),
    );
    ok(await move('head1', id, 'close'));
  });

  it('N8: unpaid and sent to the court, the case closes once the agency head records the execution ended', async () => {
    at('2026-06-01');
    const id = await servedFine();
    ok(await move('officer1', id, 'execute'));
    at('2026-09-01');
    refused(await move('head1', id, 'close'), 'N8');
    expect(
      (
        await step('officer1', id, 'execution-ended', {
          endedOn: kit.today,
          reason: 'courtConcluded',
          note: '法院执行完毕',
        })
      ).statusCode,
    ).toBe(403);
    const ended = await oneEvent(id, 'executionEnded', async () =>
      ok(
        await step('head1', id, 'execution-ended', {
          endedOn: kit.today,
          reason: 'courtConcluded',
          note: '（2026）示执字第1号执行完毕',
        }),
      ),
    );
    expect(ended.section).toMatchObject({ reason: 'courtConcluded' });
    ok(await move('head1', id, 'close'));
  });
});

describe('L7: a major penalty is filed with the superior and the justice bureau within 5 days', () => {
  it('L7: filing a major penalty clears its clock, with one ledger event', async () => {
    at('2026-06-01');
    const id = await majorDecided();
    const running = (await clock(id, 'majorFiling'))!;
    expect(running.dueOn > kit.today).toBe(true);
    const filed = await oneEvent(id, 'majorFiling', async () =>
      ok(
        await step('officer1', id, 'major-filing', {
          filedOn: kit.today,
          recipients: '示例市交通运输局、示例县司法局',
        }),
      ),
    );
    expect(filed.lateness).toEqual([]);
    expect(filed.section).toEqual({ filedOn: kit.today, recipients: '示例市交通运输局、示例县司法局' });
    expect(await clock(id, 'majorFiling')).toBeUndefined();
    // Filed once.
    refused(
      await step('officer1', id, 'major-filing', { filedOn: kit.today, recipients: '再次备案' }),
      'PROCESS',
    );
  });

  it('L7: a late filing is still recorded, with its L7 note on the ledger', async () => {
    at('2026-06-01');
    const id = await majorDecided();
    const due = (await clock(id, 'majorFiling'))!.dueOn;
    at('2026-06-22');
    expect(kit.today > due).toBe(true);
    expect((await clock(id, 'majorFiling'))!).toMatchObject({ dueOn: due });
    const filed = await oneEvent(id, 'majorFiling', async () =>
      ok(
        await step('officer1', id, 'major-filing', {
          filedOn: kit.today,
          recipients: '示例市交通运输局、示例县司法局',
        }),
      ),
    );
    expect(filed.lateness.map((l) => l.rule)).toEqual(['L7']);
    expect(JSON.stringify(filed.lateness)).toContain(due);
    expect(await clock(id, 'majorFiling')).toBeUndefined();
  });

  it('L7: only a major case’s penalty decision is filed', async () => {
    at('2026-06-01');
    const id = await servedFine();
    refused(
      await step('officer1', id, 'major-filing', { filedOn: kit.today, recipients: '示例市交通运输局' }),
      'PROCESS',
      'majorFiling',
    );
  });
});

describe('N6: periods not counted in the 90-day limit (听证、公告、检测、鉴定…)', () => {
  it('N6: a pause extends the 90-day due date by the paused days, inclusive', async () => {
    at('2026-06-01');
    const id = await generalAtNotify();
    const base = (await clock(id, 'caseTimeLimit'))!.dueOn;

    at('2026-06-10');
    const paused = await oneEvent(id, 'pause', async () =>
      ok(
        await step('unithead1', id, 'pauses', {
          from: kit.today,
          reason: '委托检测，检测期间不计入办案期限',
        }),
      ),
    );
    expect(paused.section).toEqual({ from: '2026-06-10', reason: '委托检测，检测期间不计入办案期限' });
    // While it lasts, the due date moves on each day.
    at('2026-06-12');
    const running = (await clock(id, 'caseTimeLimit'))!;
    expect(running.note).toContain('期限中止中');
    expect(running.dueOn > base).toBe(true);

    at('2026-06-19');
    const resumed = await oneEvent(id, 'resume', async () =>
      ok(await step('unithead1', id, 'pauses/resume', { to: kit.today })),
    );
    expect(resumed.section).toMatchObject({ from: '2026-06-10', to: '2026-06-19' });
    at('2026-06-25');
    const limit = (await clock(id, 'caseTimeLimit'))!;
    const shifted = new Date(`${base}T00:00:00Z`);
    shifted.setUTCDate(shifted.getUTCDate() + 10);
    expect(limit.dueOn).toBe(shifted.toISOString().slice(0, 10));
    expect(limit.note).toContain('不计入期限10日');
  });

  it('N6: a second pause while one is open is refused; a resume needs an open pause and a later date', async () => {
    at('2026-06-01');
    const id = await generalAtNotify();
    refused(await step('unithead1', id, 'pauses/resume', { to: kit.today }), 'N6', 'pausedPeriods');
    at('2026-06-05');
    ok(await step('unithead1', id, 'pauses', { from: kit.today, reason: '公告送达期间' }));
    const version = await kit.versionOf(id);
    refused(
      await step('unithead1', id, 'pauses', { from: kit.today, reason: '再次中止' }),
      'N6',
      'pausedPeriods',
    );
    refused(await step('unithead1', id, 'pauses/resume', { to: '2026-06-04' }), 'N6', 'pause.to');
    expect(await kit.versionOf(id)).toBe(version);
    ok(await step('unithead1', id, 'pauses/resume', { to: kit.today }));
    // A new pause may not reach back into the one just closed.
    refused(await step('unithead1', id, 'pauses', { from: kit.today, reason: '重叠' }), 'N6', 'pause.from');
    // Approval is the agency's: an officer without case.approve gets 403.
    const officer = await step('officer1', id, 'pauses', { from: kit.today, reason: '检测' });
    expect(officer.statusCode).toBe(403);
  });
});
