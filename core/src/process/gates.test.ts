/**
 * Issue 16: each gate refuses the act it guards — entering 决定, recording the decision, closing —
 * at the earliest moment the refusal is known, with the rule that forbids it.
 */
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar.js';
import { defaultJurisdictionSettings } from '../settings.js';
import { backTransitions, processDefinition } from './definitions.js';
import type { CaseFacts } from './facts.js';
import {
  checkApprovalChain,
  checkExecutionComplete,
  decisionEntryRefusals,
  decisionRecordRefusals,
  decisionRefusals,
  nextApproval,
  noticeEntryRefusals,
  stageCompletionRefusals,
} from './gates.js';
import { checkCaseTransition } from './guards.js';
import type { GuardResult, Refusal, RuleContext } from './result.js';
import { caseProcessKinds } from './types.js';

const calendar = buildCalendar([2025, 2026, 2027], []);
const context = (today: string): RuleContext => ({ settings: defaultJurisdictionSettings, calendar, today });
const rules = (refusals: Refusal[]) => refusals.map((r) => `${r.rule}:${r.code}`);
const code = (result: GuardResult) => (result.ok ? 'ok' : `${result.rule}:${result.code}`);

/** Notified on Tuesday 2026-12-01: the 5-working-day defence and hearing-request periods run to 12-08. */
const notified: CaseFacts = {
  processKind: 'penaltyGeneral',
  party: { kind: 'organisation' },
  registeredOn: '2026-11-20',
  investigators: [{ id: 'p1', name: '甲', certificates: [] } as never, { id: 'p2', name: '乙' } as never],
  completedStages: ['intake', 'register', 'investigate', 'review'],
  proposal: { kinds: ['fine'], fineFen: 500_000 },
  priorNotice: {
    servedOn: '2026-12-01',
    proposal: { kinds: ['fine'], fineFen: 500_000 },
    hearingRightNotified: false,
  },
};
const decided = (on: string, facts: CaseFacts = notified): CaseFacts => ({
  ...facts,
  decision: {
    outcome: 'penalty',
    decidedOn: on,
    penalty: { kinds: ['fine'], fineFen: 500_000 },
    reasons: { evidence: '证据', basis: '依据', discretion: '裁量' },
  },
});

describe('entering 决定: refused while deciding is already forbidden', () => {
  it.each([
    ['N3: inside the defence period', notified, '2026-12-07', ['N3:DEFENCE_PERIOD_RUNNING']],
    ['N3: on its last day', notified, '2026-12-08', ['N3:DEFENCE_PERIOD_RUNNING']],
    ['after both periods', notified, '2026-12-09', []],
    ['the defence waived, no hearing right', { ...notified, defence: { waived: true } }, '2026-12-02', []],
    [
      'N4: a hearing right, its request period running (defence waived)',
      {
        ...notified,
        party: { kind: 'individual' },
        defence: { waived: true },
        priorNotice: {
          servedOn: '2026-12-01',
          proposal: { kinds: ['fine'], fineFen: 5_000_000 },
          hearingRightNotified: true,
        },
      },
      '2026-12-03',
      ['N4:HEARING_REQUEST_PERIOD_RUNNING'],
    ],
    [
      'L1: a major case without a passed review',
      { ...notified, major: true },
      '2026-12-09',
      ['L1:LEGAL_REVIEW_NOT_PASSED'],
    ],
    [
      'L1: a major case going to 决定 without a notice (撤销立案) still needs its review',
      { ...notified, priorNotice: undefined, major: true } as CaseFacts,
      '2026-12-09',
      ['L1:LEGAL_REVIEW_NOT_PASSED'],
    ],
    [
      'no notice, not major: 不予处罚 owes no period',
      { ...notified, priorNotice: undefined } as CaseFacts,
      '2026-12-02',
      [],
    ],
    [
      'N5: a complex case without a deliberation',
      { ...notified, complexOrMajor: true },
      '2026-12-09',
      ['N5:COLLECTIVE_DELIBERATION_MISSING'],
    ],
  ] as const)('%s', (_name, facts, today, expected) => {
    expect(rules(decisionEntryRefusals(facts as CaseFacts, context(today)))).toEqual(expected);
  });

  it('the simple procedure and the other processes have no such gate', () => {
    expect(
      decisionEntryRefusals({ ...notified, processKind: 'penaltySimple' }, context('2026-12-02')),
    ).toEqual([]);
  });
});

