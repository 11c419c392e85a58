/**
 * The working-day calendar: weekends and statutory holidays are rest days,
 * except make-up workdays (调休上班日), which are working days even on a
 * Saturday or Sunday. Data exists per year, from the State Council's yearly
 * arrangement. A year without data is never guessed silently: its days come
 * from the law (statutory-holidays.ts), and a day the arrangement could still
 * change is read one way or the other by the caller — `earliest` counts it as
 * the kind that ends a period soonest, `latest` as the kind that ends it last.
 */
import { addCalendarDays, dayOfWeek, type IsoDate, yearOf } from './dates.js';
import { AppError } from './errors.js';
import { computableYears, type YearEnvelope, yearEnvelope } from './statutory-holidays.js';

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

/**
 * Which end of the possible range a count in a year without data takes:
 * `earliest` treats every day the arrangement may make a working day as one
 * (an agency's duty: warn on its earliest plausible date); `latest` treats every
 * day it may make a rest day as one (a party's period: running until it surely
 * has run).
 */
export type CalendarReading = 'earliest' | 'latest';

export function buildCalendar(years: Iterable<number>, entries: Iterable<CalendarEntry>): WorkingDayCalendar {
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  for (const entry of entries) (entry.kind === 'holiday' ? holidays : workdays).add(entry.date);
  return { years: new Set(years), holidays, workdays };
}

export function calendarYearMissing(year: number): AppError {
  return new AppError(
    'CALENDAR_YEAR_MISSING',
    `工作日历缺少 ${year} 年的节假日数据，且该年超出可推算的范围（${computableYears.first}–${computableYears.last} 年），请系统管理员先导入该年度日历`,
    { field: 'year' },
  );
}

const envelopes = new Map<number, YearEnvelope>();

function envelopeOf(year: number): YearEnvelope {
  if (year < computableYears.first || year > computableYears.last) throw calendarYearMissing(year);
  let envelope = envelopes.get(year);
  if (!envelope) {
    envelope = yearEnvelope(year);
    envelopes.set(year, envelope);
  }
  return envelope;
}

export function isWorkingDay(
  calendar: WorkingDayCalendar,
  date: IsoDate,
  reading: CalendarReading = 'latest',
): boolean {
  const year = yearOf(date);
  if (calendar.years.has(year)) {
    if (calendar.workdays.has(date)) return true;
    if (calendar.holidays.has(date)) return false;
  } else {
    const envelope = envelopeOf(year);
    if (envelope.holidays.has(date)) return false;
    if (envelope.mayWork.has(date)) return reading === 'earliest';
    if (envelope.mayRest.has(date)) return reading === 'earliest';
  }
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date on which a period of `count` working days ends, counting from the
 * day after `start` (a notice dated Monday with "7 working days" ends on the
 * seventh working day after it). `count` 0 returns `start`.
 */
export function addWorkingDays(
  calendar: WorkingDayCalendar,
  start: IsoDate,
  count: number,
  reading: CalendarReading = 'latest',
): IsoDate {
  if (!Number.isInteger(count) || count < 0) {
    throw new AppError('VALIDATION_FAILED', '工作日天数应为非负整数', { field: 'count' });
  }
  if (count === 0) return start;
  const first = addCalendarDays(start, 1);
  let year = yearOf(first);
  let index = yearIndex(calendar, year, reading);
  // The target as a running count within `year`: past the year's total it moves on to the next.
  let target = workingDaysBefore(index, first) + count;
  while (target > index.total) {
    target -= index.total;
    year += 1;
    index = yearIndex(calendar, year, reading);
  }
  // The first day whose running count reaches the target is the target working day.
  let low = 0;
  let high = index.through.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (runningCount(index, middle) >= target) high = middle;
    else low = middle + 1;
  }
  return addCalendarDays(`${year}-01-01`, low);
}

/**
 * Working days strictly after `from` up to and including `to` (0 if `to` ≤ `from`).
 * By default the fewest the arrangement allows, so a warning never comes late.
 */
export function workingDaysBetween(
  calendar: WorkingDayCalendar,
  from: IsoDate,
  to: IsoDate,
  reading: CalendarReading = 'latest',
): number {
  if (to <= from) return 0;
  const first = addCalendarDays(from, 1);
  let count = runningCount(yearIndex(calendar, yearOf(to), reading), dayOfYear(to));
  count -= workingDaysBefore(yearIndex(calendar, yearOf(first), reading), first);
  for (let year = yearOf(first); year < yearOf(to); year += 1)
    count += yearIndex(calendar, year, reading).total;
  return count;
}

