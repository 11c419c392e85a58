/**
 * Period arithmetic for the process rules. Every period starts the day after
 * its start event (开始的当日不计入): "within 7 working days of the decision"
 * dated Monday ends on the seventh working day after Monday, and "30 days from
 * the seizure" on 1 March ends on 31 March. The last day is inside the period.
 */
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../calendar.js';
import { addCalendarDays, type IsoDate } from '../dates.js';
import { type ClockId, type DayCounting, type RuleContext, ruleOptions } from './result.js';

/** Periods the party must keep; the others bind the agency. */
const partyClocks: ReadonlySet<ClockId> = new Set<ClockId>(['defence', 'hearingRequest', 'payment']);

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
  if (countingFor(clock, context) === 'working') return addWorkingDays(context.calendar, start, days);
  let end = addCalendarDays(start, days);
  if (partyClocks.has(clock) && ruleOptions(context).rollPartyDeadlinesToWorkingDay) {
    while (!isWorkingDay(context.calendar, end)) end = addCalendarDays(end, 1);
  }
  return end;
}

/**
 * Days left until `due`, in the clock's counting: 0 on the due day itself,
 * negative once it has passed (−1 the first day after, in calendar or working days).
 */
export function daysLeft(clock: ClockId, due: IsoDate, context: RuleContext): number {
  const today = context.today;
  if (countingFor(clock, context) === 'calendar') return calendarDaysBetween(today, due);
  if (today <= due) return workingDaysBetween(context.calendar, today, due);
  return -Math.max(1, workingDaysBetween(context.calendar, due, today));
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
  let day = eventOn;
  let counted = 0;
  while (counted < days) {
    if (isWorkingDay(context.calendar, day)) counted += 1;
    day = addCalendarDays(day, -1);
  }
  return day;
}

export function unitLabel(counting: DayCounting): string {
  return counting === 'working' ? '个工作日' : '日';
}
