/**
 * Moving a case to another stage: the definition's arrows (PROCESS), what must
 * be true to complete the stage being left (R4, N1), and, leaving 决定, what
 * must be true of the decision (N2, N3, N4, N5, N6, L1, R2, R4 — no bypass).
 * Entering 决定 is refused while deciding is forbidden anyway (L1, N3, N4, N5);
 * entering 结案 while money is owed (N8). Leaving 案件来源登记 to 立案 re-checks
 * the limitation (N10); leaving 立案 (or the first stage of a shorter process)
 * assigns the case number. Entering 归档 needs every document of the file
 * standard (ARCHIVE). A move back (the definition's back arrows) completes
 * nothing and is judged by the arrow alone.
 */
import {
  type Action,
  AppError,
  backTransitions,
  type CaseFacts,
  checkCaseTransition,
  checkExecutionComplete,
  checkLimitation,
  checkSeizureApproval,
  checkSeizureTerm,
  type DocumentKindId,
  decisionEntryRefusals,
  decisionRefusals,
  findStage,
  isRefusal,
  noticeEntryRefusals,
  processDefinition,
  type Refusal,
  type RuleContext,
  refuse,
  type StageId,
  stageCompletionRefusals,
  yearOf,
} from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { archiveRefusal } from './documents.js';
import type { CaseRow, LoadedCase } from './facts.js';

const caseNumberLockKey = 7_010;

/** The document a stage is decided on, which must exist before the case leaves it (the flowchart's 立案审批表). */
const stageDocuments: Partial<Record<StageId, DocumentKindId>> = { register: 'filingApproval' };

/** Which action a move needs, from the stage being left and the target (the definition's roles). */
export function moveAction(row: Pick<CaseRow, 'process_kind' | 'stage'>, to: StageId): Action {
  if (to === 'archive') return 'case.archive';
  const from = findStage(processDefinition(row.process_kind), row.stage);
  if (row.stage === 'legalReview') return 'case.review';
  if (row.stage === 'decide' && row.process_kind === 'penaltyGeneral') return 'case.decide';
  if (from?.approvers?.length) return 'case.approve';
  return 'case.handle';
}

/** The outcome recorded at the stage being left: given, or what the stage's facts say. */
export function outcomeOf(loaded: LoadedCase, given: string | undefined): string | undefined {
  const { row, stored } = loaded;
  const stage = findStage(processDefinition(row.process_kind), row.stage);
  const recorded =
    row.stage === 'decide' && row.process_kind === 'penaltyGeneral'
      ? stored.decision?.outcome
      : row.stage === 'legalReview'
        ? stored.legalReview?.outcome
        : row.stage === 'dispose'
          ? stored.seizure?.disposalOutcome
          : undefined;
  if (given !== undefined) {
    if (!stage?.outcomes?.some((o) => o.id === given))
      throw new AppError(
        'VALIDATION_FAILED',
        stage?.outcomes
          ? `“${stage.label}”的结果应为：${stage.outcomes.map((o) => `${o.id}（${o.label}）`).join('、')}`
          : `“${stage?.label ?? row.stage}”不记录结果`,
        { field: 'body.outcome' },
      );
    if (recorded !== undefined && recorded !== given)
      throw new AppError('VALIDATION_FAILED', `与已记录的结果（${recorded}）不一致`, {
        field: 'body.outcome',
      });
    return given;
  }
  return recorded ?? row.stage_outcome ?? undefined;
}

export interface MoveVerdict {
  to: StageId;
  label: string;
  action: Action;
  /** Everything that forbids the move (first: the transition guard). */
  refusals: Refusal[];
  /** Missed duties recorded with the move (N6 late decision). */
  lateness: Refusal[];
}

