/**
 * The routes that change what a case is: one per fact-recording step
 * (steps.ts) and the move to another stage (transitions.ts). Each locks the
 * case at the version the change was made on, applies core's rules, refuses
 * with the rule ID, and otherwise saves and appends one ledger event.
 */
import { AppError, findStage, policy, processDefinition, roleLabels } from '@zhifa/core';
import { defineRoute, mayTake } from '../../http/route.js';
import { ruleContext } from '../settings/rule-context.js';
import { type LoadedCase, loadCaseFacts } from './facts.js';
import { idParams, presentAfter } from './load.js';
import { type StoredFacts, stepBodies, transitionBody } from './schema.js';
import { caseStream, latenessOf, lockCase, saveCase, serialiseFacts, throwIfBlocked } from './service.js';
import { steps } from './steps.js';
import {
  assignCaseNumber,
  completedAfter,
  isBackMove,
  judgeMove,
  numbersOnLeaving,
  outcomeOf,
} from './transitions.js';

/** The outcome the stage's facts record (决定, 法制审核, 处理决定): the case's current outcome. */
export function recordedOutcome(row: LoadedCase['row'], stored: StoredFacts): string | null {
  if (row.stage === 'decide' && row.process_kind === 'penaltyGeneral')
    return stored.decision?.outcome ?? null;
  if (row.stage === 'legalReview') {
    const outcome = stored.legalReview?.outcome;
    return outcome === 'passed' || outcome === 'returned' ? outcome : null;
  }
  if (row.stage === 'dispose') return stored.seizure?.disposalOutcome ?? null;
  return row.stage_outcome;
}

const stepRoutesList = steps.map((step) =>
  defineRoute({
    method: 'POST',
    url: `/api/cases/:id/${step.path}`,
    access: step.access,
    summary: step.summary,
    params: idParams,
    body: stepBodies[step.name],
    handler: async ({ db, user, params, body, app, record }) => {
      const now = app.clock();
      const row = await lockCase(db, user, params.id, body.version);
      const definition = processDefinition(row.process_kind);
      if (step.processes && !step.processes.includes(row.process_kind))
        throw new AppError('RULE_VIOLATION', `“${definition.title}”没有这一步骤（PROCESS）`, {
          field: 'processKind',
        });
      if (step.stages && !step.stages.includes(row.stage))
        throw new AppError(
          'RULE_VIOLATION',
          `案件处于“${findStage(definition, row.stage)?.label ?? row.stage}”环节，不能记录这一步骤（PROCESS）`,
          { field: 'stage' },
        );
      const loaded = (await loadCaseFacts(db, [row])).get(row.id)!;
      const rule = await ruleContext(db, now);
      const result = await step.apply({ db, row, loaded, input: body as never, user, rule });
      throwIfBlocked(result.refusals);
      await saveCase(
        db,
        row,
        {
          facts: serialiseFacts(result.stored),
          stage_outcome: recordedOutcome(row, result.stored),
          ...(result.major && { major: true }),
        },
        now,
        rule,
      );
      await record({
        streamId: caseStream(row.id),
        agencyId: row.agency_id,
        kind: 'case.factsRecorded',
        payload: {
          step: step.name,
          stage: row.stage,
          section: JSON.parse(JSON.stringify(result.section)),
          lateness: latenessOf(result.refusals),
        },
      });
      return presentAfter(db, user, row.id, now);
    },
  }),
);

const who = (action: keyof typeof policy) => policy[action].map((r) => roleLabels[r]).join('或');

export const stepRoutes = [
  ...stepRoutesList,
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/transitions',
    access: ['case.handle', 'case.approve', 'case.decide', 'case.review', 'case.archive'],
    summary: '进入下一环节（流程定义、环节完成条件和决定前的全部规则在此核对）',
    params: idParams,
    body: transitionBody,
    handler: async ({ db, user, params, body, app, record }) => {
      const now = app.clock();
      const row = await lockCase(db, user, params.id, body.version);
      const loaded = (await loadCaseFacts(db, [row])).get(row.id)!;
      const rule = await ruleContext(db, now);
      const outcome = outcomeOf(loaded, body.outcome);
      const verdict = judgeMove(loaded, body.to, outcome, rule);
      // Who acts at a stage is part of the published process (its actors and approvers).
      if (!mayTake(user, verdict.action))
        throw new AppError(
          'RULE_VIOLATION',
          `进入“${verdict.label}”须由${who(verdict.action)}办理（PROCESS）`,
          { field: 'body.to' },
        );
      throwIfBlocked(verdict.refusals);
      const back = isBackMove(row, body.to);
      if (back && !body.reason?.trim())
        throw new AppError('VALIDATION_FAILED', `退回“${verdict.label}”须写明理由`, { field: 'body.reason' });
      // Going back from 决定 withdraws a decision recorded there: it was never served, so never in force.
      const withdrawn = back && row.stage === 'decide' ? loaded.stored.decision : undefined;
      const { decision: _withdrawn, ...withoutDecision } = loaded.stored;
      const before = withdrawn ? withoutDecision : loaded.stored;
      // Entering a stage again, its approval chain starts afresh (earlier stages' approvals stay on file).
      const approvals = before.approvals?.filter((a) => a.stage !== body.to);
      const factsChanged = !!withdrawn || approvals?.length !== before.approvals?.length;
      const numbering = numbersOnLeaving(row) ? await assignCaseNumber(db, row, rule.today) : undefined;
      await saveCase(
        db,
        row,
        {
          stage: body.to,
          stage_outcome: null,
          completed_stages: completedAfter(row, body.to),
          ...(factsChanged && { facts: serialiseFacts({ ...before, ...(approvals && { approvals }) }) }),
          ...(numbering && { ...numbering, registered_on: rule.today }),
          ...(body.to === 'archive' && { archived_at: now }),
        },
        now,
        rule,
      );
      await record({
        streamId: caseStream(row.id),
        agencyId: row.agency_id,
        kind: 'case.transitioned',
        payload: {
          from: row.stage,
          to: body.to,
          outcome: outcome ?? null,
          caseNumber: numbering?.case_number ?? row.case_number,
          lateness: latenessOf(verdict.lateness),
          ...(back && { reason: body.reason }),
          ...(withdrawn && { withdrawnDecision: withdrawn }),
        },
      });
      return presentAfter(db, user, row.id, now);
    },
  }),
];
