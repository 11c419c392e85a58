/**
 * When the working-day calendar changes (a year's arrangement imported, a day
 * edited), every open case's clocks are recounted — their rows rewritten in the
 * import's transaction (clocks.ts) — and what moved is told to the case's officers: a date shown as 暂定
 * yesterday must not be trusted from memory today.
 */
import type { RunningClock, WorkingDayCalendar } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { leaveNotices, type NewNotice } from '../notices/service.js';
import { ruleContext } from '../settings/rule-context.js';
import { deadlinesOf, recountOpenCases } from './clocks.js';
import { clockFactsOf } from './facts.js';

function shown(clock: RunningClock | undefined): string {
  if (!clock) return '不再计算';
  return clock.provisional ? `${clock.dueOn}（暂定）` : clock.dueOn;
}

/** The clocks whose due date (or whose being provisional) differs between the two counts. */
export function movedClocks(before: readonly RunningClock[], after: readonly RunningClock[]): string[] {
  const lines: string[] = [];
  for (const clock of after) {
    const old = before.find((c) => c.id === clock.id);
    if (old && old.dueOn === clock.dueOn && !!old.provisional === !!clock.provisional) continue;
    lines.push(`${clock.label}：${old ? shown(old) : '此前无法计算'} → ${shown(clock)}`);
  }
  for (const old of before)
    if (!after.some((c) => c.id === old.id)) lines.push(`${old.label}：${shown(old)} → ${shown(undefined)}`);
  return lines;
}

/** Recounts every open case against the calendar as it was; returns how many cases moved and notices left. */
export async function tellOfMovedDeadlines(
  db: Kysely<DB>,
  before: WorkingDayCalendar,
  reason: string,
  now: Date,
): Promise<{ cases: number; notices: number }> {
  const rule = await ruleContext(db, now);
  const old = { ...rule, calendar: before };
  let cases = 0;
  let notices = 0;
  await recountOpenCases(db, rule, {
    visit: async (batch) => {
      const moved = new Map<string, { label: string; lines: string[] }>();
      for (const row of batch) {
        const counted = { row, facts: clockFactsOf(db, row) };
        const lines = movedClocks(deadlinesOf(counted, old).clocks, deadlinesOf(counted, rule).clocks);
        if (lines.length) moved.set(row.id, { label: row.case_number ?? row.title, lines });
      }
      if (moved.size === 0) return;
      const officers = await db
        .selectFrom('case_officer as o')
        .innerJoin('app_user as u', 'u.person_id', 'o.person_id')
        .select(['o.case_id', 'u.id as user_id'])
        .distinct()
        .where('o.case_id', 'in', [...moved.keys()])
        .execute();
      const told: NewNotice[] = officers.map((o) => {
        const change = moved.get(o.case_id)!;
        return {
          userId: o.user_id,
          caseId: o.case_id,
          subject: `${change.label}：期限因工作日历更新而变化`,
          body: `${reason}。${change.lines.join('；')}。`,
        };
      });
      await leaveNotices(db, told, now);
      cases += moved.size;
      notices += told.length;
    },
  });
  return { cases, notices };
}
