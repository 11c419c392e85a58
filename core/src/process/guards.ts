/**
 * Guards over a case: the transition guard (the definition's arrows), N1 two
 * certified investigators, N5 collective deliberation, R2 three reasons, R4/R5
 * recordings, L1 legal review. What the service layer calls before an act is
 * bundled in gates.ts; topic rules live in penalty-rules.ts, time-limits.ts,
 * payment.ts and seizure.ts.
 */
import { mayInvestigateTogether } from '../certificates.js';
import { backTransitions, findStage, processDefinition } from './definitions.js';
import type { CaseFacts, Investigator } from './facts.js';
import { checkHearingRequest } from './penalty-rules.js';
import { allowed, type GuardResult, type RuleContext, refuse } from './result.js';
import {
  type ConditionId,
  conditionLabels,
  type ProcessDefinition,
  type ProcessKind,
  type RecordingDefault,
  type RecordingKind,
  type RecordingRequirement,
  recordingKindLabels,
  type StageId,
} from './types.js';

// ---------------------------------------------------------------------------
// Transitions.

export type ConditionValues = Partial<Record<ConditionId, boolean>>;

export interface TransitionFacts {
  /** Absent before the first stage. */
  currentStage?: StageId;
  /**
   * Stages completed in the current pass with a result that lets the case go on
   * (a legal review that returned the case does not count; the server clears
   * the list for the stages it goes back over).
   */
  completedStages?: readonly StageId[];
  /** The outcome recorded at the current stage, for transitions restricted to outcomes. */
  currentOutcome?: string;
  conditions?: ConditionValues;
}

const fineOrConfiscation = new Set(['fine', 'confiscateIllegalGains', 'confiscateIllegalProperty']);

/**
 * The conditions the facts settle. Others (licensing and expropriation hearings,
 * compulsory execution) are passed in explicitly.
 * - hearingRequested: requested and not given up; with a context, also in time
 *   (a late request does not oblige a hearing: checkHearingRequest)
 * - majorDecision: flagged major, or decided after a hearing (L3)
 * - performanceRequired / fineImposed: the decided penalty has money or property to hand over
 */
export function caseConditions(facts: CaseFacts, context?: RuleContext): ConditionValues {
  const decided = facts.decision?.outcome === 'penalty' ? facts.decision.penalty : undefined;
  const pays = !!decided?.kinds.some((kind) => fineOrConfiscation.has(kind));
  const requested = !!facts.hearing?.requestedOn && !facts.hearing.waived;
  const late = requested && context !== undefined && !checkHearingRequest(facts, context).ok;
  return {
    hearingRequested: requested && !late,
    majorDecision: facts.major === true || !!facts.hearing?.heldOn,
    complexOrMajorCase: facts.complexOrMajor === true,
    performanceRequired: pays,
    fineImposed: !!decided?.kinds.includes('fine'),
    seizureExtensionNeeded: !!facts.seizure?.extensions.some((extension) => extension.approved),
  };
}

/** Whether `to` lies ahead of `from` along forward arrows (going back is not "ahead"). */
function reachable(definition: ProcessDefinition, from: StageId, to: StageId): boolean {
  const back = backTransitions(definition);
  const seen = new Set<StageId>([from]);
  const queue: StageId[] = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === to) return true;
    for (const transition of findStage(definition, id)?.next ?? []) {
      if (back.has(`${id}>${transition.to}`)) continue;
      if (!seen.has(transition.to)) {
        seen.add(transition.to);
        queue.push(transition.to);
      }
    }
  }
  return false;
}

/**
 * The transition guard: a case moves only along an arrow of its definition,
 * only along an arrow open for the outcome recorded at the current stage, into
 * a conditional stage only when its condition holds, and never past a
 * conditional stage whose condition holds and which is not yet completed (a
 * major case cannot go to 决定 around 法制审核).
 */
