import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, buildCalendar, type CalendarEntry, type WorkingDayCalendar } from './calendar.js';
import { addCalendarDays, dayOfWeek } from './dates.js';
import { statutoryHolidays, yearEnvelope } from './statutory-holidays.js';

// The bundled arrangements 2019–2026 (the State Council's notices, as chinese-days records them).
const require = createRequire(import.meta.url);
const bundledYears = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
const bundled: CalendarEntry[] = bundledYears.flatMap((year) => {
  const data = require(`chinese-days/dist/years/${year}.json`) as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const own = (date: string) => date.startsWith(`${year}-`);
  return [
    ...Object.keys(data.holidays)
      .filter(own)
      .map((date) => ({ date, kind: 'holiday' as const, name: '' })),
    ...Object.keys(data.workdays)
      .filter(own)
      .map((date) => ({ date, kind: 'workday' as const, name: '' })),
  ];
});

/** The first `count` period ends after `start`: ends[n - 1] is where a period of n working days ends. */
function periodEnds(
  calendar: WorkingDayCalendar,
  start: string,
  count: number,
  reading: 'earliest' | 'latest',
) {
  const ends: string[] = [];
  let date = start;
  while (ends.length < count) {
    date = addWorkingDays(calendar, date, 1, reading);
    ends.push(date);
  }
  return ends;
}

describe('statutory holidays of 《全国年节及纪念日放假办法》 (issue 13)', () => {
  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-04-04',
        '2025-05-01',
        '2025-05-02',
        '2025-05-31',
        '2025-10-06',
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-04-05',
        '2026-05-01',
        '2026-05-02',
        '2026-06-19',
        '2026-09-25',
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
      ],
    ],
    // 2027: 除夕 5 February, 清明 5 April, 端午 9 June, 中秋 15 September.
    [
      2027,
      [
        '2027-01-01',
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-04-05',
        '2027-05-01',
        '2027-05-02',
        '2027-06-09',
        '2027-09-15',
        '2027-10-01',
        '2027-10-02',
        '2027-10-03',
      ],
    ],
    // Before the 2024 amendment: 11 days, 春节 from 初一, 劳动节 1 May only.
    [
      2024,
      [
        '2024-01-01',
        '2024-02-10',
        '2024-02-11',
        '2024-02-12',
        '2024-04-04',
        '2024-05-01',
        '2024-06-10',
        '2024-09-17',
        '2024-10-01',
        '2024-10-02',
        '2024-10-03',
      ],
    ],
  ])("%i: the law's days, the lunar and solar-term dates computed", (year, dates) => {
    expect(
      statutoryHolidays(year)
        .map((h) => h.date)
        .sort(),
    ).toEqual([...dates].sort());
  });

  it.each(bundledYears)('%i: every statutory holiday is a rest day in the real arrangement', (year) => {
    const rest = new Set(bundled.filter((e) => e.kind === 'holiday').map((e) => e.date));
    for (const { date } of statutoryHolidays(year)) expect(rest.has(date), date).toBe(true);
  });

  it.each(bundledYears)('%i: the real arrangement stays inside the envelope', (year) => {
    const envelope = yearEnvelope(year);
    for (const entry of bundled.filter((e) => e.date.startsWith(`${year}-`))) {
      const weekend = dayOfWeek(entry.date) === 0 || dayOfWeek(entry.date) === 6;
      if (entry.kind === 'workday') expect(envelope.mayWork.has(entry.date), entry.date).toBe(true);
      else if (!weekend && !envelope.holidays.has(entry.date))
        expect(envelope.mayRest.has(entry.date), entry.date).toBe(true);
    }
  });

  // The property the issue names: for every year 2019–2026, every start date in it and every
  // period of 1–20 working days, earliest ≤ the real end ≤ latest when that year's data is unknown.
  it.each(bundledYears)('%i: earliest ≤ real end ≤ latest for every start and 1–20 working days', (year) => {
    const real = buildCalendar(bundledYears, bundled);
    const unknown = buildCalendar(
      bundledYears.filter((y) => y !== year),
      bundled.filter((e) => !e.date.startsWith(`${year}-`)),
    );
    let checked = 0;
    for (let start = `${year - 1}-12-01`; start <= `${year}-12-31`; start = addCalendarDays(start, 1)) {
      const realEnds = periodEnds(real, start, 20, 'latest');
      const earliest = periodEnds(unknown, start, 20, 'earliest');
      const latest = periodEnds(unknown, start, 20, 'latest');
      for (let n = 0; n < 20; n += 1) {
        if (!(earliest[n]! <= realEnds[n]! && realEnds[n]! <= latest[n]!))
          throw new Error(`${start} + ${n + 1}: ${earliest[n]} ≤ ${realEnds[n]} ≤ ${latest[n]} fails`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(365 * 20);
  });
});
