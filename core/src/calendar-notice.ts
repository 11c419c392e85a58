/**
 * The State Council's holiday notice (《国务院办公厅关于 N 年部分节假日安排的通知》)
 * read as published, so a new year's calendar is pasted rather than typed.
 *
 * An annual notice ("arrangement") has one numbered section per holiday:
 * `二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。`
 * Every date of a holiday range is a holiday (weekend days inside it too), as is
 * the weekend a single day is "与周末连休" with; every date before `上班` is a
 * make-up workday. Two rarer notices are read as well: an
 * adjustment (《关于调整2019年劳动节假期安排的通知》, which replaces one holiday's
 * days) and an extension (《关于延长2020年春节假期的通知》, "…假期至2月2日").
 *
 * Names: each date is named after its section (元旦, 春节…); a combined section
 * keeps its heading ("国庆节、中秋节"), because which of its days is the festival
 * itself would take lunar arithmetic the notice does not spell out. Make-up
 * workdays are named "<section>调休", as the bundled data's are.
 *
 * Years: a date without a year is in the notice's year, except a December date
 * in the 元旦 section (the holiday that starts in the year before), and the end
 * of a range takes the year and month of its start unless it names its own.
 */
import type { CalendarEntry } from './calendar.js';
import { addCalendarDays, dayOfWeek, type IsoDate, isIsoDate, yearOf } from './dates.js';
import { AppError } from './errors.js';

export const holidayNames = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

export type HolidayNoticeKind = 'arrangement' | 'adjustment' | 'extension';

export interface HolidayNoticeSection {
  /** The holiday as the section names it: 春节, or a combined 国庆节、中秋节. */
  name: string;
  /** Line of the section in the text as given (1-based). */
  line: number;
  holidays: IsoDate[];
  workdays: IsoDate[];
  /** An extension notice: the holiday now lasts until this date. */
  extendedTo?: IsoDate;
}

export interface HolidayNotice {
  year: number;
  kind: HolidayNoticeKind;
  sections: HolidayNoticeSection[];
  /** Every day the notice names, sorted by date; may include days of the previous year. */
  entries: CalendarEntry[];
}

const numeral = '[一二三四五六七八九十]+';
const date = '(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:（([^）]*)）)?';
const weekdayNames = ['日', '一', '二', '三', '四', '五', '六'];

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message, { field: 'content' });

/** Full-width punctuation, no blanks, one numbered section per line. */
function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000\u00a0]+/g, '')
    .replaceAll('(', '（')
    .replaceAll(')', '）')
    .replaceAll(':', '：')
    .replaceAll(',', '，')
    .replace(/。(?=[一二三四五六七八九十]+、)/g, '。\n');
}

interface DateToken {
  year: string | undefined;
  month: string | undefined;
  day: string;
  note: string | undefined;
}

const tokens = (text: string): DateToken[] =>
  [...text.matchAll(new RegExp(date, 'g'))].map(([, year, month, day, note]) => ({
    year,
    month,
    day: day!,
    note,
  }));

interface Context {
  year: number;
  section: string;
  where: string;
}

/** An ISO date from a token; `from` is the start of the range the token ends. */
function resolve(token: DateToken, context: Context, from?: IsoDate): IsoDate {
  const month = token.month ?? (from ? from.slice(5, 7) : undefined);
  if (!month) throw invalid(`${context.where}：日期“${token.day}日”缺少月份`);
  let year: number;
  if (token.year) year = Number(token.year);
  else if (from) year = Number(month) < Number(from.slice(5, 7)) ? yearOf(from) + 1 : yearOf(from);
  else year = context.section === '元旦' && Number(month) === 12 ? context.year - 1 : context.year;
  const iso = `${year}-${month.padStart(2, '0')}-${token.day.padStart(2, '0')}`;
  if (!isIsoDate(iso)) throw invalid(`${context.where}：日期不存在：${year}年${month}月${token.day}日`);
  const named = /(?:周|星期)([一二三四五六日天])/.exec(token.note ?? '')?.[1]?.replace('天', '日');
  const actual = weekdayNames[dayOfWeek(iso)]!;
  if (named && named !== actual) {
    throw invalid(
      `${context.where}：${Number(month)}月${Number(token.day)}日是星期${actual}，通知写的是星期${named}`,
    );
  }
  return iso;
}

function range(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) days.push(day);
  return days;
}

const isWeekend = (day: IsoDate) => dayOfWeek(day) === 0 || dayOfWeek(day) === 6;

/** The Saturday and Sunday right before (-1) or after (1) a day, if any. */
function adjacentWeekend(day: IsoDate, step: 1 | -1): IsoDate[] {
  const days: IsoDate[] = [];
  for (let next = addCalendarDays(day, step); isWeekend(next); next = addCalendarDays(next, step))
    days.push(next);
  return days;
}

