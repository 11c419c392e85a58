/**
 * Issue 13: deadlines that reach a year without holiday data are counted from the law,
 * marked 暂定, never a wall; importing the year recounts them and tells the officers.
 * The bundled calendar ends with 2026, so 2027 is the year without data here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTestKit, ok, refused } from '../../test/case-kit.js';
import type { TestApp } from '../../test/harness.js';

const kit = caseTestKit('期限测试当事人');
const { at, step, move, get, generalAtNotify, decide } = kit;
let t: TestApp;

beforeAll(async () => {
  t = await kit.start();
});
afterAll(() => t.close());

async function clock(id: string, clockId: string) {
  const deadlines = ok(await get('officer1', `/api/cases/${id}/deadlines`));
  return deadlines.clocks.find((c: { id: string }) => c.id === clockId);
}

describe('issue 13: a year without holiday data', () => {
  it('N3: served 2026-12-24, the 5-working-day defence period ends 2026-12-31, before 2027: nothing provisional', async () => {
    at('2026-12-24');
    const id = await generalAtNotify();
    ok(await step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }));
    const defence = await clock(id, 'defence');
    expect(defence).toMatchObject({ dueOn: '2026-12-31' });
    expect(defence.provisional).toBeUndefined();
  });

  it('N3: a prior notice served 2026-12-28 shows 暂定 bounds; the decision waits for the latest, no longer', async () => {
    at('2026-12-28');
    const id = await generalAtNotify();
    ok(await step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }));
    // 5 working days: 29–31 December, then 2–3 January at the earliest (the weekend after 元旦
    // may be made working days), 6–7 January at the latest (4–5 January may be bridging days off).
    expect(await clock(id, 'defence')).toMatchObject({
      dueOn: '2027-01-07',
      owner: 'party',
      provisional: { earliestOn: '2027-01-03', latestOn: '2027-01-07' },
    });
    const mine = ok(await get('officer1', '/api/me/deadlines'));
    expect(
      mine.items.find((c: { caseId: string; id: string }) => c.caseId === id && c.id === 'defence'),
    ).toMatchObject({ provisional: { reason: expect.stringContaining('2027 年节假日安排尚未导入') } });
    at('2027-01-07');
    const refusal = refused(await move('unithead1', id, 'decide'), 'N3');
    expect(refusal.message).toContain('最早于2027-01-03、最迟于2027-01-07届满（暂定');

    at('2027-01-08');
    ok(await move('unithead1', id, 'decide'));
    ok(await decide(id));
    ok(await move('head1', id, 'serve'));
  });

  it('the prior notice tells the party the latest plausible date and says it is 暂定', async () => {
    at('2026-12-28');
    const id = await generalAtNotify();
    ok(await step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }));
    const notice = ok(
      await t.request(await kit.as('unithead1'), {
        method: 'POST',
        url: `/api/cases/${id}/documents`,
        payload: {
          kind: 'priorNotice',
          data: { facts: '未携带道路运输证', evidence: '询问笔录', basis: '《道路运输条例》第六十八条' },
        },
      }),
    );
    expect(await kit.documentText(notice.id)).toContain(
      '请于2027年1月7日前（暂定：2027 年节假日安排尚未导入',
    );
  });

  it('N7: an agency duty is due on its earliest plausible date', async () => {
    at('2026-12-29');
    const id = await kit.generalAtDecide();
    ok(await decide(id));
    // 7 working days after 29 December: 30, 31 December, then 2–6 January at the earliest.
    expect(await clock(id, 'service')).toMatchObject({
      dueOn: '2027-01-06',
      owner: 'agency',
      provisional: { earliestOn: '2027-01-06', latestOn: '2027-01-12' },
    });
  });

  it('no path answers 5xx in the last ten days of the last covered year', { timeout: 180_000 }, async () => {
    const cases = (await t.database.db.selectFrom('enforcement_case').select('id').execute()).map(
      (c) => c.id,
    );
    for (let day = 22; day <= 31; day += 1) {
      at(`2026-12-${day}`);
      for (const url of ['/api/cases', '/api/me/deadlines', '/api/calendar/status'])
        expect((await get('officer1', url)).statusCode, `${url} on ${kit.today}`).toBe(200);
      for (const id of cases) {
        for (const url of [`/api/cases/${id}`, `/api/cases/${id}/deadlines`]) {
          const response = await get('head1', url);
          expect(response.statusCode, `${url} on ${kit.today}`).toBeLessThan(500);
        }
        // Every move offered or refused, none failing: a refusal is a 4xx naming its rule.
        const response = await move('head1', id, 'serve');
        expect(response.statusCode, `serve ${id} on ${kit.today}: ${response.body}`).toBeLessThan(500);
      }
    }
  });

  it('the administrator is warned from 1 November (a setting) while next year is missing', async () => {
    at('2026-10-31');
    expect(ok(await get('admin', '/api/calendar/status'))).toMatchObject({ warning: false, missing: [2027] });
    at('2026-11-01');
    const status = ok(await get('supervisor1', '/api/calendar/status'));
    expect(status).toMatchObject({ warning: true, missing: [2027], warnFrom: '2026-11-01' });
    expect(status.message).toContain('2027');
  });

  it('importing the year recounts every open clock and tells the officers what moved', async () => {
    at('2026-12-28');
    const id = await generalAtNotify();
    ok(await step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }));
    expect((await clock(id, 'defence')).provisional).toBeDefined();
    const imported = ok(
      await t.request(await kit.as('admin'), {
        method: 'POST',
        url: '/api/calendar/import',
        payload: {
          format: 'csv',
          fileName: '2027.csv',
          content:
            'date,kind,name\n2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n2027-01-03,holiday,元旦\n',
        },
      }),
    );
    expect(imported.told.cases).toBeGreaterThanOrEqual(1);
    // With 2027 known: 29–31 December, 4–5 January.
    const defence = await clock(id, 'defence');
    expect(defence).toMatchObject({ dueOn: '2027-01-05' });
    expect(defence.provisional).toBeUndefined();
    const notices = ok(await get('officer1', '/api/me/notices'));
    const told = notices.items.find((n: { caseId: string }) => n.caseId === id);
    expect(told.body).toContain('陈述申辩期限：2027-01-07（暂定） → 2027-01-05');
    expect(notices.unread).toBeGreaterThanOrEqual(1);
    // Someone else's notice is left as it is; one's own is marked read.
    const mark = async (username: string) =>
      ok(
        await t.request(await kit.as(username), {
          method: 'POST',
          url: '/api/me/notices/read',
          payload: { ids: [told.id] },
        }),
      ).marked;
    expect(await mark('officer2')).toBe(0);
    expect(await mark('officer1')).toBe(1);
    const after = ok(await get('officer1', '/api/me/notices'));
    expect(after.items.find((n: { id: string }) => n.id === told.id).readAt).not.toBeNull();
  });
});
