import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let reviewer: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  reviewer = await t.login('reviewer1');
  officer = await t.login('officer1');
});
afterAll(() => t.close());

interface Law {
  id: string;
  title: string;
  effectiveOn: string;
  status: string;
  statusLabel: string;
  articleCount: number;
}

const laws = async (session: Session, query = '') =>
  (await t.request(session, { method: 'GET', url: `/api/laws${query}` })).json().items as Law[];
const lawNamed = async (title: string, effectiveOn?: string) =>
  (await laws(reviewer)).find((l) => l.title === title && (!effectiveOn || l.effectiveOn === effectiveOn))!;
const ledgerKinds = async (streamId: string) =>
  (
    await t.database.db
      .selectFrom('ledger_event')
      .select('kind')
      .where('stream_id', '=', streamId)
      .orderBy('seq')
      .execute()
  ).map((e) => e.kind);

describe('P3: the law library', () => {
  it('P3: lists the demo texts with their status today; an amended revision says so', async () => {
    const items = await laws(officer);
    const penalty = items.find((l) => l.title === '中华人民共和国行政处罚法')!;
    expect(penalty).toMatchObject({ status: 'inForce', statusLabel: '现行有效', articleCount: 8 });
    const old = items.find(
      (l) => l.title === '中华人民共和国道路运输条例' && l.effectiveOn === '2022-05-01',
    )!;
    expect(old).toMatchObject({ status: 'amended', statusLabel: '已被修改' });
    expect((await laws(officer, '?status=amended')).map((l) => l.id)).toEqual([old.id]);
    expect((await laws(officer, `?q=${encodeURIComponent('行政强制')}`)).map((l) => l.title)).toEqual([
      '中华人民共和国行政强制法',
    ]);
  });

  it('P3: shows a text with its articles in order, each with its anchor', async () => {
    const penalty = await lawNamed('中华人民共和国行政处罚法');
    const detail = (await t.request(officer, { method: 'GET', url: `/api/laws/${penalty.id}` })).json();
    expect(detail.articles.map((a: { number: string }) => a.number)).toEqual([
      '第九条',
      '第三十三条',
      '第三十六条',
      '第四十二条',
      '第四十四条',
      '第五十一条',
      '第六十三条',
      '第六十四条',
    ]);
    expect(detail.articles[4]).toMatchObject({ anchor: 'article-44', ordinal: 4400 });
    expect(detail.articles[4].text).toContain('陈述、申辩、要求听证等权利');
    expect(detail.documentNumber).toBe('中华人民共和国主席令第七十号');
    const transport = await lawNamed('中华人民共和国道路运输条例', '2022-05-01');
    const old = (await t.request(officer, { method: 'GET', url: `/api/laws/${transport.id}` })).json();
    expect(old.supersededByLaw).toMatchObject({ effectiveOn: '2023-07-20' });
    expect(old.otherRevisions).toHaveLength(1);
  });

  it('P3: finds articles for the picker by title and number', async () => {
    const response = await t.request(officer, {
      method: 'GET',
      url: `/api/law-articles?q=${encodeURIComponent('道路运输条例 第六十三条')}`,
    });
    const [first] = response.json().items;
    expect(first).toMatchObject({
      number: '第六十三条',
      law: { shortTitle: '道路运输条例', status: 'inForce' },
    });
  });
});