/** The verdict on one move, without changing anything: the console shows it before the button. */
export function judgeMove(
  loaded: LoadedCase,
  to: StageId,
  outcome: string | undefined,
  rule: RuleContext,
): MoveVerdict {
  const { row } = loaded;
  const facts: CaseFacts = { ...loaded.facts };
  if (outcome !== undefined) facts.currentOutcome = outcome;
  else delete facts.currentOutcome;
  const label = findStage(processDefinition(row.process_kind), to)?.label ?? to;
  const verdict = { to, label, action: moveAction(row, to) };
  const transition = checkCaseTransition(facts, to, rule);
  if (isRefusal(transition)) return { ...verdict, refusals: [transition], lateness: [] };
  if (isBackMove(row, to)) return { ...verdict, refusals: [], lateness: [] };
  const all: Refusal[] = [...stageCompletionRefusals(facts, row.stage, rule, loaded.recordingList)];
  if (to === 'notify') all.push(...noticeEntryRefusals(facts));
  if (to === 'decide') all.push(...decisionEntryRefusals(facts, rule));
  if (to === 'close') {
    const executed = checkExecutionComplete(facts, rule);
    if (isRefusal(executed)) all.push(executed);
  }
  if (
    row.stage === 'decide' &&
    (row.process_kind === 'penaltyGeneral' || row.process_kind === 'penaltySimple')
  )
    all.push(...decisionRefusals(facts, rule, loaded.recordingList));
  if (row.stage === 'decide' && row.process_kind === 'seizure')
    for (const result of [checkSeizureApproval(facts, rule), checkSeizureTerm(facts, rule)])
      if (isRefusal(result)) all.push(result);
  if (to === 'archive') {
    const archive = archiveRefusal(loaded);
    if (isRefusal(archive)) all.push(archive);
  }
  const decidedOn = stageDocuments[row.stage];
  if (
    decidedOn &&
    row.process_kind === 'penaltyGeneral' &&
    !loaded.documents.some((d) => d.kind === decidedOn)
  )
    all.push(
      refuse(
        'PROCESS',
        'STAGE_DOCUMENT_MISSING',
        `立案须经机关负责人签署立案审批表（本机关公布的执法流程）`,
        {
          field: 'documents',
        },
      ),
    );
  if (row.stage === 'intake' && to === 'register') {
    const limitation = checkLimitation(facts, rule);
    if (isRefusal(limitation)) all.push(limitation);
  }
  // Two checks may refuse for the same reason (N11: no seizure recorded yet); it is said once.
  const distinct = [...new Map(all.map((r) => [`${r.rule}|${r.code}|${r.message}`, r])).values()];
  return {
    ...verdict,
    refusals: distinct.filter((r) => r.blocking),
    lateness: distinct.filter((r) => !r.blocking),
  };
}

/** A move along one of the definition's back arrows (退回补充调查, 重新告知, 送法制审核…). */
export function isBackMove(row: Pick<CaseRow, 'process_kind' | 'stage'>, to: StageId): boolean {
  return backTransitions(processDefinition(row.process_kind)).has(`${row.stage}>${to}`);
}

/** Where the case number is given: on leaving 立案, or the first stage of a process without one. */
export function numbersOnLeaving(row: Pick<CaseRow, 'process_kind' | 'stage' | 'case_number'>): boolean {
  if (row.case_number) return false;
  const definition = processDefinition(row.process_kind);
  if (definition.stages.some((s) => s.id === 'register')) return row.stage === 'register';
  return row.stage === definition.initial;
}

/** The next number of the agency's year, e.g. 示县交案〔2026〕7号; serialised per agency. */
export async function assignCaseNumber(db: Kysely<DB>, row: CaseRow, today: string) {
  await sql`SELECT pg_advisory_xact_lock(${caseNumberLockKey}::int, hashtext(${row.agency_id}::text))`.execute(
    db,
  );
  const year = yearOf(today);
  const last = await db
    .selectFrom('enforcement_case')
    .select((eb) => eb.fn.max('case_serial').as('serial'))
    .where('agency_id', '=', row.agency_id)
    .where('case_year', '=', year)
    .executeTakeFirst();
  const serial = (last?.serial ?? 0) + 1;
  const agency = await db
    .selectFrom('agency')
    .select('short_name')
    .where('id', '=', row.agency_id)
    .executeTakeFirstOrThrow();
  return {
    case_year: year,
    case_serial: serial,
    case_number: `${agency.short_name}案〔${year}〕${serial}号`,
  };
}

/**
 * Stages completed in the current pass: the stage left is added, unless the
 * move goes back (a legal review returning the case, 退回补充调查 from 决定…);
 * going back to a stage completed before reopens it and everything after it.
 */
export function completedAfter(row: CaseRow, to: StageId): StageId[] {
  const completed = [...row.completed_stages];
  const again = completed.indexOf(to);
  if (again >= 0) return completed.slice(0, again);
  if (!isBackMove(row, to)) completed.push(row.stage);
  return completed;
}
