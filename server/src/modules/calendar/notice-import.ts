/**
 * Importing a State Council holiday notice (see core/src/calendar-notice.ts):
 * what it would change against the stored calendar, and the import itself,
 * which goes through importCalendar like every other calendar import.
 *
 * Days of the previous year (元旦 from 30 December) are imported into that year
 * only if it is covered; its other days stay as they are. A year that is not
 * covered is left alone and the preview says which days were skipped.
 */
import {
  AppError,
  applyHolidayNotice,
  type CalendarChanges,
  type CalendarEntry,
  diffCalendarEntries,
  type HolidayNotice,
  type HolidayNoticeKind,
  type HolidayNoticeSection,
  yearOf,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { calendarDays, calendarYears, type Editor, importCalendar } from './service.js';

export interface NoticeYearChanges extends CalendarChanges {
  year: number;
  /** The year had no data before: the import adds it to the covered years. */
  isNew: boolean;
}

export interface NoticePreview {
  year: number;
  kind: HolidayNoticeKind;
  sections: HolidayNoticeSection[];
  /** The notice year's special days once imported. */
  entries: CalendarEntry[];
  /** One per year the import writes: the notice's year, and the previous one if covered. */
  changes: NoticeYearChanges[];
  /** Days of a previous year that has no data: not imported. */
  skipped: CalendarEntry[];
  /** What the administrator should know before confirming, in words. */
  notes: string[];
}

interface NoticePlan {
  preview: NoticePreview;
  /** Everything importCalendar writes: all special days of `years`. */
  days: CalendarEntry[];
  years: number[];
}

const list = (entries: readonly CalendarEntry[]) => entries.map((e) => e.date.slice(5)).join('、');

export async function planNoticeImport(db: Kysely<DB>, notice: HolidayNotice): Promise<NoticePlan> {
  const covered = new Set((await calendarYears(db)).map((y) => y.year));
  if (notice.kind !== 'arrangement' && !covered.has(notice.year)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${notice.year} 年尚无日历数据：请先导入《国务院办公厅关于${notice.year}年部分节假日安排的通知》，再导入这份${notice.kind === 'adjustment' ? '调整' : '延长'}通知`,
      { field: 'content' },
    );
  }
  const otherYears = [...new Set(notice.entries.map((e) => yearOf(e.date)))].filter((y) => y !== notice.year);
  const years = [notice.year, ...otherYears.filter((y) => covered.has(y))].sort();
  const skipped = notice.entries.filter((e) => !years.includes(yearOf(e.date)));
  const stored = (await Promise.all(years.map((y) => calendarDays(db, y)))).flat();
  const current = stored.map(({ date, kind, name }) => ({ date, kind, name }));
  const days = applyHolidayNotice(current, {
    ...notice,
    entries: notice.entries.filter((e) => !skipped.includes(e)),
  });
  const ofYear = (entries: readonly CalendarEntry[], year: number) =>
    entries.filter((e) => yearOf(e.date) === year);
  const changes = years.map((year) => ({
    year,
    isNew: !covered.has(year),
    ...diffCalendarEntries(ofYear(current, year), ofYear(days, year)),
  }));

  const notes: string[] = [];
  for (const year of otherYears) {
    const named = ofYear(notice.entries, year);
    notes.push(
      covered.has(year)
        ? `通知中 ${year} 年的 ${named.length} 天（${list(named)}）一并写入 ${year} 年，该年其他日期不变。`
        : `通知中 ${year} 年的 ${named.length} 天（${list(named)}）未导入：${year} 年尚无日历数据。`,
    );
  }
  const noticeDates = new Set(notice.entries.map((e) => e.date));
  const kept = ofYear(days, notice.year).filter(
    (e) => e.date.slice(5, 7) === '12' && !noticeDates.has(e.date),
  );
  if (notice.kind === 'arrangement' && kept.length > 0) {
    notes.push(`保留 ${notice.year} 年 12 月的 ${kept.length} 天（${list(kept)}）：属于下一年度通知的安排。`);
  }
  return {
    preview: {
      year: notice.year,
      kind: notice.kind,
      sections: notice.sections,
      entries: ofYear(days, notice.year),
      changes,
      skipped,
      notes,
    },
    days,
    years,
  };
}

/** Imports a parsed notice: replaces the years the plan names, through importCalendar. */
export async function importHolidayNotice(
  db: Kysely<DB>,
  notice: HolidayNotice,
  source: string,
  editor: Editor,
) {
  const plan = await planNoticeImport(db, notice);
  const result = await importCalendar(db, plan.days, source, editor, plan.years, 'content');
  return { preview: plan.preview, result };
}

/** The one-line summary of an import, for the command line. */
export function describeNoticeImport(
  preview: NoticePreview,
  result: { years: number[]; days: number },
): string {
  const counts = preview.changes
    .map((c) => `${c.year} 年新增 ${c.added.length}、删除 ${c.removed.length}、修改 ${c.changed.length} 天`)
    .join('；');
  const skipped = preview.skipped.length ? `；未导入 ${preview.skipped.length} 天（所在年度尚无数据）` : '';
  return `已导入 ${result.years.join('、')} 年，共 ${result.days} 个特殊日期（${counts}${skipped}）`;
}
