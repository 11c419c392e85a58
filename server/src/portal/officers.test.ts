import { idNumberCheckChar } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/harness.js';

let t: TestApp;
let admin: Session;
const idNumber = (() => {
  const first17 = '99012119850505777';
  return first17 + idNumberCheckChar(first17);
})();
let certificateId = '';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const units = (await t.request(admin, { method: 'GET', url: '/api/units' })).json().items;
  const squad = units.find((u: { name: string }) => u.name === '执法二中队');
  const person = await t.request(admin, {
    method: 'POST',
    url: '/api/persons',
    payload: { name: '公示测试员', kind: 'officer', idNumber, unitId: squad.id, position: '副中队长' },
  });
  const certificate = await t.request(admin, {
    method: 'POST',
    url: '/api/certificates',
    payload: {
      personId: person.json().id,
      number: 'P7-0001',
      categories: ['交通运输', '综合行政执法'],
      regionCode: '990121',
      regionName: '示例县',
      validFrom: '2025-01-01',
      validTo: '2029-12-31',
      issuingAuthority: '示例县人民政府',
      annualCheckDue: '2027-03-31',
    },
  });
  expect(certificate.statusCode, certificate.body).toBe(201);
  certificateId = certificate.json().id;
});
afterAll(() => t.close());

const page = (url: string, cookies?: Record<string, string>) =>
  t.app.inject({ method: 'GET', url, ...(cookies && { cookies }) });

describe('P7: the public officer list', () => {
  it('P7: finds an officer by name, unit or certificate number, with what P7 asks and nothing more', async () => {
    for (const q of ['公示测试', '执法二中队', 'p7-0001', 'P7-0001']) {
      const response = await page(`/officers?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      const html = response.body;
      expect(html, q).toContain('公示测试员');
      for (const shown of [
        '示例县交通运输局 执法二中队',
        '副中队长',
        'P7-0001',
        '交通运输、综合行政执法',
        '示例县',
      ])
        expect(html, q).toContain(shown);
      expect(html).not.toContain(idNumber);
      expect(html).not.toContain(idNumber.slice(-4).padStart(18, '*'));
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
    }
    const none = await page('/officers?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E4%BA%BA');
    expect(none.body).toContain('没有找到符合条件的执法人员');
    expect(none.body).toContain('共 0 名执法人员');
  });

  it('P7: has landmarks, a labelled search form that works without JavaScript, and 长者模式', async () => {
    const response = await page('/officers', { zhifa_elder: '1' });
    const html = response.body;
    for (const landmark of ['<header', '<nav aria-label="主导航"', '<main id="main"', '<footer', '<search'])
      expect(html).toContain(landmark);
    expect(html).toContain('<form class="search" action="/officers" method="get">');
    expect(html).toContain('<label for="officer-search">');
    expect(html).toContain('<label for="certificate-number">');
    expect(html).toContain('<body class="elder"');
    expect(html).toContain('<a href="/officers" aria-current="page">');
  });

  it('P7: the home page links to the officer list and the certificate check', async () => {
    const html = (await page('/')).body;
    expect(html).toContain('href="/officers"');
    expect(html).toContain('action="/certificates"');
  });

  it('odd search input never fails the page', async () => {
    for (const q of ['%', '_', '\\', "'", '%00']) {
      const response = await page(`/officers?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
    }
    expect((await page('/officers?page=0')).statusCode).toBe(400);
  });
});

describe('P8: checking a certificate on the spot', () => {
  it('P8: shows 有效 with name, agency, categories, region and validity, never cached', async () => {
    const response = await page('/certificates/P7-0001');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const html = response.body;
    expect(html).toContain('证件状态：<strong>有效</strong>');
    for (const shown of [
      '公示测试员',
      '示例县交通运输局',
      '交通运输、综合行政执法',
      '示例县',
      '2025-01-01 至 2029-12-31',
    ])
      expect(html).toContain(shown);
    expect(html).not.toContain(idNumber);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
  });

  it('P8: the check form redirects to the certificate page; a lower-case number works', async () => {
    const response = await page('/certificates?number=%20p7-0001%20');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/certificates/P7-0001');
    expect((await page('/certificates/p7-0001')).body).toContain('<strong>有效</strong>');
    expect((await page('/certificates?number=')).statusCode).toBe(400);
  });

  it('P8: an unknown or malformed number is a 404 page saying so', async () => {
    for (const number of ['NOPE-0000', '%E6%97%A5%E6%9C%9F', '%00', 'a']) {
      const response = await page(`/certificates/${number}`);
      expect(response.statusCode, number).toBe(404);
      expect(response.body).toContain('未查询到该证件');
    }
  });

  it('P8: suspension shows 暂扣, and revocation 已吊销 on the very next load; both leave the officer list', async () => {
    const action = (name: string, payload: object) =>
      t.request(admin, { method: 'POST', url: `/api/certificates/${certificateId}/${name}`, payload });
    await action('suspend', { reason: '停职调查' });
    const suspended = (await page('/certificates/P7-0001')).body;
    expect(suspended).toContain('<strong>暂扣</strong>');
    expect(suspended).toContain('不能用于执法');
    expect((await page('/officers?q=P7-0001')).body).not.toContain('公示测试员');
    await action('reinstate', { reason: '调查结束' });
    expect((await page('/certificates/P7-0001')).body).toContain('<strong>有效</strong>');
    await action('revoke', { kind: 'revoked', reason: '严重违法执法' });
    const revoked = await page('/certificates/P7-0001');
    expect(revoked.statusCode).toBe(200);
    expect(revoked.body).toContain('<strong>已吊销</strong>');
    expect((await page('/officers?q=P7-0001')).body).toContain('共 0 名执法人员');
  });
});
