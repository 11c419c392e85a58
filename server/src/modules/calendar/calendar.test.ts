import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseFingerprint, type Session, type TestApp } from '../../test/harness.js';
import { bundledCalendarEntries } from './service.js';

let t: TestApp;
let admin: Session;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('officer1');
});
afterAll(() => t.close());

const workdaysAfter = (session: Session, date: string, count: number) =>
  t.request(session, { method: 'GET', url: `/api/calendar/workdays-after?date=${date}&count=${count}` });

describe('working-day calendar (bundled data, API)', () => {
  it('seeds 2019–2026 from chinese-days, with holidays and make-up workdays', async () => {
    const response = await t.request(officer, { method: 'GET', url: '/api/calendar?year=2026' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([
      2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(body.hasData).toBe(true);
    expect(body.days).toContainEqual(
      expect.objectContaining({ date: '2026-10-01', kind: 'holiday', name: '国庆节' }),
    );
    expect(body.days).toContainEqual(expect.objectContaining({ date: '2026-10-10', kind: 'workday' }));
    expect(body.actions.edit).toBe(false);
  });

  it('every bundled make-up workday falls on a weekend and no date repeats', () => {
    const entries = bundledCalendarEntries();
    expect(new Set(entries.map((e) => e.date)).size).toBe(entries.length);
    for (const e of entries.filter((x) => x.kind === 'workday')) {
      expect([0, 6]).toContain(new Date(`${e.date}T00:00:00Z`).getUTCDay());
    }
  });

  it.each([
    ['2026-09-28', 7, '2026-10-13'], // over National Day, with make-up Saturday 10 October
    ['2026-02-13', 1, '2026-02-14'], // Spring Festival make-up Saturday
    ['2025-09-26', 1, '2025-09-28'], // make-up Sunday 28 September 2025
    ['2024-04-30', 1, '2024-05-06'], // Labour Day 2024
  ])('workdays after %s + %i = %s', async (date, count, expected) => {
    const response = await workdaysAfter(officer, date, count);
    expect(response.statusCode).toBe(200);
    expect(response.json().result).toBe(expected);
  });

  it('counts into a year with no data from the law, giving both plausible ends (issue 13)', async () => {
    // 29–31 December, then 2027: 元旦 on Friday 1 January; the weekend after may be made
    // working days, 4–5 January may be bridging days off.
    const response = await workdaysAfter(officer, '2026-12-28', 10);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      result: '2027-01-08',
      provisional: { earliest: '2027-01-08', latest: '2027-01-14' },
    });
    expect(response.json().provisional.reason).toContain('2027 年节假日安排尚未导入');
  });

  it('shows a year without data as the law gives it: statutory holidays and the days that may change (issue 13)', async () => {
    const view = (await t.request(officer, { method: 'GET', url: '/api/calendar?year=2027' })).json();
    expect(view).toMatchObject({ year: 2027, hasData: false, days: [] });
    expect(view.estimate.holidays).toContainEqual({ date: '2027-02-05', kind: 'holiday', name: '春节' }); // 除夕
    expect(view.estimate.holidays).toHaveLength(13);
    expect(view.estimate.mayWork).toContain('2027-01-02');
    expect(view.estimate.mayRest).toContain('2027-10-04');
    const bundled = (await t.request(officer, { method: 'GET', url: '/api/calendar?year=2026' })).json();
    expect(bundled.estimate).toBeUndefined();
    expect(bundled.days).toContainEqual(expect.objectContaining({ date: '2026-04-05', name: '清明节' }));
  });

  it('refuses to count into a year the law cannot be computed for, naming it', async () => {
    const response = await workdaysAfter(officer, '2099-12-28', 10);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING' });
    expect(response.json().message).toContain('2100');
  });
});

describe('editing the calendar', () => {
  it('is refused to an officer, with nothing written', async () => {
    const before = await databaseFingerprint(t.database);
    const response = await t.request(officer, {
      method: 'PUT',
      url: '/api/calendar/days/2026-12-31',
      payload: { kind: 'holiday', name: '测试' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('imports a year from CSV; the new year then counts', async () => {
    const csv = 'date,kind,name\n2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n2027-01-03,holiday,元旦\n';
    const response = await t.request(admin, {
      method: 'POST',
      url: '/api/calendar/import',
      payload: { format: 'csv', fileName: '2027.csv', content: csv },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ years: [2027], days: 3 });
    expect((await workdaysAfter(officer, '2026-12-31', 1)).json()).toEqual({
      date: '2026-12-31',
      count: 1,
      result: '2027-01-04',
    });
  });

  it('imports JSON and replaces the year it covers', async () => {
    const content = JSON.stringify({ days: [{ date: '2027-01-02', kind: 'holiday', name: '元旦' }] });
    const response = await t.request(admin, {
      method: 'POST',
      url: '/api/calendar/import',
      payload: { format: 'json', content },
    });
    expect(response.statusCode).toBe(200);
    const year = (await t.request(admin, { method: 'GET', url: '/api/calendar?year=2027' })).json();
    expect(year.days.map((d: { date: string }) => d.date)).toEqual(['2027-01-02']);
    expect(year.years.find((y: { year: number }) => y.year === 2027).source).toBe('import:json');
  });

  it('rejects a make-up workday on a weekday, naming the line, and writes nothing', async () => {
    const before = await databaseFingerprint(t.database);
    const csv = 'date,kind,name\n2027-02-01,holiday,春节\n2027-02-03,workday,春节调休\n';
    const response = await t.request(admin, {
      method: 'POST',
      url: '/api/calendar/import',
      payload: { format: 'csv', content: csv },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'content.1.date' });
    expect(response.json().message).toContain('第 2 条');
    expect(await databaseFingerprint(t.database)).toBe(before);
  });

  it('rejects a CSV with a bad date and points at the row', async () => {
    const csv = 'date,kind,name\n2027-13-01,holiday,元旦\n';
    const response = await t.request(admin, {
      method: 'POST',
      url: '/api/calendar/import',
      payload: { format: 'csv', content: csv },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('content.0.date');
  });

  it('sets and removes a single day, and adds an empty year', async () => {
    const set = await t.request(admin, {
      method: 'PUT',
      url: '/api/calendar/days/2027-01-09',
      payload: { kind: 'workday', name: '调休上班' },
    });
    expect(set.statusCode).toBe(200);
    expect((await workdaysAfter(officer, '2027-01-08', 1)).json().result).toBe('2027-01-09');
    const removed = await t.request(admin, { method: 'DELETE', url: '/api/calendar/days/2027-01-09' });
    expect(removed.statusCode).toBe(204);
    expect((await workdaysAfter(officer, '2027-01-08', 1)).json().result).toBe('2027-01-11');

    const missingYear = await t.request(admin, {
      method: 'PUT',
      url: '/api/calendar/days/2030-01-01',
      payload: { kind: 'holiday', name: '元旦' },
    });
    expect(missingYear.statusCode).toBe(422);
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/calendar/years',
      payload: { year: 2030 },
    });
    expect(created.statusCode).toBe(201);
    expect((await workdaysAfter(officer, '2030-01-04', 1)).json().result).toBe('2030-01-07');
  });
});
