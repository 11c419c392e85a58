/**
 * The working-day calendar serves N-working-day deadlines, so a new year comes
 * from the State Council's notice as published. Each notice of 2019–2026 (under
 * fixtures/holiday-notices) must give exactly the days the bundled chinese-days
 * data records for that year.
 *
 * Two years had a second notice, applied as the platform would apply it on import:
 * 2019's Labour Day was lengthened to 1–4 May (《关于调整2019年劳动节假期安排的通知》,
 * replacing that holiday's days), and 2020's Spring Festival was extended to 2 February
 * (《关于延长2020年春节假期的通知》, turning 31 January–2 February, including the
 * make-up Saturday 1 February, into holidays). The bundled data has both.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from './calendar.js';
import {
  applyHolidayNotice,
  diffCalendarEntries,
  type HolidayNotice,
  parseHolidayNotice,
} from './calendar-notice.js';
import { AppError } from './errors.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/holiday-notices/${name}.txt`, import.meta.url), 'utf8');
const amendments: Record<number, string> = { 2019: '2019-adjustment', 2020: '2020-extension' };
const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

/** The year's days as the notices give them: the annual notice, then any later notice of that year. */
function noticeDays(year: number): CalendarEntry[] {
  const annual = parseHolidayNotice(fixture(String(year)));
  const amendment = amendments[year];
  return amendment
    ? applyHolidayNotice(annual.entries, parseHolidayNotice(fixture(amendment)))
    : annual.entries;
}

const require = createRequire(import.meta.url);
/** "date kind" of the bundled chinese-days data of a year (its own dates only). */
function bundled(year: number): string[] {
  const data = require(`chinese-days/dist/years/${year}.json`) as Record<
    'holidays' | 'workdays',
    Record<string, string>
  >;
  return [
    ...Object.keys(data.holidays).map((date) => `${date} holiday`),
    ...Object.keys(data.workdays).map((date) => `${date} workday`),
  ]
    .filter((day) => day.startsWith(`${year}-`))
    .sort();
}
/**
 * "与周末连休" joins a single holiday with the weekend next to it. The bundled data records
 * that weekend in 2019 (清明, 端午, 中秋 on Fridays) but not in 2024 (元旦 and 端午 on
 * Mondays); the parser records it every time. These four days were rest days either way,
 * so no working-day count differs; they are the only allowed difference.
 */
const weekendsTheBundledDataOmits: Record<number, string[]> = {
  2023: ['2023-12-30', '2023-12-31'],
  2024: ['2024-06-08', '2024-06-09'],
};
function expected(year: number): string[] {
  const omitted = weekendsTheBundledDataOmits[year] ?? [];
  for (const day of omitted) expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
  return [...bundled(year), ...omitted.map((day) => `${day} holiday`)].sort();
}
const keys = (entries: readonly CalendarEntry[]) => entries.map((e) => `${e.date} ${e.kind}`).sort();
const inYear = (entries: readonly CalendarEntry[], year: number) =>
  entries.filter((e) => e.date.startsWith(`${year}-`));

