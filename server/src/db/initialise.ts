/**
 * Brings a database to a usable state: migrations, then the bundled working-day
 * calendar if no calendar data exists yet. Safe to run on every start.
 */
import type { Kysely } from 'kysely';
import { bundledCalendarEntries, importCalendar } from '../modules/calendar/service.js';
import { migrateToLatest } from './migrate.js';
import type { DB } from './schema.js';

export async function initialiseDatabase(
  db: Kysely<DB>,
  now: Date,
): Promise<{ migrations: string[]; calendarSeeded: boolean }> {
  const migrations = await migrateToLatest(db as Kysely<unknown>);
  const anyYear = await db.selectFrom('calendar_year').select('year').limit(1).executeTakeFirst();
  if (anyYear) return { migrations, calendarSeeded: false };
  await db
    .transaction()
    .execute((trx) => importCalendar(trx, bundledCalendarEntries(), 'chinese-days', { userId: null, now }));
  return { migrations, calendarSeeded: true };
}
