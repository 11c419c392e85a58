/**
 * After and around the decision on the server: payment plans (N8, 暂缓或分期缴纳),
 * filing a major penalty (L7) and periods not counted in the 90-day limit (N6).
 * Each step is one ledger event; refusals name their rule. Parties are
 * generated; dates are in 2026 (the bundled calendar's last year).
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
const persons = new Map<string, string>();
const sessions = new Map<string, Session>();
let today = '';

/** Moves the clock to 10:00 Shanghai time of a day; sessions are made afresh for it. */
function at(date: string) {
  today = date;
  t.setNow(new Date(`${date}T02:00:00Z`));
}
async function as(username: string): Promise<Session> {
  const key = `${username}@${today}`;
  if (!sessions.has(key)) sessions.set(key, await t.login(username));
  return sessions.get(key)!;
}

const versionOf = async (id: string) =>
  (
    await t.database.db
      .selectFrom('enforcement_case')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;

/** A step with the case's current version. */
async function step(username: string, id: string, path: string, body: Record<string, unknown> = {}) {
  return t.request(await as(username), {
    method: path === 'officers' ? 'PUT' : 'POST',
    url: `/api/cases/${id}/${path}`,
    payload: { version: await versionOf(id), ...body },
  });
}
const move = (username: string, id: string, to: string, outcome?: string) =>
  step(username, id, 'transitions', { to, ...(outcome && { outcome }) });
const get = async (username: string, url: string) => t.request(await as(username), { method: 'GET', url });

function ok(response: Awaited<ReturnType<TestApp['request']>>) {
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}
function refused(response: Awaited<ReturnType<TestApp['request']>>, rule: string, field?: string) {
  expect(response.statusCode, response.body).toBe(422);
  expect(response.json().code).toBe('RULE_VIOLATION');
  expect(response.json().message).toContain(`（${rule}）`);
  if (field !== undefined) expect(response.json().field).toBe(field);
  return response.json();
}

let partySerial = 0;
const generatedParty = () => {
  partySerial += 1;
  return { kind: 'individual', name: `执行测试当事人${partySerial}` };
};

async function register() {
  const response = await t.request(await as('officer1'), {
    method: 'POST',
    url: '/api/cases',
    payload: {
      processKind: 'penaltyGeneral',
      title: '未按规定携带道路运输证',
      source: 'inspection',
      party: generatedParty(),
      discoveredOn: today,
      violation: { occurredOn: today, continuing: false, severeHarm: false },
    },
  });
  return ok(response).id as string;
}

const team = (...members: [string, string][]) => ({
  officers: members.map(([username, role]) => ({ personId: persons.get(username), role })),
});

/** A general-procedure case registered today, at 事先告知, proposing a fine. */
async function generalAtNotify(fineFen = 500_000) {
  const id = await register();
  ok(await step('officer1', id, 'officers', team(['officer1', 'lead'], ['officer2', 'assisting'])));
  ok(await move('officer1', id, 'register', 'register'));
  ok(await move('unithead1', id, 'investigate'));
  ok(await step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen } }));
  ok(await move('officer1', id, 'review'));
  ok(await move('unithead1', id, 'notify', 'penalty'));
  return id;
}

const reasons = {
  evidence: '现场检查笔录、询问笔录',
  basis: '《道路运输条例》第六十八条',
  discretion: '首次违法，从轻',
};
const decide = (id: string, fineFen = 500_000) =>
  step('head1', id, 'decision', {
    outcome: 'penalty',
    decidedOn: today,
    penalty: { kinds: ['fine'], fineFen },
    reasons,
  });

/** Decided today, fine of 5,000 yuan, served today: the payment clock runs. */
async function servedFine() {
  const id = await generalAtNotify();
  ok(await step('officer1', id, 'prior-notice', { servedOn: today, hearingRightNotified: false }));
  ok(await step('officer1', id, 'defence', { waived: true }));
  ok(await move('unithead1', id, 'decide'));
  ok(await decide(id));
  ok(await move('head1', id, 'serve'));
  ok(await step('officer1', id, 'service', { servedOn: today, method: 'direct' }));
  return id;
}

/** A major case decided today after a passed legal review, moved on to 送达. */
async function majorDecided() {
  const id = await generalAtNotify();
  ok(await step('officer1', id, 'flags', { major: true, reason: '列入重大执法决定法制审核目录' }));
  ok(await step('officer1', id, 'prior-notice', { servedOn: today, hearingRightNotified: false }));
  ok(await step('officer1', id, 'defence', { waived: true }));
  ok(await move('unithead1', id, 'legalReview'));
  ok(await step('reviewer1', id, 'legal-review', { outcome: 'passed', reviewedOn: today, opinion: '同意' }));
  ok(await move('reviewer1', id, 'decide'));
  ok(await decide(id));
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

const ledgerOf = async (id: string) =>
  t.database.db
    .selectFrom('ledger_event')
    .select(['kind', 'payload'])
    .where('stream_id', '=', `case:${id}`)
    .orderBy('seq')
    .execute();
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
  t = await createTestApp();
  const users = await t.database.db.selectFrom('app_user').select(['username', 'person_id']).execute();
  for (const u of users) if (u.person_id) persons.set(u.username, u.person_id);
  at('2026-06-01');
});
afterAll(() => t.close());

