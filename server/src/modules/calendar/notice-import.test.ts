/**
 * Issue 13: a new year's working-day calendar (which N-working-day deadlines
 * count on) is imported from the State Council's notice as published: preview
 * first, then confirm; the import goes through importCalendar and is recorded.
 */
import { readFileSync } from 'node:fs';
import { parseHolidayNotice } from '@zhifa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, type Session, type TestApp } from '../../test/harness.js';

const notice = (name: string) =>
  readFileSync(new URL(`../../../../core/src/fixtures/holiday-notices/${name}.txt`, import.meta.url), 'utf8');

let t: TestApp;
let admin: Session;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('officer1');
});
afterAll(() => t.close());

const importNotice = (session: Session, payload: object) =>
  t.request(session, { method: 'POST', url: '/api/calendar/import-notice', payload });
const year = async (y: number) =>
  (await t.request(admin, { method: 'GET', url: `/api/calendar?year=${y}` })).json();

describe('calendar notices (issue 13): importing through the API', () => {
  it('is refused to an officer, with nothing written', async () => {
    const before = await databaseFingerprint(t.database);
    const response = await importNotice(officer, { content: notice('2025'), confirm: true });
    expect(response.statusCode).toBe(403);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('previews the 2025 notice into a year without data, writing nothing, then imports it on confirm', async () => {
    const db = t.database.db;
    await db
      .deleteFrom('calendar_day')
      .where('date', '>=', '2025-01-01')
      .where('date', '<=', '2025-12-31')
      .execute();
    await db.deleteFrom('calendar_year').where('year', '=', 2025).execute();
    const expected = parseHolidayNotice(notice('2025')).entries;

    const before = await databaseFingerprint(t.database);
    const preview = await importNotice(admin, { content: notice('2025'), fileName: '2025.txt' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      year: 2025,
      kind: 'arrangement',
      saved: false,
      entries: expected,
    });
    expect(preview.json().changes).toEqual([
      { year: 2025, isNew: true, added: expected, removed: [], changed: [] },
    ]);
    expect(await databaseFingerprint(t.database)).toBe(before);
    expect((await year(2025)).hasData).toBe(false);

    const ledgerBefore = await db
      .selectFrom('ledger_event')
      .select('seq')
      .where('stream_id', '=', 'calendar')
      .execute();
    const confirmed = await importNotice(admin, {
      content: notice('2025'),
      fileName: '2025.txt',
      confirm: true,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      saved: true,
      imported: { years: [2025], days: expected.length },
    });

    const stored = await year(2025);
    expect(stored.hasData).toBe(true);
    expect(stored.days.map(({ date, kind, name }: Record<string, string>) => ({ date, kind, name }))).toEqual(
      expected,
    );
    expect(stored.years.find((y: { year: number }) => y.year === 2025).source).toBe('notice:2025.txt');
    const counted = await t.request(officer, {
      method: 'GET',
      url: '/api/calendar/workdays-after?date=2025-09-26&count=1',
    });
    expect(counted.json().result).toBe('2025-09-28'); // the make-up Sunday counts

    const audit = await db
      .selectFrom('security_audit')
      .select(['target', 'detail'])
      .where('event', '=', 'calendar_changed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      target: '2025',
      detail: { source: 'notice:2025.txt', days: expected.length },
    });
    const ledger = await db
      .selectFrom('ledger_event')
      .select(['kind', 'payload'])
      .where('stream_id', '=', 'calendar')
      .orderBy('seq')
      .execute();
    expect(ledger).toHaveLength(ledgerBefore.length + 1);
    expect(ledger.at(-1)).toMatchObject({ kind: 'calendar.changed', payload: { target: '2025' } });

    // The same notice again changes nothing.
    const again = await importNotice(admin, { content: notice('2025') });
    expect(again.json().changes).toEqual([{ year: 2025, isNew: false, added: [], removed: [], changed: [] }]);
  });

  it('shows what differs from stored data: 2024 against the bundled data, the weekends of 与周末连休', async () => {
    const response = await importNotice(admin, { content: notice('2024') });
    expect(response.statusCode).toBe(200);
    const [previous, own] = response.json().changes;
    // 元旦 2024 on a Monday "与周末连休" reaches back to 30–31 December 2023 (a covered year).
    expect(previous).toMatchObject({ year: 2023, isNew: false, removed: [], changed: [] });
    expect(previous.added.map((e: { date: string }) => e.date)).toEqual(['2023-12-30', '2023-12-31']);
    expect(own.added.map((e: { date: string }) => e.date)).toEqual(['2024-06-08', '2024-06-09']);
    expect(own.removed).toEqual([]);
    // The bundled data is stored with the notices' names (清明节, not the package's 清明): no change.
    expect(own.changed).toEqual([]);
    expect(response.json().notes.join('')).toContain('2023 年的 2 天');
  });

  it('skips the previous year’s days when that year has no data, and says so', async () => {
    const response = await importNotice(admin, { content: notice('2019') });
    expect(response.json().skipped.map((e: { date: string }) => e.date)).toEqual([
      '2018-12-29',
      '2018-12-30',
      '2018-12-31',
    ]);
    expect(response.json().changes.map((c: { year: number }) => c.year)).toEqual([2019]);
    expect(response.json().notes.join('')).toContain('2018 年尚无日历数据');
  });

  it.each([
    [
      'a weekday that does not match',
      notice('2025').replace('1月1日（周三）', '1月1日（周四）'),
      /第 10 行.*1月1日是星期三，通知写的是星期四/,
    ],
    ['text that is no notice', '这不是通知', /未能识别通知的年份/],
    [
      'an extension for a year without data',
      '国务院办公厅关于延长2035年春节假期的通知\n一、延长2035年春节假期至2月2日，2月3日起正常上班。',
      /2035 年尚无日历数据/,
    ],
  ])('refuses %s with 400 on the content field, writing nothing', async (_, content, message) => {
    const before = await databaseFingerprint(t.database);
    const response = await importNotice(admin, { content, confirm: true });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'content' });
    expect(response.json().message).toMatch(message);
    expect(await databaseFingerprint(t.database)).toBe(before);
  });
});
