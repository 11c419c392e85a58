/**
 * The facts of a case as the rules read them. The server assembles them from
 * its tables and events; every section is optional so a guard reads only what
 * its rule needs. Money is integer fen (分), never a float; dates are
 * Asia/Shanghai calendar dates (IsoDate).
 */
import type { CaseOfficerCandidate, EnforcementItemScope } from '../certificates.js';
import type { IsoDate } from '../dates.js';
import type { Role } from '../roles.js';
import type { PartyHeld } from './party.js';
import type { ProcessKind, RecordingKind, StageId } from './types.js';

export type PartyKind = 'individual' | 'organisation';

/** 行政处罚的种类 (行政处罚法 art. 9). */
export const penaltyKinds = [
  'warning',
  'publicCriticism',
  'fine',
  'confiscateIllegalGains',
  'confiscateIllegalProperty',
  'suspendLicence',
  'lowerQualification',
  'revokeLicence',
  'restrictBusiness',
  'orderSuspension',
  'orderClosure',
  'restrictPractice',
  'detention',
  'other',
] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];

export const penaltyKindLabels: Record<PenaltyKind, string> = {
  warning: '警告',
  publicCriticism: '通报批评',
  fine: '罚款',
  confiscateIllegalGains: '没收违法所得',
  confiscateIllegalProperty: '没收非法财物',
  suspendLicence: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokeLicence: '吊销许可证件',
  restrictBusiness: '限制开展生产经营活动',
  orderSuspension: '责令停产停业',
  orderClosure: '责令关闭',
  restrictPractice: '限制从业',
  detention: '行政拘留',
  other: '法律、行政法规规定的其他行政处罚',
};

/**
 * Severity order used by N3 ("no heavier penalty than notified"). The law gives
 * no ranking; this one follows the grouping of 行政处罚法 art. 9, from reputation
 * to property to qualification to the right to operate to personal liberty:
 *   1 警告、通报批评
 *   2 罚款、没收违法所得、没收非法财物
 *   3 暂扣许可证件、降低资质等级
 *   4 吊销许可证件、限制开展生产经营活动、责令停产停业、责令关闭、限制从业
 *   5 行政拘留
 * `other` (a kind only a statute names) ranks 4 and is never treated as lighter.
 */
export const penaltySeverity: Record<PenaltyKind, number> = {
  warning: 1,
  publicCriticism: 1,
  fine: 2,
  confiscateIllegalGains: 2,
  confiscateIllegalProperty: 2,
  suspendLicence: 3,
  lowerQualification: 3,
  revokeLicence: 4,
  restrictBusiness: 4,
  orderSuspension: 4,
  orderClosure: 4,
  restrictPractice: 4,
  detention: 5,
  other: 4,
};

/** A proposed (notified) or decided penalty. */
export interface PenaltyContent {
  kinds: readonly PenaltyKind[];
  /** 罚款 in fen. */
  fineFen?: number;
  /** 没收违法所得 in fen. */
  illegalGainsFen?: number;
  /** Value of 没收非法财物 in fen. */
  illegalPropertyValueFen?: number;
  /** Durations in days for kinds that last (暂扣、限制、停产停业、拘留). */
  durationDays?: Partial<Record<PenaltyKind, number>>;
}

export interface Investigator extends CaseOfficerCandidate {
  id: string;
  name: string;
}

export interface ViolationFacts {
  /** The day the act was committed (or began). */
  occurredOn: IsoDate;
  /** 连续或者继续状态: the limitation runs from the end of the act. */
  continuing: boolean;
  /** End of a continuing act; null while it goes on. */
  endedOn?: IsoDate | null;
  /** 涉及公民生命健康安全、金融安全且有危害后果 (art. 36): the longer limitation. */
  severeHarm: boolean;
}

/** N6: an extension of the case time limit; only approved ones count. */
export interface TimeLimitExtension {
  days: number;
  approved: boolean;
  approvedOn?: IsoDate;
  reason: string;
}

/** A recorded period not counted in the case time limit (听证、检测、鉴定、公告…), where a rule says so. */
export interface PausedPeriod {
  from: IsoDate;
  /** Inclusive; absent while the pause lasts. */
  to?: IsoDate;
  reason: string;
}

export interface PriorNoticeFacts {
  /** The day the 行政处罚事先告知书 reached the party (on the spot: the day told). */
  servedOn: IsoDate;
  proposal: PenaltyContent;
  hearingRightNotified: boolean;
}

export interface DefenceFacts {
  /** The party explicitly gave up statement and defence (明确放弃). */
  waived?: boolean;
  /** Statement and defence heard (simple procedure: on the spot). */
  heardOn?: IsoDate;
}

export interface HearingFacts {
  requestedOn?: IsoDate;
  /** The party gave up (or withdrew) the hearing request. */
  waived?: boolean;
  noticeServedOn?: IsoDate;
  scheduledOn?: IsoDate;
  heldOn?: IsoDate;
}