describe('recording the decision: judged on the day it was made', () => {
  it.each([
    [
      'N3: dated inside the defence period, recorded after it',
      '2026-12-07',
      '2026-12-10',
      ['N3:DEFENCE_PERIOD_RUNNING'],
    ],
    ['dated after it', '2026-12-09', '2026-12-10', []],
  ] as const)('%s', (_name, on, today, expected) => {
    expect(rules(decisionRecordRefusals(decided(on), context(today)))).toEqual(expected);
  });

  it('L1: a major decision dated before its review passed is refused', () => {
    const reviewed: CaseFacts = {
      ...decided('2026-12-09'),
      major: true,
      legalReview: { outcome: 'passed', reviewedOn: '2026-12-10', reviewerId: 'r1' },
    };
    expect(rules(decisionRecordRefusals(reviewed, context('2026-12-11')))).toEqual([
      'L1:LEGAL_REVIEW_NOT_PASSED',
    ]);
    const after = { ...reviewed, decision: { ...reviewed.decision!, decidedOn: '2026-12-10' } };
    expect(rules(decisionRecordRefusals(after, context('2026-12-11')))).toEqual([]);
  });

  it('R2 at the act; the stage’s recording (R4) is left to the move out of 决定', () => {
    const bare = decided('2026-12-09');
    const noReasons = { ...bare, decision: { ...bare.decision!, reasons: {} } };
    expect(rules(decisionRecordRefusals(noReasons, context('2026-12-09')))).toEqual([
      'R2:DECISION_REASONS_MISSING',
    ]);
  });
});

describe('N8 at 结案: nothing closed with money owed', () => {
  const served: CaseFacts = {
    ...decided('2026-12-09'),
    service: { servedOn: '2026-12-10' },
    payment: { fineFen: 20_000, payments: [] },
  };
  const paid = (amountFen: number, paidOn = '2026-12-11') => ({ paidOn, amountFen, bankReference: 'B1' });
  it.each([
    ['unpaid within the 15 days', served, '2026-12-12', 'N8:EXECUTION_INCOMPLETE'],
    [
      'deferred to 2027, unpaid',
      { ...served, payment: { ...served.payment!, deferral: { approved: true, until: '2027-03-01' } } },
      '2026-12-20',
      'N8:EXECUTION_INCOMPLETE',
    ],
    [
      'second instalment unpaid',
      {
        ...served,
        payment: {
          ...served.payment!,
          instalments: {
            approved: true,
            parts: [
              { dueOn: '2026-12-20', amountFen: 10_000 },
              { dueOn: '2027-01-20', amountFen: 10_000 },
            ],
          },
          payments: [paid(10_000)],
        },
      },
      '2026-12-21',
      'N8:EXECUTION_INCOMPLETE',
    ],
    [
      'paid in full, in time',
      { ...served, payment: { ...served.payment!, payments: [paid(20_000)] } },
      '2026-12-12',
      'ok',
    ],
    [
      'the fine paid but not the late fee',
      { ...served, payment: { ...served.payment!, payments: [paid(20_000, '2027-01-05')] } },
      '2027-01-06',
      'N8:EXECUTION_INCOMPLETE',
    ],
    [
      'execution ended by the court',
      { ...served, executionEnded: { endedOn: '2027-02-01', reason: 'courtConcluded' } },
      '2027-02-01',
      'ok',
    ],
    [
      'no fine (不予处罚)',
      {
        ...served,
        decision: { outcome: 'noPenalty', decidedOn: '2026-12-09' },
        payment: undefined,
      } as CaseFacts,
      '2026-12-12',
      'ok',
    ],
  ] as const)('%s', (_name, facts, today, expected) => {
    expect(code(checkExecutionComplete(facts as CaseFacts, context(today)))).toBe(expected);
  });
});

describe('no case is stranded: every state has a lawful way on or back', () => {
  it.each(caseProcessKinds.map((kind) => [kind]))(
    '%s: every non-final stage has an open arrow for each of its outcomes',
    (kind) => {
      const definition = processDefinition(kind);
      for (const stage of definition.stages) {
        if (stage.next.length === 0) {
          expect(stage.id, `${kind}: only 归档 ends a process`).toBe('archive');
          continue;
        }
        for (const outcome of stage.outcomes?.map((o) => o.id) ?? [undefined]) {
          const open = stage.next.filter(
            (t) => !t.outcomes || (outcome !== undefined && t.outcomes.includes(outcome)),
          );
          expect(open.length, `${kind}: ${stage.id} with outcome ${outcome}`).toBeGreaterThan(0);
        }
      }
    },
  );

  it.each([
    ['flagged major at 决定, no review', { major: true }, 'legalReview'],
    ['a heavier penalty than notified is wanted', {}, 'notify'],
    ['the facts need more investigation', {}, 'investigate'],
  ] as const)('penaltyGeneral at 决定, %s: the way back is open', (_name, extra, to) => {
    const atDecide: CaseFacts = {
      ...notified,
      ...extra,
      currentStage: 'decide',
      completedStages: [...notified.completedStages!, 'notify'],
    };
    expect(code(checkCaseTransition(atDecide, to))).toBe('ok');
    expect(backTransitions(processDefinition('penaltyGeneral')).has(`decide>${to}`)).toBe(true);
  });
});