export function checkTransition(
  definition: ProcessDefinition,
  facts: TransitionFacts,
  to: StageId,
): GuardResult {
  const target = findStage(definition, to);
  if (!target)
    return refuse('PROCESS', 'UNKNOWN_STAGE', `“${definition.title}”没有环节 ${to}`, { field: 'stage' });
  const conditions = facts.conditions ?? {};
  if (!facts.currentStage) {
    if (to === definition.initial) return allowed;
    const initial = findStage(definition, definition.initial)!;
    return refuse('PROCESS', 'TRANSITION_NOT_ALLOWED', `流程应当从“${initial.label}”开始`, {
      field: 'stage',
    });
  }
  const from = findStage(definition, facts.currentStage);
  if (!from)
    return refuse('PROCESS', 'UNKNOWN_STAGE', `“${definition.title}”没有环节 ${facts.currentStage}`, {
      field: 'currentStage',
    });
  const edge = from.next.find((transition) => transition.to === to);
  if (!edge) {
    const open = from.next.map((t) => `“${findStage(definition, t.to)?.label ?? t.to}”`).join('、');
    return refuse(
      'PROCESS',
      'TRANSITION_NOT_ALLOWED',
      open
        ? `不能从“${from.label}”进入“${target.label}”，可以进入：${open}`
        : `“${from.label}”是流程的最后环节`,
      { field: 'stage' },
    );
  }
  const open = (outcomes: readonly string[] | undefined) =>
    !outcomes || (facts.currentOutcome !== undefined && outcomes.includes(facts.currentOutcome));
  if (!open(edge.outcomes)) {
    const outcome = from.outcomes?.find((o) => o.id === facts.currentOutcome)?.label;
    return refuse(
      'PROCESS',
      'OUTCOME_NOT_ALLOWED',
      outcome
        ? `“${from.label}”的结果为“${outcome}”，不能进入“${target.label}”`
        : `“${from.label}”尚未记录结果，不能进入“${target.label}”`,
      { field: 'currentOutcome' },
    );
  }
  if (target.condition && !conditions[target.condition])
    return refuse(
      'PROCESS',
      'STAGE_CONDITION_NOT_MET',
      `“${target.label}”仅在${conditionLabels[target.condition]}时进行`,
      { field: 'stage' },
    );
  const completed = new Set(facts.completedStages ?? []);
  for (const transition of from.next) {
    if (transition.to === to || !open(transition.outcomes) || completed.has(transition.to)) continue;
    const skipped = findStage(definition, transition.to);
    if (!skipped?.condition || !conditions[skipped.condition]) continue;
    if (!reachable(definition, skipped.id, to)) continue;
    return refuse(
      'PROCESS',
      'CONDITIONAL_STAGE_SKIPPED',
      `${conditionLabels[skipped.condition]}，应当先进行“${skipped.label}”，再进入“${target.label}”`,
      { field: 'stage' },
    );
  }
  return allowed;
}

/**
 * The transition guard on a case: its definition, its stage and outcome, and the
 * conditions its facts settle (`context` lets a late hearing request count as
 * none; `extraConditions` supplies or overrides conditions the facts do not settle).
 */
export function checkCaseTransition(
  facts: CaseFacts,
  to: StageId,
  context?: RuleContext,
  extraConditions: ConditionValues = {},
): GuardResult {
  const transitionFacts: TransitionFacts = {
    conditions: { ...caseConditions(facts, context), ...extraConditions },
  };
  if (facts.currentStage !== undefined) transitionFacts.currentStage = facts.currentStage;
  if (facts.completedStages !== undefined) transitionFacts.completedStages = facts.completedStages;
  if (facts.currentOutcome !== undefined) transitionFacts.currentOutcome = facts.currentOutcome;
  return checkTransition(processDefinition(facts.processKind), transitionFacts, to);
}

/** Every arrow out of the current stage with the guard's answer: what the console offers. */
export function nextStages(
  definition: ProcessDefinition,
  facts: TransitionFacts,
): { to: StageId; label: string; result: GuardResult }[] {
  const ids = facts.currentStage
    ? (findStage(definition, facts.currentStage)?.next.map((t) => t.to) ?? [])
    : [definition.initial];
  return ids.map((to) => ({
    to,
    label: findStage(definition, to)!.label,
    result: checkTransition(definition, facts, to),
  }));
}

