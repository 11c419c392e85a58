/**
 * Every clock running on a case today, with its due date, the days left in the
 * clock's own counting (working or calendar days, see result.ts) and a warning
 * at the lead time. Settings have no lead times, so they are a parameter.
 */

import { yearsWithoutData } from '../calendar.js';
import { compareDates, type IsoDate } from '../dates.js';
import { AppError } from '../errors.js';
import { countingFor, dateBounds, daysLeft, latestNoticeDay, periodEnd } from './days.js';
import type { CaseFacts } from './facts.js';
import { formatFen } from './money.js';
import { paymentStatus } from './payment.js';
import { defenceDays, hearingRequestDeadline, hearingRight } from './penalty-rules.js';
import type { ClockId, DayCounting, RequirementId, RuleContext } from './result.js';
import { seizureTerm } from './seizure.js';
import { caseTimeLimit, majorFilingDeadline, serviceDeadline } from './time-limits.js';

export const clockLabels: Record<ClockId, string> = {
  caseTimeLimit: '办案期限',
  defence: '陈述申辩期限',
  hearingRequest: '听证申请期限',
  hearingNotice: '听证通知送达期限',
  service: '决定书送达期限',
  payment: '罚款缴纳期限',
  seizure: '查封扣押期限',
  majorFiling: '重大行政处罚备案期限',
};

const clockRules: Record<ClockId, RequirementId> = {
  caseTimeLimit: 'N6',
  defence: 'N3',
  hearingRequest: 'N4',
  hearingNotice: 'N4',
  service: 'N7',
  payment: 'N8',
  seizure: 'N11',
  majorFiling: 'L7',
};

/** Warn this many days (in the clock's counting) before the due date. */
export type LeadTimes = Record<ClockId, number>;

export const defaultLeadTimes: LeadTimes = {
  caseTimeLimit: 15,
  defence: 1,
  hearingRequest: 1,
  hearingNotice: 2,
  service: 2,
  payment: 3,
  seizure: 5,
  majorFiling: 1,
};

export interface RunningClock {
  id: ClockId;
  rule: RequirementId;
  label: string;
  startedOn: IsoDate;
  dueOn: IsoDate;
  counting: DayCounting;
  /** 0 on the due day, negative once overdue. */
  daysLeft: number;
  leadDays: number;
  /** Within the lead time, or overdue. */
  warning: boolean;
  overdue: boolean;
  /** Whose period it is: the agency's duty or the party's right/obligation. */
  owner: 'agency' | 'party';
  note?: string;
  /** A pause of the case time limit is running: the due date moves on each day it lasts. */
  paused?: true;
  /**
   * 暂定: the count reaches a year without holiday data. `dueOn` is the
   * earliest plausible end of an agency's duty and the latest of a party's period.
   */
  provisional?: { earliestOn: IsoDate; latestOn: IsoDate; reason: string };
}

export interface ClockProblem {
  id: ClockId;
  rule: RequirementId;
  message: string;
}

export interface CaseDeadlines {
  clocks: RunningClock[];
  /** Clocks that could not be counted (a calendar year without data). */
  problems: ClockProblem[];
}

/**
 * The party's periods that simply end on their due day (陈述申辩, 申请听证): a right not used in
 * time lapses, nobody is overdue, and the clock is no longer shown.
 */
export const lapsingClocks: ReadonlySet<ClockId> = new Set(['defence', 'hearingRequest']);

const clockOrder: readonly ClockId[] = [
  'caseTimeLimit',
  'defence',
  'hearingRequest',
  'hearingNotice',
  'service',
  'payment',
  'seizure',
  'majorFiling',
];

/**
 * The clocks running today:
 * - caseTimeLimit (N6): general procedure, registered, not yet decided;
 * - defence (N3) and hearingRequest (N4): notice served, not decided, not waived, period not over;
 * - hearingNotice (N4): a hearing scheduled whose notice has not gone out;
 * - service (N7): a general-procedure decision not yet served;
 * - payment (N8): a fine not fully paid (late fee in the note);
 * - seizure (N11): a seizure not yet dealt with;
 * - majorFiling (L7): a major penalty decision not yet filed.
 */
