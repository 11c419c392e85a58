/**
 * What a guard returns: ok, or a refusal with a stable code, a Chinese message
 * and the field at fault. Guards never throw for a rule: a refusal is an answer.
 * A missing calendar year (counting into a year without holiday data) becomes a
 * refusal too, because a deadline that cannot be counted cannot be allowed.
 */
import type { CalendarReading, WorkingDayCalendar } from '../calendar.js';
import type { IsoDate } from '../dates.js';
import { AppError, type ErrorDetail } from '../errors.js';
import type { JurisdictionSettings } from '../settings.js';

/** Requirement IDs from REQUIREMENTS.md the guards enforce; PROCESS = the definition's transitions. */
export type RequirementId =
  | 'N1'
  | 'N2'
  | 'N3'
  | 'N4'
  | 'N5'
  | 'N6'
  | 'N7'
  | 'N8'
  | 'N10'
  | 'N11'
  | 'R2'
  | 'R4'
  | 'X4'
  | 'L1'
  | 'L7'
  | 'ARCHIVE'
  | 'PROCESS';

export const refusalCodes = [
  'CALENDAR_YEAR_MISSING',
  'INVALID_FACTS',
  // N1
  'INVESTIGATORS_INSUFFICIENT',
  // N2
  'SIMPLE_PROCEDURE_NOT_ALLOWED',
  // N3
  'PRIOR_NOTICE_MISSING',
  'DEFENCE_PERIOD_RUNNING',
  'DEFENCE_NOT_HEARD',
  'PENALTY_HEAVIER_THAN_NOTIFIED',
  // N4
  'HEARING_RIGHT_NOT_NOTIFIED',
  'HEARING_REQUEST_PERIOD_RUNNING',
  'HEARING_REQUEST_LATE',
  'HEARING_NOTICE_TOO_SHORT',
  'HEARING_NOT_HELD',
  // N5
  'COLLECTIVE_DELIBERATION_MISSING',
  // N6
  'CASE_TIME_LIMIT_EXCEEDED',
  'TIME_LIMIT_EXTENSION_INVALID',
  // N7
  'SERVICE_OVERDUE',
  // N8
  'PAYMENT_BANK_REFERENCE_MISSING',
  'PAYMENT_AMOUNT_INVALID',
  'PAYMENT_PLAN_INVALID',
  'EXECUTION_INCOMPLETE',
  // N10
  'LIMITATION_EXPIRED',
  // N11
  'SEIZURE_NOT_APPROVED',
  'SEIZURE_TERM_TOO_LONG',
  'SEIZURE_EXTENSION_INVALID',
  'SEIZURE_EXPIRED',
  // R2
  'DECISION_REASONS_MISSING',
  'PARTY_INCOMPLETE',
  // R4 / R5
  'RECORDING_MISSING',
  // X4: the fine within the law's range for the violation
  'FINE_OUTSIDE_STATUTORY_RANGE',
  // L1
  'LEGAL_REVIEW_NOT_PASSED',
  'LEGAL_REVIEWER_CONFLICT',
  // ARCHIVE
  'ARCHIVE_DOCUMENTS_MISSING',
  // transitions
  'UNKNOWN_STAGE',
  'TRANSITION_NOT_ALLOWED',
  'OUTCOME_NOT_ALLOWED',
  'STAGE_CONDITION_NOT_MET',
  'CONDITIONAL_STAGE_SKIPPED',
  // approval chains as the flowchart publishes them
  'APPROVAL_PENDING',
  'APPROVAL_OUT_OF_ORDER',
  // the document a stage is decided on (立案: the 立案审批表)
  'STAGE_DOCUMENT_MISSING',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export interface Refusal {
  ok: false;
  rule: RequirementId;
  code: RefusalCode;
  /** Chinese, for people. */
  message: string;
  /** Path of the fact at fault, e.g. `priorNotice.servedOn`. */
  field?: string;
  /**
   * True for what the law forbids (不得): the act must not happen. False for a
   * missed duty (应当…内): the act must still happen, late, and the lateness is
   * recorded — e.g. a decision served on the ninth working day is still served.
   */
  blocking: boolean;
  details?: ErrorDetail[];
}

export type GuardResult = { ok: true } | Refusal;

export const allowed: GuardResult = Object.freeze({ ok: true as const });

export function refuse(
  rule: RequirementId,
  code: RefusalCode,
  message: string,
  options: { field?: string; blocking?: boolean; details?: ErrorDetail[] } = {},
): Refusal {
  const refusal: Refusal = { ok: false, rule, code, message, blocking: options.blocking ?? true };
  if (options.field !== undefined) refusal.field = options.field;
  if (options.details !== undefined && options.details.length > 0) refusal.details = options.details;
  return refusal;
}

export function isRefusal(result: GuardResult): result is Refusal {
  return !result.ok;
}

/** The refusals among several results, in order. */
export function refusalsOf(results: readonly GuardResult[]): Refusal[] {
  return results.filter(isRefusal);
}

/** A refusal as the platform's error, for the service layer to throw (code RULE_VIOLATION). */
export function refusalToAppError(refusal: Refusal): AppError {
  const options: { field?: string; details?: ErrorDetail[] } = {};
  if (refusal.field !== undefined) options.field = refusal.field;
  if (refusal.details) options.details = refusal.details;
  return new AppError(
    refusal.code === 'CALENDAR_YEAR_MISSING' ? 'CALENDAR_YEAR_MISSING' : 'RULE_VIOLATION',
    `${refusal.message}（${refusal.rule}）`,
    options,
  );
}

/** Runs a guard body; a missing calendar year becomes a refusal of that rule, anything else is a bug and throws. */
export function guarded(rule: RequirementId, body: () => GuardResult): GuardResult {
  try {
    return body();
  } catch (error) {
    if (error instanceof AppError && error.code === 'CALENDAR_YEAR_MISSING') {
      return refuse(rule, 'CALENDAR_YEAR_MISSING', error.message, { field: error.field ?? 'calendar' });
    }
    throw error;
  }
}

/** Which clocks the deadline rules run. */
export const clockIds = [
  'caseTimeLimit',
  'defence',
  'hearingRequest',
  'hearingNotice',
  'service',
  'payment',
  'seizure',
  'majorFiling',
] as const;
export type ClockId = (typeof clockIds)[number];

export type DayCounting = 'calendar' | 'working';
export type DayCountingPolicy = Record<ClockId, DayCounting>;

/**
 * How each period is counted, per the text of the law:
 * - 行政处罚法 art. 85: "本法中'二日''三日''五日''七日'的规定是指工作日，不含法定节假日".
 *   So the 5-day hearing request (art. 64(一)), the 7-day hearing notice (art. 64(二))
 *   and the 7-day service (art. 61) are working days; the defence period follows
 *   the hearing request period (same notice, same window).
 * - Longer periods of the same law are calendar days: 90 days to decide (art. 60),
 *   15 days to pay (art. 67).
 * - 行政强制法 art. 69 counts only periods of ten days or less as working days: the
 *   30-day seizure and its 30-day extension (art. 25) are calendar days.
 * - The major-penalty filing period (L7, [004]) comes from a local document, not
 *   this law: calendar days, the stricter reading.
 * A jurisdiction whose setting departs from the statute's number may set its own
 * counting through `ProcessRuleOptions.dayCounting`.
 */
export const statutoryDayCounting: DayCountingPolicy = {
  caseTimeLimit: 'calendar',
  defence: 'working',
  hearingRequest: 'working',
  hearingNotice: 'working',
  service: 'working',
  payment: 'calendar',
  seizure: 'calendar',
  majorFiling: 'calendar',
};

export interface ProcessRuleOptions {
  dayCounting: DayCountingPolicy;
  /**
   * Defence period after the prior notice (陈述申辩期限). No statute fixes it;
   * by default it equals the hearing request period (settings.penalty.hearingRequestDays).
   * Candidate for a jurisdiction setting (penalty.defenceDays).
   */
  defenceDays?: number;
  /**
   * A calendar-day period the party must keep (payment) whose last day is a rest
   * day ends on the next working day, as in 民事诉讼法 (期间届满的最后一日是法定休假日的…).
   * Agency periods never move: the stricter reading.
   */
  rollPartyDeadlinesToWorkingDay: boolean;
}

export const defaultProcessRuleOptions: ProcessRuleOptions = {
  dayCounting: statutoryDayCounting,
  rollPartyDeadlinesToWorkingDay: true,
};

/** Everything a rule reads besides the case: settings, calendar, the date of the act. */
export interface RuleContext {
  settings: JurisdictionSettings;
  calendar: WorkingDayCalendar;
  /** The date on which the guarded act takes effect (usually the clock's today). */
  today: IsoDate;
  options?: Partial<ProcessRuleOptions>;
  /** Forces one reading of a year without holiday data (see days.ts `readingFor`). */
  calendarReading?: CalendarReading;
}

/**
 * The options a rule applies: the context's over the defaults. Resolved once per options object
 * (a context's copies share it) and frozen: a list counts hundreds of clocks with one context.
 */
export function ruleOptions(context: RuleContext): ProcessRuleOptions {
  const options = context.options ?? noOptions;
  let resolved = resolvedOptions.get(options);
  if (!resolved) {
    resolved = Object.freeze({
      ...defaultProcessRuleOptions,
      ...options,
      dayCounting: Object.freeze({ ...statutoryDayCounting, ...(options.dayCounting ?? {}) }),
    });
    resolvedOptions.set(options, resolved);
  }
  return resolved;
}

const noOptions: Partial<ProcessRuleOptions> = Object.freeze({});
const resolvedOptions = new WeakMap<Partial<ProcessRuleOptions>, ProcessRuleOptions>();
