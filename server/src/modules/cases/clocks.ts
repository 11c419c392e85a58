/**
 * Running clocks as rows (issue 21). A case's clocks are what core's caseDeadlines counts from
 * its facts, the calendar and the settings; case_clock keeps them with their due dates so that
 * lists filter on "overdue" and worklists order by due date in the database, not by counting
 * every case. They are rewritten in the transaction of each change to a case (saveCase and
 * registerCase, from the row the write returns), for every open case when the calendar or the settings change, and at start for
 * cases not yet counted (an older version's, a seed's). What depends on today is not stored: a
 * lapsing period is running while its due date is not past, and warnings are counted on read.
 */
import { caseDeadlines, lapsingClocks, type RuleContext } from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ruleContext } from '../settings/rule-context.js';
import { type CaseRow, clockFactsOf, type LoadedCase, leadTimes } from './facts.js';

const batchSize = 500;

export function deadlinesOf(loaded: Pick<LoadedCase, 'row' | 'facts'>, rule: RuleContext) {
  if (loaded.row.archived_at) return { clocks: [], problems: [] };
  return caseDeadlines(loaded.facts, rule, leadTimes(rule.settings));
}

/**
 * Replaces the clock rows of these cases (as they are after the change, in its transaction)
 * with their clocks as counted under `rule`.
 */
export async function writeClocks(db: Kysely<DB>, cases: readonly CaseRow[], rule: RuleContext) {
  if (cases.length === 0) return;
  const ids = cases.map((row) => row.id);
  await db.deleteFrom('case_clock').where('case_id', 'in', ids).execute();
  const rows = cases.flatMap((row) =>
    deadlinesOf({ row, facts: clockFactsOf(db, row) }, rule).clocks.map((clock) => ({
      case_id: row.id,
      agency_id: row.agency_id,
      clock: clock.id,
      owner: clock.owner,
      started_on: clock.startedOn,
      due_on: clock.dueOn,
      lapses: lapsingClocks.has(clock.id),
      paused: clock.paused === true,
    })),
  );
  if (rows.length) await db.insertInto('case_clock').values(rows).execute();
  const open = cases.filter((row) => !row.archived_at && !row.clocks_counted).map((row) => row.id);
  if (open.length)
    await db.updateTable('enforcement_case').set({ clocks_counted: true }).where('id', 'in', open).execute();
}

/**
 * Goes over open cases in batches of 500 (all of them, or those not yet counted), writes their
 * clocks, and hands each batch to `visit` (the calendar change compares old and new counts).
 */
export async function recountOpenCases(
  db: Kysely<DB>,
  rule: RuleContext,
  options: { uncountedOnly?: boolean; visit?: (batch: CaseRow[]) => Promise<void> } = {},
): Promise<number> {
  let after: string | undefined;
  let counted = 0;
  for (;;) {
    const rows: CaseRow[] = await db
      .selectFrom('enforcement_case')
      .selectAll()
      .where('archived_at', 'is', null)
      .$if(options.uncountedOnly === true, (q) => q.where(sql<boolean>`not clocks_counted`))
      .$if(after !== undefined, (q) => q.where('id', '>', after!))
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return counted;
    after = rows.at(-1)!.id;
    await writeClocks(db, rows, rule);
    await options.visit?.(rows);
    counted += rows.length;
  }
}

/** At start: the open cases not yet counted (from before case_clock existed, or a seed's). */
export async function countUncountedClocks(db: Kysely<DB>, now: Date): Promise<number> {
  return recountOpenCases(db, await ruleContext(db, now), { uncountedOnly: true });
}
