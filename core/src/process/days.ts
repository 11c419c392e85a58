/**
 * Period arithmetic for the process rules. Every period starts the day after
 * its start event (开始的当日不计入): "within 7 working days of the decision"
 * dated Monday ends on the seventh working day after Monday, and "30 days from
 * the seizure" on 1 March ends on 31 March. The last day is inside the period.
 */
import {
  addWorkingDays,
  type CalendarReading,
  isWorkingDay,
  provisionalReason,
  workingDaysBetween,
  yearsWithoutData,
} from '../calendar.js';
import { addCalendarDays, type IsoDate } from '../dates.js';
import { type ClockId, type DayCounting, type RuleContext, ruleOptions } from './result.js';

/** Periods the party must keep; the others bind the agency. */
const partyClocks: ReadonlySet<ClockId> = new Set<ClockId>(['defence', 'hearingRequest', 'payment']);

/**
 * In a year whose holiday arrangement is not yet known, a period the party has
 * (陈述申辩, 听证申请, 缴纳) runs until its latest plausible end, so no gate closes
 * it early; the agency's duties (送达, 备案) fall due on their earliest, so no
 * warning comes late. `context.calendarReading` overrides, to compute both ends.
 */
export function readingFor(clock: ClockId, context: RuleContext): CalendarReading {
  return context.calendarReading ?? (partyClocks.has(clock) ? 'latest' : 'earliest');
}

export function countingFor(clock: ClockId, context: RuleContext): DayCounting {
  return ruleOptions(context).dayCounting[clock];
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Inclusive number of days from `from` to `to` (1 when equal, 0 when `to` is earlier). */
export function inclusiveDays(from: IsoDate, to: IsoDate): number {
  return Math.max(0, calendarDaysBetween(from, to) + 1);
}

/** The last day of a period of `days` of the clock's counting that starts after `start`. */
export function periodEnd(clock: ClockId, start: IsoDate, days: number, context: RuleContext): IsoDate {
  const reading = readingFor(clock, context);
  if (countingFor(clock, context) === 'working')
    return addWorkingDays(context.calendar, start, days, reading);
  let end = addCalendarDays(start, days);
  if (partyClocks.has(clock) && ruleOptions(context).rollPartyDeadlinesToWorkingDay) {
    while (!isWorkingDay(context.calendar, end, reading)) end = addCalendarDays(end, 1);
  }
  return end;
}

/** Both plausible ends of a date computed by `compute`, and why they are provisional, if they are. */
export interface DateBounds {
  earliest: IsoDate;
  latest: IsoDate;
  /** Set when the ends differ: the count passed days of a year without holiday data (暂定). */
  provisional?: string;
}

export function dateBounds(
  from: IsoDate,
  context: RuleContext,
  compute: (context: RuleContext) => IsoDate,
): DateBounds {
  // Counting backwards (a notice N days before an event) swaps which reading ends first.
  const one = compute({ ...context, calendarReading: 'earliest' });
  const other = compute({ ...context, calendarReading: 'latest' });
  const [earliest, latest] = one <= other ? [one, other] : [other, one];
  // Equal ends mean no day the arrangement could change was counted: the date holds either way.
  if (earliest === latest) return { earliest, latest };
  const missing = yearsWithoutData(context.calendar, from < earliest ? from : earliest, latest);
  return { earliest, latest, provisional: provisionalReason(missing) };
}

/** The ends of a period, for messages that must name both while the calendar is provisional. */
export function periodBounds(clock: ClockId, start: IsoDate, days: number, context: RuleContext): DateBounds {
  return dateBounds(start, context, (variant) => periodEnd(clock, start, days, variant));
}

/**
 * Days left until `due`, in the clock's counting: 0 on the due day itself,
 * negative once it has passed (−1 the first day after, in calendar or working days).
 */
export function daysLeft(clock: ClockId, due: IsoDate, context: RuleContext): number {
  const today = context.today;
  if (countingFor(clock, context) === 'calendar') return calendarDaysBetween(today, due);
  // The fewest working days the arrangement allows: a warning never comes late.
  if (today <= due) return workingDaysBetween(context.calendar, today, due, 'latest');
  return -Math.max(1, workingDaysBetween(context.calendar, due, today, 'latest'));
}

/**
 * The latest day a notice may go out so that `days` (of the clock's counting)
 * lie after it up to and including `eventOn` — "notify 7 days before the hearing".
 */
export function latestNoticeDay(
  clock: ClockId,
  eventOn: IsoDate,
  days: number,
  context: RuleContext,
): IsoDate {
  if (countingFor(clock, context) === 'calendar') return addCalendarDays(eventOn, -days);
  // Counted back over the fewest working days the arrangement allows: the
  // agency's duty falls on its earliest plausible date.
  const reading = context.calendarReading === 'earliest' ? 'earliest' : 'latest';
  let day = eventOn;
  let counted = 0;
  while (counted < days) {
    if (isWorkingDay(context.calendar, day, reading)) counted += 1;
    day = addCalendarDays(day, -1);
  }
  return day;
}

export function unitLabel(counting: DayCounting): string {
  return counting === 'working' ? '个工作日' : '日';
}
