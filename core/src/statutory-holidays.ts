/**
 * What the law itself says of a year whose State Council arrangement is not yet
 * known: the statutory holidays of 《全国年节及纪念日放假办法》, and the days the
 * yearly arrangement may still change around them. The arrangement can only add
 * bridging days off next to a holiday and move make-up workdays onto nearby
 * weekends; it never takes a statutory holiday away.
 */
import chineseDays from 'chinese-days';
import { addCalendarDays, dayOfWeek, type IsoDate } from './dates.js';

const { getSolarDateFromLunar, getSolarTermDate } = chineseDays;

/** Years the lunar and solar-term tables of `chinese-days` compute, and the 2008 version of the law applies from. */
export const computableYears = { first: 2008, last: 2099 } as const;

export interface StatutoryHoliday {
  date: IsoDate;
  name: string;
}

/**
 * The statutory holidays of a year. The 2024 amendment (国务院令第795号, in force
 * 1 January 2025) added 除夕 and 2 May: 13 days. From 2008 to 2024 (the 2007
 * version, kept in 2013): 11 days, 春节 from 初一, 劳动节 1 May only.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const amended = year >= 2025;
  const springFestival = getSolarDateFromLunar(`${year}-01-01`).date;
  const days: StatutoryHoliday[] = [{ date: `${year}-01-01`, name: '元旦' }];
  for (let offset = amended ? -1 : 0; offset <= 2; offset += 1)
    days.push({ date: addCalendarDays(springFestival, offset), name: '春节' });
  days.push({ date: getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' });
  days.push({ date: `${year}-05-01`, name: '劳动节' });
  if (amended) days.push({ date: `${year}-05-02`, name: '劳动节' });
  days.push({ date: getSolarDateFromLunar(`${year}-05-05`).date, name: '端午节' });
  days.push({ date: getSolarDateFromLunar(`${year}-08-15`).date, name: '中秋节' });
  for (const day of ['01', '02', '03']) days.push({ date: `${year}-10-${day}`, name: '国庆节' });
  return days;
}

/**
 * How far from a statutory holiday the arrangement has reached, in days before
 * and after it, as seen in the notices of 2019–2026 and widened by a margin.
 * The short breaks (元旦, 清明, 端午, 中秋 alone) bridge at most one weekday
 * before and two after (元旦 2022 on a Saturday: Monday 3 January off) and put
 * make-up workdays within 3 days; the long ones (春节, 劳动节, 国庆) rest up to
 * 1 day before and 5 after (国庆 2020 with 中秋 on 1 October, to 8 October),
 * with make-up workdays from 8 days before to 10 after (劳动节 2024: 11 May).
 */
export const arrangementReach: Record<
  'short' | 'long',
  { rest: [number, number]; workday: [number, number] }
> = {
  short: { rest: [2, 4], workday: [5, 5] },
  long: { rest: [3, 7], workday: [10, 12] },
};

const longBreaks: ReadonlySet<string> = new Set(['春节', '劳动节', '国庆节']);

/** One year without data, as the law allows it to turn out. */
export interface YearEnvelope {
  /** Statutory holidays: rest days whatever the arrangement says. */
  holidays: ReadonlySet<IsoDate>;
  /** Weekdays the arrangement may make rest days (bridging days off). */
  mayRest: ReadonlySet<IsoDate>;
  /** Weekend days the arrangement may make working days (make-up workdays). */
  mayWork: ReadonlySet<IsoDate>;
}

const isWeekend = (date: IsoDate) => {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
};

/**
 * The envelope of a year. Days outside the year (a make-up Saturday in the
 * previous December) are left out: a year with data is never second-guessed.
 */
export function yearEnvelope(year: number): YearEnvelope {
  const statutory = statutoryHolidays(year);
  const holidays = new Set(statutory.map((h) => h.date));
  const mayRest = new Set<IsoDate>();
  const mayWork = new Set<IsoDate>();
  for (const holiday of statutory) {
    const reach = arrangementReach[longBreaks.has(holiday.name) ? 'long' : 'short'];
    const [before, after] = widestReach(reach);
    for (let offset = -before; offset <= after; offset += 1) {
      const date = addCalendarDays(holiday.date, offset);
      if (!date.startsWith(`${year}-`) || holidays.has(date)) continue;
      const [backward, forward] = isWeekend(date) ? reach.workday : reach.rest;
      if (offset < -backward || offset > forward) continue;
      (isWeekend(date) ? mayWork : mayRest).add(date);
    }
  }
  return { holidays, mayRest, mayWork };
}

/** The widest reach either way, to walk once per holiday. */
function widestReach(reach: (typeof arrangementReach)['short']): [number, number] {
  return [Math.max(reach.rest[0], reach.workday[0]), Math.max(reach.rest[1], reach.workday[1])];
}
