/**
 * Gates: what stands in the way of an act, checked at the act itself (issue 16: "a gate guards
 * the act"). Completing a stage (R4, N1); entering 决定 while something already forbids deciding
 * (N3, N4, L1, N5); recording the decision (everything but the stage's recording, dated the
 * decision's day); leaving 决定 (the whole bundle); closing with money still owed (N8).
 */
import { type Role, roleLabels } from '../roles.js';
import { findStage, processDefinition, processDefinitions } from './definitions.js';
import type { CaseFacts } from './facts.js';
import {
  checkCollectiveDeliberation,
  checkDecisionReasons,
  checkInvestigators,
  checkLegalReview,
  checkStageRecording,
  type RecordingList,
} from './guards.js';
import { formatFen } from './money.js';
import { checkPartyIdentified } from './party.js';
import { paymentStatus } from './payment.js';
import { checkHearingBeforeDecision, checkPriorNotice, checkSimpleProcedure } from './penalty-rules.js';
import {
  allowed,
  type GuardResult,
  guarded,
  type Refusal,
  type RuleContext,
  refusalsOf,
  refuse,
} from './result.js';
import { checkCaseTimeLimit } from './time-limits.js';
import { processKinds, type StageId } from './types.js';

/**
 * Everything that stands in the way of completing a stage today: its recording
 * (R4/R5) and, where the definition asks for two officers, N1.
 */
export function stageCompletionRefusals(
  facts: CaseFacts,
  stage: StageId,
  context: RuleContext,
  recordingList: RecordingList = [],
): Refusal[] {
  const definition = findStage(processDefinition(facts.processKind), stage);
  if (!definition) return [refuse('PROCESS', 'UNKNOWN_STAGE', `该流程没有环节 ${stage}`, { field: 'stage' })];
  const results: GuardResult[] = [checkStageRecording(facts, stage, recordingList)];
  if (definition.twoOfficers) results.push(checkInvestigators(facts, context));
  results.push(checkApprovalChain(facts, stage));
  return refusalsOf(results);
}

/** Every stage with an approval chain (more than one approver), by process: 立案 and 结案 today. */
export const approvalChains = processKinds.flatMap((kind) =>
  processDefinitions[kind].stages
    .filter((stage) => (stage.approvers?.length ?? 0) > 1)
    .map((stage) => ({ kind, stage: stage.id, approvers: stage.approvers ?? [] })),
);

/**
 * The approvers of `stage` who have not yet approved, in the published order (the flowchart's
 * 审批：承办机构负责人 → 机关负责人). A stage with one approver has no chain: its approver's move is the approval.
 */
export function pendingApprovals(facts: CaseFacts, stage: StageId): Role[] {
  const approvers = findStage(processDefinition(facts.processKind), stage)?.approvers ?? [];
  if (approvers.length < 2) return [];
  const given = new Set((facts.approvals ?? []).filter((a) => a.stage === stage).map((a) => a.role));
  return approvers.filter((role) => !given.has(role));
}

const chainOf = (facts: CaseFacts, stage: StageId) =>
  (findStage(processDefinition(facts.processKind), stage)?.approvers ?? [])
    .map((r) => roleLabels[r])
    .join(' → ');

/** A stage with an approval chain is complete only once everyone in it has approved. */
export function checkApprovalChain(facts: CaseFacts, stage: StageId): GuardResult {
  const next = pendingApprovals(facts, stage)[0];
  if (!next) return allowed;
  return refuse(
    'PROCESS',
    'APPROVAL_PENDING',
    `尚待${roleLabels[next]}审批（审批顺序：${chainOf(facts, stage)}）`,
    {
      field: 'approvals',
    },
  );
}

/**
 * The role in which a user holding `roles` approves next at `stage`, or why they cannot: the
 * chain is complete, someone earlier in it has not approved yet, or they approved already
 * (one person cannot stand for two places in the chain).
 */
export function nextApproval(
  facts: CaseFacts,
  stage: StageId,
  approver: { userId: string; roles: readonly Role[] },
): Role | Refusal {
  const pending = pendingApprovals(facts, stage);
  const chain = chainOf(facts, stage);
  const refusal = (message: string) =>
    refuse('PROCESS', 'APPROVAL_OUT_OF_ORDER', `${message}（审批顺序：${chain || '本环节无审批链'}）`, {
      field: 'approvals',
    });
  const next = pending[0];
  if (!next) return refusal('本环节不需要或已完成审批');
  if ((facts.approvals ?? []).some((a) => a.stage === stage && a.userId === approver.userId))
    return refusal('您已在本环节审批，同一人不能在审批链中审批两次');
  if (!approver.roles.includes(next)) return refusal(`须先经${roleLabels[next]}审批`);
  return next;
}

