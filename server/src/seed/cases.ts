/**
 * Demo cases of the county bureau, in different stages, with generated
 * parties (names from the demo name generator, no ID numbers). Dates are
 * relative to the seeding day, so the demo always shows running clocks: a
 * defence period, a service period, a case limit close to its end.
 *
 * Each case's stream carries what the seed did, as events by no one (actor
 * null): its registration, its team, the facts recorded and the stages passed.
 */
import { addCalendarDays, type IsoDate, type ProcessKind, type StageId, shanghaiDateOf } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { CaseOfficerRole, DB } from '../db/schema.js';
import { appendEvent } from '../ledger/append.js';
import type { StoredFacts } from '../modules/cases/schema.js';
import { demoName } from './certificates.js';

interface DemoCase {
  title: string;
  processKind: ProcessKind;
  source: string;
  party: { kind: 'individual' | 'organisation'; name: string };
  /** Days before the seeding day the act came to notice (and was registered). */
  daysAgo: number;
  /** Stages passed, in order; the last is where the case is now. */
  path: StageId[];
  facts: (today: IsoDate) => StoredFacts;
  major?: boolean;
  archived?: boolean;
}

const fine = (yuan: number) => ({ kinds: ['fine' as const], fineFen: yuan * 100 });
const violation = (on: IsoDate) => ({ occurredOn: on, continuing: false, severeHarm: false });
const ago = (today: IsoDate, days: number) => addCalendarDays(today, -days);
const general: StageId[] = ['intake', 'register', 'investigate', 'review', 'notify'];
const reasons = {
  evidence: '现场检查笔录、询问笔录及现场照片相互印证，足以认定违法事实',
  basis: '《中华人民共和国道路运输条例》相关条款',
  discretion: '依照本局行政处罚裁量基准，当事人首次违法且积极配合调查，在基准幅度内从轻处罚',
};

const demoCases: DemoCase[] = [
  {
    title: '群众投诉客运车辆站外揽客',
    processKind: 'penaltyGeneral',
    source: 'complaint',
    party: { kind: 'individual', name: demoName(60) },
    daysAgo: 1,
    path: ['intake'],
    facts: (today) => ({ discoveredOn: ago(today, 1), violation: violation(ago(today, 3)) }),
  },
  {
    title: '未取得道路运输经营许可擅自从事经营',
    processKind: 'penaltyGeneral',
    source: 'inspection',
    party: { kind: 'organisation', name: `示例县${demoName(61)}货运部` },
    daysAgo: 80,
    path: ['intake', 'register', 'investigate'],
    facts: (today) => ({ discoveredOn: ago(today, 80), violation: violation(ago(today, 81)) }),
  },
  {
    title: '货运车辆未按规定携带道路运输证',
    processKind: 'penaltyGeneral',
    source: 'remoteMonitoring',
    party: { kind: 'individual', name: demoName(62) },
    daysAgo: 20,
    path: general,
    facts: (today) => ({
      discoveredOn: ago(today, 20),
      violation: violation(ago(today, 21)),
      proposal: fine(500),
      proposalRevision: 1,
      priorNotice: { servedOn: ago(today, 2), proposal: fine(500), hearingRightNotified: false },
    }),
  },
  {
    title: '危险货物运输车辆未按规定线路行驶',
    processKind: 'penaltyGeneral',
    source: 'referral',
    party: { kind: 'organisation', name: `示例县${demoName(63)}危险品运输有限公司` },
    daysAgo: 40,
    path: [...general, 'legalReview'],
    major: true,
    facts: (today) => ({
      discoveredOn: ago(today, 40),
      violation: violation(ago(today, 42)),
      proposal: fine(150_000),
      proposalRevision: 1,
      priorNotice: { servedOn: ago(today, 20), proposal: fine(150_000), hearingRightNotified: true },
      defence: { heardOn: ago(today, 17) },
      hearing: { waived: true },
    }),
  },
  {
    title: '出租汽车拒载',
    processKind: 'penaltyGeneral',
    source: 'complaint',
    party: { kind: 'individual', name: demoName(64) },
    daysAgo: 30,
    path: [...general, 'decide', 'serve'],
    facts: (today) => ({
      discoveredOn: ago(today, 30),
      violation: violation(ago(today, 31)),
      proposal: fine(200),
      proposalRevision: 1,
      priorNotice: { servedOn: ago(today, 12), proposal: fine(200), hearingRightNotified: false },
      defence: { waived: true },
      decision: { outcome: 'penalty', decidedOn: ago(today, 3), penalty: fine(200), reasons },
    }),
  },
  {
    title: '扣押非法营运车辆',
    processKind: 'seizure',
    source: 'inspection',
    party: { kind: 'individual', name: demoName(65) },
    daysAgo: 0,
    path: ['approve', 'notifyParty'],
    facts: (today) => ({ discoveredOn: today, seizureApproval: { approvedOn: today, emergency: false } }),
  },
  {
    title: '客运班车未按核定站点停靠',
    processKind: 'penaltyGeneral',
    source: 'inspection',
    party: { kind: 'organisation', name: `示例县${demoName(66)}客运有限公司` },
    daysAgo: 75,
    path: [...general, 'decide', 'serve', 'execute', 'close', 'archive'],
    archived: true,
    facts: (today) => ({
      discoveredOn: ago(today, 75),
      violation: violation(ago(today, 76)),
      proposal: fine(1000),
      proposalRevision: 1,
      priorNotice: { servedOn: ago(today, 50), proposal: fine(1000), hearingRightNotified: false },
      defence: { heardOn: ago(today, 48) },
      decision: { outcome: 'penalty', decidedOn: ago(today, 40), penalty: fine(1000), reasons },
      service: { servedOn: ago(today, 39), method: 'direct' },
      payment: {
        fineFen: 100_000,
        payments: [
          { paidOn: ago(today, 30), amountFen: 100_000, channel: 'bank', bankReference: 'DEMO-BANK-0001' },
        ],
      },
    }),
  },
];

