/**
 * Issue 21: the case list pages in the database. The demo's nine cases are copied 600 times in
 * SQL (older than every demo case, as a county's earlier years would be), so every filter's
 * matches lie mostly past the 5,000 most recently changed cases; the list must count and reach
 * them all, by page and by `after`. And the clock rows the "overdue" filter reads move with the
 * case's events.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTestKit, ok } from '../../test/case-kit.js';
import type { TestApp } from '../../test/harness.js';
import { countUncountedClocks } from './clocks.js';

const kit = caseTestKit('规模测试当事人');
const copies = 600;
let t: TestApp;

interface ListPage {
  total: number;
  page: number | null;
  items: { id: string; overdue: boolean; archivedAt: string | null; stage: string }[];
  next: string | null;
}
const list = async (username: string, query: string): Promise<ListPage> =>
  ok(await kit.get(username, `/api/cases?${query}`));

/** What each filter matches among the demo's own nine cases, before copying. */
const filters = [
  'all',
  'archived=true',
  'archived=false',
  'overdue=true',
  'overdue=false',
  'processKind=penaltyGeneral',
  'stage=investigate',
  'mine=true',
] as const;
const before = new Map<string, number>();
/** Copy n of case c: a version-4 UUID made from md5(c.id-n), so a copy's team can follow it. */
const copyId = sql.raw(
  `overlay(overlay(md5(c.id || '-' || n) placing '4' from 13) placing '8' from 17)::uuid`,
);
/** The first 100 copies of a case were registered (立案) on 2 January 2025: long past 90 days. */
const lateCopies = 100;
let runningLimits = 0;
/** officer1's open demo cases with a running clock (counted on read). */
let officer1Clocked = 0;
let openOfficer1 = 0;

