import { idNumberCheckChar } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Session;
let head: Session;
let supervisor: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  head = await t.login('head1');
  supervisor = await t.login('supervisor1');
});
afterAll(() => t.close());

let serial = 0;
/** A generated person (invented name, synthetic ID number in the unassigned region 990121). */
async function newPerson(kind: 'officer' | 'auxiliary' = 'officer', name = `测试人员${serial + 1}`) {
  serial += 1;
  const first17 = `99012119900101${String(500 + serial).padStart(3, '0')}`;
  const response = await t.request(admin, {
    method: 'POST',
    url: '/api/persons',
    payload: { name, kind, idNumber: first17 + idNumberCheckChar(first17) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}
const issueBody = (personId: string, number: string, over: Record<string, unknown> = {}) => ({
  personId,
  number,
  categories: ['交通运输'],
  regionCode: '990121',
  regionName: '示例县',
  validFrom: '2025-01-01',
  validTo: '2029-12-31',
  issuingAuthority: '示例县人民政府',
  annualCheckDue: '2027-03-31',
  ...over,
});
async function issue(number: string, over: Record<string, unknown> = {}, personId?: string) {
  const response = await t.request(admin, {
    method: 'POST',
    url: '/api/certificates',
    payload: issueBody(personId ?? (await newPerson()), number, over),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const post = (session: Session, url: string, payload: object) =>
  t.request(session, { method: 'POST', url, payload });
const get = (session: Session, url: string) => t.request(session, { method: 'GET', url });
async function ledgerKinds(streamId: string) {
  const rows = await t.database.db
    .selectFrom('ledger_event')
    .select(['kind', 'payload'])
    .where('stream_id', '=', streamId)
    .orderBy('seq')
    .execute();
  return rows;
}

describe('Q1: issuing a certificate', () => {
  it('Q1: issues a certificate, valid today, with a ledger event and a history row', async () => {
    const created = await issue('T0001');
    expect(created).toMatchObject({
      number: 'T0001',
      status: 'valid',
      statusLabel: '有效',
      categories: ['交通运输'],
      region: { code: '990121', name: '示例县' },
      agency: { name: '示例县交通运输局' },
      actions: { suspend: true, revoke: true, reinstate: false, annualCheck: true },
    });
    const events = await ledgerKinds(`certificate:${created.id}`);
    expect(events.map((e) => e.kind)).toEqual(['certificate.issued']);
    expect(events[0]!.payload).toMatchObject({
      number: 'T0001',
      categories: ['交通运输'],
      validTo: '2029-12-31',
    });
    const history = await t.database.db
      .selectFrom('certificate_event')
      .select('kind')
      .where('certificate_id', '=', created.id)
      .execute();
    expect(history).toEqual([{ kind: 'issued' }]);
  });

  it('Q1: a lower-case number is stored upper case; the annual check defaults to a year after valid_from', async () => {
    const created = await issue('t-0002', { annualCheckDue: undefined });
    expect(created.number).toBe('T-0002');
    expect(created.annualCheckDue).toBe('2026-01-01');
    // 2026-11-24 is after 2026-01-01: the annual check is overdue, so not valid.
    expect(created).toMatchObject({ status: 'suspended', statusReason: 'annualCheckOverdue' });
  });

  it('bad input answers 4xx naming the field, and writes nothing', async () => {
    const personId = await newPerson();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ number: 'T0001' }, 409, 'body.number'],
      [{ number: '坏号码' }, 400, 'body.number'],
      [{ validTo: '2024-12-31' }, 400, 'body.validTo'],
      [{ validFrom: '2025-02-30' }, 400, 'body.validFrom'],
      [{ categories: ['不存在的类别'] }, 400, 'body.categories.0'],
      [{ categories: [] }, 400, 'body.categories'],
      [{ categories: ['交通运输', '交通运输'] }, 400, 'body.categories'],
      [{ regionCode: '99012' }, 400, 'body.regionCode'],
      [{ regionName: '' }, 400, 'body.regionName'],
      [{ annualCheckDue: '2024-01-01' }, 400, 'body.annualCheckDue'],
      [{ personId: '00000000-0000-4000-8000-000000000000' }, 404, ''],
    ];
    const before = await t.database.db.selectFrom('certificate').select('id').execute();
    for (const [over, status, field] of cases) {
      const response = await post(admin, '/api/certificates', issueBody(personId, 'T9999', over));
      expect(response.statusCode, `${JSON.stringify(over)}: ${response.body}`).toBe(status);
      if (field) expect(response.json().field).toBe(field);
    }
    expect(await t.database.db.selectFrom('certificate').select('id').execute()).toHaveLength(before.length);
  });

  it('Q2: an auxiliary never gets a certificate', async () => {
    const auxiliary = await newPerson('auxiliary');
    const response = await post(admin, '/api/certificates', issueBody(auxiliary, 'T0003'));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'RULE_VIOLATION', field: 'body.personId' });
    expect(response.json().message).toContain('辅助人员');
  });

  it('only the certificate managers may issue; officers may not even read the register', async () => {
    const personId = await newPerson();
    expect((await post(supervisor, '/api/certificates', issueBody(personId, 'T0004'))).statusCode).toBe(403);
    const officer = await t.login('officer1');
    expect((await get(officer, '/api/certificates')).statusCode).toBe(403);
    expect((await post(head, '/api/certificates', issueBody(personId, 'T0004'))).statusCode).toBe(201);
  });
});

describe('Q1: annual check, suspension, reinstatement, revocation', () => {
  it('Q1: an overdue annual check makes the certificate not valid until a passed check', async () => {
    const onTime = await issue('T0100', { annualCheckDue: '2026-11-24' });
    expect(onTime.status).toBe('valid'); // the due day itself
    const created = await issue('T0101', { annualCheckDue: '2026-11-23' });
    const overdue = (await get(admin, `/api/certificates/${created.id}`)).json();
    expect(overdue).toMatchObject({ status: 'suspended', statusReason: 'annualCheckOverdue' });
    const cleanup = (await get(admin, '/api/certificates/cleanup')).json();
    expect(cleanup.annualCheckOverdue.map((c: { number: string }) => c.number)).toContain('T0101');
    expect(cleanup.annualCheckOverdue.map((c: { number: string }) => c.number)).not.toContain('T0100');
    const passed = await post(admin, `/api/certificates/${created.id}/annual-check`, {
      result: 'passed',
      checkedOn: '2026-11-24',
    });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({ status: 'valid', annualCheckDue: '2027-11-23' });
    const events = await ledgerKinds(`certificate:${created.id}`);
    expect(events.at(-1)).toMatchObject({
      kind: 'certificate.annualCheck',
      payload: { result: 'passed', checkedOn: '2026-11-24', nextDue: '2027-11-23', note: '' },
    });
  });

  it('Q1: a failed annual check suspends; reinstating needs a reason', async () => {
    const created = await issue('T0102');
    const failed = await post(admin, `/api/certificates/${created.id}/annual-check`, {
      result: 'failed',
      checkedOn: '2026-11-20',
      note: '培训学时不足',
    });
    expect(failed.json()).toMatchObject({ status: 'suspended', stateReason: '年审不合格：培训学时不足' });
    const noReason = await post(admin, `/api/certificates/${created.id}/reinstate`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('body.reason');
    const reinstated = await post(admin, `/api/certificates/${created.id}/reinstate`, { reason: '补考合格' });
    expect(reinstated.json()).toMatchObject({ status: 'valid', state: 'active' });
    const future = await post(admin, `/api/certificates/${created.id}/annual-check`, {
      result: 'passed',
      checkedOn: '2026-12-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().field).toBe('body.checkedOn');
  });

  it('Q1: suspend, reinstate and revoke are each a ledger event; a revoked certificate stays revoked', async () => {
    const created = await issue('T0103');
    const url = (action: string) => `/api/certificates/${created.id}/${action}`;
    expect((await post(admin, url('reinstate'), { reason: '无' })).statusCode).toBe(422);
    expect((await post(admin, url('suspend'), { reason: '涉嫌违法执法，停职调查' })).json()).toMatchObject({
      status: 'suspended',
      statusLabel: '暂扣',
      actions: { suspend: false, reinstate: true },
    });
    expect((await post(admin, url('suspend'), { reason: '再次' })).statusCode).toBe(422);
    expect((await post(admin, url('reinstate'), { reason: '调查结束' })).json().status).toBe('valid');
    const missing = await post(admin, url('revoke'), { kind: 'revoked' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('body.reason');
    const revoked = await post(admin, url('revoke'), { kind: 'revoked', reason: '严重违法执法' });
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      statusLabel: '已吊销',
      actions: { annualCheck: false, suspend: false, reinstate: false, revoke: false },
    });
    expect((await post(admin, url('revoke'), { reason: '再次' })).statusCode).toBe(422);
    expect(
      (await post(admin, url('annual-check'), { result: 'passed', checkedOn: '2026-11-24' })).statusCode,
    ).toBe(422);
    const kinds = (await ledgerKinds(`certificate:${created.id}`)).map((e) => e.kind);
    expect(kinds).toEqual([
      'certificate.issued',
      'certificate.suspended',
      'certificate.reinstated',
      'certificate.revoked',
    ]);
    const detail = (await get(admin, `/api/certificates/${created.id}`)).json();
    expect(detail.history.map((h: { kind: string }) => h.kind)).toEqual([
      'issued',
      'suspended',
      'reinstated',
      'revoked',
    ]);
    expect(detail.history[1]).toMatchObject({ reason: '涉嫌违法执法，停职调查', actor: '系统管理员' });
  });

  it('P8: the detail carries the portal address and its QR code', async () => {
    const created = await issue('T0104');
    const detail = (await get(admin, `/api/certificates/${created.id}`)).json();
    expect(detail.verification.url).toMatch(/^http:\/\/[^/]+\/certificates\/T0104$/);
    expect(detail.verification.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(detail.verification.qrCode.split(',')[1], 'base64').toString();
    expect(svg).toContain('<svg');
  });
});

describe('Q1: leaving enforcement work cancels certificates and asks the justice bureau', () => {
  it('Q1: cancels at once, files a 注销申请 addressed to 示例县司法局, which the supervisor completes', async () => {
    const personId = await newPerson('officer', '调离测试');
    const first = await issue('T0201', {}, personId);
    const second = await issue('T0202', { categories: ['交通运输', '综合行政执法'] }, personId);
    const left = await post(admin, `/api/persons/${personId}/leave-enforcement`, {
      leftOn: '2026-11-20',
      reason: '调任办公室文秘',
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().cancelled.map((c: { number: string }) => c.number)).toEqual(['T0201', 'T0202']);
    const detail = (await get(admin, `/api/certificates/${first.id}`)).json();
    expect(detail).toMatchObject({
      status: 'revoked',
      revocationKind: 'cancelled',
      statusLabel: '已注销',
      holder: { leftEnforcementOn: '2026-11-20' },
      cancellation: { addressedTo: '示例县司法局', completedAt: null },
    });
    expect(
      (await post(admin, `/api/persons/${personId}/leave-enforcement`, { leftOn: '2026-11-20', reason: 'x' }))
        .statusCode,
    ).toBe(422);
    expect((await post(admin, '/api/certificates', issueBody(personId, 'T0203'))).statusCode).toBe(422);

    const list = (await get(supervisor, '/api/certificate-cancellations')).json().items;
    const request = list.find((c: { number: string }) => c.number === 'T0202');
    expect(request).toMatchObject({
      holderName: '调离测试',
      agencyName: '示例县交通运输局',
      addressedTo: '示例县司法局',
      actions: { complete: true },
    });
    expect((await get(admin, '/api/certificate-cancellations')).json().items[0].actions.complete).toBe(false);
    expect((await post(admin, `/api/certificate-cancellations/${request.id}/complete`, {})).statusCode).toBe(
      403,
    );
    const done = await post(supervisor, `/api/certificate-cancellations/${request.id}/complete`, {
      note: '已收回证件并注销',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(
      (await post(supervisor, `/api/certificate-cancellations/${request.id}/complete`, {})).statusCode,
    ).toBe(422);

    expect((await ledgerKinds(`person:${personId}`)).map((e) => e.kind)).toEqual([
      'person.created',
      'person.leftEnforcement',
    ]);
    expect((await ledgerKinds(`certificate:${second.id}`)).map((e) => e.kind)).toEqual([
      'certificate.issued',
      'certificate.revoked',
      'certificate.cancellationRequested',
      'certificate.cancellationCompleted',
    ]);
  });
});

describe('Q1, Q2: the clean-up list', () => {
  it('lists certificates expiring soon, holders who left or became auxiliaries', async () => {
    const expiring = await issue('T0301', { validTo: '2026-12-20', annualCheckDue: '2026-12-20' });
    const later = await issue('T0302', { validTo: '2027-02-20' });
    const inactiveHolder = await newPerson();
    await issue('T0303', {}, inactiveHolder);
    await t.request(admin, {
      method: 'PATCH',
      url: `/api/persons/${inactiveHolder}`,
      payload: { active: false },
    });
    const nowAuxiliary = await newPerson();
    await issue('T0304', {}, nowAuxiliary);
    await t.request(admin, {
      method: 'PATCH',
      url: `/api/persons/${nowAuxiliary}`,
      payload: { kind: 'auxiliary' },
    });

    const numbers = (list: { number: string }[]) => list.map((c) => c.number);
    const cleanup = (await get(admin, '/api/certificates/cleanup')).json();
    expect(cleanup.withinDays).toBe(30);
    expect(numbers(cleanup.expiringSoon)).toContain(expiring.number);
    expect(numbers(cleanup.expiringSoon)).not.toContain(later.number);
    expect(numbers(cleanup.holdersLeft)).toContain('T0303');
    expect(numbers(cleanup.holdersAuxiliary)).toContain('T0304');
    const wider = (await get(admin, '/api/certificates/cleanup?withinDays=90')).json();
    expect(numbers(wider.expiringSoon)).toContain(later.number);
    const bad = await get(admin, '/api/certificates/cleanup?withinDays=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('query.withinDays');
  });

  it('the list filters by status, unit and name or number', async () => {
    await issue('T0401', { validTo: '2026-11-01', annualCheckDue: '2026-11-01' });
    const expired = (await get(admin, '/api/certificates?status=expired')).json().items;
    expect(expired.map((c: { number: string }) => c.number)).toContain('T0401');
    expect(expired.every((c: { status: string }) => c.status === 'expired')).toBe(true);
    const byNumber = (await get(admin, '/api/certificates?q=t040')).json().items;
    expect(byNumber.map((c: { number: string }) => c.number)).toEqual(['T0401']);
    const bad = await get(admin, '/api/certificates?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('query.status');
  });
});

describe('scope: another agency’s certificate is 404', () => {
  it('the county cannot see or change the city’s certificate; the justice bureau sees the county only', async () => {
    const db = t.database.db;
    const city = await db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例市交通运输局')
      .executeTakeFirstOrThrow();
    const cityPerson = await db
      .insertInto('person')
      .values({
        agency_id: city.id,
        name: '市局执法员',
        kind: 'officer',
        id_number_cipher: 'x',
        id_number_digest: 'c'.repeat(64),
        id_number_masked: '***',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cityCertificate = await db
      .insertInto('certificate')
      .values({
        agency_id: city.id,
        person_id: cityPerson.id,
        number: 'CITY0001',
        categories: ['交通运输'],
        region_code: '990100',
        region_name: '示例市',
        valid_from: '2025-01-01',
        valid_to: '2029-12-31',
        issuing_authority: '示例市人民政府',
        annual_check_due: '2027-03-31',
        issued_at: t.now(),
        updated_at: t.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const county = await issue('T0501');
    for (const session of [admin, head, supervisor]) {
      expect((await get(session, `/api/certificates/${cityCertificate.id}`)).statusCode).toBe(404);
      expect((await get(session, '/api/certificates')).body).not.toContain('CITY0001');
      expect((await get(session, `/api/certificates/${county.id}`)).statusCode).toBe(200);
    }
    for (const action of ['suspend', 'revoke']) {
      const response = await post(admin, `/api/certificates/${cityCertificate.id}/${action}`, {
        reason: '越权',
      });
      expect(response.statusCode).toBe(404);
    }
    expect(
      (
        await post(admin, `/api/persons/${cityPerson.id}/leave-enforcement`, {
          leftOn: '2026-11-20',
          reason: '越权',
        })
      ).statusCode,
    ).toBe(404);
    expect((await post(admin, '/api/certificates', issueBody(cityPerson.id, 'T0502'))).statusCode).toBe(404);
    const denials = await db
      .selectFrom('security_audit')
      .select('detail')
      .where('event', '=', 'permission_denied')
      .execute();
    expect(denials.some((d) => (d.detail as { code?: string }).code === 'OUT_OF_SCOPE')).toBe(true);
  });
});

describe('Q2: the auxiliary register', () => {
  it('registers an auxiliary with duties and the officer they assist; refuses others', async () => {
    const auxiliary = await newPerson('auxiliary', '辅助登记测试');
    const officer = await newPerson('officer', '带领执法员');
    const otherAuxiliary = await newPerson('auxiliary');
    const asAssistant = await post(admin, '/api/auxiliaries', {
      personId: auxiliary,
      duties: '协助现场检查、资料整理',
      supervisingPersonId: otherAuxiliary,
    });
    expect(asAssistant.statusCode).toBe(422);
    expect(asAssistant.json().field).toBe('body.supervisingPersonId');
    const notAuxiliary = await post(admin, '/api/auxiliaries', { personId: officer, duties: '协助' });
    expect(notAuxiliary.statusCode).toBe(422);
    const created = await post(admin, '/api/auxiliaries', {
      personId: auxiliary,
      duties: '协助现场检查、资料整理',
      supervisingPersonId: officer,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      person: { name: '辅助登记测试' },
      duties: '协助现场检查、资料整理',
      supervisingPerson: { name: '带领执法员' },
      registeredOn: '2026-11-24',
    });
    expect((await post(admin, '/api/auxiliaries', { personId: auxiliary, duties: '再次' })).statusCode).toBe(
      409,
    );
    const updated = await t.request(admin, {
      method: 'PATCH',
      url: `/api/auxiliaries/${created.json().id}`,
      payload: { duties: '协助调查取证（不得单独执法）' },
    });
    expect(updated.json().duties).toBe('协助调查取证（不得单独执法）');
    expect((await ledgerKinds(`person:${auxiliary}`)).map((e) => e.kind)).toEqual([
      'person.created',
      'auxiliary.registered',
      'auxiliary.updated',
    ]);
    const list = (await get(supervisor, '/api/auxiliaries')).json().items;
    expect(list.map((a: { person: { name: string } }) => a.person.name)).toContain('辅助登记测试');
  });
});

describe('demo data', () => {
  it('the county brigade has ~20 officers with certificates: mostly valid, one of each case worth showing', async () => {
    const items = (await get(admin, '/api/certificates?q=JT-990121')).json().items as {
      number: string;
      status: string;
      statusReason: string;
      holder: { name: string; unit: { name: string } | null };
    }[];
    expect(items.length).toBeGreaterThanOrEqual(20);
    const count = (reason: string) => items.filter((c) => c.statusReason === reason).length;
    expect(count('valid')).toBeGreaterThanOrEqual(18);
    expect(count('suspended')).toBe(1);
    expect(count('revoked')).toBe(1);
    expect(count('annualCheckOverdue')).toBe(1);
    expect(items.find((c) => c.number === 'JT-990121-0001')?.holder.name).toBe('赵执法');
    const units = (await get(admin, '/api/units')).json().items as { id: string; name: string }[];
    const unit = (name: string) => units.find((u) => u.name === name)!.id;
    const inUnit = async (name: string) =>
      ((await get(admin, `/api/certificates?unitId=${unit(name)}&q=JT-`)).json().items as typeof items).map(
        (c) => c.holder.unit?.name,
      );
    expect(new Set(await inUnit('执法二中队'))).toEqual(new Set(['执法二中队']));
    // The brigade includes its squads.
    expect(new Set(await inUnit('综合行政执法大队'))).toEqual(
      new Set(['综合行政执法大队', '执法一中队', '执法二中队']),
    );
    const cleanup = (await get(admin, '/api/certificates/cleanup')).json();
    expect(cleanup.expiringSoon.filter((c: { number: string }) => c.number.startsWith('JT-'))).toHaveLength(
      1,
    );
    expect(
      cleanup.annualCheckOverdue.filter((c: { number: string }) => c.number.startsWith('JT-')),
    ).toHaveLength(1);
    const register = (await get(admin, '/api/auxiliaries')).json().items;
    expect(register.length).toBeGreaterThanOrEqual(4);
    expect(register.find((a: { person: { name: string } }) => a.person.name === '孙辅助')).toMatchObject({
      supervisingPerson: { name: '赵执法' },
    });
  });
});