/**
 * Everything that stands in the way of the decision in `facts.decision` today.
 * General procedure: N3, N4, L1, N5, R2, R4 at 决定, and N6 (non-blocking) for
 * a penalty. Simple procedure: N2, N3, R4. Blocking refusals forbid the
 * decision; non-blocking ones are recorded with it.
 */
export function decisionRefusals(
  facts: CaseFacts,
  context: RuleContext,
  recordingList: RecordingList = [],
): Refusal[] {
  if (!facts.decision) return [refuse('PROCESS', 'INVALID_FACTS', '缺少拟作出的决定', { field: 'decision' })];
  const penalty = facts.decision.outcome === 'penalty';
  if (facts.processKind === 'penaltySimple')
    return refusalsOf([
      checkSimpleProcedure(facts, context),
      checkPriorNotice(facts, context),
      penalty ? checkPartyIdentified(facts) : allowed,
      checkStageRecording(facts, 'decide', recordingList),
    ]);
  if (facts.processKind !== 'penaltyGeneral') return refusalsOf([checkLegalReview(facts, context)]);
  return refusalsOf([
    checkPriorNotice(facts, context),
    checkHearingBeforeDecision(facts, context),
    checkLegalReview(facts, context),
    checkCollectiveDeliberation(facts, context),
    checkDecisionReasons(facts),
    checkStageRecording(facts, 'decide', recordingList),
    penalty ? guarded('N6', () => checkCaseTimeLimit(facts, context)) : allowed,
  ]);
}

/**
 * Recording a decision made on `facts.decision.decidedOn`: the bundle above on that day, but the
 * stage's recording (R4), which may be linked after the act and is checked on leaving 决定.
 */
export function decisionRecordRefusals(facts: CaseFacts, context: RuleContext): Refusal[] {
  const on = facts.decision?.decidedOn ?? context.today;
  return decisionRefusals(facts, { ...context, today: on }).filter((refusal) => refusal.rule !== 'R4');
}

/** Entering 事先告知: the notice, and the decision after it, name the party fully (R2, art. 59(一)). */
export function noticeEntryRefusals(facts: CaseFacts): Refusal[] {
  return refusalsOf([checkPartyIdentified(facts)]);
}

/**
 * Entering 决定 (general procedure) when deciding is already forbidden today, whatever is then
 * decided: a major case without a passed review (L1); and, once a penalty was notified, the
 * party's periods still running or a hearing owed (N3, N4) and a collective deliberation owed (N5).
 * A case that goes to 决定 without a notice (不予处罚、撤销立案、移送) owes none of those.
 */
export function decisionEntryRefusals(facts: CaseFacts, context: RuleContext): Refusal[] {
  if (facts.processKind !== 'penaltyGeneral') return [];
  const { decision: _decided, ...undecided } = facts;
  const results: GuardResult[] = [checkLegalReview(undecided, context)];
  if (undecided.priorNotice)
    results.push(
      checkPriorNotice(undecided, context),
      checkHearingBeforeDecision(undecided, context),
      checkCollectiveDeliberation(undecided, context),
    );
  return refusalsOf(results).filter((refusal) => refusal.blocking);
}

/**
 * N8 at 结案: a penalty with a fine is closed only when the fine and its late fee are paid in
 * full, or execution ended lawfully (the court's enforcement concluded, or 终结执行 approved).
 * Unpaid past the time limit, the agency applies to the court (行政强制法 art. 53); the case
 * stays open, with its payment clock, until then.
 */
export function checkExecutionComplete(
  facts: Pick<CaseFacts, 'decision' | 'payment' | 'service' | 'executionEnded'>,
  context: RuleContext,
): GuardResult {
  return guarded('N8', () => {
    const fine = facts.payment?.fineFen ?? 0;
    if (facts.decision?.outcome !== 'penalty' || fine === 0) return allowed;
    if (facts.executionEnded && facts.executionEnded.endedOn <= context.today) return allowed;
    const status = paymentStatus(facts, context);
    if (status?.settled) return allowed;
    const owed = status ? status.fineOutstandingFen + status.lateFeeOutstandingFen : fine;
    return refuse(
      'N8',
      'EXECUTION_INCOMPLETE',
      `罚款尚未缴清（尚欠${formatFen(owed)}，含加处罚款），不得结案：当事人到期不缴纳的，依法申请人民法院强制执行，执行完毕或者依法终结执行后方可结案`,
      { field: 'payment' },
    );
  });
}

/** Only the refusals that forbid the act. */
export function blockingRefusals(refusals: readonly Refusal[]): Refusal[] {
  return refusals.filter((refusal) => refusal.blocking);
}
