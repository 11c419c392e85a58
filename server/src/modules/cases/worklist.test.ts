/**
 * Issue 16: every role's 工作台 lists its real work — each case waits for whoever may take the
 * move onward (approve, decide, review, archive; handle for the team), and cases near or past an
 * agency limit are listed apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTestKit, ok } from '../../test/case-kit.js';
import type { TestApp } from '../../test/harness.js';

const kit = caseTestKit('待办测试当事人');
const { at, move, get } = kit;
let t: TestApp;

interface Section {
  id: string;
  total: number;
  ready: number;
  items: { id: string; stage: string; waitingOnParty: boolean }[];
}
const worklist = async (username: string) =>
  ok(await get(username, '/api/me/worklist')) as { sections: Section[]; publications: unknown[] };
const section = async (username: string, id: string) =>
  (await worklist(username)).sections.find((s) => s.id === id);
const has = (s: Section | undefined, caseId: string) => !!s?.items.some((c) => c.id === caseId);

beforeAll(async () => {
  t = await kit.start();
  at('2026-06-01');
});
afterAll(() => t.close());

describe('the worklist of each role', () => {
  it('立案 waits for the unit head’s approval, then the agency head’s; then the case is the team’s to handle', async () => {
    const id = await kit.register();
    ok(await kit.step('officer1', id, 'officers', kit.team(['officer1', 'lead'], ['officer2', 'assisting'])));
    ok(await move('officer1', id, 'register', 'register'));
    // Each approver in turn (承办机构负责人 → 机关负责人): the agency head's list shows it once it is theirs.
    expect(has(await section('unithead1', 'approve'), id)).toBe(true);
    expect(has(await section('head1', 'approve'), id)).toBe(false);
    expect(has(await section('officer1', 'handle'), id)).toBe(false);
    ok(await kit.step('unithead1', id, 'approvals', { opinion: '同意' }));
    expect(has(await section('unithead1', 'approve'), id)).toBe(false);
    expect(has(await section('head1', 'approve'), id)).toBe(true);
    ok(await kit.step('head1', id, 'approvals', { opinion: '同意' }));
    ok(
      await t.request(await kit.as('head1'), {
        method: 'POST',
        url: `/api/cases/${id}/documents`,
        payload: { kind: 'filingApproval', data: { facts: '巡查发现。' } },
      }),
    );
    // Approved by both: either may take it on to 调查取证.
    expect(has(await section('unithead1', 'approve'), id)).toBe(true);
    ok(await move('unithead1', id, 'investigate'));
    expect(has(await section('unithead1', 'approve'), id)).toBe(false);
    expect(has(await section('officer1', 'handle'), id)).toBe(true);
    // The whole team sees it; an auxiliary handles nothing alone (Q2) and has no such list.
    expect(has(await section('officer2', 'handle'), id)).toBe(true);
    expect(await section('auxiliary1', 'handle')).toBeUndefined();
  });

  it('a major case at 法制审核 waits for the reviewers; at 决定 for the agency head', async () => {
    const id = await kit.generalAtNotify();
    ok(await kit.step('officer1', id, 'flags', { major: true, reason: '列入重大执法决定法制审核目录' }));
    ok(await kit.step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }));
    ok(await kit.step('officer1', id, 'defence', { waived: true }));
    ok(await move('unithead1', id, 'legalReview'));
    expect(has(await section('reviewer1', 'review'), id)).toBe(true);
    expect(has(await section('head1', 'decide'), id)).toBe(false);
    ok(
      await kit.step('reviewer1', id, 'legal-review', {
        outcome: 'passed',
        reviewedOn: kit.today,
        opinion: '同意',
      }),
    );
    ok(await move('reviewer1', id, 'decide'));
    expect(has(await section('reviewer1', 'review'), id)).toBe(false);
    const decide = await section('head1', 'decide');
    expect(has(decide, id)).toBe(true);
    expect(decide!.total).toBeGreaterThanOrEqual(1);
  });

  it('a case waiting on the party (its defence period running) is listed as waiting, not counted as work', async () => {
    at('2026-06-01');
    const id = await kit.generalAtNotify();
    const before = (await section('unithead1', 'approve'))!;
    ok(await kit.step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }));
    const waitingOn = (await section('unithead1', 'approve'))!;
    expect(waitingOn).toMatchObject({ total: before.total, ready: before.ready - 1 });
    expect(waitingOn.items.find((c) => c.id === id)?.waitingOnParty).toBe(true);
    at('2026-06-09'); // the five working days ran to 06-08
    const ready = (await section('unithead1', 'approve'))!;
    expect(ready.ready).toBe(before.ready);
    expect(ready.items.find((c) => c.id === id)?.waitingOnParty).toBe(false);
    at('2026-06-01');
  });

  it('a closed file waits for the archivist', async () => {
    const id = await kit.generalAtDecide();
    ok(await kit.step('head1', id, 'decision', { outcome: 'cancel', decidedOn: kit.today }));
    ok(await move('head1', id, 'close', 'cancel'));
    // Not before 结案 is approved by both.
    expect(has(await section('archivist1', 'archive'), id)).toBe(false);
    expect(has(await section('unithead1', 'approve'), id)).toBe(true);
    await kit.approveChain(id);
    expect(has(await section('archivist1', 'archive'), id)).toBe(true);
    expect(has(await section('archivist1', 'handle'), id)).toBe(false);
  });

  it('a case past its 90-day limit is listed under the limits for the team and the heads', async () => {
    at('2026-03-02');
    const id = await kit.generalAtDecide();
    at('2026-06-15');
    for (const username of ['officer1', 'head1', 'unithead1']) {
      const limits = await section(username, 'limits');
      expect(has(limits, id), username).toBe(true);
    }
    at('2026-06-01');
  });

  it('N8: a fine unpaid past its due day is listed under the limits; while the period runs it is not', async () => {
    const id = await kit.generalAtDecide();
    ok(await kit.decide(id));
    ok(await move('head1', id, 'serve'));
    ok(await kit.step('officer1', id, 'service', { servedOn: kit.today, method: 'direct' }));
    // Served 2026-06-01: 15 days to pay, to 2026-06-16.
    at('2026-06-10');
    expect(has(await section('officer1', 'limits'), id)).toBe(false);
    at('2026-06-17');
    expect(has(await section('officer1', 'limits'), id)).toBe(true);
    expect(has(await section('head1', 'limits'), id)).toBe(true);
    at('2026-06-01');
  });

  it('administrators have no case worklist; the answer is still well-formed', async () => {
    const admin = await worklist('admin');
    expect(admin.sections).toEqual([]);
    expect(admin.publications).toEqual([]);
  });
});
