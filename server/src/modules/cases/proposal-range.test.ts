/**
 * Issue 17 (X4): a proposed fine never leaves the range the law allows for the violation — the
 * linked enforcement item's 罚则, with the articles it cites named in the refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTestKit, ok, refused } from '../../test/case-kit.js';
import type { TestApp } from '../../test/harness.js';

const kit = caseTestKit('幅度测试');
let t: TestApp;

beforeAll(async () => {
  t = await kit.start();
  kit.at('2026-06-01');
});
afterAll(() => t.close());

const itemNamed = async (name: string) =>
  (
    await t.database.db
      .selectFrom('enforcement_item_version')
      .select('item_id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).item_id;
const unlicensed = '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚';

describe('the violation as an item of the 权责清单 (issue 17)', () => {
  it('a case registered without it names it later; the page shows the fine by law and the articles, linked', async () => {
    const id = await kit.register();
    expect(ok(await kit.get('officer1', `/api/cases/${id}`)).item).toBeNull();
    const version = ok(await kit.get('officer1', `/api/cases/${id}`)).version;
    const page = ok(
      await t.request(await kit.as('officer1'), {
        method: 'PUT',
        url: `/api/cases/${id}/item`,
        payload: { version, enforcementItemId: await itemNamed(unlicensed) },
      }),
    );
    expect(page.item).toMatchObject({ name: unlicensed, fineMinYuan: 30_000, fineMaxYuan: 100_000 });
    expect(page.item.basis.length).toBeGreaterThan(0);
    for (const article of page.item.basis) {
      expect(article.citation).toMatch(/^《[^》]+》第[^条]+条/);
      expect(article.url).toMatch(/^\/laws\/[0-9a-f-]+#article-\d+$/);
      expect(article.text.length).toBeGreaterThan(0);
    }
    expect((await kit.ledgerOf(id)).some((e) => e.kind === 'case.itemLinked')).toBe(true);
  });

  it('an item of another agency, or none, is not found; nothing changes', async () => {
    const id = await kit.register();
    const version = ok(await kit.get('officer1', `/api/cases/${id}`)).version;
    const response = await t.request(await kit.as('officer1'), {
      method: 'PUT',
      url: `/api/cases/${id}/item`,
      payload: { version, enforcementItemId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(response.statusCode).toBe(404);
    expect(ok(await kit.get('officer1', `/api/cases/${id}`)).version).toBe(version);
  });
});

describe('X4: the proposal inside the fine the item’s 罚则 allows (issue 17)', () => {
  it('5,000,000 yuan for unlicensed operation is refused naming the range and the articles; 50,000 is accepted', async () => {
    const id = await kit.register({ enforcementItemId: await itemNamed(unlicensed) });
    ok(await kit.step('officer1', id, 'officers', kit.team(['officer1', 'lead'], ['officer2', 'assisting'])));
    ok(await kit.move('officer1', id, 'register', 'register'));
    await kit.approveRegistration(id);
    ok(await kit.move('unithead1', id, 'investigate'));
    const refusal = refused(
      await kit.step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen: 500_000_000 } }),
      'X4',
    );
    expect(refusal.message).toContain('超出法定幅度');
    expect(refusal.message).toContain('30,000元至100,000元');
    expect(refusal.message).toMatch(/《[^》]+》第[^条]+条/);
    refused(
      await kit.step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen: 100_000 } }),
      'X4',
    );
    ok(await kit.step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen: 5_000_000 } }));
  });
});
