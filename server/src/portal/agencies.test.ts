/**
 * The public agency pages (P2), reviewer list (P7, L2) and window boards (P8) as
 * a browser without JavaScript gets them: plain HTML, landmarks, headings,
 * labelled tables, 长者模式, and nothing personal beyond what the rule names.
 */
import { idNumberCheckChar } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/harness.js';

let t: TestApp;
let admin: Session;
let countyId = '';
const idNumber = (() => {
  const first17 = '99012119870707123';
  return first17 + idNumberCheckChar(first17);
})();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const { db } = t.database;
  countyId = (
    await db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例县交通运输局')
      .executeTakeFirstOrThrow()
  ).id;
  const profile = await t.request(admin, {
    method: 'PUT',
    url: `/api/agencies/${countyId}/profile`,
    payload: {
      legalBasis:
        '《中华人民共和国道路运输条例》第七条\n《行政处罚法》第六十三条、第九十九条\n《示例省道路运输条例》第五条',
      duties: '负责全县道路运输市场监督管理。\n负责全县交通运输综合行政执法。',
      address: '示例县示例大道 8 号',
      phone: '0000-0000011',
      officeHours: '工作日 8:30—12:00，14:30—17:30',
      supervisionPhone: '0000-0000012',
      supervisionEmail: 'jiandu@example.invalid',
      reconsiderationBody: '示例县人民政府',
      litigationCourt: '示例县人民法院',
    },
  });
  expect(profile.statusCode, profile.body).toBe(200);
  const units = (await t.request(admin, { method: 'GET', url: '/api/units' })).json().items;
  const legal = units.find((u: { name: string }) => u.name === '法制审核股');
  const person = await t.request(admin, {
    method: 'POST',
    url: '/api/persons',
    payload: { name: '公示审核员', kind: 'reviewer', idNumber, unitId: legal.id, position: '股长' },
  });
  const registered = await t.request(admin, {
    method: 'POST',
    url: '/api/reviewers',
    payload: { personId: person.json().id, membership: 'staff', qualification: '法律职业资格（A证）' },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  const persons = await db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('agency_id', '=', countyId)
    .execute();
  const board = await t.request(admin, {
    method: 'POST',
    url: '/api/window-boards',
    payload: {
      name: '公示测试窗口',
      unitId: legal.id,
      enforcementTypes: ['licensing'],
      services: ['道路旅客运输经营许可', '出租汽车驾驶员从业资格注册'],
      officeHours: '工作日 9:00—17:00',
      phone: '0000-0000013',
      location: '政务服务中心一楼 8 号',
      staff: [{ personId: persons.find((p) => p.name === '钱执法')!.id, duty: '受理' }],
    },
  });
  expect(board.statusCode, board.body).toBe(201);
});
afterAll(() => t.close());

const page = (url: string, cookies?: Record<string, string>) =>
  t.app.inject({ method: 'GET', url, ...(cookies && { cookies }) });

function expectAccessible(html: string) {
  for (const landmark of ['<header', '<nav aria-label="主导航"', '<main id="main"', '<footer', '<h1>'])
    expect(html).toContain(landmark);
  expect(html).not.toContain('<script');
}

