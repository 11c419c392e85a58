/** 站内消息: notices the platform leaves for one user, newest first. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface NewNotice {
  userId: string;
  caseId: string | null;
  subject: string;
  body: string;
}

export async function leaveNotices(db: Kysely<DB>, notices: readonly NewNotice[], now: Date): Promise<void> {
  if (notices.length === 0) return;
  await db
    .insertInto('user_notice')
    .values(
      notices.map((n) => ({
        user_id: n.userId,
        case_id: n.caseId,
        subject: n.subject,
        body: n.body,
        created_at: now,
      })),
    )
    .execute();
}

export async function noticesOf(db: Kysely<DB>, userId: string, limit: number) {
  const rows = await db
    .selectFrom('user_notice as n')
    .leftJoin('enforcement_case as c', 'c.id', 'n.case_id')
    .select(['n.id', 'n.case_id', 'c.case_number', 'n.subject', 'n.body', 'n.created_at', 'n.read_at'])
    .where('n.user_id', '=', userId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(limit)
    .execute();
  const unread = await db
    .selectFrom('user_notice')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    unread: Number(unread.count),
    items: rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      subject: r.subject,
      body: r.body,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  };
}

/** Marks those of `ids` that are the user's own unread notices read; returns how many. */
export async function markNoticesRead(
  db: Kysely<DB>,
  userId: string,
  ids: readonly string[],
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('user_notice')
    .set({ read_at: now })
    .where('id', 'in', ids)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
