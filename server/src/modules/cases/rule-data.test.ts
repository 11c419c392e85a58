/**
 * Issue 21: the settings and the calendar every rule reads are kept per process between requests
 * and loaded again whenever they change — a committed change is seen at once, a rolled-back one never.
 */
import { isWorkingDay } from '@zhifa/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { openTestDatabase, testStart } from '../../test/harness.js';
import { removeCalendarDay, setCalendarDay } from '../calendar/service.js';
import { ruleContext } from '../settings/rule-context.js';

let database: Database;
let dispose: () => Promise<void>;
const editor = { userId: null, now: testStart };
// A Wednesday in a year the demo's calendar covers, an ordinary working day.
const day = '2026-12-16';

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase('seeded'));
});
afterAll(() => dispose());

const version = async () =>
  (await database.db.selectFrom('rule_data_version').select('version').executeTakeFirstOrThrow()).version;

describe('the rule data kept between requests', () => {
  it('every write to the settings or the calendar bumps the version', async () => {
    const before = BigInt(await version());
    await setCalendarDay(database.db, { date: day, kind: 'holiday', name: '测试假日' }, editor);
    const afterSet = BigInt(await version());
    expect(afterSet).toBeGreaterThan(before);
    await removeCalendarDay(database.db, day, editor);
    const afterRemove = BigInt(await version());
    expect(afterRemove).toBeGreaterThan(afterSet);
    await sql`UPDATE settings_version SET note = note`.execute(database.db);
    expect(BigInt(await version())).toBeGreaterThan(afterRemove);
  });

  it('is kept while nothing changes, and a committed change is seen by the next read', async () => {
    const first = await ruleContext(database.db, testStart);
    expect(await ruleContext(database.db, testStart)).toMatchObject({ calendar: first.calendar });
    expect((await ruleContext(database.db, testStart)).calendar).toBe(first.calendar);
    expect(isWorkingDay(first.calendar, day)).toBe(true);

    await setCalendarDay(database.db, { date: day, kind: 'holiday', name: '测试假日' }, editor);
    expect(isWorkingDay((await ruleContext(database.db, testStart)).calendar, day)).toBe(false);
    await removeCalendarDay(database.db, day, editor);
    expect(isWorkingDay((await ruleContext(database.db, testStart)).calendar, day)).toBe(true);
  });

  it('a change read inside its transaction and then rolled back leaves the kept rules as they were', async () => {
    const before = await ruleContext(database.db, testStart);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await setCalendarDay(trx, { date: day, kind: 'holiday', name: '测试假日' }, editor);
        expect(isWorkingDay((await ruleContext(trx, testStart)).calendar, day)).toBe(false);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await ruleContext(database.db, testStart);
    expect(isWorkingDay(after.calendar, day)).toBe(true);
    expect(after.calendar).toBe(before.calendar);
  });
});
