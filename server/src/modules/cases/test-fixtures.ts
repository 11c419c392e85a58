/**
 * What the route-table tests (authorization matrix, bad input) need to call the
 * case routes: a case per agency at its first stage, and a well-formed request
 * body for each route. Bodies name version 1: after the first change a repeat
 * answers 409, which is still "allowed to call".
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { appendEvent } from '../../ledger/append.js';
import { caseStream } from './service.js';
import { steps } from './steps.js';

export async function createCaseFixture(db: Kysely<DB>, agencyId: string, now: Date): Promise<string> {
  const row = await db
    .insertInto('enforcement_case')
    .values({
      agency_id: agencyId,
      process_kind: 'penaltyGeneral',
      stage: 'intake',
      title: '矩阵测试案件',
      source: 'inspection',
      party_kind: 'organisation',
      party_name: '矩阵测试运输有限公司',
      party_id_number_cipher: null,
      party_id_number_masked: null,
      enforcement_item_id: null,
      facts: JSON.stringify({ discoveredOn: '2026-11-24' }),
      created_by: null,
      created_at: now,
      updated_at: now,
      archived_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Every real case has its stream from registration on.
  await appendEvent(
    db,
    {
      streamId: caseStream(row.id),
      agencyId,
      actorId: null,
      kind: 'test.note',
      payload: { text: '矩阵测试案件' },
    },
    now,
  );
  return row.id;
}

const day = '2026-11-24';
const stepExamples: Record<string, Record<string, unknown>> = {
  flags: { complexOrMajor: true, reason: '矩阵测试' },
  proposal: { proposal: { kinds: ['warning'] } },
  priorNotice: { servedOn: day, hearingRightNotified: false },
  defence: { waived: true },
  hearing: { waived: true },
  legalReview: { outcome: 'passed', reviewedOn: day, opinion: '矩阵测试' },
  deliberation: { heldOn: day, chairedByAgencyHead: true, conclusion: '矩阵测试' },
  decision: {
    outcome: 'noPenalty',
    decidedOn: day,
    reasons: { evidence: '甲', basis: '乙', discretion: '丙' },
  },
  service: { servedOn: day, method: 'direct' },
  payment: { paidOn: day, amountFen: 100, channel: 'bank', bankReference: 'MATRIX-1' },
  timeLimitExtension: { days: 30, reason: '矩阵测试', approvedOn: day },
  paymentPlan: { kind: 'deferral', until: '2026-12-31', approvedOn: day, reason: '矩阵测试' },
  majorFiling: { filedOn: day, recipients: '矩阵测试' },
  executionEnded: { endedOn: day, reason: 'terminated', note: '矩阵测试' },
  pause: { from: day, reason: '矩阵测试' },
  resume: { to: day },
  seizureApproval: { approvedOn: day, emergency: false },
  seizure: { decidedOn: day, termDays: 30, emergency: false, items: '矩阵测试' },
  seizureExtension: { days: 10, approvedOn: day, reason: '矩阵测试' },
  seizureDisposal: { disposedOn: day, outcome: 'release' },
  approval: { opinion: '矩阵测试' },
};

type Side = 'own' | 'other';

/** Example requests by `METHOD url`; `ids(side)` gives the side's evidence and person. */
export function caseExamples(ids: (side: Side) => { evidence: string; person: string; item: string }) {
  const examples: Record<string, (side: Side) => { body?: unknown }> = {
    'POST /api/cases': () => ({
      body: {
        processKind: 'penaltyGeneral',
        title: '矩阵测试登记',
        source: 'inspection',
        party: { kind: 'organisation', name: '矩阵测试运输有限公司' },
        discoveredOn: day,
        violation: { occurredOn: day, continuing: false, severeHarm: false },
      },
    }),
    'PUT /api/cases/:id/officers': (side) => ({
      body: { version: 1, officers: [{ personId: ids(side).person, role: 'lead' }] },
    }),
    'POST /api/cases/:id/records': () => ({
      body: { kind: 'defence', madeAt: '2026-11-24T10:00:00+08:00', content: { statement: '矩阵测试' } },
    }),
    'POST /api/cases/:id/evidence': (side) => ({ body: { evidenceId: ids(side).evidence } }),
    'PATCH /api/cases/:id/party': () => ({ body: { version: 1, address: '矩阵测试地址' } }),
    'PUT /api/cases/:id/item': (side) => ({ body: { version: 1, enforcementItemId: ids(side).item } }),
    'POST /api/cases/:id/transitions': () => ({ body: { to: 'register', outcome: 'register', version: 1 } }),
    // At 案件来源登记 nothing is produced yet (422 PROCESS); after the move above, a 立案审批表.
    'POST /api/cases/:id/documents': () => ({
      body: { kind: 'filingApproval', data: { facts: '矩阵测试', approvalOpinion: '矩阵测试' } },
    }),
  };
  for (const step of steps)
    examples[`POST /api/cases/:id/${step.path}`] = () => ({
      body: { version: 1, ...stepExamples[step.name] },
    });
  return examples;
}

/** Every case route with a path parameter names the case. */
export const casePathPrefix = '/api/cases/:id';
