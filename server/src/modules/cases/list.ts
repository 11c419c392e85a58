/**
 * The case list's query (issue 21, decision 0016): every filter a WHERE clause — "overdue" an
 * EXISTS on the clock rows — an exact total, and one page by offset or after a given case, in
 * the order the indexes keep (newest change first). Only the page's rows are read.
 */
import { AppError, type IsoDate } from '@zhifa/core';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { caseScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import type { CaseRow } from './facts.js';
import type { listQuery } from './schema.js';

/** The signed-in user's own person (an officer's), or null for an account without one. */
export async function personOf(db: Kysely<DB>, user: CurrentUser) {
  const account = await db
    .selectFrom('app_user')
    .select('person_id')
    .where('id', '=', user.id)
    .executeTakeFirst();
  return account?.person_id ?? null;
}

export async function listCases(
  db: Kysely<DB>,
  user: CurrentUser,
  query: z.output<typeof listQuery>,
  today: IsoDate,
): Promise<{ total: number; rows: CaseRow[]; next: string | null }> {
  const scope = await caseScope(db, user);
  let q = db.selectFrom('enforcement_case as c').where('c.agency_id', 'in', scope);
  if (query.stage) q = q.where('c.stage', '=', query.stage);
  if (query.processKind) q = q.where('c.process_kind', '=', query.processKind);
  if (query.archived) q = q.where('c.archived_at', query.archived === 'true' ? 'is not' : 'is', null);
  const me = query.mine ? await personOf(db, user) : undefined;
  // A user with no person of their own is an officer on no case.
  if (me === null) q = q.where(sql<boolean>`false`);
  for (const officerId of [query.officerId, me]) if (officerId) q = q.where(onTeam(officerId, 'c.id'));
  if (query.overdue) {
    const overdue = query.overdue === 'true';
    // Overdue: a clock past its due day that neither lapses nor is paused (clocks.ts).
    q = q.where((eb) => {
      const pastDue = eb.exists(
        eb
          .selectFrom('case_clock as k')
          .select('k.case_id')
          .whereRef('k.case_id', '=', 'c.id')
          // Redundant with the case's own agency, but lets the (agency_id, due_on) index serve.
          .where('k.agency_id', 'in', scope)
          .where('k.lapses', '=', false)
          .where('k.paused', '=', false)
          .where('k.due_on', '<', today),
      );
      return overdue ? pastDue : eb.not(pastDue);
    });
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  // Newest change first; `after` (a case's id, from `next`) continues after that case.
  let page = q.selectAll('c').orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc');
  if (query.after) {
    const known = await db
      .selectFrom('enforcement_case')
      .select('id')
      .where('id', '=', query.after)
      .where('agency_id', 'in', scope)
      .executeTakeFirst();
    if (!known)
      throw new AppError('VALIDATION_FAILED', '续读位置无效：请从第一页重新加载', {
        field: 'query.after',
      });
    // Compared in the database: a timestamp read into JavaScript loses its microseconds.
    page = page.where(
      sql<boolean>`(c.updated_at, c.id) < (SELECT updated_at, id FROM enforcement_case WHERE id = ${query.after})`,
    );
  } else page = page.offset((query.page - 1) * query.pageSize);
  // One row more than the page says whether another page follows.
  const rows = await page.limit(query.pageSize + 1).execute();
  const more = rows.length > query.pageSize;
  if (more) rows.pop();
  return { total, rows, next: more ? rows.at(-1)!.id : null };
}

/** Cases shown at most on 我的期限: the earliest due first. */
export const myDeadlineCases = 200;

/** The clock rows of a query: `k` is case_clock. */
export type ClockRows = SelectQueryBuilder<DB & { k: DB['case_clock'] }, 'k', object>;
export const clockRows = (db: Kysely<DB>): ClockRows => db.selectFrom('case_clock as k');

/** Whether the person is on the case's team; `caseId` names the outer query's case id column. */
export const onTeam = (personId: string, caseId: 'c.id' | 'k.case_id') =>
  sql<boolean>`EXISTS (SELECT 1 FROM case_officer o WHERE o.case_id = ${sql.ref(caseId)} AND o.person_id = ${personId})`;

/** The cases of these clock rows, earliest due first: how many, and the first `limit` in that order. */
export async function casesByEarliestClock(
  db: Kysely<DB>,
  clocks: ClockRows,
  limit: number,
): Promise<{ total: number; rows: CaseRow[] }> {
  const { total } = await clocks
    .select(sql<number>`count(DISTINCT k.case_id)`.as('total'))
    .executeTakeFirstOrThrow();
  const first = await clocks
    .select('k.case_id')
    .groupBy('k.case_id')
    .orderBy(sql`min(k.due_on)`)
    .orderBy('k.case_id')
    .limit(limit)
    .execute();
  if (first.length === 0) return { total, rows: [] };
  const rows = await db
    .selectFrom('enforcement_case')
    .selectAll()
    .where(
      'id',
      'in',
      first.map((r) => r.case_id),
    )
    .execute();
  const order = new Map(first.map((r, i) => [r.case_id, i]));
  return { total, rows: rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!) };
}

/**
 * 我的期限 from the clock rows: the open cases in the viewer's agencies on whose team the
 * viewer's person is, with a running clock (a lapsing one only until its due day), earliest due
 * first, at most `myDeadlineCases`; and how many such cases there are.
 */
export async function casesWithMyClocks(
  db: Kysely<DB>,
  user: CurrentUser,
  personId: string,
  today: IsoDate,
): Promise<{ total: number; rows: CaseRow[] }> {
  const mine = clockRows(db)
    .where(onTeam(personId, 'k.case_id'))
    .where('k.agency_id', 'in', await caseScope(db, user))
    .where((eb) => eb.or([eb('k.lapses', '=', false), eb('k.due_on', '>=', today)]));
  return casesByEarliestClock(db, mine, myDeadlineCases);
}
