/**
 * The case's inputs and stored facts as zod schemas: one validation for the
 * API, the `facts` column and the ledger payloads. Money is integer fen, dates
 * are Asia/Shanghai calendar dates (YYYY-MM-DD), as in core/src/process/facts.ts.
 */
import {
  caseProcessKinds,
  executionEndReasons,
  penaltyKinds,
  processKinds,
  recordingKinds,
  roles,
  stageIds,
} from '@zhifa/core';
import { z } from 'zod';
import { isoDate, text, uuid } from '../../http/fields.js';

export const fen = z.number().int().min(0).max(10_000_000_000_000);
export const version = z.number().int().min(1).max(1_000_000_000);
export const stage = z.enum(stageIds);

export const penaltyContent = z.strictObject({
  kinds: z
    .array(z.enum(penaltyKinds))
    .min(1, { message: '至少选择一种处罚' })
    .max(penaltyKinds.length)
    .refine((list) => new Set(list).size === list.length, { message: '处罚种类重复' }),
  fineFen: fen.optional(),
  illegalGainsFen: fen.optional(),
  illegalPropertyValueFen: fen.optional(),
  durationDays: z.partialRecord(z.enum(penaltyKinds), z.number().int().min(1).max(3650)).optional(),
});

export const violation = z.strictObject({
  occurredOn: isoDate,
  continuing: z.boolean(),
  endedOn: isoDate.nullable().optional(),
  severeHarm: z.boolean(),
});

export const reasons = z.strictObject({
  evidence: text(5000, 0).optional(),
  basis: text(5000, 0).optional(),
  discretion: text(5000, 0).optional(),
});

export const decisionOutcomes = ['penalty', 'noPenalty', 'cancel', 'transfer'] as const;
export const legalReviewOutcomes = ['passed', 'failed', 'returned'] as const;
export const disposalOutcomes = ['release', 'confiscate', 'destroy', 'transfer'] as const;
export const paymentChannels = ['bank', 'ePayment'] as const;

// ---------------------------------------------------------------------------
// Stored fact sections (the `facts` column). Each step writes one section.

const priorNotice = z.strictObject({
  servedOn: isoDate,
  proposal: penaltyContent,
  hearingRightNotified: z.boolean(),
});
const defence = z.strictObject({ waived: z.boolean().optional(), heardOn: isoDate.optional() });
const hearing = z.strictObject({
  requestedOn: isoDate.optional(),
  waived: z.boolean().optional(),
  noticeServedOn: isoDate.optional(),
  scheduledOn: isoDate.optional(),
  heldOn: isoDate.optional(),
});
const legalReview = z.strictObject({
  outcome: z.enum(legalReviewOutcomes),
  reviewedOn: isoDate,
  reviewerId: uuid,
  reviewerName: z.string(),
  proposalRevision: z.number().int().min(0),
  opinion: z.string(),
});
const deliberation = z.strictObject({
  heldOn: isoDate,
  chairedByAgencyHead: z.boolean(),
  conclusion: z.string(),
});
const decision = z.strictObject({
  outcome: z.enum(decisionOutcomes),
  decidedOn: isoDate,
  penalty: penaltyContent.optional(),
  reasons: reasons.optional(),
});
const paymentPart = z.strictObject({ dueOn: isoDate, amountFen: fen });
/** N8 (art. 66): approved by the agency head; a later plan replaces the earlier one. */
const paymentPlanApproval = { approvedOn: isoDate, reason: z.string() };
const payment = z.strictObject({
  fineFen: fen,
  deferral: z.strictObject({ until: isoDate, ...paymentPlanApproval }).optional(),
  instalments: z.strictObject({ parts: z.array(paymentPart), ...paymentPlanApproval }).optional(),
  payments: z.array(
    z.strictObject({
      paidOn: isoDate,
      amountFen: fen,
      channel: z.enum(paymentChannels),
      bankReference: z.string(),
    }),
  ),
});
const extension = z.strictObject({
  days: z.number().int(),
  approved: z.boolean(),
  approvedOn: isoDate.optional(),
  reason: z.string(),
});
const seizureApproval = z.strictObject({ approvedOn: isoDate, emergency: z.boolean() });
const seizure = z.strictObject({
  decidedOn: isoDate,
  termDays: z.number().int(),
  emergency: z.boolean(),
  items: z.string(),
  extensions: z.array(z.strictObject({ days: z.number().int(), approved: z.boolean(), approvedOn: isoDate })),
  disposedOn: isoDate.optional(),
  disposalOutcome: z.enum(disposalOutcomes).optional(),
});