/** The outcome recorded on leaving a stage, where the next stage depends on it. */
const outcomes: Partial<Record<StageId, string>> = {
  intake: 'register',
  review: 'penalty',
  decide: 'penalty',
};

const demoTeam: [string, CaseOfficerRole][] = [
  ['officer1', 'lead'],
  ['officer2', 'assisting'],
  ['auxiliary1', 'assistant'],
];

export async function seedDemoCases(
  trx: Kysely<DB>,
  now: Date,
  ids: { county: string; shortName: string; persons: Map<string, string> },
): Promise<void> {
  const today = shanghaiDateOf(now);
  const people = await trx
    .selectFrom('person')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      demoTeam.map(([username]) => ids.persons.get(username)!),
    )
    .execute();
  let serial = 0;
  for (const demo of demoCases) {
    const facts = demo.facts(today);
    const registered = demo.path.length > (demo.processKind === 'penaltyGeneral' ? 2 : 1);
    if (registered) serial += 1;
    const year = Number(today.slice(0, 4));
    const row = await trx
      .insertInto('enforcement_case')
      .values({
        agency_id: ids.county,
        ...(registered && {
          case_year: year,
          case_serial: serial,
          case_number: `${ids.shortName}案〔${year}〕${serial}号`,
          registered_on: ago(today, demo.daysAgo),
        }),
        process_kind: demo.processKind,
        stage: demo.path.at(-1)!,
        completed_stages: demo.path.slice(0, -1),
        title: demo.title,
        source: demo.source,
        party_kind: demo.party.kind,
        party_name: demo.party.name,
        party_id_number_cipher: null,
        party_id_number_masked: null,
        enforcement_item_id: null,
        facts: JSON.stringify(facts),
        major: demo.major ?? false,
        created_by: null,
        created_at: now,
        updated_at: now,
        archived_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stream = { streamId: `case:${row.id}`, agencyId: ids.county, actorId: null };
    await appendEvent(
      trx,
      {
        ...stream,
        kind: 'case.registered',
        payload: {
          processKind: demo.processKind,
          title: demo.title,
          source: demo.source,
          partyKind: demo.party.kind,
          partyName: demo.party.name,
          partyIdNumberMasked: null,
          enforcementItemId: null,
          discoveredOn: facts.discoveredOn ?? today,
          violation: facts.violation ?? null,
          stage: demo.path[0]!,
        },
      },
      now,
    );
    const officers = demoTeam.map(([username, role]) => ({ personId: ids.persons.get(username)!, role }));
    await trx
      .insertInto('case_officer')
      .values(
        officers.map((o) => ({
          case_id: row.id,
          agency_id: ids.county,
          person_id: o.personId,
          person_kind: o.role === 'assistant' ? ('auxiliary' as const) : ('officer' as const),
          role: o.role,
          assigned_by: null,
          assigned_at: now,
        })),
      )
      .execute();
    const named = officers.map((o) => ({ ...o, name: people.find((p) => p.id === o.personId)!.name }));
    await appendEvent(trx, { ...stream, kind: 'case.officersAssigned', payload: { officers: named } }, now);
    for (let i = 1; i < demo.path.length; i += 1)
      await appendEvent(
        trx,
        {
          ...stream,
          kind: 'case.transitioned',
          payload: {
            from: demo.path[i - 1]!,
            to: demo.path[i]!,
            outcome: outcomes[demo.path[i - 1]!] ?? null,
            caseNumber: null,
            lateness: [],
          },
        },
        now,
      );
    if (demo.archived)
      await trx.updateTable('enforcement_case').set({ archived_at: now }).where('id', '=', row.id).execute();
  }
}