describe('calendar notices (issue 13)', () => {
  it.each(years)(
    '%i: the notice gives exactly the bundled holidays and make-up workdays of the year',
    (year) => {
      // A year's last days may come from the next year's notice (元旦 from 31 December 2022).
      const nextYearsDays = years.includes(year + 1) ? inYear(noticeDays(year + 1), year) : [];
      expect(keys([...inYear(noticeDays(year), year), ...nextYearsDays])).toEqual(expected(year));
    },
  );

  it.each(years)('%i: the notice’s days of the previous year match that year’s bundled December', (year) => {
    const outside = inYear(noticeDays(year), year - 1);
    const december = expected(year - 1).filter((day) => day.startsWith(`${year - 1}-12-`));
    expect(keys(outside)).toEqual(december);
  });

  it('reads 2019’s 元旦 across the year: 29 December 2018 is a make-up workday, 30 December–1 January holidays', () => {
    expect(noticeDays(2019).filter((e) => e.date < '2019-01-02')).toEqual([
      { date: '2018-12-29', kind: 'workday', name: '元旦调休' },
      { date: '2018-12-30', kind: 'holiday', name: '元旦' },
      { date: '2018-12-31', kind: 'holiday', name: '元旦' },
      { date: '2019-01-01', kind: 'holiday', name: '元旦' },
    ]);
  });

  it('names each day after its section; a combined section keeps its heading', () => {
    const notice = parseHolidayNotice(fixture('2025'));
    expect(notice).toMatchObject({ year: 2025, kind: 'arrangement' });
    expect(notice.sections.map((s) => s.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '国庆节、中秋节',
    ]);
    const byDate = new Map(notice.entries.map((e) => [e.date, e.name]));
    expect(byDate.get('2025-10-06')).toBe('国庆节、中秋节');
    expect(byDate.get('2025-09-28')).toBe('国庆节、中秋节调休');
    expect(byDate.get('2025-02-01')).toBe('春节'); // a Saturday inside the range is a holiday
  });

  it('the 2020 extension names its holiday and end date; applied alone it needs the year’s 春节', () => {
    const extension = parseHolidayNotice(fixture('2020-extension'));
    expect(extension).toMatchObject({ year: 2020, kind: 'extension', entries: [] });
    expect(extension.sections).toEqual([expect.objectContaining({ name: '春节', extendedTo: '2020-02-02' })]);
    expect(() => applyHolidayNotice([], extension)).toThrow(/没有春节假期可以延长/);
  });

  it('reads text copied with half-width punctuation, blanks and no line breaks', () => {
    const flat = fixture('2024')
      .replace(/\n+/g, '')
      .replaceAll('（', '(')
      .replaceAll('）', ')')
      .replaceAll('：', ': ');
    expect(parseHolidayNotice(flat).entries).toEqual(parseHolidayNotice(fixture('2024')).entries);
  });

  it('an older notice’s 补休 day and a 元旦 written 12月30日至1月1日 without years', () => {
    const notice = parseHolidayNotice(
      '国务院办公厅关于2015年部分节假日安排的通知\n一、元旦：12月30日至1月1日放假调休，共3天。\n三、清明节：4月5日放假，4月6日（星期一）补休。',
    );
    expect(notice.entries.map((e) => e.date)).toEqual([
      '2014-12-30',
      '2014-12-31',
      '2015-01-01',
      '2015-04-05',
      '2015-04-06',
    ]);
  });

  const title = '国务院办公厅关于2025年部分节假日安排的通知\n';
  it.each([
    [
      'a weekday that does not match its date',
      `${title}一、元旦：1月1日（周四）放假1天，不调休。`,
      /第 2 行.*星期三.*星期四/,
    ],
    [
      '星期 wording too',
      `${title}\n二、春节：1月28日至2月4日放假调休，共8天。1月26日（星期六）上班。`,
      /第 3 行.*星期日.*星期六/,
    ],
    [
      'a make-up workday on a weekday',
      `${title}二、春节：1月28日至2月4日放假调休，共8天。1月27日（周一）上班。`,
      /调休上班日应为周六或周日/,
    ],
    [
      'a day count that does not match the range',
      `${title}二、春节：1月28日至2月4日放假调休，共7天。`,
      /是 8 天，通知写的是共 7 天/,
    ],
    ['a date that does not exist', `${title}二、春节：2月30日放假。`, /日期不存在/],
    ['a holiday that is not statutory', `${title}一、植树节：3月12日放假。`, /“植树节”不是法定节假日/],
    ['a date given twice', `${title}一、元旦：1月1日放假。\n二、春节：1月1日放假。`, /已在第 2 行安排过/],
    ['no year', '一、元旦：1月1日放假1天。', /未能识别通知的年份/],
    ['garbage', 'Lorem ipsum dolor sit amet', /未能识别通知的年份/],
    ['a year but no section', `${title}经国务院批准，具体安排另行通知。`, /未能识别任何节假日安排/],
  ])('refuses %s, naming the content field', (_, text, message) => {
    let error: unknown;
    try {
      parseHolidayNotice(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'content' });
    expect((error as AppError).message).toMatch(message);
  });
});

describe('applying a notice to stored days', () => {
  const notice2023: HolidayNotice = parseHolidayNotice(fixture('2023'));

  it('replaces its year but keeps December days after its last date and other years’ days', () => {
    const stored: CalendarEntry[] = [
      { date: '2023-05-02', kind: 'holiday', name: '旧数据' },
      { date: '2023-12-30', kind: 'holiday', name: '元旦' }, // from the 2024 notice, say
      { date: '2022-10-01', kind: 'holiday', name: '国庆节' },
    ];
    const after = applyHolidayNotice(stored, notice2023);
    expect(after.find((e) => e.date === '2023-05-02')).toEqual({
      date: '2023-05-02',
      kind: 'holiday',
      name: '劳动节',
    });
    expect(after).toContainEqual(stored[1]);
    expect(after).toContainEqual(stored[2]);
    expect(after).toContainEqual({ date: '2022-12-31', kind: 'holiday', name: '元旦' });
    expect(diffCalendarEntries(stored, after)).toMatchObject({
      removed: [],
      changed: [{ date: '2023-05-02', before: { name: '旧数据' }, after: { name: '劳动节' } }],
    });
  });

  it('an adjustment replaces only the named holiday', () => {
    const annual = parseHolidayNotice(fixture('2019')).entries;
    const after = applyHolidayNotice(annual, parseHolidayNotice(fixture('2019-adjustment')));
    const changes = diffCalendarEntries(annual, after);
    expect(changes.added.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2019-04-28 workday',
      '2019-05-02 holiday',
      '2019-05-03 holiday',
      '2019-05-04 holiday',
      '2019-05-05 workday',
    ]);
    expect(changes.removed).toEqual([]);
  });
});
