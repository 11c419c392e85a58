/**
 * Agency time limits: N6 the case time limit (行政处罚法 art. 60), N7 service of
 * the decision (art. 61), L7 filing of a major penalty. These are duties with a
 * deadline (应当…内), not prohibitions: a late act must still happen, so their
 * refusals are non-blocking and the lateness is recorded; the deadlines list
 * warns before it comes to that.
 */
import { addCalendarDays, type IsoDate } from '../dates.js';
import { countingFor, inclusiveDays, periodEnd, unitLabel } from './days.js';
import type { CaseFacts, TimeLimitExtension } from './facts.js';
import { allowed, type GuardResult, guarded, type RuleContext, refuse } from './result.js';

export interface CaseTimeLimit {
  registeredOn: IsoDate;
  /** registeredOn + the settings' limit. */
  baseDueOn: IsoDate;
  /** With recorded pauses and approved extensions. */
  dueOn: IsoDate;
  pausedDays: number;
  /** A pause is running today: the due date moves on each day it lasts. */
  paused: boolean;
  extensionDays: number;
  /** Indexes of extensions that do not count (not approved, or approved after the limit had run out). */
  ignoredExtensions: number[];
}

function validExtensionDays(extension: TimeLimitExtension): boolean {
  return Number.isInteger(extension.days) && extension.days > 0;
}

/**
 * N6: the due date of a general-procedure case. Recorded pauses (periods a rule
 * excludes, such as 听证、检测、鉴定、公告) add their days (inclusive; an open one
 * up to today); approved extensions add theirs, each only if approved on or
 * before the due date it extends — an expired limit cannot be revived.
 */
export function caseTimeLimit(
  facts: Pick<CaseFacts, 'registeredOn' | 'timeLimitExtensions' | 'pausedPeriods'>,
  context: RuleContext,
): CaseTimeLimit | undefined {
  const registeredOn = facts.registeredOn;
  if (!registeredOn) return undefined;
  const baseDueOn = periodEnd(
    'caseTimeLimit',
    registeredOn,
    context.settings.caseHandling.caseTimeLimitDays,
    context,
  );
  let pausedDays = 0;
  let paused = false;
  for (const pause of facts.pausedPeriods ?? []) {
    if (pause.from > context.today) continue;
    const to = pause.to ?? context.today;
    if (!pause.to) paused = true;
    pausedDays += inclusiveDays(pause.from, to);
  }
  let dueOn = addCalendarDays(baseDueOn, pausedDays);
  let extensionDays = 0;
  const ignoredExtensions: number[] = [];
  const order = (facts.timeLimitExtensions ?? [])
    .map((extension, index) => ({ extension, index }))
    .sort(
      (a, b) =>
        (a.extension.approvedOn ?? '9999').localeCompare(b.extension.approvedOn ?? '9999') ||
        a.index - b.index,
    );
  for (const { extension, index } of order) {
    if (
      !extension.approved ||
      !extension.approvedOn ||
      extension.approvedOn > dueOn ||
      !validExtensionDays(extension)
    ) {
      ignoredExtensions.push(index);
      continue;
    }
    dueOn = periodEnd('caseTimeLimit', dueOn, extension.days, context);
    extensionDays += extension.days;
  }
  ignoredExtensions.sort((a, b) => a - b);
  return { registeredOn, baseDueOn, dueOn, pausedDays, paused, extensionDays, ignoredExtensions };
}

