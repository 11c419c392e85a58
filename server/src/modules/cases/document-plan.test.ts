/**
 * The document plan of a case (`GET /api/cases/:id/documents/kinds`): for each
 * kind the case may produce now, what the case fills (shown, never typed) and
 * what is still needed; rendering with only the needed data gives a document
 * carrying the case's values.
 */
import { creditCodeCheckChar } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTestKit, ok, reasons, refused } from '../../test/case-kit.js';
import type { TestApp } from '../../test/harness.js';
import { docxText } from '../documents/render.js';
import { createCaseFixture } from './test-fixtures.js';

const kit = caseTestKit();
const { as, get } = kit;
let t: TestApp;
const today = '2026-06-01';
/** Steps here must succeed: the plan is read after each. */
const step = async (username: string, id: string, path: string, body: Record<string, unknown> = {}) =>
  ok(await kit.step(username, id, path, body));
const move = async (username: string, id: string, to: string, outcome?: string) =>
  ok(await kit.move(username, id, to, outcome));

interface PlanEntry {
  kind: string;
  maySign: boolean;
  filled: { name: string; label: string; value: string }[];
  needed: { name: string; required: boolean }[];
  recordKind?: string;
}
const planOf = async (username: string, id: string): Promise<PlanEntry[]> =>
  ok(await get(username, `/api/cases/${id}/documents/kinds`)).kinds;
const entry = (plan: PlanEntry[], kind: string) => plan.find((k) => k.kind === kind)!;
const names = (list: { name: string }[]) => list.map((f) => f.name);
const value = (e: PlanEntry, name: string) => e.filled.find((f) => f.name === name)?.value;

const party = '计划测试运输有限公司';

beforeAll(async () => {
  t = await kit.start();
  kit.at(today);
});
afterAll(() => t.close());

