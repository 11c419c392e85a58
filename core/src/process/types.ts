/**
 * The vocabulary of process definitions: kinds of act, stages, conditions,
 * recordings. Definitions are data (definitions.ts); guards (guards.ts and the
 * topic files) are pure functions over a case's facts; the flowchart the public
 * portal publishes is rendered from the same data (flowchart.ts), so what is
 * published is what the system enforces.
 */
import type { Role } from '../roles.js';

/** Kinds of enforcement act for flowcharts (P6) and power lists (P3). */
export const actKinds = ['licensing', 'penalty', 'coercion', 'inspection', 'expropriation', 'other'] as const;
export type ActKind = (typeof actKinds)[number];

export const actKindLabels: Record<ActKind, string> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  inspection: '行政检查',
  expropriation: '行政征收征用',
  other: '其他行政执法行为',
};

/** One process definition per kind of procedure. */
export const processKinds = [
  'penaltyGeneral',
  'penaltySimple',
  'seizure',
  'inspection',
  'licensing',
  'expropriation',
] as const;
export type ProcessKind = (typeof processKinds)[number];

/**
 * The processes a case can be registered in. 行政许可 and 行政征收 are published as flowcharts (P6)
 * but have no steps, clocks or documents yet: no case is opened in them until they do (issue 16).
 */
export const caseProcessKinds = [
  'penaltyGeneral',
  'penaltySimple',
  'seizure',
  'inspection',
] as const satisfies readonly ProcessKind[];

/**
 * Stage identifiers across all definitions. The case stages follow the glossary
 * (register · investigate · review · notify · hear · decide · serve · execute ·
 * close · archive); the others name what the stage does.
 */
export const stageIds = [
  // general-procedure penalty
  'intake',
  'register',
  'investigate',
  'review',
  'notify',
  'hear',
  'legalReview',
  'deliberate',
  'decide',
  'serve',
  'execute',
  'close',
  'archive',
  // simple-procedure penalty
  'identify',
  'defence',
  'file',
  // seizure
  'approve',
  'notifyParty',
  'record',
  'extend',
  'dispose',
  // inspection
  'plan',
  'inspect',
  'handle',
  // licensing
  'apply',
  'accept',
  // expropriation
  'consult',
  'assess',
  'announce',
  'compensate',
] as const;
export type StageId = (typeof stageIds)[number];

/**
 * Conditions under which a conditional stage is entered. A condition that holds
 * makes its stage obligatory: the transition guard refuses to skip it.
 */
export const conditionIds = [
  'hearingRequested',
  'majorDecision',
  'complexOrMajorCase',
  'performanceRequired',
  'fineImposed',
  'seizureExtensionNeeded',
  'licensingHearing',
  'expropriationHearing',
  'compulsoryExecution',
] as const;
export type ConditionId = (typeof conditionIds)[number];

export const conditionLabels: Record<ConditionId, string> = {
  hearingRequested: '当事人依法要求听证',
  majorDecision: '属于重大执法决定（目录清单所列或经过听证）',
  complexOrMajorCase: '情节复杂或者重大违法行为',
  performanceRequired: '决定需当事人履行（罚款、没收等）',
  fineImposed: '当场决定罚款',
  seizureExtensionNeeded: '情况复杂，需延长查封、扣押期限',
  licensingHearing: '依法应当听证或者申请人、利害关系人申请听证',
  expropriationHearing: '旧城区改建中多数被征收人认为征收补偿方案不符合规定',
  compulsoryExecution: '被征收人在法定期限内不申请复议、不起诉又不搬迁',
};

/** R4: full-process recording is mandatory, made as needed, or not expected. */
export const recordingRequirements = ['mandatory', 'asNeeded', 'none'] as const;
export type RecordingRequirement = (typeof recordingRequirements)[number];

export const recordingRequirementLabels: Record<RecordingRequirement, string> = {
  mandatory: '全程音像记录',
  asNeeded: '根据实际情况音像记录',
  none: '文字记录',
};

export const recordingKinds = ['video', 'audio', 'photo'] as const;
export type RecordingKind = (typeof recordingKinds)[number];

export const recordingKindLabels: Record<RecordingKind, string> = {
  video: '录像',
  audio: '录音',
  photo: '照相',
};

export interface RecordingDefault {
  requirement: RecordingRequirement;
  /** Kinds that satisfy the requirement (any one of them). */
  kinds: readonly RecordingKind[];
}

/** A named choice at a stage: a case source, a decision outcome, a way of execution. */
export interface StageChoice {
  id: string;
  label: string;
}

export interface TransitionDefinition {
  to: StageId;
  /** Chinese label drawn on the arrow, e.g. 不予立案. */
  label?: string;
  /** The move is open only when the stage's recorded outcome is one of these. */
  outcomes?: readonly string[];
}

export interface StageDefinition {
  id: StageId;
  /** Chinese label as published. */
  label: string;
  /** Who acts at this stage (roles from roles.ts). */
  actors: readonly Role[];
  /** Who approves, in order (e.g. 承办机构负责人 then 机关负责人). */
  approvers?: readonly Role[];
  /** Who may assist without counting or signing (执法辅助人员, Q2). */
  assistants?: readonly Role[];
  /** Stages this one may move to. */
  next: readonly TransitionDefinition[];
  /** Present on a conditional stage: the condition under which it is entered. */
  condition?: ConditionId;
  /** Documents the stage produces (names only). */
  documents: readonly string[];
  /** R4 default; an agency's recording list (R5) overrides it. */
  recording: RecordingDefault;
  /** N1 (行政处罚法 art. 42, 行政强制法 art. 18): at least two certified officers act. */
  twoOfficers?: boolean;
  /** Case sources (only 案件来源登记). */
  sources?: readonly StageChoice[];
  /** Results of the stage; transitions may be restricted to some of them. */
  outcomes?: readonly StageChoice[];
  /** Legal basis as published, e.g. 《中华人民共和国行政处罚法》第四十四条. */
  legalBasis: readonly string[];
  /** One-sentence note for the flowchart's text alternative and the console. */
  note?: string;
}

export interface ProcessDefinition {
  id: ProcessKind;
  actKind: ActKind;
  /** Title as published, e.g. 行政处罚（普通程序）流程. */
  title: string;
  /** One-paragraph description (also the flowchart's desc). */
  summary: string;
  initial: StageId;
  stages: readonly StageDefinition[];
  /** Laws the whole process rests on. */
  legalBasis: readonly string[];
}