beforeAll(async () => {
  t = await kit.start();
  for (const filter of filters)
    before.set(filter, (await list('officer1', `${filter === 'all' ? '' : filter}&pageSize=200`)).total);
  expect(before.get('all')).toBe(9);
  // The demo cases whose case time limit runs (counted on read, not from the clock rows).
  for (const item of (await list('officer1', 'pageSize=200')).items) {
    const shown = ok(await kit.get('officer1', `/api/cases/${item.id}`));
    if (shown.deadlines.clocks.some((c: { id: string }) => c.id === 'caseTimeLimit')) runningLimits += 1;
  }
  expect(runningLimits).toBeGreaterThan(0);
  const officer1Open = await list('officer1', 'mine=true&archived=false&pageSize=200');
  openOfficer1 = officer1Open.total;
  for (const item of officer1Open.items) {
    const shown = ok(await kit.get('officer1', `/api/cases/${item.id}`));
    if (shown.deadlines.clocks.length > 0) officer1Clocked += 1;
  }
  expect(officer1Clocked).toBeGreaterThan(0);
  const { db } = t.database;
  // Copies: no case number (numbers are unique), changed before any demo case, not yet counted;
  // the id of copy n of case c is md5(c.id-n), so its team can be copied too.
  await sql`
    INSERT INTO enforcement_case (id, agency_id, process_kind, stage, stage_outcome, completed_stages,
      title, source, source_note, party_kind, party_name, enforcement_item_id, facts, major,
      registered_on, version, created_by, created_at, updated_at, archived_at, clocks_counted)
    SELECT ${copyId}, c.agency_id, c.process_kind, c.stage, c.stage_outcome,
      c.completed_stages, c.title || '（副本 ' || n || '）', c.source, c.source_note, c.party_kind,
      c.party_name, c.enforcement_item_id, c.facts, c.major,
      CASE WHEN n <= ${lateCopies} AND c.registered_on IS NOT NULL THEN date '2025-01-02' ELSE c.registered_on END,
      c.version, c.created_by,
      c.created_at, timestamptz '2020-01-01T00:00:00Z' + make_interval(secs => n * 10 + row_number() OVER ()),
      c.archived_at, false
    FROM enforcement_case c CROSS JOIN generate_series(1, ${copies}) AS n`.execute(db);
  // Their teams (an archived case takes no new officer: the copies of archived cases have none).
  await sql`
    INSERT INTO case_officer (case_id, agency_id, person_id, person_kind, role, assigned_by, assigned_at)
    SELECT ${copyId}, o.agency_id, o.person_id, o.person_kind, o.role, o.assigned_by,
      o.assigned_at
    FROM case_officer o JOIN enforcement_case c ON c.id = o.case_id
      CROSS JOIN generate_series(1, ${copies}) AS n
    WHERE c.archived_at IS NULL`.execute(db);
  const uncounted = await db
    .selectFrom('enforcement_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('clocks_counted', '=', false)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  expect(uncounted.n).toBe((9 - before.get('archived=true')!) * copies);
  // What `npm start` does for cases written without their clocks.
  expect(await countUncountedClocks(db, t.now())).toBe(uncounted.n);
}, 300_000);
afterAll(() => t.close());

const expected = (filter: (typeof filters)[number]) => {
  if (filter === 'mine=true') return before.get(filter)! + openOfficer1 * copies;
  const late = runningLimits * lateCopies;
  if (filter === 'overdue=true') return before.get(filter)! * (copies + 1) + late;
  if (filter === 'overdue=false') return before.get(filter)! * (copies + 1) - late;
  return before.get(filter)! * (copies + 1);
};

describe('issue 21: the case list past 5,000 cases', () => {
  it('counts every case and reaches the oldest on the last page', async () => {
    const first = await list('officer1', 'pageSize=200');
    expect(first.total).toBe(expected('all'));
    const lastPage = Math.ceil(first.total / 200);
    const last = await list('officer1', `pageSize=200&page=${lastPage}`);
    expect(last.items).toHaveLength(first.total - (lastPage - 1) * 200);
    expect((await list('officer1', `pageSize=200&page=${lastPage + 1}`)).items).toEqual([]);
  });

  for (const filter of filters)
    it(`${filter}: the total counts every match and the last page holds the oldest`, async () => {
      const want = expected(filter);
      expect(want).toBeGreaterThan(0);
      const first = await list('officer1', `${filter === 'all' ? '' : filter}&pageSize=100`);
      expect(first.total).toBe(want);
      const lastPage = Math.ceil(want / 100);
      const last = await list('officer1', `${filter === 'all' ? '' : filter}&pageSize=100&page=${lastPage}`);
      expect(last.items).toHaveLength(want - (lastPage - 1) * 100);
      if (filter === 'overdue=true') expect(last.items.every((c) => c.overdue)).toBe(true);
      if (filter === 'overdue=false') expect(last.items.some((c) => c.overdue)).toBe(false);
      if (filter === 'archived=true') expect(last.items.every((c) => c.archivedAt)).toBe(true);
      if (filter === 'stage=investigate')
        expect(last.items.every((c) => c.stage === 'investigate')).toBe(true);
    });

  it('`after` walks every archived case once, in order, to a null `next`', async () => {
    const seen = new Set<string>();
    let query = 'archived=true&pageSize=200';
    let pages = 0;
    for (;;) {
      const page = await list('officer1', query);
      for (const item of page.items) seen.add(item.id);
      pages += 1;
      if (!page.next) break;
      query = `archived=true&pageSize=200&after=${page.next}`;
    }
    expect(seen.size).toBe(expected('archived=true'));
    expect(pages).toBe(Math.ceil(seen.size / 200));
  });

  it('我的期限: counts every case of mine with a running clock and lists the 200 earliest due', async () => {
    const mine = ok(await kit.get('officer1', '/api/me/deadlines'));
    expect(mine.total).toBe(officer1Clocked * (copies + 1));
    expect(mine.shown).toBe(200);
    const dues: string[] = mine.items.map((item: { dueOn: string }) => item.dueOn);
    expect(dues).toEqual([...dues].sort());
    // The copies registered in January 2025 are the earliest due, though the oldest changed.
    expect(dues[0]! < '2025-12-31').toBe(true);
  });

  it('`next` is null on a last page that is full, and set on the page before it', async () => {
    const all = expected('archived=true');
    expect((await list('officer1', `archived=true&pageSize=1&page=${all}`)).next).toBeNull();
    expect((await list('officer1', `archived=true&pageSize=1&page=${all - 1}`)).next).not.toBeNull();
  });

  it('a cursor that is no case of the viewer’s is refused, naming the field', async () => {
    const response = await kit.get('officer1', `/api/cases?after=${crypto.randomUUID()}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('query.after');
  });
});

describe('issue 21: clock rows move with the case’s events', () => {
  const clocksOf = (id: string) =>
    t.database.db
      .selectFrom('case_clock')
      .select(['clock', 'due_on', 'lapses', 'paused'])
      .where('case_id', '=', id)
      .orderBy('clock')
      .execute();

  it('N3/N6/N7: 立案 starts the case time limit; the notice adds the defence period; the decision swaps them for service', async () => {
    kit.at('2026-03-02');
    const id = await kit.generalAtNotify();
    ok(await kit.step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }));
    const noticed = await clocksOf(id);
    expect(noticed.map((c) => c.clock)).toEqual(['caseTimeLimit', 'defence']);
    expect(noticed.find((c) => c.clock === 'defence')).toMatchObject({ lapses: true, paused: false });
    const limit = noticed.find((c) => c.clock === 'caseTimeLimit')!;
    const shown = ok(await kit.get('officer1', `/api/cases/${id}`)).deadlines.clocks as {
      id: string;
      dueOn: string;
    }[];
    expect(shown.find((c) => c.id === 'caseTimeLimit')!.dueOn).toBe(limit.due_on);

    kit.at('2026-06-15'); // 90 days from 2 March ended on 31 May: overdue, and the list finds it;
    // the defence period lapsed long ago, and a lapsed period is nobody's delay.
    const overdue = await list('officer1', 'overdue=true&pageSize=200');
    expect(overdue.items.map((c) => c.id)).toContain(id);

    ok(await kit.move('unithead1', id, 'decide'));
    ok(await kit.decide(id));
    expect((await clocksOf(id)).map((c) => c.clock)).toEqual(['service']);
    expect((await list('officer1', 'overdue=true&pageSize=200')).items.map((c) => c.id)).not.toContain(id);
  });
});

describe('issue 21: clock rows follow the settings', () => {
  it('N3: lengthening the defence period moves the running clock’s row in the same change', async () => {
    kit.at('2026-04-01');
    const id = await kit.generalAtNotify();
    ok(await kit.step('officer1', id, 'prior-notice', { servedOn: kit.today, hearingRightNotified: false }));
    const dueOf = async () =>
      (
        await t.database.db
          .selectFrom('case_clock')
          .select('due_on')
          .where('case_id', '=', id)
          .where('clock', '=', 'defence')
          .executeTakeFirstOrThrow()
      ).due_on;
    const before = await dueOf();
    const current = ok(await kit.get('admin', '/api/settings'));
    const settings = structuredClone(current.settings);
    settings.penalty.defenceDays += 2;
    ok(
      await t.request(await kit.as('admin'), {
        method: 'PUT',
        url: '/api/settings',
        payload: { expectedVersion: current.version, note: '延长陈述申辩期限', settings },
      }),
    );
    const after = await dueOf();
    expect(after > before).toBe(true);
    const shown = ok(await kit.get('officer1', `/api/cases/${id}`)).deadlines.clocks as {
      id: string;
      dueOn: string;
    }[];
    expect(shown.find((c) => c.id === 'defence')!.dueOn).toBe(after);
  });
});