const holidaySentence = new RegExp(`^${date}(?:至${date})?放假(.*)$`);
const workdaySentence = new RegExp(`^${date}(?:、${date})*上班$`);

/** The dates of one section's body: its holiday ranges and make-up workdays. */
function readSection(body: string, context: Context): Pick<HolidayNoticeSection, 'holidays' | 'workdays'> {
  const holidays: IsoDate[] = [];
  const workdays: IsoDate[] = [];
  for (const sentence of body.split('。').filter(Boolean)) {
    const holiday = holidaySentence.exec(sentence);
    if (holiday) {
      const [first, second] = tokens(sentence.slice(0, sentence.indexOf('放假')));
      const from = resolve(first!, context);
      const to = second ? resolve(second, context, from) : from;
      if (to < from) throw invalid(`${context.where}：放假的结束日期早于开始日期`);
      const days = range(from, to);
      // "与周末连休": the weekend next to the day joins the holiday (Friday → Saturday, Sunday).
      if (holiday[9]?.includes('与周末连休')) {
        days.unshift(...adjacentWeekend(from, -1).reverse());
        days.push(...adjacentWeekend(to, 1));
      }
      const stated = /(?:共|放假)(\d+)天/.exec(`放假${holiday[9] ?? ''}`)?.[1];
      if (stated && Number(stated) !== days.length) {
        throw invalid(`${context.where}：${from} 至 ${to} 是 ${days.length} 天，通知写的是共 ${stated} 天`);
      }
      holidays.push(...days);
      // Older notices: "4月5日放假，4月6日（星期一）补休" — the 补休 day is a holiday too.
      const compensation = new RegExp(`，${date}补休`).exec(holiday[9] ?? '');
      if (compensation) holidays.push(resolve(tokens(compensation[0])[0]!, context));
    } else if (workdaySentence.test(sentence)) {
      for (const token of tokens(sentence)) {
        const day = resolve(token, context);
        if (!isWeekend(day)) {
          throw invalid(
            `${context.where}：调休上班日应为周六或周日，${day} 是星期${weekdayNames[dayOfWeek(day)]}`,
          );
        }
        workdays.push(day);
      }
    } else if (/放假|上班/.test(sentence) && !/正常上班/.test(sentence)) {
      throw invalid(`${context.where}：无法识别的安排：“${sentence}”`);
    }
  }
  return { holidays, workdays };
}

function noticeYear(flat: string): { year: number; kind: HolidayNoticeKind; adjusted?: string } {
  const title = /国务院办公厅关于(调整|延长)?(\d{4})年(\S*?)的?通知/.exec(flat);
  if (title) {
    const kind = title[1] === '调整' ? 'adjustment' : title[1] === '延长' ? 'extension' : 'arrangement';
    const adjusted = kind === 'adjustment' ? /^(\S+?)(?:假期|放假)/.exec(title[3]!)?.[1] : undefined;
    return { year: Number(title[2]), kind, ...(adjusted && { adjusted }) };
  }
  const body = /现将(调整)?(\d{4})年(\S*?)(?:假期|放假)/.exec(flat);
  if (body) {
    return body[1]
      ? { year: Number(body[2]), kind: 'adjustment', adjusted: body[3] }
      : { year: Number(body[2]), kind: 'arrangement' };
  }
  const extension = /延长(\d{4})年\S+?假期至/.exec(flat);
  if (extension) return { year: Number(extension[1]), kind: 'extension' };
  throw invalid('未能识别通知的年份：应包含标题“国务院办公厅关于 N 年部分节假日安排的通知”');
}

function checkName(name: string, where: string): void {
  const unknown = name.split('、').find((part) => !(holidayNames as readonly string[]).includes(part));
  if (unknown) throw invalid(`${where}：“${unknown}”不是法定节假日（${holidayNames.join('、')}）`);
}

/**
 * Reads a holiday notice. Throws VALIDATION_FAILED (field `content`) naming the
 * line at fault: a weekday that does not match its date, a make-up workday
 * that is not a Saturday or Sunday, a day count that does not match its range,
 * no year, or no recognizable section.
 */
