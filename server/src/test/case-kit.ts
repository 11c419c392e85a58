/**
 * What the case tests share: a test app with the demo users, sign-ins per day,
 * steps sent with the case's current version, generated parties, and evidence
 * files stored for real. Parties are generated; dates are in 2026 (the bundled
 * calendar's last year).
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { idNumberCheckChar } from '@zhifa/core';
import { expect } from 'vitest';
import { docxText } from '../modules/documents/render.js';
import { createTestApp, type Session, type TestApp } from './harness.js';

type Reply = Awaited<ReturnType<TestApp['request']>>;

export function ok(response: Reply) {
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

/** A 422 naming the rule (and, when given, the field). */
export function refused(response: Reply, rule: string, field?: string) {
  expect(response.statusCode, response.body).toBe(422);
  expect(response.json().code).toBe('RULE_VIOLATION');
  expect(response.json().message).toContain(`（${rule}）`);
  if (field !== undefined) expect(response.json().field).toBe(field);
  return response.json();
}

export const reasons = {
  evidence: '现场检查笔录、询问笔录',
  basis: '《道路运输条例》第六十八条',
  discretion: '首次违法，从轻。', // ends its sentence; evidence does not
};

export function caseTestKit(partyPrefix = '测试当事人') {
  let t: TestApp | undefined;
  const persons = new Map<string, string>();
  const userIds = new Map<string, string>();
  const sessions = new Map<string, Session>();
  let today = '';
  let partySerial = 0;
  const app = () => t ?? expect.fail('start the kit in beforeAll');

  const kit = {
    persons,
    userIds,
    get today() {
      return today;
    },
    async start(): Promise<TestApp> {
      t = await createTestApp();
      for (const u of await t.database.db
        .selectFrom('app_user')
        .select(['username', 'person_id', 'id'])
        .execute()) {
        userIds.set(u.username, u.id);
        if (u.person_id) persons.set(u.username, u.person_id);
      }
      return t;
    },
    async agencyId(name: string) {
      return (
        await app()
          .database.db.selectFrom('agency')
          .select('id')
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).id;
    },
    /** Moves the clock to 10:00 Shanghai time of a day; sessions are made afresh for it. */
    at(date: string) {
      today = date;
      app().setNow(new Date(`${date}T02:00:00Z`));
    },
    async as(username: string): Promise<Session> {
      const key = `${username}@${today}`;
      if (!sessions.has(key)) sessions.set(key, await app().login(username));
      return sessions.get(key)!;
    },
    async versionOf(id: string) {
      return (
        await app()
          .database.db.selectFrom('enforcement_case')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).version;
    },
    /** A step with the case's current version. */
    async step(username: string, id: string, path: string, body: Record<string, unknown> = {}) {
      return app().request(await kit.as(username), {
        method: path === 'officers' ? 'PUT' : 'POST',
        url: `/api/cases/${id}/${path}`,
        payload: { version: await kit.versionOf(id), ...body },
      });
    },
    /** A move; a move back names its reason. */
    move(username: string, id: string, to: string, outcome?: string, reason?: string) {
      return kit.step(username, id, 'transitions', {
        to,
        ...(outcome && { outcome }),
        ...(reason && { reason }),
      });
    },
    async get(username: string, url: string) {
      return app().request(await kit.as(username), { method: 'GET', url });
    },
    /** A generated person with everything art. 59(一) asks (ID number with a valid check digit). */
    generatedParty() {
      partySerial += 1;
      const first17 = `99012119900101${String(partySerial % 1000).padStart(3, '0')}`;
      return {
        kind: 'individual',
        name: `${partyPrefix}${partySerial}`,
        idNumber: first17 + idNumberCheckChar(first17),
        address: `示例县城关镇测试路${partySerial}号`,
        phone: `1380000${String(partySerial % 10_000).padStart(4, '0')}`,
      };
    },
    /** A general-procedure case registered today by officer1 (any field overridden by `body`). */
    async register(body: Record<string, unknown> = {}) {
      const response = await app().request(await kit.as('officer1'), {
        method: 'POST',
        url: '/api/cases',
        payload: {
          processKind: 'penaltyGeneral',
          title: '未按规定携带道路运输证',
          source: 'inspection',
          party: kit.generatedParty(),
          discoveredOn: today,
          violation: { occurredOn: today, continuing: false, severeHarm: false },
          ...body,
        },
      });
      return ok(response).id as string;
    },
    /** The roster entry (person id) of a demo user. */
    personOf(username: string) {
      return persons.get(username);
    },
    team(...members: [string, string][]) {
      return { officers: members.map(([username, role]) => ({ personId: persons.get(username), role })) };
    },
    /** 立案's or 结案's approval chain, in the published order: the unit head, then the agency head. */
    async approveChain(id: string) {
      ok(await kit.step('unithead1', id, 'approvals', { opinion: '同意' }));
      ok(await kit.step('head1', id, 'approvals', { opinion: '同意' }));
    },
    /** 立案 decided as published: both approvals, then the 立案审批表 the agency head signs. */
    async approveRegistration(id: string) {
      await kit.approveChain(id);
      ok(
        await app().request(await kit.as('head1'), {
          method: 'POST',
          url: `/api/cases/${id}/documents`,
          payload: { kind: 'filingApproval', data: { facts: '巡查发现当事人涉嫌违法，经初步核实。' } },
        }),
      );
    },
    /** A general-procedure case moved to 事先告知, two certified officers on it, proposing a fine. */
    async generalAtNotify(fineFen = 500_000) {
      const id = await kit.register();
      ok(
        await kit.step('officer1', id, 'officers', kit.team(['officer1', 'lead'], ['officer2', 'assisting'])),
      );
      ok(await kit.move('officer1', id, 'register', 'register'));
      await kit.approveRegistration(id);
      ok(await kit.move('unithead1', id, 'investigate'));
      ok(await kit.step('officer1', id, 'proposal', { proposal: { kinds: ['fine'], fineFen } }));
      ok(await kit.move('officer1', id, 'review'));
      ok(await kit.move('unithead1', id, 'notify', 'penalty'));
      return id;
    },
    /** …and on to 决定 with the prior notice served and the defence waived. */
    async generalAtDecide(fineFen = 500_000) {
      const id = await kit.generalAtNotify(fineFen);
      ok(await kit.step('officer1', id, 'prior-notice', { servedOn: today, hearingRightNotified: false }));
      ok(await kit.step('officer1', id, 'defence', { waived: true }));
      ok(await kit.move('unithead1', id, 'decide'));
      return id;
    },
    /** The head's penalty decision today; by default with the three reasons (R2). */
    decide(id: string, fineFen = 500_000, extra: Record<string, unknown> = { reasons }) {
      return kit.step('head1', id, 'decision', {
        outcome: 'penalty',
        decidedOn: today,
        penalty: { kinds: ['fine'], fineFen },
        ...extra,
      });
    },
    /** A case flagged major, its legal review passed with this opinion, decided by the head today. */
    async majorDecided(opinion = '同意') {
      const id = await kit.generalAtNotify();
      ok(await kit.step('officer1', id, 'flags', { major: true, reason: '列入重大执法决定法制审核目录' }));
      ok(await kit.step('officer1', id, 'prior-notice', { servedOn: today, hearingRightNotified: false }));
      ok(await kit.step('officer1', id, 'defence', { waived: true }));
      ok(await kit.move('unithead1', id, 'legalReview'));
      ok(await kit.step('reviewer1', id, 'legal-review', { outcome: 'passed', reviewedOn: today, opinion }));
      ok(await kit.move('reviewer1', id, 'decide'));
      ok(await kit.decide(id));
      return id;
    },
    /** The text of a rendered document, downloaded by the head. */
    async documentText(documentId: string) {
      const response = await app().request(await kit.as('head1'), {
        method: 'GET',
        url: `/api/documents/${documentId}/content`,
      });
      expect(response.statusCode).toBe(200);
      return docxText(response.rawPayload);
    },
    /** A real file in the evidence store of an agency, uploaded by officer1, as a row of that type. */
    async addEvidence(mediaType: string, agencyId: string) {
      const current = app();
      const staged = await current.evidence.stage(Readable.from([randomBytes(1000)]), { maxBytes: 1 << 20 });
      await staged.commit();
      const row = await current.database.db
        .insertInto('evidence')
        .values({
          agency_id: agencyId,
          sha256: staged.sha256,
          sm3: staged.sm3,
          size: staged.size,
          media_type: mediaType,
          original_name: null,
          captured_by: '测试采集人',
          captured_at: current.now(),
          location: null,
          device_id: null,
          duration_seconds: null,
          uploaded_by: userIds.get('officer1')!,
          uploaded_at: current.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async ledgerOf(id: string) {
      return app()
        .database.db.selectFrom('ledger_event')
        .select(['kind', 'payload'])
        .where('stream_id', '=', `case:${id}`)
        .orderBy('seq')
        .execute();
    },
  };
  return kit;
}