export interface LegalReviewFacts {
  outcome: 'pending' | 'passed' | 'failed' | 'returned';
  reviewedOn?: IsoDate;
  reviewerId?: string;
  /** The proposal revision reviewed; a changed proposal needs a new review. */
  proposalRevision?: number;
}

export interface DeliberationFacts {
  heldOn: IsoDate;
  chairedByAgencyHead: boolean;
}

/** R2 三项说理. */
export interface DecisionReasons {
  evidence?: string;
  basis?: string;
  discretion?: string;
}

export type DecisionOutcome = 'penalty' | 'noPenalty' | 'cancel' | 'transfer';

export interface DecisionFacts {
  outcome: DecisionOutcome;
  decidedOn: IsoDate;
  penalty?: PenaltyContent;
  reasons?: DecisionReasons;
}

export interface ServiceFacts {
  servedOn?: IsoDate;
}

export interface PaymentRecord {
  paidOn: IsoDate;
  amountFen: number;
  /** 罚缴分离: the bank's or e-payment system's reference. */
  bankReference: string;
}

export interface PaymentFacts {
  fineFen: number;
  /** Approved deferral (暂缓缴纳, art. 66): a later single due date. */
  deferral?: { approved: boolean; until: IsoDate };
  /** Approved instalment plan (分期缴纳, art. 66); amounts sum to the fine. */
  instalments?: { approved: boolean; parts: readonly { dueOn: IsoDate; amountFen: number }[] };
  payments: readonly PaymentRecord[];
}

export interface SeizureExtension {
  days: number;
  approved: boolean;
  approvedOn?: IsoDate;
}

/** 行政强制法 art. 25(3): testing periods are excluded once defined and told to the party in writing. */
export interface TestingPeriod {
  from: IsoDate;
  to?: IsoDate;
  partyNotified: boolean;
}

export interface SeizureFacts {
  approval: { approved: boolean; approvedOn?: IsoDate; emergency?: boolean };
  /** The day the seizure was carried out and decided: the term starts the next day. */
  decidedOn: IsoDate;
  termDays: number;
  extensions: readonly SeizureExtension[];
  testingPeriods?: readonly TestingPeriod[];
  disposedOn?: IsoDate;
}

export interface LinkedRecording {
  id: string;
  stage: StageId;
  kind: RecordingKind;
}

export interface CaseFacts {
  processKind: ProcessKind;
  currentStage?: StageId;
  completedStages?: readonly StageId[];
  /** The outcome recorded at the current stage (e.g. decide → penalty). */
  currentOutcome?: string;
  /** `held`: which of the details art. 59(一) needs the case holds (absent where not known, e.g. in tests of other rules). */
  party?: { kind: PartyKind; held?: PartyHeld };
  item?: EnforcementItemScope;
  investigators?: readonly Investigator[];
  violation?: ViolationFacts;
  /** When the act came to the agency's notice (案件来源登记): the N10 reference date. */
  discoveredOn?: IsoDate;
  registeredOn?: IsoDate;
  timeLimitExtensions?: readonly TimeLimitExtension[];
  pausedPeriods?: readonly PausedPeriod[];
  /** The penalty currently proposed, and its revision (for L1). */
  proposal?: PenaltyContent;
  proposalRevision?: number;
  priorNotice?: PriorNoticeFacts;
  defence?: DefenceFacts;
  hearing?: HearingFacts;
  /** Flagged major by the catalogue (L3). */
  major?: boolean;
  legalReview?: LegalReviewFacts;
  /** 情节复杂或者重大违法行为 (art. 57(2)). */
  complexOrMajor?: boolean;
  deliberation?: DeliberationFacts;
  decision?: DecisionFacts;
  service?: ServiceFacts;
  payment?: PaymentFacts;
  seizure?: SeizureFacts;
  recordings?: readonly LinkedRecording[];
  /** Filing of a major penalty with the superior and the justice bureau (L7). */
  majorFiledOn?: IsoDate;
  /** Execution ended without full payment: the court's enforcement concluded, or 终结执行 approved (N8). */
  executionEnded?: { endedOn: IsoDate; reason: ExecutionEndReason };
  /** The approvals given at the current stage, in the order given (a stage's approval chain). */
  approvals?: readonly StageApproval[];
}

/** One approver's 审批意见 at a stage whose definition names several approvers, in order. */
export interface StageApproval {
  stage: StageId;
  role: Role;
  userId: string;
  approvedOn: IsoDate;
}

/** How execution of a fine ends other than by payment in full (行政强制法 art. 39, 40, 53). */
export const executionEndReasons = ['courtConcluded', 'terminated'] as const;
export type ExecutionEndReason = (typeof executionEndReasons)[number];
export const executionEndReasonLabels: Record<ExecutionEndReason, string> = {
  courtConcluded: '人民法院强制执行完毕',
  terminated: '依法终结执行',
};