export function caseDeadlines(
  facts: CaseFacts,
  context: RuleContext,
  leadTimes: Partial<LeadTimes> = {},
): CaseDeadlines {
  const leads = { ...defaultLeadTimes, ...leadTimes };
  const clocks: RunningClock[] = [];
  const problems: ClockProblem[] = [];
  const general = facts.processKind === 'penaltyGeneral';
  const decided = !!facts.decision;

  const add = (
    id: ClockId,
    owner: RunningClock['owner'],
    compute: (
      ctx: RuleContext,
    ) => { startedOn: IsoDate; dueOn: IsoDate; note?: string; paused?: boolean } | undefined,
  ) => {
    try {
      const found = compute(context);
      if (!found) return;
      if (lapsingClocks.has(id) && context.today > found.dueOn) return;
      const left = daysLeft(id, found.dueOn, context);
      const clock: RunningClock = {
        id,
        rule: clockRules[id],
        label: clockLabels[id],
        startedOn: found.startedOn,
        dueOn: found.dueOn,
        counting: countingFor(id, context),
        daysLeft: left,
        leadDays: leads[id],
        warning: left <= leads[id],
        overdue: left < 0,
        owner,
      };
      if (found.note) clock.note = found.note;
      if (found.paused) clock.paused = true;
      if (yearsWithoutData(context.calendar, found.startedOn, found.dueOn).length) {
        const bounds = dateBounds(
          found.startedOn,
          context,
          (variant) => compute(variant)?.dueOn ?? found.dueOn,
        );
        if (bounds.provisional)
          clock.provisional = {
            earliestOn: bounds.earliest,
            latestOn: bounds.latest,
            reason: bounds.provisional,
          };
      }
      clocks.push(clock);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CALENDAR_YEAR_MISSING')
        problems.push({ id, rule: clockRules[id], message: error.message });
      else throw error;
    }
  };

  if (general && !decided)
    add('caseTimeLimit', 'agency', (ctx) => {
      const limit = caseTimeLimit(facts, ctx);
      if (!limit) return undefined;
      const notes: string[] = [];
      if (limit.extensionDays > 0) notes.push(`含经批准延长${limit.extensionDays}日`);
      if (limit.pausedDays > 0) notes.push(`不计入期限${limit.pausedDays}日`);
      if (limit.paused) notes.push('期限中止中');
      return {
        startedOn: limit.registeredOn,
        dueOn: limit.dueOn,
        paused: limit.paused,
        ...(notes.length ? { note: notes.join('，') } : {}),
      };
    });

  const notice = facts.priorNotice;
  if (general && !decided && notice) {
    if (!facts.defence?.waived)
      add('defence', 'party', (ctx) => {
        const dueOn = periodEnd('defence', notice.servedOn, defenceDays(ctx), ctx);
        return { startedOn: notice.servedOn, dueOn };
      });
    const right =
      notice.hearingRightNotified ||
      (facts.party ? hearingRight(notice.proposal, facts.party.kind, context.settings).applies : false);
    if (right && !facts.hearing?.requestedOn && !facts.hearing?.waived)
      add('hearingRequest', 'party', (ctx) => {
        return { startedOn: notice.servedOn, dueOn: hearingRequestDeadline(facts, ctx)! };
      });
  }

  const hearing = facts.hearing;
  if (hearing?.scheduledOn && !hearing.noticeServedOn && !hearing.heldOn && !decided) {
    const scheduledOn = hearing.scheduledOn;
    add('hearingNotice', 'agency', (ctx) => ({
      startedOn: hearing.requestedOn ?? ctx.today,
      dueOn: latestNoticeDay('hearingNotice', scheduledOn, ctx.settings.penalty.hearingNoticeDays, ctx),
      note: `听证定于${scheduledOn}`,
    }));
  }

  const decision = facts.decision;
  if (
    general &&
    decision &&
    (decision.outcome === 'penalty' || decision.outcome === 'noPenalty') &&
    !facts.service?.servedOn
  )
    add('service', 'agency', (ctx) => ({
      startedOn: decision.decidedOn,
      dueOn: serviceDeadline(facts, ctx)!,
    }));

  if (facts.payment && facts.service?.servedOn) {
    const servedOn = facts.service.servedOn;
    add('payment', 'party', (ctx) => {
      const status = paymentStatus(facts, ctx);
      if (!status || status.settled || !status.nextDueOn) return undefined;
      const notes = [`未缴罚款${formatFen(status.fineOutstandingFen)}`];
      if (status.lateFeeFen > 0) notes.push(`加处罚款${formatFen(status.lateFeeFen)}`);
      return { startedOn: servedOn, dueOn: status.nextDueOn, note: notes.join('，') };
    });
  }

  const seizure = facts.seizure;
  if (seizure && !seizure.disposedOn)
    add('seizure', 'agency', (ctx) => {
      const term = seizureTerm(seizure, ctx);
      const notes: string[] = [];
      if (term.extensionDays > 0) notes.push(`含延长${term.extensionDays}日`);
      if (term.testingDays > 0) notes.push(`检测鉴定期间${term.testingDays}日不计入`);
      return {
        startedOn: term.startOn,
        dueOn: term.endOn,
        ...(notes.length ? { note: notes.join('，') } : {}),
      };
    });

  if (facts.major === true && decision?.outcome === 'penalty' && !facts.majorFiledOn)
    add('majorFiling', 'agency', (ctx) => ({
      startedOn: decision.decidedOn,
      dueOn: majorFilingDeadline(facts, ctx)!,
    }));

  clocks.sort(
    (a, b) => compareDates(a.dueOn, b.dueOn) || clockOrder.indexOf(a.id) - clockOrder.indexOf(b.id),
  );
  return { clocks, problems };
}
