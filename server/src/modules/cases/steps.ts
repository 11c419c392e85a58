/**
 * The fact-recording steps of a case, as data: which processes and stages a
 * step belongs to, and how it turns its input into the stored section and the
 * refusals core's rules give (blocking ones forbid the step; non-blocking ones
 * — a late service, a late hearing request — are recorded with it).
 */
import {
  type Action,
  AppError,
  type CaseFacts,
  caseTimeLimit,
  checkHearingNotice,
  checkHearingRequest,
  checkHearingRightNotified,
  checkLegalReview,
  checkService,
  checkSimpleProcedure,
  checkStatutoryFine,
  checkTimeLimitExtension,
  decisionRecordRefusals,
  isRefusal,
  majorFilingDeadline,
  type ProcessKind,
  type Refusal,
  type RefusalCode,
  type RequirementId,
} from '@zhifa/core';
import { mayTake } from '../../http/route.js';
import { approvalStep } from './approval-step.js';
import { executionSteps } from './execution-steps.js';
import type { LoadedCase } from './facts.js';
import { caseItemOf } from './item.js';
import type { StoredFacts } from './schema.js';
import { seizureSteps } from './seizure-steps.js';
import { define, missing, past, penalty, refusals, type StepDefinition } from './step-kit.js';

const facts = (loaded: LoadedCase, change: Partial<CaseFacts>): CaseFacts => ({ ...loaded.facts, ...change });

/** A refusal of a rule core has no guard for (L7 filing, N6 pauses), shaped as core's are. */
const refusal = (
  rule: RequirementId,
  code: RefusalCode,
  message: string,
  field: string,
  blocking = true,
): Refusal => ({ ok: false, rule, code, message, field, blocking });

/** 行政处罚法 art. 57: a general-procedure decision is the agency head's; on the spot, the officer's. */
const decider = (kind: ProcessKind): Action => (kind === 'penaltyGeneral' ? 'case.decide' : 'case.handle');

/** The stages of a general-procedure penalty before the decision: the 90-day clock runs (N6). */
const beforeDecision = [
  'investigate',
  'review',
  'notify',
  'hear',
  'legalReview',
  'deliberate',
  'decide',
] as const;