export const storedFactsSchema = z.strictObject({
  violation: violation.optional(),
  discoveredOn: isoDate.optional(),
  complexOrMajor: z.boolean().optional(),
  proposal: penaltyContent.optional(),
  proposalRevision: z.number().int().min(0).optional(),
  priorNotice: priorNotice.optional(),
  defence: defence.optional(),
  hearing: hearing.optional(),
  legalReview: legalReview.optional(),
  deliberation: deliberation.optional(),
  decision: decision.optional(),
  service: z.strictObject({ servedOn: isoDate, method: z.string() }).optional(),
  payment: payment.optional(),
  timeLimitExtensions: z.array(extension).optional(),
  pausedPeriods: z
    .array(z.strictObject({ from: isoDate, to: isoDate.optional(), reason: z.string() }))
    .optional(),
  seizureApproval: seizureApproval.optional(),
  seizure: seizure.optional(),
  /** L7: filed with the superior agency and the justice bureau. */
  majorFiling: z.strictObject({ filedOn: isoDate, recipients: z.string() }).optional(),
  /** N8: execution ended without full payment, approved by the agency head. */
  executionEnded: z
    .strictObject({ endedOn: isoDate, reason: z.enum(executionEndReasons), note: z.string() })
    .optional(),
  /** 审批意见 at stages with an approval chain (立案, 结案: 承办机构负责人 → 机关负责人), in order. */
  approvals: z
    .array(
      z.strictObject({
        stage: z.enum(stageIds),
        role: z.enum(roles),
        userId: z.string(),
        name: z.string(),
        opinion: z.string(),
        approvedOn: isoDate,
      }),
    )
    .optional(),
});
export type StoredFacts = z.infer<typeof storedFactsSchema>;

// ---------------------------------------------------------------------------
// Request bodies.

/** A case's id in the path. Here, not in load.ts: route modules the presenter imports need it at load time. */
export const idParams = z.strictObject({ id: uuid });

/** What may be given of the party, at registration or later on the case (art. 59(一)). */
export const partyDetails = {
  /** 身份证号 of a person, or 统一社会信用代码 of an organisation. */
  idNumber: text(18).optional(),
  address: text(200).optional(),
  phone: text(20).optional(),
  /** An organisation's 法定代表人 or 负责人. */
  representative: text(50).optional(),
};

export const partyInput = z.strictObject({
  kind: z.enum(['individual', 'organisation']),
  name: text(200),
  ...partyDetails,
});

/** Completing the party on the case (art. 59(一)): the details not given at registration, or corrected. */
export const partyBody = z.strictObject({ version, ...partyDetails });

export const registerBody = z.strictObject({
  processKind: z.enum(caseProcessKinds, {
    message: '行政许可、行政征收尚不能作为案件登记；请选择行政处罚、查封扣押或行政检查流程',
  }),
  title: text(200),
  source: text(40),
  sourceNote: text(2000, 0).optional(),
  party: partyInput,
  enforcementItemId: uuid.optional(),
  discoveredOn: isoDate,
  violation: violation.optional(),
});

export const officerRoles = ['lead', 'assisting', 'assistant'] as const;
export const officersBody = z.strictObject({
  version,
  officers: z
    .array(z.strictObject({ personId: uuid, role: z.enum(officerRoles) }))
    .min(1)
    .max(20)
    .refine((list) => new Set(list.map((o) => o.personId)).size === list.length, {
      message: '人员重复',
    })
    .refine((list) => list.filter((o) => o.role === 'lead').length <= 1, { message: '主办人只能有一名' }),
});

// 笔录: one structured form per kind.
const participants = z.array(text(100)).max(20);
export const recordContentSchemas = {
  /** 询问笔录. */
  inquiry: z.strictObject({
    place: text(200),
    interviewee: z.strictObject({
      name: text(100),
      relation: z.enum(['party', 'witness', 'other']),
    }),
    inquirers: participants.min(1),
    recorder: text(100),
    questions: z
      .array(z.strictObject({ question: text(2000), answer: text(5000, 0) }))
      .min(1)
      .max(200),
    endedAt: z.iso.datetime({ offset: true }),
  }),
  /** 现场检查（勘验）笔录. */
  onSite: z.strictObject({
    place: text(200),
    inspectors: participants.min(1),
    present: participants,
    findings: text(10_000),
    measures: text(2000, 0).optional(),
    endedAt: z.iso.datetime({ offset: true }),
  }),
  /** 听证笔录. */
  hearing: z.strictObject({
    place: text(200),
    host: text(100),
    participants: participants.min(1),
    statements: z
      .array(z.strictObject({ speaker: text(100), text: text(5000) }))
      .min(1)
      .max(500),
  }),
  /** 陈述申辩笔录. */
  defence: z.strictObject({
    statement: text(10_000),
    evidenceOffered: text(2000, 0).optional(),
  }),
} as const;
export type RecordKind = keyof typeof recordContentSchemas;

export const recordKinds = Object.keys(recordContentSchemas) as RecordKind[];
/** The content is checked against its kind's form by the route (errors name body.content.<field>). */
export const recordBody = z.strictObject({
  kind: z.enum(['inquiry', 'onSite', 'hearing', 'defence']),
  madeAt: z.iso.datetime({ offset: true }),
  content: z.record(z.string(), z.unknown()),
});

export const evidenceBody = z.strictObject({
  evidenceId: uuid,
  partyName: text(200).optional(),
  recordingKind: z.enum(recordingKinds).optional(),
  description: text(500, 0).optional(),
});