export function parseHolidayNotice(text: string): HolidayNotice {
  const normalised = normalise(text);
  const { year, kind, adjusted } = noticeYear(normalised.replaceAll('\n', ''));
  const sections: HolidayNoticeSection[] = [];
  const lines = normalised.split('\n');
  lines.forEach((content, index) => {
    const line = index + 1;
    const where = `第 ${line} 行（${content.slice(0, 12)}…）`;
    const extension = new RegExp(`延长(?:\\d{4}年)?(\\S+?)假期至${date}`).exec(content);
    if (kind === 'extension' && extension) {
      const name = extension[1]!;
      checkName(name, where);
      const until = resolve(tokens(extension[0])[0]!, { year, section: name, where });
      sections.push({ name, line, holidays: [], workdays: [], extendedTo: until });
      return;
    }
    const numbered = new RegExp(`^${numeral}、(?:([^：。，]{1,15})：)?(.*)$`).exec(content);
    if (!numbered) return;
    const name = numbered[1] ?? (kind === 'adjustment' && /^\d/.test(numbered[2]!) ? adjusted : undefined);
    if (!name) return;
    checkName(name, where);
    sections.push({ name, line, ...readSection(numbered[2]!, { year, section: name, where }) });
  });
  if (sections.length === 0 || (kind !== 'extension' && sections.every((s) => s.holidays.length === 0))) {
    throw invalid('未能识别任何节假日安排：应有“一、元旦：1月1日放假……”这样的条目');
  }
  return { year, kind, sections, entries: sectionEntries(sections) };
}

function sectionEntries(sections: readonly HolidayNoticeSection[]): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  const seen = new Map<IsoDate, HolidayNoticeSection>();
  for (const section of sections) {
    const days = [
      ...section.holidays.map((day) => ({ date: day, kind: 'holiday' as const, name: section.name })),
      ...section.workdays.map((day) => ({
        date: day,
        kind: 'workday' as const,
        name: `${section.name}调休`,
      })),
    ];
    for (const entry of days) {
      const earlier = seen.get(entry.date);
      if (earlier) throw invalid(`第 ${section.line} 行：${entry.date} 已在第 ${earlier.line} 行安排过`);
      seen.set(entry.date, section);
      entries.push(entry);
    }
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}

/** Whether a stored day belongs to a holiday the notice names (清明 and 清明节调休 both belong to 清明节). */
function belongsTo(entry: CalendarEntry, holiday: string): boolean {
  const bare = (name: string) => name.replace(/节$/, '');
  return entry.name
    .replace(/调休$/, '')
    .split('、')
    .some((part) => bare(part) === bare(holiday));
}

/**
 * The calendar days after a notice is applied to `current` (the stored days of
 * the years it touches). An annual notice replaces its year, except December
 * days after its last date, which the next year's notice arranged (元旦 from
 * 31 December); its days of the previous year replace those dates only. An
 * adjustment replaces the days of the holiday it names; an extension makes
 * every day from the holiday's last day up to the new end a holiday.
 */
export function applyHolidayNotice(
  current: readonly CalendarEntry[],
  notice: HolidayNotice,
): CalendarEntry[] {
  const days = new Map(current.map((entry) => [entry.date, entry]));
  if (notice.kind === 'arrangement') {
    const last = notice.entries.at(-1)!.date;
    for (const day of days.keys()) {
      if (yearOf(day) === notice.year && !(day > last && day.slice(5, 7) === '12')) days.delete(day);
    }
  }
  for (const section of notice.sections) {
    const ofHoliday = [...days.values()]
      .filter((e) => yearOf(e.date) === notice.year && belongsTo(e, section.name))
      .sort((a, b) => a.date.localeCompare(b.date));
    if (notice.kind === 'adjustment') for (const entry of ofHoliday) days.delete(entry.date);
    const until = section.extendedTo;
    if (until) {
      const last = ofHoliday.filter((e) => e.kind === 'holiday' && e.date < until).at(-1);
      if (!last) throw invalid(`第 ${section.line} 行：${notice.year} 年没有${section.name}假期可以延长`);
      for (const day of range(addCalendarDays(last.date, 1), until)) {
        days.set(day, { date: day, kind: 'holiday', name: last.name });
      }
    }
  }
  for (const entry of notice.entries) days.set(entry.date, entry);
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export interface CalendarChanges {
  added: CalendarEntry[];
  removed: CalendarEntry[];
  changed: { date: IsoDate; before: CalendarEntry; after: CalendarEntry }[];
}

/** What replacing `before` by `after` changes, day by day (sorted by date). */
export function diffCalendarEntries(
  before: readonly CalendarEntry[],
  after: readonly CalendarEntry[],
): CalendarChanges {
  const old = new Map(before.map((e) => [e.date, e]));
  const next = new Map(after.map((e) => [e.date, e]));
  const byDate = (a: { date: IsoDate }, b: { date: IsoDate }) => a.date.localeCompare(b.date);
  return {
    added: after.filter((e) => !old.has(e.date)).sort(byDate),
    removed: before.filter((e) => !next.has(e.date)).sort(byDate),
    changed: after
      .filter((e) => {
        const was = old.get(e.date);
        return was && (was.kind !== e.kind || was.name !== e.name);
      })
      .map((e) => ({ date: e.date, before: old.get(e.date)!, after: e }))
      .sort(byDate),
  };
}
