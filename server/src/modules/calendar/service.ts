/**
 * The working-day calendar in the database: which years have data, and the
 * holidays and make-up workdays within them. Rules live in core; this module
 * only loads, imports and edits the data.
 */
import { createRequire } from 'node:module';
import {
  AppError,
  buildCalendar,
  type CalendarCoverage,
  type CalendarEntry,
  calendarCoverage,
  calendarYearMissing,
  dayOfWeek,
  type WorkingDayCalendar,
  yearOf,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { currentSettings } from '../settings/service.js';

export async function loadCalendar(db: Kysely<DB>): Promise<WorkingDayCalendar> {
  const years = await db.selectFrom('calendar_year').select('year').execute();
  const days = await db.selectFrom('calendar_day').select(['date', 'kind', 'name']).execute();
  return buildCalendar(
    years.map((y) => y.year),
    days,
  );
}

/** Which years have data, and whether next year's missing arrangement is to be warned about today. */
export async function calendarStatus(db: Kysely<DB>, today: string): Promise<CalendarCoverage> {
  const [years, settings] = await Promise.all([
    db.selectFrom('calendar_year').select('year').execute(),
    currentSettings(db),
  ]);
  return calendarCoverage(
    years.map((y) => y.year),
    today,
    { month: settings.calendar.nextYearWarningMonth, day: settings.calendar.nextYearWarningDay },
  );
}

export async function calendarYears(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('calendar_year as y')
    .leftJoin('app_user as u', 'u.id', 'y.updated_by')
    .select(['y.year', 'y.source', 'y.updated_at', 'u.display_name'])
    .orderBy('y.year')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    source: r.source,
    updatedAt: r.updated_at,
    updatedBy: r.display_name,
  }));
}

export async function calendarDays(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('calendar_day')
    .select(['date', 'kind', 'name', 'updated_at as updatedAt'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
}

/** Make-up workdays only make sense on a weekend; duplicates make the data ambiguous. */
export function checkEntries(entries: readonly CalendarEntry[], field = 'days'): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.date)) {
      throw new AppError('VALIDATION_FAILED', `第 ${index + 1} 条：日期重复：${entry.date}`, {
        field: `${field}.${index}.date`,
      });
    }
    seen.add(entry.date);
    const weekday = dayOfWeek(entry.date);
    if (entry.kind === 'workday' && weekday !== 0 && weekday !== 6) {
      throw new AppError('VALIDATION_FAILED', `第 ${index + 1} 条：调休上班日应为周六或周日：${entry.date}`, {
        field: `${field}.${index}.date`,
      });
    }
  });
}

export interface Editor {
  userId: string | null;
  now: Date;
}

/**
 * Replaces the data of every year the entries touch (plus `extraYears`, for a
 * year declared with no special days) and marks those years as covered.
 */
export async function importCalendar(
  db: Kysely<DB>,
  entries: readonly CalendarEntry[],
  source: string,
  editor: Editor,
  extraYears: readonly number[] = [],
  field = 'days',
): Promise<{ years: number[]; days: number }> {
  checkEntries(entries, field);
  const years = [...new Set([...entries.map((e) => yearOf(e.date)), ...extraYears])].sort();
  if (years.length === 0)
    throw new AppError('VALIDATION_FAILED', '导入文件中没有任何日期', { field: 'days' });
  for (const year of years) {
    await db
      .deleteFrom('calendar_day')
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .execute();
    await db
      .insertInto('calendar_year')
      .values({ year, source, updated_by: editor.userId, updated_at: editor.now })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({ source, updated_by: editor.userId, updated_at: editor.now }),
      )
      .execute();
  }
  if (entries.length > 0) {
    await db
      .insertInto('calendar_day')
      .values(entries.map((e) => ({ ...e, updated_by: editor.userId, updated_at: editor.now })))
      .execute();
  }
  return { years, days: entries.length };
}

export async function setCalendarDay(db: Kysely<DB>, entry: CalendarEntry, editor: Editor) {
  await requireYear(db, yearOf(entry.date));
  checkEntries([entry]);
  await db
    .insertInto('calendar_day')
    .values({ ...entry, updated_by: editor.userId, updated_at: editor.now })
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({
        kind: entry.kind,
        name: entry.name,
        updated_by: editor.userId,
        updated_at: editor.now,
      }),
    )
    .execute();
  await touchYear(db, yearOf(entry.date), editor);
}

export async function removeCalendarDay(db: Kysely<DB>, date: string, editor: Editor) {
  const deleted = await db.deleteFrom('calendar_day').where('date', '=', date).executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw new AppError('NOT_FOUND', `${date} 不是节假日或调休上班日`);
  await touchYear(db, yearOf(date), editor);
}

async function requireYear(db: Kysely<DB>, year: number) {
  const row = await db.selectFrom('calendar_year').select('year').where('year', '=', year).executeTakeFirst();
  if (!row) throw calendarYearMissing(year);
}

async function touchYear(db: Kysely<DB>, year: number, editor: Editor) {
  await db
    .updateTable('calendar_year')
    .set({ source: 'manual', updated_by: editor.userId, updated_at: editor.now })
    .where('year', '=', year)
    .execute();
}

/** Years the bundled `chinese-days` data covers and that we trust (see docs/decisions). */
export const bundledYears = { from: 2019, to: 2026 };

interface ChineseDaysYear {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Holidays and make-up workdays for 2019–2026 from the `chinese-days` package's data files. */
export function bundledCalendarEntries(): CalendarEntry[] {
  const require = createRequire(import.meta.url);
  const entries: CalendarEntry[] = [];
  for (let year = bundledYears.from; year <= bundledYears.to; year += 1) {
    const data = require(`chinese-days/dist/years/${year}.json`) as ChineseDaysYear;
    // Values look like "National Day,国庆节,7": English name, Chinese name, length.
    // The package shortens 清明节, 端午节 and 中秋节; the notices (and their import) use the full names.
    const chineseName = (value: string) => {
      const name = value.split(',')[1] ?? value;
      return ['清明', '端午', '中秋'].includes(name) ? `${name}节` : name;
    };
    // A file may mention days of a neighbouring year; each year counts only its own.
    const ownYear = ([date]: [string, string]) => date.startsWith(`${year}-`);
    for (const [date, value] of Object.entries(data.holidays).filter(ownYear)) {
      entries.push({ date, kind: 'holiday', name: chineseName(value) });
    }
    for (const [date, value] of Object.entries(data.workdays).filter(ownYear)) {
      entries.push({ date, kind: 'workday', name: `${chineseName(value)}调休` });
    }
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}