export const transitionBody = z.strictObject({
  to: stage,
  outcome: text(40).optional(),
  /** Why a case goes back (退回补充调查, 重新告知, 送法制审核): required for those moves, kept on the ledger. */
  reason: text(500).optional(),
  version,
});

const yes = z.literal(true);
export const listQuery = z.strictObject({
  stage: stage.optional(),
  processKind: z.enum(processKinds).optional(),
  officerId: uuid.optional(),
  /** Cases on which the signed-in user's own person is an officer. */
  mine: z.enum(['true']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  archived: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** Keyset paging ("load more"): the id of the last case shown; `page` is then ignored. */
  after: uuid.optional(),
});

/**
 * The keys a payment plan may have, whatever its kind: an unknown key is named
 * as such before the union looks at `kind` (which would only name `kind`).
 */
const anything = z.unknown().optional();
const paymentPlanKeys = z.strictObject({
  version: anything,
  kind: anything,
  until: anything,
  parts: anything,
  approvedOn: anything,
  reason: anything,
});

// Per-step bodies; the steps themselves are in steps.ts.
export const stepBodies = {
  flags: z
    .strictObject({ version, major: yes.optional(), complexOrMajor: yes.optional(), reason: text(500) })
    .refine((b) => b.major || b.complexOrMajor, { message: '请标记重大案件或情节复杂', path: ['major'] }),
  proposal: z.strictObject({ version, proposal: penaltyContent }),
  priorNotice: z.strictObject({ version, servedOn: isoDate, hearingRightNotified: z.boolean() }),
  defence: z
    .strictObject({ version, waived: z.boolean().optional(), heardOn: isoDate.optional() })
    .refine((b) => b.waived !== undefined || b.heardOn !== undefined, {
      message: '请填写听取陈述申辩日期或当事人放弃',
      path: ['heardOn'],
    }),
  hearing: z
    .strictObject({
      version,
      requestedOn: isoDate.optional(),
      waived: z.boolean().optional(),
      noticeServedOn: isoDate.optional(),
      scheduledOn: isoDate.optional(),
      heldOn: isoDate.optional(),
    })
    .refine((b) => Object.keys(b).length > 1, { message: '请至少填写一项听证信息', path: ['requestedOn'] }),
  legalReview: z.strictObject({
    version,
    outcome: z.enum(legalReviewOutcomes),
    reviewedOn: isoDate,
    opinion: text(5000),
  }),
  deliberation: z.strictObject({
    version,
    heldOn: isoDate,
    chairedByAgencyHead: z.boolean(),
    conclusion: text(5000),
  }),
  decision: z.strictObject({
    version,
    outcome: z.enum(decisionOutcomes),
    decidedOn: isoDate,
    penalty: penaltyContent.optional(),
    reasons: reasons.optional(),
  }),
  service: z.strictObject({
    version,
    servedOn: isoDate,
    method: z.enum(['direct', 'onTheSpot', 'leftAtResidence', 'mail', 'electronic', 'publication']),
  }),
  payment: z.strictObject({
    version,
    paidOn: isoDate,
    amountFen: fen,
    /** 罚缴分离: to the designated bank or the e-payment system; there is no cash option. */
    channel: z.enum(paymentChannels),
    bankReference: text(100, 0),
  }),
  timeLimitExtension: z.strictObject({
    version,
    days: z.number().int().min(1).max(365),
    reason: text(500),
    approvedOn: isoDate,
  }),
  paymentPlan: paymentPlanKeys.pipe(
    z.discriminatedUnion('kind', [
      z.strictObject({
        version,
        kind: z.literal('deferral'),
        until: isoDate,
        approvedOn: isoDate,
        reason: text(500),
      }),
      z.strictObject({
        version,
        kind: z.literal('instalments'),
        parts: z
          .array(z.strictObject({ dueOn: isoDate, amountFen: fen }))
          .min(1)
          .max(12),
        approvedOn: isoDate,
        reason: text(500),
      }),
    ]),
  ),
  majorFiling: z.strictObject({ version, filedOn: isoDate, recipients: text(500) }),
  executionEnded: z.strictObject({
    version,
    endedOn: isoDate,
    reason: z.enum(executionEndReasons),
    note: text(500),
  }),
  approval: z.strictObject({ version, opinion: text(500) }),
  pause: z.strictObject({ version, from: isoDate, reason: text(500) }),
  resume: z.strictObject({ version, to: isoDate }),
  seizureApproval: z.strictObject({ version, approvedOn: isoDate, emergency: z.boolean() }),
  seizure: z.strictObject({
    version,
    decidedOn: isoDate,
    termDays: z.number().int().min(1).max(365),
    emergency: z.boolean(),
    items: text(5000),
  }),
  seizureExtension: z.strictObject({
    version,
    days: z.number().int().min(1).max(365),
    approvedOn: isoDate,
    reason: text(500),
  }),
  seizureDisposal: z.strictObject({
    version,
    disposedOn: isoDate,
    outcome: z.enum(disposalOutcomes),
  }),
} as const;
export type StepName = keyof typeof stepBodies;
