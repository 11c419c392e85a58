/**
 * 执法文书 per process: which kinds of document each stage produces, and which a
 * case file must hold before it is archived (the file standard, per kind of
 * process and outcome). Pure data and functions.
 *
 * The kind ids are the server's (server/src/modules/documents/kinds.ts, where the
 * fields and templates are); core keeps the list and the titles, and a server
 * test checks that both say the same. Each (stage, kind) pair below names a
 * document the stage lists in its definition (definitions.ts): the test in
 * documents.test.ts checks that too, so the stage lists stay the published truth.
 */
import { allowed, type GuardResult, refuse } from './result.js';
import type { ProcessKind, StageId } from './types.js';

export const documentKindIds = [
  'filingApproval',
  'inquiryRecord',
  'sceneRecord',
  'seizureDecision',
  'seizureExtension',
  'seizureRelease',
  'correctionNotice',
  'priorNotice',
  'hearingNotice',
  'penaltyDecision',
  'noPenaltyDecision',
  'summaryPenaltyDecision',
  'serviceReceipt',
  'paymentPlanApproval',
  'performanceReminder',
  'courtEnforcementApplication',
  'majorFilingReport',
  'closingReport',
] as const;
export type DocumentKindId = (typeof documentKindIds)[number];

/** Titles as printed (and as the server's kinds name them). */
export const documentKindTitles: Record<DocumentKindId, string> = {
  filingApproval: '立案审批表',
  inquiryRecord: '询问笔录',
  sceneRecord: '现场笔录',
  seizureDecision: '查封扣押决定书',
  seizureExtension: '延长查封扣押期限决定书',
  seizureRelease: '解除查封扣押决定书',
  correctionNotice: '责令改正通知书',
  priorNotice: '行政处罚事先告知书',
  hearingNotice: '听证通知书',
  penaltyDecision: '行政处罚决定书',
  noPenaltyDecision: '不予行政处罚决定书',
  summaryPenaltyDecision: '当场行政处罚决定书',
  serviceReceipt: '送达回证',
  paymentPlanApproval: '延期（分期）缴纳罚款审批表',
  performanceReminder: '催告书',
  courtEnforcementApplication: '强制执行申请书',
  majorFilingReport: '重大行政处罚备案表',
  closingReport: '结案报告',
};

/** The kinds a stage of a process produces (a subset of the names its definition lists). */
export const stageDocumentKinds: Record<ProcessKind, Partial<Record<StageId, readonly DocumentKindId[]>>> = {
  penaltyGeneral: {
    register: ['filingApproval'],
    investigate: ['inquiryRecord', 'sceneRecord'],
    notify: ['priorNotice', 'serviceReceipt'],
    hear: ['hearingNotice'],
    decide: ['penaltyDecision', 'noPenaltyDecision'],
    serve: ['serviceReceipt'],
    execute: ['paymentPlanApproval', 'performanceReminder', 'courtEnforcementApplication'],
    close: ['closingReport'],
  },
  penaltySimple: {
    decide: ['summaryPenaltyDecision'],
  },
  seizure: {
    record: ['sceneRecord'],
    decide: ['seizureDecision'],
    serve: ['serviceReceipt'],
    extend: ['seizureExtension'],
    dispose: ['seizureRelease'],
    close: ['closingReport'],
  },
  inspection: {
    record: ['sceneRecord'],
    handle: ['correctionNotice'],
  },
  licensing: {
    hear: ['hearingNotice'],
  },
  expropriation: {},
};

/**
 * Kinds a recorded fact calls for, at stages whose published definition does not
 * list them: the approval of a payment plan, which the head may give as soon as
 * the decision is served (art. 66, step `paymentPlan`), and the L7 备案表 of a
 * major penalty, owed to the superior agency and the justice bureau within days
 * of the decision whatever stage the case is at. Whoever produces them checks
 * the fact (a plan recorded; a major case decided with a penalty).
 */
export const factDocumentKinds: Record<ProcessKind, Partial<Record<StageId, readonly DocumentKindId[]>>> = {
  penaltyGeneral: {
    serve: ['paymentPlanApproval', 'majorFilingReport'],
    execute: ['majorFilingReport'],
    close: ['majorFilingReport'],
  },
  penaltySimple: {},
  seizure: {},
  inspection: {},
  licensing: {},
  expropriation: {},
};

const kindsOf = (
  lists: readonly Partial<Record<StageId, readonly DocumentKindId[]>>[],
  stages: readonly StageId[],
): DocumentKindId[] => {
  const produced = new Set(stages.flatMap((stage) => lists.flatMap((byStage) => byStage[stage] ?? [])));
  return documentKindIds.filter((kind) => produced.has(kind));
};

