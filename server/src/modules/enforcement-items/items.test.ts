import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../ledger/append.js';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';
import { createItem } from './service.js';

let t: TestApp;
let head: Session;
let reviewer1: Session;
let reviewer2: Session;
let discloser: Session;
let officer: Session;
let supervisor: Session;
const articles = new Map<string, string>();
let otherItemId = '';

beforeAll(async () => {
  t = await createTestApp();
  const usernames = ['head1', 'reviewer1', 'reviewer2', 'discloser1', 'officer1', 'supervisor1'] as const;
  [head, reviewer1, reviewer2, discloser, officer, supervisor] = (await Promise.all(
    usernames.map((u) => t.login(u)),
  )) as [Session, Session, Session, Session, Session, Session];
  const rows = await t.database.db
    .selectFrom('law_article as a')
    .innerJoin('law as l', 'l.id', 'a.law_id')
    .select(['a.id', 'a.number', 'l.short_title', 'l.effective_on'])
    .execute();
  for (const r of rows)
    articles.set(`${r.short_title}${r.effective_on === '2022-05-01' ? '2022' : ''}${r.number}`, r.id);
  // An item of another agency (the city bureau), written as its own staff would.
  const city = await t.database.db
    .selectFrom('agency')
    .select('id')
    .where('name', '=', '示例市交通运输局')
    .executeTakeFirstOrThrow();
  otherItemId = await t.database.db.transaction().execute(async (trx) => {
    const item = await createItem(
      trx,
      (event) => appendEvent(trx, { ...event, actorId: null }, t.now()),
      {
        agencyId: city.id,
        code: 'CITY-001',
        ...content({ name: '市局的执法事项' }),
      },
      { id: null, name: '市局', now: t.now() },
    );
    return item.id;
  });
});
afterAll(() => t.close());

function content(change: Record<string, unknown> = {}) {
  return {
    name: '对道路运输经营者未按规定维护和检测运输车辆的行政处罚',
    type: 'penalty' as const,
    category: '交通运输',
    unitId: null,
    duties: '查处未按规定维护和检测运输车辆的行为。',
    basisArticleIds: [articles.get('道路运输条例第六十三条')!],
    penaltyKinds: ['fine' as const],
    fineMinYuan: 1000,
    fineMaxYuan: 5000,
    penaltyNote: '',
    changeNote: '',
    ...change,
  };
}

