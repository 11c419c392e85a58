/**
 * The working-day calendar: weekends and statutory holidays are rest days,
 * except make-up workdays (调休上班日), which are working days even on a
 * Saturday or Sunday. Data exists per year; counting into a year without data
 * is an error, never a guess, because a missed holiday moves a legal deadline.
 */
import { addCalendarDays, dayOfWeek, type IsoDate, yearOf } from './dates.js';
import { AppError } from './errors.js';

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarEntry {
  date: IsoDate;
  kind: CalendarDayKind;
  name: string;
}

export interface WorkingDayCalendar {
  readonly years: ReadonlySet<number>;
  readonly holidays: ReadonlySet<IsoDate>;
  readonly workdays: ReadonlySet<IsoDate>;
}

export function buildCalendar(years: Iterable<number>, entries: Iterable<CalendarEntry>): WorkingDayCalendar {
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  for (const entry of entries) (entry.kind === 'holiday' ? holidays : workdays).add(entry.date);
  return { years: new Set(years), holidays, workdays };
}

export function calendarYearMissing(year: number): AppError {
  return new AppError(
    'CALENDAR_YEAR_MISSING',
    `工作日历缺少 ${year} 年的节假日数据，请系统管理员先导入该年度日历`,
    {
      field: 'year',
    },
  );
}

function requireYear(calendar: WorkingDayCalendar, date: IsoDate): void {
  const year = yearOf(date);
  if (!calendar.years.has(year)) throw calendarYearMissing(year);
}

export function isWorkingDay(calendar: WorkingDayCalendar, date: IsoDate): boolean {
  requireYear(calendar, date);
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date on which a period of `count` working days ends, counting from the
 * day after `start` (a notice dated Monday with "7 working days" ends on the
 * seventh working day after it). `count` 0 returns `start`.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, start: IsoDate, count: number): IsoDate {
  if (!Number.isInteger(count) || count < 0) {
    throw new AppError('VALIDATION_FAILED', '工作日天数应为非负整数', { field: 'count' });
  }
  let date = start;
  let remaining = count;
  while (remaining > 0) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(calendar, date)) remaining -= 1;
  }
  return date;
}

/** Working days strictly after `from` up to and including `to` (0 if `to` ≤ `from`). */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
    if (isWorkingDay(calendar, date)) count += 1;
  }
  return count;
}