// ---------------------------------------------------------------------------
// N1 — 行政处罚法 art. 42, 行政强制法 art. 18(二): at least two certified officers.

/**
 * N1: at least two of the investigators may act as case officer for the item
 * today (certificate valid today, covering its category and region); an
 * auxiliary never counts. The person rule is certificates.ts'
 * `mayInvestigateTogether`; this adapter removes duplicates and names who fails.
 */
export function checkInvestigators(
  facts: Pick<CaseFacts, 'investigators' | 'item'>,
  context: RuleContext,
): GuardResult {
  if (!facts.item) return refuse('N1', 'INVALID_FACTS', '缺少执法事项（执法类别和区域）', { field: 'item' });
  const seen = new Set<string>();
  const team: Investigator[] = [];
  for (const person of facts.investigators ?? []) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    team.push(person);
  }
  const verdict = mayInvestigateTogether(team, facts.item, context.today);
  if (verdict.allowed) return allowed;
  const details = verdict.decisions.flatMap((decision, index) =>
    decision.allowed
      ? []
      : [{ field: `investigators[${index}]`, message: `${team[index]!.name}：${decision.message}` }],
  );
  return refuse('N1', 'INVESTIGATORS_INSUFFICIENT', verdict.message, { field: 'investigators', details });
}

// ---------------------------------------------------------------------------
// R2 — 三项说理.

const reasonLabels = {
  evidence: '证据采纳的理由',
  basis: '依据适用的理由',
  discretion: '行政裁量的理由',
} as const;

/**
 * R2: a general-procedure decision document (行政处罚决定书, 不予行政处罚决定书)
 * states all three reasons, each non-empty. 撤销立案 and 移送 have no decision document to the party.
 */
export function checkDecisionReasons(facts: Pick<CaseFacts, 'processKind' | 'decision'>): GuardResult {
  const decision = facts.decision;
  if (facts.processKind !== 'penaltyGeneral' || !decision) return allowed;
  if (decision.outcome !== 'penalty' && decision.outcome !== 'noPenalty') return allowed;
  const missing = (Object.keys(reasonLabels) as (keyof typeof reasonLabels)[]).filter(
    (key) => !decision.reasons?.[key]?.trim(),
  );
  if (missing.length === 0) return allowed;
  return refuse(
    'R2',
    'DECISION_REASONS_MISSING',
    `普通程序决定书应当说明证据采纳、依据适用和行政裁量的理由，缺少：${missing.map((k) => reasonLabels[k]).join('、')}`,
    {
      field: `decision.reasons.${missing[0]}`,
      details: missing.map((key) => ({
        field: `decision.reasons.${key}`,
        message: `请填写${reasonLabels[key]}`,
      })),
    },
  );
}

// ---------------------------------------------------------------------------
// R4 / R5 — 音像记录事项清单.

/** One line of an agency's 音像记录事项清单 (R5). */
export interface RecordingListEntry {
  processKind: ProcessKind;
  stage: StageId;
  requirement: RecordingRequirement;
  /** Kinds that satisfy it; empty → the definition's kinds. */
  kinds: readonly RecordingKind[];
}

export type RecordingList = readonly RecordingListEntry[];

export interface EffectiveRecording extends RecordingDefault {
  source: 'list' | 'definition';
}

/**
 * The recording a stage needs: the agency's list where it has a line, else the
 * definition's default. A list may add requirements but never lowers one the
 * definition makes mandatory (R4: 查封扣押 and the like are always recorded in full).
 */
