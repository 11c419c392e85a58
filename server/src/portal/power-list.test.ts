import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/harness.js';

let t: TestApp;
const ids = new Map<string, string>();
const laws = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const item of await t.database.db.selectFrom('enforcement_item').select(['id', 'code']).execute())
    ids.set(item.code, item.id);
  for (const law of await t.database.db
    .selectFrom('law')
    .select(['id', 'short_title', 'effective_on'])
    .execute())
    laws.set(`${law.short_title}${law.effective_on}`, law.id);
});
afterAll(() => t.close());

const page = (url: string, cookies?: Record<string, string>) =>
  t.app.inject({ method: 'GET', url, ...(cookies && { cookies }) });
const search = async (q: string) => (await page(`/items?q=${encodeURIComponent(q)}`)).body;

describe('P12: searching the published power list (JavaScript off)', () => {
  it('P12: finds items by name, code and basis', async () => {
    const html = await search('道路运输经营');
    expect(html).toContain('对未取得道路运输经营许可擅自从事道路运输经营的行政处罚');
    expect(html).toContain('共 1 项执法事项');
    expect(await search('jt-qz-002')).toContain('对超载道路运输车辆予以制止并安排旅客改乘或者强制卸货');
    const byLaw = await search('行政强制法');
    expect(byLaw).toContain('扣押（暂扣）没有车辆营运证又无法当场提供其他有效证明的车辆');
    expect(byLaw).toContain('共 1 项执法事项');
    expect(await search('第六十四条')).toContain('行政处罚听证的组织');
    expect(await search('道路运输条例 第七十一条')).toContain('共 1 项执法事项');
    const coercion = (await page('/items?type=coercion')).body;
    expect(coercion).toContain('共 2 项执法事项');
    expect((await search('没有这样的事项')).includes('没有找到符合条件的执法事项')).toBe(true);
  });

  it('P12: the list links each citation to its article on the law page', async () => {
    const html = (await page('/items')).body;
    const law = laws.get('道路运输条例2023-07-20')!;
    expect(html).toContain(`href="/laws/${law}#article-63"`);
    expect(html).toContain('《道路运输条例》第六十三条');
    expect(html).toContain(`<a href="/items/${ids.get('JT-CF-001')}">`);
  });

  it('P12: has landmarks, a labelled search form that works without JavaScript, and 长者模式', async () => {
    const response = await page('/items', { zhifa_elder: '1' });
    const html = response.body;
    expect(response.headers['cache-control']).toBe('no-store');
    for (const landmark of ['<header', '<nav aria-label="主导航"', '<main id="main"', '<footer', '<search'])
      expect(html).toContain(landmark);
    expect(html).toContain('<form class="search" action="/items" method="get">');
    expect(html).toContain('<label for="item-search">');
    expect(html).toContain('<label for="item-type">');
    expect(html).toContain('<body class="elder"');
    expect(html).toContain('<a href="/items" aria-current="page">');
    expect(html).not.toContain('<script');
  });

  it('P12: the home page links to the power list and the laws', async () => {
    const html = (await page('/')).body;
    expect(html).toContain('href="/items"');
    expect(html).toContain('href="/laws"');
  });

  it('odd input never fails the page', async () => {
    for (const q of ['%', '_', '\\', "'", '%00'])
      expect((await page(`/items?q=${encodeURIComponent(q)}`)).statusCode, q).toBe(200);
    expect((await page('/items?type=')).statusCode).toBe(200);
    expect((await page('/items?type=nonsense')).statusCode).toBe(400);
    expect((await page('/items?page=0')).statusCode).toBe(400);
    expect((await page('/items/not-an-id')).statusCode).toBe(404);
    expect((await page('/laws/not-an-id')).statusCode).toBe(404);
  });
});