describe('the document plan of a case', () => {
  it('lists only what the case may produce, splits filled from needed, and renders from the case', async () => {
    const id = await kit.register({ party: { kind: 'organisation', name: party } });
    // 案件来源登记 produces nothing.
    expect(await planOf('head1', id)).toEqual([]);

    await step('officer1', id, 'officers', kit.team(['officer1', 'lead'], ['officer2', 'assisting']));
    await move('officer1', id, 'register', 'register');
    let plan = await planOf('head1', id);
    expect(plan.map((k) => k.kind)).toEqual(['filingApproval']);
    const filing = entry(plan, 'filingApproval');
    expect(filing.maySign).toBe(true);
    expect(value(filing, 'caseTitle')).toBe('未按规定携带道路运输证');
    expect(value(filing, 'partyName')).toBe(party);
    expect(value(filing, 'source')).toBeTruthy();
    expect(value(filing, 'handlers')).toBe('赵执法、钱执法');
    expect(names(filing.needed)).toEqual(
      expect.arrayContaining(['facts', 'approvalOpinion', 'partyAddress', 'unitOpinion']),
    );
    for (const name of ['caseTitle', 'partyName', 'source', 'handlers'])
      expect(names(filing.needed)).not.toContain(name);
    // The officer sees the kind but may not sign it; the page's offer agrees with the plan.
    expect(entry(await planOf('officer1', id), 'filingApproval').maySign).toBe(false);
    const offered = ok(await get('head1', `/api/cases/${id}`)).actions.documents;
    expect(offered).toEqual(plan.filter((k) => k.maySign).map((k) => k.kind));

    await kit.approveRegistration(id);
    await move('unithead1', id, 'investigate');
    plan = await planOf('officer1', id);
    expect(plan.map((k) => k.kind)).toEqual(['filingApproval', 'inquiryRecord', 'sceneRecord']);
    expect(entry(plan, 'inquiryRecord').recordKind).toBe('inquiry');
    expect(entry(plan, 'sceneRecord').recordKind).toBe('onSite');

    await step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen: 500_000 } });
    await move('officer1', id, 'review');
    // Registered by its name only: 事先告知 waits for the party as art. 59(一) has the documents name it.
    const incomplete = refused(await kit.move('unithead1', id, 'notify', 'penalty'), 'R2', 'party');
    expect(incomplete.message).toContain('缺少统一社会信用代码、住所（地址）、法定代表人（负责人）');
    const first17 = '91990121MA0000777';
    const completed = ok(
      await t.request(await as('officer1'), {
        method: 'PATCH',
        url: `/api/cases/${id}/party`,
        payload: {
          version: ok(await get('officer1', `/api/cases/${id}`)).version,
          idNumber: first17 + creditCodeCheckChar(first17),
          address: '示例县城关镇计划路8号',
          representative: '计划法人',
        },
      }),
    );
    expect(completed.party).toMatchObject({
      idNumberMasked: `919***********777${creditCodeCheckChar(first17).slice(-1)}`,
      addressMasked: '示例县城关镇****',
      representative: '计划法人',
      missing: [],
    });
    await move('unithead1', id, 'notify', 'penalty');
    await step('officer1', id, 'prior-notice', { servedOn: today, hearingRightNotified: false });
    await step('officer1', id, 'defence', { waived: true });
    await move('unithead1', id, 'decide');
    // At 决定 before the decision is recorded, neither decision document; then only the one it took.
    plan = await planOf('head1', id);
    expect(plan.map((k) => k.kind)).not.toContain('penaltyDecision');
    expect(plan.map((k) => k.kind)).not.toContain('noPenaltyDecision');
    const early = refused(
      await t.request(await as('head1'), {
        method: 'POST',
        url: `/api/cases/${id}/documents`,
        payload: { kind: 'penaltyDecision', data: { facts: '甲', payment: '乙' } },
      }),
      'PROCESS',
      'body.kind',
    );
    expect(early.message).toContain('尚未记录给予行政处罚的决定');
    await step('head1', id, 'decision', {
      outcome: 'penalty',
      decidedOn: today,
      penalty: { kinds: ['fine'], fineFen: 500_000 },
      reasons,
    });
    plan = await planOf('head1', id);
    expect(plan.map((k) => k.kind)).not.toContain('closingReport');
    expect(plan.map((k) => k.kind)).not.toContain('noPenaltyDecision');
    const decision = entry(plan, 'penaltyDecision');
    expect(value(decision, 'partyName')).toBe(party);
    // Shown masked in the plan; the document served on the party carries them whole.
    expect(value(decision, 'partyAddress')).toBe('示例县城关镇****');
    expect(value(decision, 'partyId')).toMatch(/^919\*+/);
    // Recorded text that ends a sentence of the decision gets its full stop, once.
    expect(value(decision, 'evidence')).toBe(`${reasons.evidence}。`);
    expect(value(decision, 'basis')).toBe(reasons.basis);
    expect(value(decision, 'discretion')).toBe(reasons.discretion);
    expect(value(decision, 'penalty')).toBe('罚款人民币5,000元。');
    expect(value(decision, 'defence')).toBeTruthy();
    const needed = names(decision.needed);
    expect(needed).toEqual(expect.arrayContaining(['facts', 'payment']));
    for (const name of ['partyName', 'evidence', 'basis', 'discretion', 'penalty'])
      expect(needed).not.toContain(name);

    // Case data wins: a filled field passed again is refused, naming it.
    const retyped = await t.request(await as('head1'), {
      method: 'POST',
      url: `/api/cases/${id}/documents`,
      payload: { kind: 'penaltyDecision', data: { facts: '甲', payment: '乙', penalty: '警告' } },
    });
    expect(retyped.statusCode).toBe(400);
    expect(retyped.json().field).toBe('body.data.penalty');

    // Only the needed required fields: the document carries what the case holds.
    const data = Object.fromEntries(
      decision.needed.filter((f) => f.required).map((f) => [f.name, `计划测试${f.name}`]),
    );
    const rendered = ok(
      await t.request(await as('head1'), {
        method: 'POST',
        url: `/api/cases/${id}/documents`,
        payload: { kind: 'penaltyDecision', data },
      }),
    );
    expect(rendered.filled).toEqual(expect.arrayContaining(names(decision.filled)));
    const content = await t.request(await as('head1'), { method: 'GET', url: rendered.contentUrl });
    expect(content.statusCode).toBe(200);
    const text = docxText(content.rawPayload);
    // The document served on the party names it whole where the console shows it masked.
    const whole: Record<string, string> = {
      partyId: first17 + creditCodeCheckChar(first17),
      partyAddress: '示例县城关镇计划路8号',
    };
    for (const { name, value: shown } of decision.filled) expect(text, name).toContain(whole[name] ?? shown);
    expect(text).toContain('计划测试facts');
  });

  it('answers 403 to a role that does not render documents and 404 for another agency’s case', async () => {
    const city = await t.database.db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例市交通运输局')
      .executeTakeFirstOrThrow();
    const cityCaseId = await createCaseFixture(t.database.db, city.id, t.now());
    expect((await get('head1', `/api/cases/${cityCaseId}/documents/kinds`)).statusCode).toBe(404);
    const own = ok(await get('officer1', '/api/cases?pageSize=1')).items[0].id;
    expect((await get('archivist1', `/api/cases/${own}/documents/kinds`)).statusCode).toBe(403);
  });
});

describe('N4 in the 行政处罚事先告知书 (issue 16: the document carries the right, not the next move)', () => {
  const render = async (id: string) =>
    ok(
      await t.request(await as('unithead1'), {
        method: 'POST',
        url: `/api/cases/${id}/documents`,
        payload: {
          kind: 'priorNotice',
          data: { facts: '未携带道路运输证', evidence: '询问笔录', basis: '《道路运输条例》第六十八条' },
        },
      }),
    );

  it('N4: a proposal with a hearing right fills the hearing paragraph, read-only, into the rendered notice', async () => {
    const id = await kit.generalAtNotify(500_000_000); // 5,000,000 yuan to a person
    await step('officer1', id, 'prior-notice', { servedOn: today, hearingRightNotified: true });
    const plan = entry(await planOf('unithead1', id), 'priorNotice');
    expect(value(plan, 'hearingRight')).toContain('有权要求听证');
    expect(names(plan.needed)).not.toContain('hearingRight');
    const text = await kit.documentText((await render(id)).id);
    expect(text).toContain('你（单位）有权要求听证');
    expect(text).toContain('5个工作日内向本机关提出');
  });

  it('N4: without a hearing right the paragraph is not filled', async () => {
    const id = await kit.generalAtNotify(50_000); // 500 yuan
    await step('officer1', id, 'prior-notice', { servedOn: today, hearingRightNotified: false });
    const plan = entry(await planOf('unithead1', id), 'priorNotice');
    expect(value(plan, 'hearingRight')).toBeUndefined();
    const text = await kit.documentText((await render(id)).id);
    expect(text).not.toContain('有权要求听证');
  });
});