describe('P2: agency pages', () => {
  it('P2: /agencies lists every agency with a link to its profile', async () => {
    const response = await page('/agencies');
    expect(response.statusCode).toBe(200);
    expectAccessible(response.body);
    for (const name of ['示例省交通运输厅', '示例县交通运输局', '示例县司法局'])
      expect(response.body).toContain(name);
    expect(response.body).toContain(`href="/agencies/${countyId}"`);
    expect(response.body).toContain('<a href="/agencies" aria-current="page">');
    expect((await page('/')).body).toContain(`href="/agencies/${countyId}"`);
  });

  it('P2: the profile shows basis, duties, contact, supervision and remedy channels, and links', async () => {
    const response = await page(`/agencies/${countyId}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expectAccessible(html);
    for (const shown of [
      '<h1>示例县交通运输局</h1>',
      '<p>负责全县交通运输综合行政执法。</p>',
      '示例县示例大道 8 号',
      '0000-0000011',
      '工作日 8:30—12:00，14:30—17:30',
      '0000-0000012',
      'mailto:jiandu@example.invalid',
      '示例县司法局',
      '示例县人民政府',
      '示例县人民法院',
      '六十日内申请行政复议',
      `/agencies/${countyId}/reviewers`,
      `/items?agency=${countyId}`,
      `/agencies/${countyId}/windows`,
      `/officers?q=${encodeURIComponent('示例县交通运输局')}`,
    ])
      expect(html, shown).toContain(shown);
    // Citations of texts in the law library link to them; what the library lacks stays text.
    const { db } = t.database;
    const transport = await db
      .selectFrom('law')
      .select('id')
      .where('title', '=', '中华人民共和国道路运输条例')
      .orderBy('effective_on', 'desc')
      .executeTakeFirstOrThrow();
    const penalty = await db
      .selectFrom('law')
      .select('id')
      .where('title', '=', '中华人民共和国行政处罚法')
      .executeTakeFirstOrThrow();
    expect(html).toContain(`<p><a href="/laws/${transport.id}">《中华人民共和国道路运输条例》</a>第七条</p>`);
    expect(html).toContain(
      `<p><a href="/laws/${penalty.id}">《行政处罚法》</a><a href="/laws/${penalty.id}#article-63">第六十三条</a>、第九十九条</p>`,
    );
    expect(html).toContain('<p>《示例省道路运输条例》第五条</p>');
    for (const id of [
      'links-heading',
      'basis-heading',
      'duties-heading',
      'supervision-heading',
      'remedy-heading',
    ])
      expect(html).toContain(`aria-labelledby="${id}"`);
  });

  it('P2: an agency without a profile says 未公示 rather than showing blanks', async () => {
    const city = await t.database.db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例市交通运输局')
      .executeTakeFirstOrThrow();
    const html = (await page(`/agencies/${city.id}`)).body;
    expect(html).toContain('未公示');
  });

  it('P2: an unknown or malformed id is a 404 page; 长者模式 applies', async () => {
    for (const url of [
      '/agencies/00000000-0000-4000-8000-000000000000',
      '/agencies/not-an-id',
      '/agencies/%E5%95%8A/windows',
      '/agencies/00000000-0000-4000-8000-000000000000/reviewers',
    ]) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).toContain('页面不存在');
    }
    const elder = await page(`/agencies/${countyId}`, { zhifa_elder: '1' });
    expect(elder.body).toContain('<body class="elder"');
    expect(elder.body).toContain(`name="back" value="/agencies/${countyId}"`);
  });
});

describe('P7: the public reviewer list', () => {
  it('P7: names, unit, position and qualification — never the ID number', async () => {
    const response = await page(`/agencies/${countyId}/reviewers`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expectAccessible(html);
    for (const shown of [
      '公示审核员',
      '示例县交通运输局 法制审核股',
      '股长',
      '本机关工作人员',
      '法律职业资格（A证）',
    ])
      expect(html).toContain(shown);
    expect(html).not.toContain(idNumber);
    expect(html).not.toContain(idNumber.slice(-4));
    expect(html).toContain('<th scope="col">资格</th>');
  });
});

describe('P8: printable window boards', () => {
  it('P8: each board shows unit, staff, kinds, services, hours and phone, with an A4 print stylesheet', async () => {
    const response = await page(`/agencies/${countyId}/windows`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expectAccessible(html);
    for (const shown of [
      '公示测试窗口',
      '示例县交通运输局 · 法制审核股',
      '行政许可',
      '<li>道路旅客运输经营许可</li>',
      '<li>出租汽车驾驶员从业资格注册</li>',
      '工作日 9:00—17:00',
      '0000-0000013',
      '政务服务中心一楼 8 号',
      '钱执法',
      '受理',
      '监督电话：<strong>0000-0000012</strong>',
    ])
      expect(html, shown).toContain(shown);
    expect(html).toContain('@page{size:A4 portrait');
    expect(html).toContain('break-after:page');
    expect(html).not.toContain('<img');
    // The staff's person ids are React keys only, never in the page.
    const qian = await t.database.db
      .selectFrom('person')
      .select('id')
      .where('name', '=', '钱执法')
      .executeTakeFirstOrThrow();
    expect(html).not.toContain(qian.id);
  });
});