export const steps: readonly StepDefinition[] = [
  define({
    name: 'flags',
    path: 'flags',
    summary: '标记重大案件或情节复杂（标记后不能取消：重大案件须经法制审核方可决定）',
    access: 'case.handle',
    // Only a general-procedure penalty has the 法制审核 and 集体讨论 stages these flags lead to.
    processes: ['penaltyGeneral'],
    apply: ({ loaded, input }) => {
      const stored = { ...loaded.stored };
      if (input.complexOrMajor) stored.complexOrMajor = true;
      const section = { major: !!input.major, complexOrMajor: !!input.complexOrMajor, reason: input.reason };
      return { stored, section, refusals: [], ...(input.major && { major: true as const }) };
    },
  }),
  define({
    name: 'proposal',
    path: 'proposal',
    summary: '调查终结处理意见：拟作出的处罚（修改即生成新的版本，须重新法制审核）',
    access: 'case.handle',
    processes: penalty,
    stages: [...beforeDecision, 'identify', 'defence'],
    apply: async ({ db, loaded, input, rule }) => {
      const revision = (loaded.stored.proposalRevision ?? 0) + 1;
      const stored = { ...loaded.stored, proposal: input.proposal, proposalRevision: revision };
      const checks =
        loaded.row.process_kind === 'penaltySimple'
          ? refusals(checkSimpleProcedure(facts(loaded, { proposal: input.proposal }), rule))
          : [];
      // X4: never outside the fine the violation's item allows by law (its 罚则).
      const item = await caseItemOf(db, loaded.row.enforcement_item_id, rule.today);
      if (item && input.proposal.fineFen !== undefined) {
        const statutory = checkStatutoryFine(input.proposal.fineFen, {
          itemName: item.name,
          minYuan: item.fineMinYuan,
          maxYuan: item.fineMaxYuan,
          basis: item.basis.map((b) => b.citation).join('、'),
        });
        if (!statutory.ok) checks.push(refusal('X4', statutory.code, statutory.message, 'proposal.fineFen'));
      }
      return { stored, section: { proposal: input.proposal, proposalRevision: revision }, refusals: checks };
    },
  }),
  define({
    name: 'priorNotice',
    path: 'prior-notice',
    summary: '事先告知：告知书送达日期，是否告知听证权利（N3、N4）',
    access: 'case.handle',
    processes: penalty,
    stages: ['notify'],
    apply: ({ loaded, input, rule }) => {
      past(input.servedOn, rule, 'servedOn');
      const proposal = loaded.stored.proposal ?? missing('请先记录拟作出的处罚', 'proposal');
      const priorNotice = {
        servedOn: input.servedOn,
        proposal,
        hearingRightNotified: input.hearingRightNotified,
      };
      const checks = refusals(checkHearingRightNotified(facts(loaded, { priorNotice }), rule));
      return { stored: { ...loaded.stored, priorNotice }, section: priorNotice, refusals: checks };
    },
  }),
  define({
    name: 'defence',
    path: 'defence',
    summary: '陈述申辩：听取日期或当事人明确放弃（N3）',
    access: 'case.handle',
    processes: penalty,
    stages: ['notify', 'defence', 'hear', 'legalReview', 'deliberate', 'decide'],
    apply: ({ loaded, input, rule }) => {
      past(input.heardOn, rule, 'heardOn');
      const { version: _v, ...change } = input;
      const defence = { ...loaded.stored.defence, ...change };
      return { stored: { ...loaded.stored, defence }, section: defence, refusals: [] };
    },
  }),
  define({
    name: 'hearing',
    path: 'hearing',
    summary: '听证：申请、放弃、通知、举行（N4）',
    access: 'case.handle',
    processes: ['penaltyGeneral'],
    stages: ['notify', 'hear'],
    apply: ({ loaded, input, rule }) => {
      for (const field of ['requestedOn', 'noticeServedOn', 'heldOn'] as const)
        past(input[field], rule, field);
      if (input.heldOn && loaded.row.stage !== 'hear') missing('进入“听证”环节后方可记录听证举行', 'stage');
      const { version: _v, ...change } = input;
      const hearing = { ...loaded.stored.hearing, ...change };
      const after = facts(loaded, { hearing });
      const checks = refusals(
        input.requestedOn ? checkHearingRequest(after, rule) : { ok: true },
        (input.scheduledOn || input.noticeServedOn) && hearing.scheduledOn
          ? checkHearingNotice(after, rule)
          : { ok: true },
      );
      return { stored: { ...loaded.stored, hearing }, section: hearing, refusals: checks };
    },
  }),
  define({
    name: 'legalReview',
    path: 'legal-review',
    summary: '法制审核意见（L1：审核人员不得审核本人承办的案件）',
    access: 'case.review',
    processes: ['penaltyGeneral'],
    stages: ['legalReview'],
    apply: async ({ db, loaded, input, user, rule }) => {
      past(input.reviewedOn, rule, 'reviewedOn');
      const account = await db
        .selectFrom('app_user')
        .select('person_id')
        .where('id', '=', user.id)
        .executeTakeFirst();
      if (!account?.person_id) missing('审核人员未登记为人员，不能出具审核意见', 'legalReview.reviewerId');
      const legalReview = {
        outcome: input.outcome,
        reviewedOn: input.reviewedOn,
        reviewerId: account.person_id,
        reviewerName: user.displayName,
        proposalRevision: loaded.stored.proposalRevision ?? 0,
        opinion: input.opinion,
      };
      const { reviewerName: _n, opinion: _o, ...review } = legalReview;
      const verdict = checkLegalReview(
        { ...loaded.facts, major: true, legalReview: { ...review, outcome: 'passed' } },
        { ...rule, today: input.reviewedOn },
      );
      const conflict = isRefusal(verdict) && verdict.code === 'LEGAL_REVIEWER_CONFLICT' ? [verdict] : [];
      return { stored: { ...loaded.stored, legalReview }, section: legalReview, refusals: conflict };
    },
  }),
  define({
    name: 'deliberation',
    path: 'deliberation',
    summary: '集体讨论（N5：由机关负责人主持）',
    access: 'case.approve',
    processes: ['penaltyGeneral'],
    stages: ['deliberate'],
    apply: ({ loaded, input, rule }) => {
      past(input.heldOn, rule, 'heldOn');
      const { version: _v, ...deliberation } = input;
      return { stored: { ...loaded.stored, deliberation }, section: deliberation, refusals: [] };
    },
  }),
  define({
    name: 'decision',
    path: 'decision',
    summary: '决定：处罚、不予处罚、撤销立案或移送，普通程序载明三项理由（R2）',
    access: ['case.handle', 'case.decide'],
    processes: penalty,
    stages: ['decide'],
    actorFor: decider,
    apply: ({ loaded, input, user, rule }) => {
      past(input.decidedOn, rule, 'decidedOn');
      const general = loaded.row.process_kind === 'penaltyGeneral';
      if (!mayTake(user, decider(loaded.row.process_kind)))
        throw new AppError('RULE_VIOLATION', '普通程序的决定由行政机关负责人作出（PROCESS）', {
          field: 'decision',
        });
      if (!general && input.outcome !== 'penalty')
        throw new AppError('VALIDATION_FAILED', '简易程序只能当场作出处罚决定', { field: 'body.outcome' });
      if ((input.outcome === 'penalty') !== (input.penalty !== undefined))
        throw new AppError('VALIDATION_FAILED', '处罚决定须载明处罚内容，其他决定不载明', {
          field: 'body.penalty',
        });
      const { version: _v, ...decision } = input;
      // The act itself is judged (N3, N4, L1, N5, R2, N2): on the day it was made, not at the next move.
      const checks = decisionRecordRefusals(facts(loaded, { decision }), rule);
      return { stored: { ...loaded.stored, decision }, section: decision, refusals: checks };
    },
  }),
  define({
    name: 'service',
    path: 'service',
    summary: '送达（N7：逾期送达照常记录，逾期情况记入全过程记录）',
    access: 'case.handle',
    stages: ['serve'],
    apply: ({ loaded, input, rule }) => {
      past(input.servedOn, rule, 'servedOn');
      const service = { servedOn: input.servedOn, method: input.method };
      const decided = loaded.stored.decision;
      const checks = decided ? refusals(checkService(facts(loaded, { service }), rule)) : [];
      const stored: StoredFacts = { ...loaded.stored, service };
      const fine = decided?.outcome === 'penalty' ? decided.penalty?.fineFen : undefined;
      if (fine && !stored.payment) stored.payment = { fineFen: fine, payments: [] };
      return { stored, section: service, refusals: checks };
    },
  }),
  ...executionSteps,
  define({
    name: 'timeLimitExtension',
    path: 'time-limit-extensions',
    summary: '延长办案期限（N6：经批准并记录，届满前批准）',
    access: 'case.approve',
    processes: ['penaltyGeneral'],
    stages: ['investigate', 'review', 'notify', 'hear', 'legalReview', 'deliberate', 'decide'],
    apply: ({ loaded, input, rule }) => {
      past(input.approvedOn, rule, 'approvedOn');
      const extension = {
        days: input.days,
        approved: true,
        approvedOn: input.approvedOn,
        reason: input.reason,
      };
      const checks = refusals(checkTimeLimitExtension(loaded.facts, extension, rule));
      const list = [...(loaded.stored.timeLimitExtensions ?? []), extension];
      return {
        stored: { ...loaded.stored, timeLimitExtensions: list },
        section: extension,
        refusals: checks,
      };
    },
  }),
  define({
    name: 'majorFiling',
    path: 'major-filing',
    summary:
      '重大行政处罚决定备案（L7：作出决定之日起5日内报上级主管部门和同级司法行政机关备案；逾期照常记录）',
    access: 'case.handle',
    processes: ['penaltyGeneral'],
    stages: ['serve', 'execute', 'close'],
    apply: ({ loaded, input, rule }) => {
      past(input.filedOn, rule, 'filedOn');
      const decision = loaded.stored.decision;
      if (!loaded.row.major || decision?.outcome !== 'penalty')
        missing('只有重大案件的行政处罚决定须备案', 'majorFiling');
      if (loaded.stored.majorFiling)
        missing(`该决定已于${loaded.stored.majorFiling.filedOn}备案`, 'majorFiling');
      const majorFiling = { filedOn: input.filedOn, recipients: input.recipients };
      const checks: Refusal[] = [];
      const due = majorFilingDeadline(loaded.facts, rule);
      if (input.filedOn < decision.decidedOn)
        checks.push(
          refusal(
            'L7',
            'INVALID_FACTS',
            `备案日期早于决定日期（${decision.decidedOn}）`,
            'majorFiling.filedOn',
          ),
        );
      else if (due && input.filedOn > due)
        checks.push(
          refusal(
            'L7',
            'INVALID_FACTS',
            `重大行政处罚决定应当自作出之日起${rule.settings.reporting.majorPenaltyFilingDays}日内（至${due}）备案，已逾期；逾期情况将记录在案`,
            'majorFiling.filedOn',
            false,
          ),
        );
      return { stored: { ...loaded.stored, majorFiling }, section: majorFiling, refusals: checks };
    },
  }),
  define({
    name: 'pause',
    path: 'pauses',
    summary:
      '办案期限中止：依法不计入办案期限的期间（听证、公告、检测、检验、检疫、鉴定等）开始，经负责人批准（N6）',
    access: 'case.approve',
    processes: ['penaltyGeneral'],
    stages: beforeDecision,
    apply: ({ loaded, input, rule }) => {
      past(input.from, rule, 'from');
      const list = loaded.stored.pausedPeriods ?? [];
      const checks: Refusal[] = [];
      const open = list.find((p) => !p.to);
      const lastEnd = list.reduce<string | undefined>(
        (last, p) => (p.to && (!last || p.to > last) ? p.to : last),
        undefined,
      );
      const limit = caseTimeLimit(loaded.facts, rule);
      if (open)
        checks.push(
          refusal('N6', 'INVALID_FACTS', `自${open.from}起的中止尚未结束，请先记录恢复`, 'pausedPeriods'),
        );
      else if (!limit) checks.push(refusal('N6', 'INVALID_FACTS', '缺少立案日期', 'registeredOn'));
      else if (input.from < limit.registeredOn)
        checks.push(
          refusal('N6', 'INVALID_FACTS', `中止日期早于立案日期（${limit.registeredOn}）`, 'pause.from'),
        );
      else if (lastEnd && input.from <= lastEnd)
        checks.push(
          refusal(
            'N6',
            'INVALID_FACTS',
            `中止期间不得与已记录的期间重叠（上一期间至${lastEnd}）`,
            'pause.from',
          ),
        );
      else if (input.from > limit.dueOn)
        checks.push(
          refusal(
            'N6',
            'CASE_TIME_LIMIT_EXCEEDED',
            `办案期限已于${limit.dueOn}届满，届满后不能中止`,
            'pause.from',
          ),
        );
      const pause = { from: input.from, reason: input.reason };
      return {
        stored: { ...loaded.stored, pausedPeriods: [...list, pause] },
        section: pause,
        refusals: checks,
      };
    },
  }),
  define({
    name: 'resume',
    path: 'pauses/resume',
    summary: '办案期限恢复计算：中止期间结束（含当日，N6）',
    access: 'case.approve',
    processes: ['penaltyGeneral'],
    stages: beforeDecision,
    apply: ({ loaded, input, rule }) => {
      past(input.to, rule, 'to');
      const list = loaded.stored.pausedPeriods ?? [];
      const index = list.findIndex((p) => !p.to);
      const open = list[index];
      if (!open) {
        const none = refusal('N6', 'INVALID_FACTS', '没有正在中止的期间', 'pausedPeriods');
        return { stored: loaded.stored, section: {}, refusals: [none] };
      }
      const checks =
        input.to < open.from
          ? [refusal('N6', 'INVALID_FACTS', `恢复日期早于中止日期（${open.from}）`, 'pause.to')]
          : [];
      const closed = { ...open, to: input.to };
      const pausedPeriods = list.map((p, i) => (i === index ? closed : p));
      return { stored: { ...loaded.stored, pausedPeriods }, section: closed, refusals: checks };
    },
  }),
  ...seizureSteps,
  approvalStep,
];