describe('N8: deferral and instalments (暂缓、分期缴纳), approved by the agency head', () => {
  it('N8: an approved deferral, then an instalment plan, move the payment clock to their dates', async () => {
    at('2026-06-01');
    const id = await servedFine();
    const statutory = (await clock(id, 'payment'))!.dueOn;
    expect(statutory > today).toBe(true);

    const deferral = await oneEvent(id, 'paymentPlan', async () =>
      ok(
        await step('head1', id, 'payment-plan', {
          kind: 'deferral',
          until: '2026-07-31',
          approvedOn: today,
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
          approvedOn: today,
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
        paidOn: today,
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
    const version = await versionOf(id);
    const plan = { kind: 'instalments', approvedOn: today, reason: '当事人申请分期缴纳' };
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
          { dueOn: today, amountFen: 200_000 },
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
        approvedOn: today,
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
    expect(await versionOf(id)).toBe(version);
    expect((await clock(id, 'payment'))!.dueOn).toBe(statutory);
  });

  it('N8: a plan is the agency’s approval — an officer without case.approve gets 403', async () => {
    at('2026-06-01');
    const id = await servedFine();
    const response = await step('officer1', id, 'payment-plan', {
      kind: 'deferral',
      until: '2026-07-31',
      approvedOn: today,
      reason: '当事人申请暂缓缴纳',
    });
    expect(response.statusCode).toBe(403);
  });

  it('N8: no plan once the fine is paid, and none before the decision is served', async () => {
    at('2026-06-01');
    const id = await servedFine();
    ok(
      await step('officer1', id, 'payments', {
        paidOn: today,
        amountFen: 500_000,
        channel: 'bank',
        bankReference: 'BANK-EXEC-2',
      }),
    );
    const plan = { kind: 'deferral', until: '2026-07-31', approvedOn: today, reason: '申请暂缓缴纳' };
    refused(await step('head1', id, 'payment-plan', plan), 'N8', 'payment');

    const unserved = await generalAtNotify();
    ok(await step('officer1', unserved, 'prior-notice', { servedOn: today, hearingRightNotified: false }));
    ok(await step('officer1', unserved, 'defence', { waived: true }));
    ok(await move('unithead1', unserved, 'decide'));
    ok(await decide(unserved));
    refused(await step('head1', unserved, 'payment-plan', plan), 'PROCESS', 'stage');
    ok(await move('head1', unserved, 'serve'));
    refused(await step('head1', unserved, 'payment-plan', plan), 'N8');
  });
});

describe('L7: a major penalty is filed with the superior and the justice bureau within 5 days', () => {
  it('L7: filing a major penalty clears its clock, with one ledger event', async () => {
    at('2026-06-01');
    const id = await majorDecided();
    const running = (await clock(id, 'majorFiling'))!;
    expect(running.dueOn > today).toBe(true);
    const filed = await oneEvent(id, 'majorFiling', async () =>
      ok(
        await step('officer1', id, 'major-filing', {
          filedOn: today,
          recipients: '示例市交通运输局、示例县司法局',
        }),
      ),
    );
    expect(filed.lateness).toEqual([]);
    expect(filed.section).toEqual({ filedOn: today, recipients: '示例市交通运输局、示例县司法局' });
    expect(await clock(id, 'majorFiling')).toBeUndefined();
    // Filed once.
    refused(
      await step('officer1', id, 'major-filing', { filedOn: today, recipients: '再次备案' }),
      'PROCESS',
    );
  });

  it('L7: a late filing is still recorded, with its L7 note on the ledger', async () => {
    at('2026-06-01');
    const id = await majorDecided();
    const due = (await clock(id, 'majorFiling'))!.dueOn;
    at('2026-06-22');
    expect(today > due).toBe(true);
    expect((await clock(id, 'majorFiling'))!).toMatchObject({ dueOn: due });
    const filed = await oneEvent(id, 'majorFiling', async () =>
      ok(
        await step('officer1', id, 'major-filing', {
          filedOn: today,
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
      await step('officer1', id, 'major-filing', { filedOn: today, recipients: '示例市交通运输局' }),
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
      ok(await step('unithead1', id, 'pauses', { from: today, reason: '委托检测，检测期间不计入办案期限' })),
    );
    expect(paused.section).toEqual({ from: '2026-06-10', reason: '委托检测，检测期间不计入办案期限' });
    // While it lasts, the due date moves on each day.
    at('2026-06-12');
    const running = (await clock(id, 'caseTimeLimit'))!;
    expect(running.note).toContain('期限中止中');
    expect(running.dueOn > base).toBe(true);

    at('2026-06-19');
    const resumed = await oneEvent(id, 'resume', async () =>
      ok(await step('unithead1', id, 'pauses/resume', { to: today })),
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
    refused(await step('unithead1', id, 'pauses/resume', { to: today }), 'N6', 'pausedPeriods');
    at('2026-06-05');
    ok(await step('unithead1', id, 'pauses', { from: today, reason: '公告送达期间' }));
    const version = await versionOf(id);
    refused(
      await step('unithead1', id, 'pauses', { from: today, reason: '再次中止' }),
      'N6',
      'pausedPeriods',
    );
    refused(await step('unithead1', id, 'pauses/resume', { to: '2026-06-04' }), 'N6', 'pause.to');
    expect(await versionOf(id)).toBe(version);
    ok(await step('unithead1', id, 'pauses/resume', { to: today }));
    // A new pause may not reach back into the one just closed.
    refused(await step('unithead1', id, 'pauses', { from: today, reason: '重叠' }), 'N6', 'pause.from');
    // Approval is the agency's: an officer without case.approve gets 403.
    const officer = await step('officer1', id, 'pauses', { from: today, reason: '检测' });
    expect(officer.statusCode).toBe(403);
  });
});