describe('P3: an item’s public page', () => {
  it('P3: shows basis articles with links, duties, penalty range, unit, version and date', async () => {
    const response = await page(`/items/${ids.get('JT-CF-001')}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    const law = laws.get('道路运输条例2023-07-20')!;
    for (const shown of [
      '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚',
      `href="/laws/${law}#article-63"`,
      '《中华人民共和国道路运输条例》第六十三条',
      '未取得道路运输经营许可，擅自从事道路运输经营的',
      '查处未取得道路运输经营许可擅自从事道路运输经营的行为',
      '罚款、没收违法所得',
      '3万元以上10万元以下',
      '示例县交通运输局',
      '综合行政执法大队',
      '第 1 版，2026年11月24日 发布',
    ])
      expect(html).toContain(shown);
  });

  it('P3: an item citing an amended text says so next to the citation', async () => {
    const html = (await page(`/items/${ids.get('JT-JC-001')}`)).body;
    expect(html).toContain(`href="/laws/${laws.get('道路运输条例2022-05-01')}#article-59"`);
    expect(html).toContain('<span class="tag">已被修改</span>');
  });
});

describe('P17: nothing unpublished leaks', () => {
  it('P17: drafts, withdrawn items, pending versions, reviews and drafters never show', async () => {
    const list = (await page('/items')).body;
    expect(list).toContain('共 8 项执法事项');
    expect(list).not.toContain('对机动车驾驶员培训机构'); // a draft
    expect(list).not.toContain('对道路运输经营场所和客货集散地的监督检查'); // withdrawn
    expect((await page(`/items/${ids.get('JT-CF-004')}`)).statusCode).toBe(404);
    expect((await page(`/items/${ids.get('JT-JC-002')}`)).statusCode).toBe(404);
    const outdated = (await page(`/items/${ids.get('JT-JC-001')}`)).body;
    expect(outdated).toContain('第 1 版');
    expect(outdated).not.toContain('依据更新为2023年修订'); // the pending version's change note
    expect(outdated).not.toContain('#article-60'); // the pending version's basis
    for (const url of ['/items', `/items/${ids.get('JT-CF-001')}`, `/items/${ids.get('JT-JC-001')}`]) {
      const html = (await page(url)).body;
      for (const secret of ['周审核', '郑局长', '王公示', '主体适格', '审核通过', '草稿'])
        expect(html, `${url} shows ${secret}`).not.toContain(secret);
    }
  });

  it('P10, P17: a withdrawal removes the item on the next load; a correction shows its note and history', async () => {
    const discloser: Session = await t.login('discloser1');
    const reviewer: Session = await t.login('reviewer2');
    const head: Session = await t.login('head1');
    const id = ids.get('JT-JC-001')!;
    await t.request(reviewer, {
      method: 'POST',
      url: `/api/enforcement-items/${id}/legality-reviews`,
      payload: { result: 'passed', opinion: '依据已更新，同意' },
    });
    await t.request(head, { method: 'POST', url: `/api/enforcement-items/${id}/submit` });
    const corrected = await t.request(discloser, {
      method: 'POST',
      url: `/api/enforcement-items/${id}/publish`,
      payload: { correctionNote: '设定依据更新为2023年修订的《道路运输条例》' },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const html = (await page(`/items/${id}`)).body;
    expect(html).toContain('第 2 版，2026年11月24日 发布');
    expect(html).toContain('设定依据更新为2023年修订的《道路运输条例》');
    expect(html).toContain('第 1 版：2026年11月24日 发布，2026年11月24日 被更正');
    expect(html).toContain('#article-60');
    expect(html).not.toContain('已被修改');

    const penalty = ids.get('JT-CF-001')!;
    expect((await page(`/items/${penalty}`)).statusCode).toBe(200);
    await t.request(discloser, {
      method: 'POST',
      url: `/api/enforcement-items/${penalty}/withdraw`,
      payload: { reason: '职权调整' },
    });
    expect((await page(`/items/${penalty}`)).statusCode).toBe(404);
    expect(await search('JT-CF-001')).toContain('共 0 项执法事项');
  });
});

describe('the public law library', () => {
  it('lists the texts with their status and shows each article under its anchor', async () => {
    const list = (await page('/laws')).body;
    expect(list).toContain('中华人民共和国行政处罚法');
    expect(list).toContain('已被修改');
    expect(list).toContain('<label for="law-search">');
    const html = (await page(`/laws/${laws.get('行政处罚法2021-07-15')}`)).body;
    expect(html).toContain('<article id="article-44" class="article" aria-labelledby="article-44-h">');
    expect(html).toContain('<h3 id="article-44-h">第四十四条</h3>');
    expect(html).toContain('中华人民共和国主席令第七十号');
    const old = (await page(`/laws/${laws.get('道路运输条例2022-05-01')}`)).body;
    expect(old).toContain('<strong>已被修改</strong>');
    expect(old).toContain(`href="/laws/${laws.get('道路运输条例2023-07-20')}"`);
  });
});