/** Kinds the given stages of a process produce, in the order of `documentKindIds`. */
export function documentKindsProduced(
  processKind: ProcessKind,
  stages: readonly StageId[],
): DocumentKindId[] {
  return kindsOf([stageDocumentKinds[processKind]], stages);
}

/**
 * Kinds a case at the given stages may produce: the stages' own and those a
 * recorded fact may call for there (`factDocumentKinds`; the caller checks the fact).
 */
export function documentKindsPossible(
  processKind: ProcessKind,
  stages: readonly StageId[],
): DocumentKindId[] {
  return kindsOf([stageDocumentKinds[processKind], factDocumentKinds[processKind]], stages);
}

/** What the file standard reads about a case. */
export interface ArchiveFacts {
  processKind: ProcessKind;
  /** Stages the case completed, and the one it is at (closing, before 归档). */
  stagesReached: readonly StageId[];
  /** 决定 of a general-procedure penalty. */
  decisionOutcome?: 'penalty' | 'noPenalty' | 'cancel' | 'transfer';
  /** A hearing was held (or the case went through 听证). */
  hearingHeld?: boolean;
  /** An approved extension of a seizure. */
  seizureExtended?: boolean;
  /** How a seizure ended. */
  disposalOutcome?: 'release' | 'confiscate' | 'destroy' | 'transfer';
  /** Result of an inspection's 处理. */
  inspectionOutcome?: string;
}

/** One entry of the file standard: any one of the kinds satisfies it. */
export interface RequiredDocument {
  anyOf: readonly DocumentKindId[];
  /** e.g. 询问笔录或现场笔录. */
  label: string;
}

const need = (...anyOf: DocumentKindId[]): RequiredDocument => ({
  anyOf,
  label: anyOf.map((kind) => documentKindTitles[kind]).join('或'),
});

/**
 * The documents a case file must hold before it is archived, per process kind
 * and outcome. A case never registered (不予立案) needs none of the case documents.
 */
export function requiredDocuments(facts: ArchiveFacts): RequiredDocument[] {
  const reached = new Set(facts.stagesReached);
  const required: RequiredDocument[] = [];
  switch (facts.processKind) {
    case 'penaltyGeneral': {
      if (!reached.has('register')) return [];
      required.push(need('filingApproval'));
      if (reached.has('investigate')) required.push(need('inquiryRecord', 'sceneRecord'));
      if (facts.hearingHeld) required.push(need('hearingNotice'));
      if (facts.decisionOutcome === 'penalty')
        required.push(need('priorNotice'), need('penaltyDecision'), need('serviceReceipt'));
      if (facts.decisionOutcome === 'noPenalty')
        required.push(need('noPenaltyDecision'), need('serviceReceipt'));
      if (reached.has('close')) required.push(need('closingReport'));
      break;
    }
    case 'penaltySimple':
      if (reached.has('decide')) required.push(need('summaryPenaltyDecision'));
      break;
    case 'seizure': {
      if (!reached.has('decide')) return [];
      required.push(need('sceneRecord'), need('seizureDecision'), need('serviceReceipt'));
      if (facts.seizureExtended) required.push(need('seizureExtension'));
      if (facts.disposalOutcome === 'release') required.push(need('seizureRelease'));
      if (reached.has('close')) required.push(need('closingReport'));
      break;
    }
    case 'inspection':
      if (reached.has('record')) required.push(need('sceneRecord'));
      if (facts.inspectionOutcome === 'rectify') required.push(need('correctionNotice'));
      break;
    case 'licensing':
      if (facts.hearingHeld) required.push(need('hearingNotice'));
      break;
    case 'expropriation':
      break;
  }
  return required;
}

/** The entries of the file standard that no rendered document satisfies. */
export function missingDocuments(
  required: readonly RequiredDocument[],
  rendered: readonly string[],
): RequiredDocument[] {
  const have = new Set(rendered);
  return required.filter((entry) => !entry.anyOf.some((kind) => have.has(kind)));
}

/** ARCHIVE: a case file is archived only when it holds every document the standard requires. */
export function checkArchiveComplete(facts: ArchiveFacts, rendered: readonly string[]): GuardResult {
  const missing = missingDocuments(requiredDocuments(facts), rendered);
  if (missing.length === 0) return allowed;
  return refuse(
    'ARCHIVE',
    'ARCHIVE_DOCUMENTS_MISSING',
    `案卷不完整，不能归档：缺少${missing.map((m) => m.label).join('、')}`,
    {
      field: 'documents',
      details: missing.map((m) => ({ field: `documents.${m.anyOf.join('|')}`, message: `缺少${m.label}` })),
    },
  );
}