/**
 * A year's working days as running counts (`through[d]`: working days from 1 January to day `d`,
 * 0-based, inclusive), built once per calendar, reading and year: lists count the clocks of
 * hundreds of cases per request, which day by day was a large part of their time (BENCHMARKS.md).
 */
interface YearIndex {
  through: Int16Array;
  total: number;
}

const yearIndexes = new WeakMap<WorkingDayCalendar, Map<string, YearIndex>>();

function yearIndex(calendar: WorkingDayCalendar, year: number, reading: CalendarReading): YearIndex {
  let byYear = yearIndexes.get(calendar);
  if (!byYear) {
    byYear = new Map();
    yearIndexes.set(calendar, byYear);
  }
  const key = `${year}:${reading}`;
  let index = byYear.get(key);
  if (!index) {
    const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
    const through = new Int16Array(days);
    let total = 0;
    for (let day = 0; day < days; day += 1) {
      if (isWorkingDay(calendar, addCalendarDays(`${year}-01-01`, day), reading)) total += 1;
      through[day] = total;
    }
    index = { through, total };
    byYear.set(key, index);
  }
  return index;
}

/** Working days in `date`'s year before it (its index must be that year's). */
function workingDaysBefore(index: YearIndex, date: IsoDate): number {
  const day = dayOfYear(date);
  return day === 0 ? 0 : runningCount(index, day - 1);
}

function runningCount(index: YearIndex, day: number): number {
  return index.through[day] ?? 0;
}

function dayOfYear(date: IsoDate): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.UTC(yearOf(date), 0, 1)) / 86_400_000;
}

/** The end of `count` working days after `start` at both readings; `provisional` says why they differ. */
export function workingDayBounds(
  calendar: WorkingDayCalendar,
  start: IsoDate,
  count: number,
): { earliest: IsoDate; latest: IsoDate; provisional?: string } {
  const earliest = addWorkingDays(calendar, start, count, 'earliest');
  const latest = addWorkingDays(calendar, start, count, 'latest');
  if (earliest === latest) return { earliest, latest };
  return { earliest, latest, provisional: provisionalReason(yearsWithoutData(calendar, start, latest)) };
}

/** Years from `from` to `to` (inclusive) that have no data: dates in them are provisional. */
export function yearsWithoutData(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): number[] {
  const missing: number[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year += 1)
    if (!calendar.years.has(year)) missing.push(year);
  return missing;
}

/** 暂定's reason, said the same way wherever a provisional date appears. */
export function provisionalReason(years: readonly number[]): string {
  return `${years.join('、')} 年节假日安排尚未导入，按《全国年节及纪念日放假办法》推算`;
}

export interface CalendarCoverage {
  years: number[];
  /** This year and next year, where they have no data. */
  missing: number[];
  /** The day from which next year's missing data is warned about. */
  warnFrom: IsoDate;
  /** Next year has no data and the warning day has come (or this year has none). */
  warning: boolean;
  message?: string;
}

/**
 * What the calendar covers seen from `today`: the system administrator is told
 * from `warnFrom` (a setting, default 1 November) that next year's arrangement
 * is missing, long before a deadline reaches it.
 */
export function calendarCoverage(
  years: Iterable<number>,
  today: IsoDate,
  warnFrom: { month: number; day: number },
): CalendarCoverage {
  const covered = [...new Set(years)].sort((a, b) => a - b);
  const thisYear = yearOf(today);
  const missing = [thisYear, thisYear + 1].filter((year) => !covered.includes(year));
  const warnDate = `${thisYear}-${String(warnFrom.month).padStart(2, '0')}-${String(warnFrom.day).padStart(2, '0')}`;
  const warning = missing.includes(thisYear) || (missing.includes(thisYear + 1) && today >= warnDate);
  const coverage: CalendarCoverage = { years: covered, missing, warnFrom: warnDate, warning };
  if (warning)
    coverage.message = `工作日历缺少 ${missing.join('、')} 年的节假日安排：跨入该年的期限暂按《全国年节及纪念日放假办法》推算并标注“暂定”。请系统管理员导入国务院办公厅公布的放假安排通知。`;
  return coverage;
}