describe('P3: keeping the library', () => {
  let lawId = '';
  const base = {
    kind: 'localGovernmentRule',
    title: '示例省道路运输管理办法',
    issuingBody: '示例省人民政府',
    promulgatedOn: '2024-01-10',
    effectiveOn: '2024-03-01',
  };

  it('P3: a legal reviewer enters a text; the short title drops nothing it need not', async () => {
    const response = await t.request(reviewer, { method: 'POST', url: '/api/laws', payload: base });
    expect(response.statusCode, response.body).toBe(201);
    lawId = response.json().id;
    expect(response.json()).toMatchObject({ shortTitle: '示例省道路运输管理办法', status: 'inForce' });
    expect(await ledgerKinds(`law:${lawId}`)).toEqual(['law.created']);
  });

  it('bad input names the field', async () => {
    const cases: [unknown, number, string][] = [
      [{ ...base, effectiveOn: '2024-01-01' }, 400, 'body.effectiveOn'],
      [base, 409, 'body.effectiveOn'],
      [{ ...base, title: '示例法', kind: 'decree' }, 400, 'body.kind'],
      [{ ...base, title: '示例法', amendedOn: '2020-01-01' }, 400, 'body.amendedOn'],
      [
        { ...base, title: '示例法', supersededBy: '00000000-0000-4000-8000-000000000000' },
        400,
        'body.supersededBy',
      ],
    ];
    for (const [payload, status, field] of cases) {
      const response = await t.request(reviewer, {
        method: 'POST',
        url: '/api/laws',
        payload: payload as object,
      });
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().field).toBe(field);
    }
  });

  it('only the legal unit and the system administrator keep the library', async () => {
    const response = await t.request(officer, { method: 'POST', url: '/api/laws', payload: base });
    expect(response.statusCode).toBe(403);
  });

  it('P3: adds an article, deriving its ordinal from the number; refuses a duplicate', async () => {
    const add = (payload: object) =>
      t.request(reviewer, { method: 'POST', url: `/api/laws/${lawId}/articles`, payload });
    const first = await add({ number: '第十条之一', text: '插入的条文。' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ ordinal: 1001, anchor: 'article-10-1' });
    const duplicate = await add({ number: '第十条之一', text: '再来一次。' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().field).toBe('body.number');
    const odd = await add({ number: '附则', text: '没有条号。' });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().field).toBe('body.ordinal');
    const withOrdinal = await add({ number: '附则', ordinal: 99_000, text: '排序号由人填写。' });
    expect(withOrdinal.statusCode).toBe(201);
    const edited = await t.request(reviewer, {
      method: 'PATCH',
      url: `/api/law-articles/${first.json().id}`,
      payload: { text: '修改后的条文。' },
    });
    expect(edited.json()).toMatchObject({ text: '修改后的条文。', number: '第十条之一' });
  });

  it('P3: bulk-pastes articles split at 第…条: preview, write, refuse overwriting unless asked', async () => {
    const text =
      '示例省道路运输管理办法\n第一章 总则\n第一条 为了规范道路运输管理，制定本办法。\n第二条　本办法适用于本省行政区域。\n前款另有规定的除外。\n';
    const bulk = (payload: object) =>
      t.request(reviewer, { method: 'POST', url: `/api/laws/${lawId}/articles/bulk`, payload });
    const preview = await bulk({ text, dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      added: ['第一条', '第二条'],
      skipped: ['示例省道路运输管理办法', '第一章 总则'],
    });
    expect(preview.json().articles[1].text).toBe('本办法适用于本省行政区域。\n前款另有规定的除外。');
    let detail = (await t.request(reviewer, { method: 'GET', url: `/api/laws/${lawId}` })).json();
    expect(detail.articles).toHaveLength(2);

    expect((await bulk({ text })).statusCode).toBe(200);
    detail = (await t.request(reviewer, { method: 'GET', url: `/api/laws/${lawId}` })).json();
    expect(detail.articles.map((a: { number: string }) => a.number)).toEqual([
      '第一条',
      '第二条',
      '第十条之一',
      '附则',
    ]);

    const again = await bulk({ text: text.replace('本省', '示例省') });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ field: 'body.overwrite' });
    const overwritten = await bulk({ text: text.replace('本省', '示例省'), overwrite: true });
    expect(overwritten.json()).toMatchObject({ added: [], updated: ['第二条'] });
    const empty = await bulk({ text: '没有条文的文字' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().field).toBe('body.text');
    expect(await ledgerKinds(`law:${lawId}`)).toEqual([
      'law.created',
      'law.articlesChanged',
      'law.articlesChanged',
      'law.articlesChanged',
      'law.articlesChanged',
      'law.articlesChanged',
    ]);
  });

  it('P3: marking a text repealed flags the items that cite it 待修订', async () => {
    const items = async () =>
      (await t.request(officer, { method: 'GET', url: '/api/enforcement-items' })).json().items as {
        code: string;
        needsRevision: boolean;
        outdatedCitations: string[];
      }[];
    expect((await items()).find((i) => i.code === 'JT-QT-001')!.needsRevision).toBe(false);
    const penalty = await lawNamed('中华人民共和国行政处罚法');
    const repealed = await t.request(reviewer, {
      method: 'PATCH',
      url: `/api/laws/${penalty.id}`,
      payload: { repealedOn: '2026-11-01' },
    });
    expect(repealed.statusCode, repealed.body).toBe(200);
    expect(repealed.json()).toMatchObject({ status: 'repealed', statusLabel: '已废止' });
    const flagged = (await items()).find((i) => i.code === 'JT-QT-001')!;
    expect(flagged.needsRevision).toBe(true);
    expect(flagged.outdatedCitations).toEqual([
      '《行政处罚法》第六十三条（已废止）',
      '《行政处罚法》第六十四条（已废止）',
    ]);
    await t.request(reviewer, {
      method: 'PATCH',
      url: `/api/laws/${penalty.id}`,
      payload: { repealedOn: null },
    });
    expect((await items()).find((i) => i.code === 'JT-QT-001')!.needsRevision).toBe(false);
  });
});