export function stageRecordingRequirement(
  processKind: ProcessKind,
  stage: StageId,
  list: RecordingList = [],
): EffectiveRecording {
  const fallback = findStage(processDefinition(processKind), stage)?.recording ?? {
    requirement: 'none',
    kinds: [],
  };
  const entry = list.find((line) => line.processKind === processKind && line.stage === stage);
  if (!entry) return { ...fallback, source: 'definition' };
  const requirement = fallback.requirement === 'mandatory' ? 'mandatory' : entry.requirement;
  const kinds = entry.kinds.length > 0 ? entry.kinds : fallback.kinds;
  return {
    requirement,
    kinds: kinds.length > 0 ? kinds : ['video', 'audio', 'photo'],
    source: 'list',
  };
}

/** R4/R5: a stage whose recording is mandatory cannot complete without a linked recording of an accepted kind. */
export function checkStageRecording(
  facts: Pick<CaseFacts, 'processKind' | 'recordings'>,
  stage: StageId,
  list: RecordingList = [],
): GuardResult {
  const need = stageRecordingRequirement(facts.processKind, stage, list);
  if (need.requirement !== 'mandatory') return allowed;
  const linked = (facts.recordings ?? []).some(
    (recording) => recording.stage === stage && need.kinds.includes(recording.kind),
  );
  if (linked) return allowed;
  const label = findStage(processDefinition(facts.processKind), stage)?.label ?? stage;
  return refuse(
    'R4',
    'RECORDING_MISSING',
    `“${label}”应当全程音像记录，请先关联${need.kinds.map((k) => recordingKindLabels[k]).join('或')}记录`,
    { field: 'recordings' },
  );
}

// ---------------------------------------------------------------------------
// L1 — 重大执法决定法制审核: a hard gate, no bypass.

/**
 * L1 (行政处罚法 art. 58): a case flagged major — or decided after a hearing
 * (L3) — is decided only after a legal review that passed, on the proposal as
 * it now stands, by a reviewer who does not handle the case. There is no
 * override parameter.
 */
export function checkLegalReview(
  facts: Pick<CaseFacts, 'major' | 'hearing' | 'legalReview' | 'proposalRevision' | 'investigators'>,
  context: RuleContext,
): GuardResult {
  const afterHearing = !!facts.hearing?.heldOn;
  if (facts.major !== true && !afterHearing) return allowed;
  const why = facts.major === true ? '重大执法决定' : '经过听证程序的决定';
  const review = facts.legalReview;
  if (review?.outcome !== 'passed' || !review.reviewedOn || review.reviewedOn > context.today)
    return refuse('L1', 'LEGAL_REVIEW_NOT_PASSED', `${why}未经法制审核或者审核未通过的，不得作出决定`, {
      field: 'legalReview',
    });
  if (facts.proposalRevision !== undefined && review.proposalRevision !== facts.proposalRevision)
    return refuse('L1', 'LEGAL_REVIEW_NOT_PASSED', '法制审核后拟作出的决定已经变更，应当重新进行法制审核', {
      field: 'legalReview.proposalRevision',
    });
  if (review.reviewerId && (facts.investigators ?? []).some((person) => person.id === review.reviewerId))
    return refuse('L1', 'LEGAL_REVIEWER_CONFLICT', '法制审核人员不得审核本人承办的案件', {
      field: 'legalReview.reviewerId',
    });
  return allowed;
}

// ---------------------------------------------------------------------------
// N5 — 集体讨论 (art. 57(2)).

/** N5: a penalty for a complex case or a major violation is decided by the agency's heads collectively. */
export function checkCollectiveDeliberation(
  facts: Pick<CaseFacts, 'complexOrMajor' | 'deliberation' | 'decision'>,
  context: RuleContext,
): GuardResult {
  if (facts.complexOrMajor !== true || (facts.decision?.outcome ?? 'penalty') !== 'penalty') return allowed;
  const deliberation = facts.deliberation;
  if (deliberation && deliberation.heldOn <= context.today && deliberation.chairedByAgencyHead)
    return allowed;
  return refuse(
    'N5',
    'COLLECTIVE_DELIBERATION_MISSING',
    '对情节复杂或者重大违法行为给予行政处罚，应当由行政机关负责人集体讨论决定',
    { field: 'deliberation' },
  );
}