let counter = 0;
async function newItem(session: Session = head, change: Record<string, unknown> = {}) {
  counter += 1;
  const response = await t.request(session, {
    method: 'POST',
    url: '/api/enforcement-items',
    payload: { code: `TEST-${counter}`, ...content(change) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; code: string };
}
const post = (session: Session, id: string, action: string, payload?: object) =>
  t.request(session, {
    method: 'POST',
    url: `/api/enforcement-items/${id}/${action}`,
    ...(payload && { payload }),
  });
const review = (session: Session, id: string, result: 'passed' | 'failed', opinion = '依据准确，同意') =>
  post(session, id, 'legality-reviews', { result, opinion });
const get = async (session: Session, id: string, query = '') =>
  t.request(session, { method: 'GET', url: `/api/enforcement-items/${id}${query}` });
const ledgerKinds = async (id: string) =>
  (
    await t.database.db
      .selectFrom('ledger_event')
      .select('kind')
      .where('stream_id', '=', `enforcementItem:${id}`)
      .orderBy('seq')
      .execute()
  ).map((e) => e.kind);

describe('P3: the demo power list', () => {
  it('P3: lists the county items with their status tags and 待修订', async () => {
    const response = await t.request(officer, { method: 'GET', url: '/api/enforcement-items' });
    const items = response.json().items as {
      code: string;
      status: string;
      needsRevision: boolean;
      pendingVersion: number | null;
      current: { basisText: string };
    }[];
    const byCode = new Map(items.map((i) => [i.code, i]));
    expect(items).toHaveLength(10);
    expect(byCode.get('JT-CF-004')!.status).toBe('draft');
    expect(byCode.get('JT-JC-002')!.status).toBe('withdrawn');
    expect(byCode.get('JT-CF-001')).toMatchObject({
      status: 'published',
      needsRevision: false,
      current: { basisText: '《道路运输条例》（2023-07-20施行）第六十三条' },
    });
    expect(byCode.get('JT-JC-001')).toMatchObject({
      status: 'published',
      needsRevision: true,
      pendingVersion: 2,
    });
    const filtered = await t.request(officer, {
      method: 'GET',
      url: '/api/enforcement-items?status=needsRevision',
    });
    expect(filtered.json().items.map((i: { code: string }) => i.code)).toEqual(['JT-JC-001']);
    const byType = await t.request(officer, { method: 'GET', url: '/api/enforcement-items?type=coercion' });
    expect(byType.json().items.map((i: { code: string }) => i.code)).toEqual(['JT-QZ-001', 'JT-QZ-002']);
  });
});

describe('P3: the legality review gate', () => {
  it('P3: no publication without a passed legality review of the current text', async () => {
    const item = await newItem();
    expect((await post(head, item.id, 'submit')).statusCode).toBe(200);
    const unreviewed = await post(discloser, item.id, 'publish');
    expect(unreviewed.statusCode).toBe(422);
    expect(unreviewed.json().message).toBe('该版本尚未经过合法性审核，不能发布');

    expect((await review(reviewer1, item.id, 'failed', '罚款幅度与条文不符')).statusCode).toBe(201);
    const failed = await post(discloser, item.id, 'publish');
    expect(failed.statusCode).toBe(422);
    expect(failed.json().message).toContain('罚款幅度与条文不符');

    const passed = await review(reviewer2, item.id, 'passed');
    expect(passed.statusCode, passed.body).toBe(201);
    expect(passed.json().legalityReview).toEqual({
      passed: true,
      state: 'passed',
      message: '合法性审核已通过',
    });
    expect(
      passed.json().reviews.map((r: { result: string; current: boolean }) => [r.result, r.current]),
    ).toEqual([
      ['failed', true],
      ['passed', true],
    ]);
    const published = await post(discloser, item.id, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect(await ledgerKinds(item.id)).toEqual([
      'enforcementItem.created',
      'publication.submitted',
      'enforcementItem.legalityReviewed',
      'enforcementItem.legalityReviewed',
      'publication.published',
    ]);
  });

  it('P3: an edit after the review voids it', async () => {
    const item = await newItem();
    await review(reviewer1, item.id, 'passed');
    const edited = await t.request(head, {
      method: 'PUT',
      url: `/api/enforcement-items/${item.id}`,
      payload: content({ duties: '改过的职责。' }),
    });
    expect(edited.json()).toMatchObject({ latestVersion: 1, current: { revision: 2 } });
    expect(edited.json().legalityReview.message).toContain('重新进行合法性审核');
    await post(head, item.id, 'submit');
    expect((await post(discloser, item.id, 'publish')).statusCode).toBe(422);
  });

  it('P3: whoever drafted or last edited a version cannot review it', async () => {
    const item = await newItem(reviewer1);
    const own = await review(reviewer1, item.id, 'passed');
    expect(own.statusCode).toBe(422);
    expect(own.json().message).toContain('起草或修改该版本的人员不能审核');
    expect((await review(reviewer2, item.id, 'passed')).statusCode).toBe(201);
  });

  it('P3: the database refuses to publish a version without a passed review', async () => {
    const item = await newItem();
    await post(head, item.id, 'submit');
    await expect(
      sql`UPDATE publication SET state = 'published', published_at = now()
          WHERE subject_id = ${item.id}::uuid`.execute(t.database.db),
    ).rejects.toThrow(/legality review/);
  });

  it('P3: only legal reviewers review, only the disclosure officer publishes', async () => {
    const item = await newItem();
    expect((await review(head, item.id, 'passed')).statusCode).toBe(403);
    await review(reviewer1, item.id, 'passed');
    await post(head, item.id, 'submit');
    expect((await post(head, item.id, 'publish')).statusCode).toBe(403);
    expect((await post(officer, item.id, 'submit')).statusCode).toBe(403);
  });
});

describe('P1, P11: publication transitions', () => {
  it('P11: refused moves answer 409 naming the state', async () => {
    const item = await newItem();
    const withdrawDraft = await post(discloser, item.id, 'withdraw', { reason: '测试' });
    expect(withdrawDraft.statusCode).toBe(409);
    expect(withdrawDraft.json().message).toContain('当前状态为“草稿”，不能撤下');
    expect((await post(discloser, item.id, 'return', { reason: '测试' })).statusCode).toBe(409);
    await post(head, item.id, 'submit');
    const twice = await post(head, item.id, 'submit');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('当前状态为“待审核”，不能提交审核');
    const edit = await t.request(head, {
      method: 'PUT',
      url: `/api/enforcement-items/${item.id}`,
      payload: content(),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain('“待审核”');
    expect((await review(reviewer1, item.id, 'passed')).statusCode).toBe(201);
  });

  it('P1: the disclosure officer returns a submission with a reason; it is a draft again', async () => {
    const item = await newItem();
    await post(head, item.id, 'submit');
    const noReason = await post(discloser, item.id, 'return', { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('body.reason');
    const returned = await post(discloser, item.id, 'return', { reason: '职责表述不完整' });
    expect(returned.json()).toMatchObject({ status: 'draft', actions: { publish: false, return: false } });
    expect(returned.json().history.map((h: { action: string; note: string }) => [h.action, h.note])).toEqual([
      ['drafted', ''],
      ['submitted', ''],
      ['returned', '职责表述不完整'],
    ]);
  });

  it('P3, P11: editing a published item makes a new version; publishing it is a correction with a note', async () => {
    const item = await newItem();
    await review(reviewer1, item.id, 'passed');
    await post(head, item.id, 'submit');
    await post(discloser, item.id, 'publish');

    const edited = await t.request(head, {
      method: 'PUT',
      url: `/api/enforcement-items/${item.id}`,
      payload: content({ fineMaxYuan: 8000, changeNote: '罚款上限按新规调整' }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      status: 'published',
      latestVersion: 2,
      publishedVersion: 1,
      pendingVersion: 2,
      current: { version: 2, state: 'draft', fineMaxYuan: 8000 },
      published: { version: 1, fineMaxYuan: 5000 },
    });
    const code = await t.request(head, {
      method: 'PUT',
      url: `/api/enforcement-items/${item.id}`,
      payload: { ...content(), code: 'RENAMED' },
    });
    expect(code.statusCode).toBe(409);
    expect(code.json().field).toBe('body.code');

    await review(reviewer2, item.id, 'passed');
    await post(head, item.id, 'submit');
    const noNote = await post(discloser, item.id, 'publish', {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().field).toBe('body.correctionNote');
    const corrected = await post(discloser, item.id, 'publish', { correctionNote: '罚款上限更正为8000元' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(
      corrected.json().versions.map((v: { version: number; state: string }) => [v.version, v.state]),
    ).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    const old = await get(officer, item.id, '?version=1');
    expect(old.json().selected).toMatchObject({ version: 1, state: 'superseded', fineMaxYuan: 5000 });
    expect((await get(officer, item.id, '?version=9')).statusCode).toBe(404);
    const kinds = await ledgerKinds(item.id);
    expect(kinds.slice(-4)).toEqual([
      'enforcementItem.edited',
      'enforcementItem.legalityReviewed',
      'publication.submitted',
      'publication.corrected',
    ]);
  });

  it('P10: the disclosure officer withdraws a published item with a reason', async () => {
    const item = await newItem();
    await review(reviewer1, item.id, 'passed');
    await post(head, item.id, 'submit');
    await post(discloser, item.id, 'publish');
    const noReason = await post(discloser, item.id, 'withdraw', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('body.reason');
    const withdrawn = await post(discloser, item.id, 'withdraw', { reason: '职权已调整' });
    expect(withdrawn.json()).toMatchObject({
      status: 'withdrawn',
      current: { withdrawalReason: '职权已调整' },
    });
    expect((await ledgerKinds(item.id)).at(-1)).toBe('publication.withdrawn');
    const again = await post(discloser, item.id, 'withdraw', { reason: '再撤' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('当前状态为“已撤下”');
    // Editing a withdrawn item starts a new draft version.
    const edited = await t.request(head, {
      method: 'PUT',
      url: `/api/enforcement-items/${item.id}`,
      payload: content(),
    });
    expect(edited.json()).toMatchObject({ latestVersion: 2, status: 'draft' });
  });
});

describe('P3: bad input names the field', () => {
  it.each([
    [{ basisArticleIds: [] }, 400, 'body.basisArticleIds'],
    [{ basisArticleIds: ['00000000-0000-4000-8000-000000000000'] }, 400, 'body.basisArticleIds'],
    [{ penaltyKinds: [] }, 400, 'body.penaltyKinds'],
    [{ fineMinYuan: 9000, fineMaxYuan: 100 }, 400, 'body.fineMaxYuan'],
    [{ type: 'inspection' }, 400, 'body.penaltyKinds'],
    [{ category: '不存在的类别' }, 400, 'body.category'],
    [{ name: '' }, 400, 'body.name'],
  ])('%j → %i %s', async (change, status, field) => {
    const response = await t.request(head, {
      method: 'POST',
      url: '/api/enforcement-items',
      payload: { code: 'BAD-1', ...content(change) },
    });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().field).toBe(field);
  });

  it('a unit of another agency and a duplicate code', async () => {
    const cityUnit = await t.database.db
      .insertInto('unit')
      .values({
        agency_id: (
          await t.database.db
            .selectFrom('agency')
            .select('id')
            .where('name', '=', '示例市交通运输局')
            .executeTakeFirstOrThrow()
        ).id,
        name: '市局某科',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await t.request(head, {
      method: 'POST',
      url: '/api/enforcement-items',
      payload: { code: 'BAD-2', ...content({ unitId: cityUnit.id }) },
    });
    expect(unit.json().field).toBe('body.unitId');
    const duplicate = await t.request(head, {
      method: 'POST',
      url: '/api/enforcement-items',
      payload: { code: 'JT-CF-001', ...content() },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().field).toBe('body.code');
  });
});

describe('scope', () => {
  it('another agency’s item is 404 for reading and every change', async () => {
    expect((await get(head, otherItemId)).statusCode).toBe(404);
    expect(
      (
        await t.request(head, {
          method: 'PUT',
          url: `/api/enforcement-items/${otherItemId}`,
          payload: content(),
        })
      ).statusCode,
    ).toBe(404);
    expect((await review(reviewer1, otherItemId, 'passed')).statusCode).toBe(404);
    expect((await post(head, otherItemId, 'submit')).statusCode).toBe(404);
    expect((await post(discloser, otherItemId, 'publish', {})).statusCode).toBe(404);
    const list = await t.request(head, { method: 'GET', url: '/api/enforcement-items' });
    expect(list.body).not.toContain(otherItemId);
  });

  it('the supervising justice bureau reads the county list but changes nothing', async () => {
    const list = await t.request(supervisor, { method: 'GET', url: '/api/enforcement-items' });
    expect(list.json().items.some((i: { code: string }) => i.code === 'JT-CF-001')).toBe(true);
    expect(list.json().actions.create).toBe(false);
  });
});