/** N6: is today within the case time limit? Non-blocking when exceeded (art. 60 is a duty). */
export function checkCaseTimeLimit(facts: CaseFacts, context: RuleContext): GuardResult {
  return guarded('N6', () => {
    const limit = caseTimeLimit(facts, context);
    if (!limit) return refuse('N6', 'INVALID_FACTS', '缺少立案日期', { field: 'registeredOn' });
    if (context.today <= limit.dueOn) return allowed;
    const days = context.settings.caseHandling.caseTimeLimitDays;
    const extra = limit.extensionDays > 0 ? `，含经批准延长${limit.extensionDays}日` : '';
    const pauses = limit.pausedDays > 0 ? `，不计入期限${limit.pausedDays}日` : '';
    return refuse(
      'N6',
      'CASE_TIME_LIMIT_EXCEEDED',
      `办案期限（自立案之日起${days}${unitLabel(countingFor('caseTimeLimit', context))}${extra}${pauses}）已于${limit.dueOn}届满，逾期情况将记录在案`,
      { field: 'registeredOn', blocking: false },
    );
  });
}

/**
 * N6: may this extension be recorded as extending the limit? It must be approved,
 * dated, for a positive whole number of days, and approved no later than the
 * due date it extends.
 */
export function checkTimeLimitExtension(
  facts: CaseFacts,
  extension: TimeLimitExtension,
  context: RuleContext,
): GuardResult {
  return guarded('N6', () => {
    if (!validExtensionDays(extension))
      return refuse('N6', 'TIME_LIMIT_EXTENSION_INVALID', '延长天数应为正整数', { field: 'extension.days' });
    if (!extension.reason?.trim())
      return refuse('N6', 'TIME_LIMIT_EXTENSION_INVALID', '延长办案期限应当载明理由', {
        field: 'extension.reason',
      });
    if (!extension.approved || !extension.approvedOn)
      return refuse('N6', 'TIME_LIMIT_EXTENSION_INVALID', '延长办案期限须经批准并记录批准日期', {
        field: 'extension.approved',
      });
    const limit = caseTimeLimit(facts, context);
    if (!limit) return refuse('N6', 'INVALID_FACTS', '缺少立案日期', { field: 'registeredOn' });
    if (extension.approvedOn > limit.dueOn)
      return refuse(
        'N6',
        'TIME_LIMIT_EXTENSION_INVALID',
        `办案期限已于${limit.dueOn}届满，届满后批准的延长不能使期限恢复`,
        { field: 'extension.approvedOn' },
      );
    return allowed;
  });
}

/** N7: the last day to serve a decision not handed over on the spot. */
export function serviceDeadline(
  facts: Pick<CaseFacts, 'decision'>,
  context: RuleContext,
): IsoDate | undefined {
  const decidedOn = facts.decision?.decidedOn;
  if (!decidedOn) return undefined;
  return periodEnd('service', decidedOn, context.settings.caseHandling.serviceDays, context);
}

/**
 * N7: the decision is served within the settings' days (7 working days by
 * art. 61 + art. 85) — `service.servedOn`, or today when serving now.
 * Non-blocking: a late service still has to happen.
 */
export function checkService(facts: CaseFacts, context: RuleContext): GuardResult {
  return guarded('N7', () => {
    const due = serviceDeadline(facts, context);
    if (!due) return refuse('N7', 'INVALID_FACTS', '缺少决定日期', { field: 'decision.decidedOn' });
    const servedOn = facts.service?.servedOn ?? context.today;
    if (servedOn < facts.decision!.decidedOn)
      return refuse('N7', 'INVALID_FACTS', '送达日期早于决定日期', { field: 'service.servedOn' });
    if (servedOn <= due) return allowed;
    return refuse(
      'N7',
      'SERVICE_OVERDUE',
      `决定书应当自决定之日起${context.settings.caseHandling.serviceDays}${unitLabel(countingFor('service', context))}内（至${due}）送达，已逾期；仍应送达，逾期情况将记录在案`,
      { field: 'service.servedOn', blocking: false },
    );
  });
}

/** L7: the last day to file a major penalty decision with the superior and the justice bureau. */
export function majorFilingDeadline(
  facts: Pick<CaseFacts, 'decision'>,
  context: RuleContext,
): IsoDate | undefined {
  const decidedOn = facts.decision?.decidedOn;
  if (!decidedOn) return undefined;
  return periodEnd('majorFiling', decidedOn, context.settings.reporting.majorPenaltyFilingDays, context);
}