// The flowchart publishes 立案 and 结案 as 审批：承办机构负责人 → 机关负责人: each approves, in that order.
describe('PROCESS: approval chains in the published order', () => {
  const atRegister: CaseFacts = {
    processKind: 'penaltyGeneral',
    currentStage: 'register',
    completedStages: ['intake'],
  };
  const unitHead = { userId: 'u1', roles: ['unit_head'] as const };
  const head = { userId: 'h1', roles: ['agency_head'] as const };
  const approved = (facts: CaseFacts, ...roles: ('unit_head' | 'agency_head')[]): CaseFacts => ({
    ...facts,
    approvals: roles.map((role) => ({
      stage: 'register' as const,
      role,
      userId: role === 'unit_head' ? 'u1' : 'h1',
      approvedOn: '2026-12-01',
    })),
  });

  it('立案 is not complete until both have approved', () => {
    expect(code(checkApprovalChain(atRegister, 'register'))).toBe('PROCESS:APPROVAL_PENDING');
    expect(rules(stageCompletionRefusals(atRegister, 'register', context('2026-12-01')))).toContain(
      'PROCESS:APPROVAL_PENDING',
    );
    expect(code(checkApprovalChain(approved(atRegister, 'unit_head'), 'register'))).toBe(
      'PROCESS:APPROVAL_PENDING',
    );
    expect(code(checkApprovalChain(approved(atRegister, 'unit_head', 'agency_head'), 'register'))).toBe('ok');
  });

  it('the agency head approves only after the unit head, and nobody twice', () => {
    const refused = nextApproval(atRegister, 'register', head);
    expect(typeof refused === 'string' ? refused : refused.message).toMatch(/须先经承办机构负责人审批/);
    expect(nextApproval(atRegister, 'register', unitHead)).toBe('unit_head');
    expect(nextApproval(approved(atRegister, 'unit_head'), 'register', head)).toBe('agency_head');
    const both = { userId: 'u1', roles: ['unit_head', 'agency_head'] as const };
    const twice = nextApproval(approved(atRegister, 'unit_head'), 'register', both);
    expect(typeof twice === 'string' ? twice : twice.code).toBe('APPROVAL_OUT_OF_ORDER');
    const done = nextApproval(approved(atRegister, 'unit_head', 'agency_head'), 'register', head);
    expect(typeof done === 'string' ? done : done.code).toBe('APPROVAL_OUT_OF_ORDER');
  });

  it('a stage with one approver has no chain: its approver’s move is the approval', () => {
    const atReview: CaseFacts = { ...atRegister, currentStage: 'review' };
    expect(code(checkApprovalChain(atReview, 'review'))).toBe('ok');
    const none = nextApproval(atReview, 'review', unitHead);
    expect(typeof none === 'string' ? none : none.code).toBe('APPROVAL_OUT_OF_ORDER');
  });
});

// R2 / art. 59(一): the notice and the decision name the party fully.
describe('R2: the party named fully before 事先告知 and in a decision on the spot', () => {
  const held = { idNumber: true, address: true, phone: false, representative: false };
  const person: CaseFacts = { processKind: 'penaltyGeneral', party: { kind: 'individual', held } };
  it('entering 事先告知 is refused naming what is missing; a complete party passes', () => {
    const refusals = noticeEntryRefusals(person);
    expect(rules(refusals)).toEqual(['R2:PARTY_INCOMPLETE']);
    expect(refusals[0]!.message).toContain('缺少联系电话');
    expect(
      noticeEntryRefusals({ ...person, party: { kind: 'individual', held: { ...held, phone: true } } }),
    ).toEqual([]);
    const organisation = { kind: 'organisation' as const, held: { ...held, representative: true } };
    expect(noticeEntryRefusals({ ...person, party: organisation })).toEqual([]);
  });
  it('a simple-procedure penalty recorded without the party’s details is refused', () => {
    const onTheSpot: CaseFacts = {
      ...decided('2026-12-01'),
      processKind: 'penaltySimple',
      priorNotice: undefined,
      party: { kind: 'individual', held },
      decision: { ...decided('2026-12-01').decision!, penalty: { kinds: ['fine'], fineFen: 10_000 } },
    };
    expect(rules(decisionRefusals(onTheSpot, context('2026-12-01')))).toContain('R2:PARTY_INCOMPLETE');
  });
});
