import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildCalendar,
  type CalendarEntry,
  isWorkingDay,
  workingDaysBetween,
} from './calendar.js';
import { addCalendarDays, isIsoDate, shanghaiDateOf } from './dates.js';

// 2026 National Day: 1–7 October off; Sunday 20 September and Saturday 10 October
// are make-up workdays (State Council notice for 2026).
const entries: CalendarEntry[] = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2026-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
  { date: '2026-01-01', kind: 'holiday', name: '元旦' },
  { date: '2026-01-04', kind: 'workday', name: '元旦调休' },
];
const calendar = buildCalendar([2026], entries);

describe('working-day calendar', () => {
  it.each([
    ['2026-09-18', true, 'ordinary Friday'],
    ['2026-09-19', false, 'ordinary Saturday'],
    ['2026-09-20', true, 'make-up Sunday'],
    ['2026-10-01', false, 'holiday Thursday'],
    ['2026-10-03', false, 'holiday Saturday'],
    ['2026-10-10', true, 'make-up Saturday'],
    ['2026-10-11', false, 'ordinary Sunday after the make-up Saturday'],
    ['2026-01-04', true, 'make-up Sunday in January'],
  ])('isWorkingDay(%s) = %s (%s)', (date, expected) => {
    expect(isWorkingDay(calendar, date)).toBe(expected);
  });

  it.each([
    ['2026-09-28', 7, '2026-10-13'],
    ['2026-09-28', 0, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-08', 2, '2026-10-10'],
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-19', 1, '2026-09-20'],
    ['2025-12-31', 1, '2026-01-02'],
  ])('addWorkingDays(%s, %i) = %s', (start, count, expected) => {
    const both = buildCalendar([2025, 2026], entries);
    expect(addWorkingDays(both, start, count)).toBe(expected);
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween(calendar, '2026-09-28', '2026-10-13')).toBe(7);
    expect(workingDaysBetween(calendar, '2026-10-13', '2026-09-28')).toBe(0);
  });

  it('counts into a year without data from the law, at its earliest or its latest plausible end', () => {
    // 2027: 元旦 Friday 1 January is statutory; the weekend after may become make-up workdays
    // and 4–5 January bridging days off. 5 working days after Wednesday 30 December:
    expect(addWorkingDays(calendar, '2026-12-30', 5, 'earliest')).toBe('2027-01-05');
    expect(addWorkingDays(calendar, '2026-12-30', 5, 'latest')).toBe('2027-01-11');
    expect(isWorkingDay(calendar, '2027-01-01', 'earliest')).toBe(false);
    expect(isWorkingDay(calendar, '2027-03-10', 'latest')).toBe(true);
    expect(isWorkingDay(calendar, '2019-05-01', 'earliest')).toBe(false);
  });

  it('refuses to count into a year the law cannot be computed for, naming the year', () => {
    expect(() => addWorkingDays(calendar, '2099-12-30', 5)).toThrowError(/2100/);
    expect(() => isWorkingDay(calendar, '2007-05-01')).toThrowError(/2007/);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays(calendar, '2026-09-28', -1)).toThrowError(/非负整数/);
    expect(() => addWorkingDays(calendar, '2026-09-28', 1.5)).toThrowError(/非负整数/);
  });
});

describe('calendar dates', () => {
  it('adds calendar days across month, year and leap day', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2026-01-01', 90)).toBe('2026-04-01');
  });

  it('validates ISO dates strictly', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-9-1')).toBe(false);
    expect(isIsoDate('２０２６-01-01')).toBe(false);
  });

  it('takes the Asia/Shanghai date of an instant', () => {
    expect(shanghaiDateOf(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(shanghaiDateOf(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });
});

// Counting by the running-count table must agree with counting one day at a time (the
// definition), at both readings, across years with data, without, and the edges of each.
describe('working days counted by table, as day by day', () => {
  const oneByOne = {
    add(start: string, count: number, reading: 'earliest' | 'latest') {
      let date = start;
      for (let left = count; left > 0; ) {
        date = addCalendarDays(date, 1);
        if (isWorkingDay(calendar, date, reading)) left -= 1;
      }
      return date;
    },
    between(from: string, to: string, reading: 'earliest' | 'latest') {
      let count = 0;
      for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1))
        if (isWorkingDay(calendar, date, reading)) count += 1;
      return count;
    },
  };
  // A fixed pseudo-random walk (the same cases every run): starts from 2024 to 2028, around the
  // year with data (2026), counts up to two years' worth.
  let state = 20261208;
  const next = (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
  const cases = Array.from({ length: 300 }, () => ({
    start: addCalendarDays('2024-01-01', next(5 * 365)),
    count: next(3) === 0 ? next(5) : next(500),
    span: next(800),
    reading: next(2) === 0 ? ('earliest' as const) : ('latest' as const),
  }));
  cases.push(
    { start: '2025-12-31', count: 1, span: 1, reading: 'latest' },
    { start: '2026-12-31', count: 3, span: 366, reading: 'earliest' },
    { start: '2026-12-30', count: 0, span: 0, reading: 'latest' },
  );

  it('addWorkingDays', () => {
    for (const { start, count, reading } of cases)
      expect(addWorkingDays(calendar, start, count, reading), `${start} + ${count} (${reading})`).toBe(
        oneByOne.add(start, count, reading),
      );
  });

  it('workingDaysBetween', () => {
    for (const { start, span, reading } of cases) {
      const end = addCalendarDays(start, span);
      expect(workingDaysBetween(calendar, start, end, reading), `${start} → ${end} (${reading})`).toBe(
        oneByOne.between(start, end, reading),
      );
    }
  });
});
