/**
 * The login lockout count. An attempt is counted as a failure *before* its password is
 * checked (SEC-2): the check takes a scrypt's time, so a "locked?" test ahead of it lets a
 * parallel burst through. Taking a place in the count is one atomic step, and no more than
 * `lockoutFailures` places are handed out; whoever finds them all taken — by failures or by
 * attempts still being checked — locks the account and is refused. A success forgives its
 * own place and every one taken before it, as a success forgave earlier failures when
 * attempts came one at a time; it is refused if the account was locked meanwhile.
 *
 * Unknown (and disabled) usernames are counted the same way, in memory (SEC-13): the answers
 * must not tell which accounts exist, and such a name has no row to count in.
 */
import type { JurisdictionSettings } from '@zhifa/core';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

type Security = Pick<JurisdictionSettings['security'], 'lockoutFailures' | 'lockoutMinutes'>;

/** Either this attempt's place in the count (1 = the first failure), or the lock that refuses it. */
export type Place = { attempt: number } | { lockedUntil: Date; lockedNow: boolean };

export interface Lockout {
  take(): Promise<Place>;
  /** The attempt failed; returns the lock's end if this failure locked the account. */
  fail(): Promise<Date | null>;
  /** The attempt succeeded; false if the account was locked while it was being checked. */
  succeed(attempt: number): Promise<boolean>;
  /** The attempt was neither (the password was right, the second factor is still to come). */
  release(): Promise<void>;
}

export function accountLockout(db: Kysely<DB>, userId: string, now: Date, security: Security): Lockout {
  const notLocked = (eb: ExpressionBuilder<DB, 'app_user'>) =>
    eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]);
  const lock = async () => {
    const locked = await db
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: lockEnd(now, security) })
      .where('id', '=', userId)
      .where(notLocked)
      .where('failed_logins', '>=', security.lockoutFailures)
      .returning('locked_until')
      .executeTakeFirst();
    return locked?.locked_until ?? null;
  };
  return {
    async take() {
      const taken = await db
        .updateTable('app_user')
        .set({ failed_logins: sql`failed_logins + 1` })
        .where('id', '=', userId)
        .where(notLocked)
        .where('failed_logins', '<', security.lockoutFailures)
        .returning('failed_logins')
        .executeTakeFirst();
      if (taken) return { attempt: taken.failed_logins };
      // Every place is taken: lock now, so the count cannot stay full with no end (an attempt
      // that died mid-check, a threshold lowered since).
      const lockedNow = await lock();
      if (lockedNow) return { lockedUntil: lockedNow, lockedNow: true };
      const row = await db
        .selectFrom('app_user')
        .select('locked_until')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      return { lockedUntil: row.locked_until ?? lockEnd(now, security), lockedNow: false };
    },
    fail: lock,
    async succeed(attempt) {
      const forgiven = await db
        .updateTable('app_user')
        .set({ failed_logins: sql`greatest(failed_logins - ${attempt}, 0)`, locked_until: null })
        .where('id', '=', userId)
        .where(notLocked)
        .returning('id')
        .executeTakeFirst();
      return forgiven !== undefined;
    },
    async release() {
      await db
        .updateTable('app_user')
        .set({ failed_logins: sql`greatest(failed_logins - 1, 0)` })
        .where('id', '=', userId)
        .execute();
    },
  };
}

interface NameCount {
  failures: number;
  lockedUntil: Date | null;
}
/** Per database (each test app has its own); bounded, oldest name dropped first. */
const unknownNames = new WeakMap<object, Map<string, NameCount>>();
const maxNames = 10_000;

/** For a username with no active account: never succeeds, locks like an account. */
export function unknownNameLockout(db: object, username: string, now: Date, security: Security): Lockout {
  const names = unknownNames.get(db) ?? new Map<string, NameCount>();
  unknownNames.set(db, names);
  const count = names.get(username) ?? { failures: 0, lockedUntil: null };
  if (!names.has(username)) {
    if (names.size >= maxNames) names.delete(names.keys().next().value as string);
    names.set(username, count);
  }
  const locked = () => count.lockedUntil !== null && count.lockedUntil > now;
  const lock = async () => {
    if (locked() || count.failures < security.lockoutFailures) return null;
    count.failures = 0;
    count.lockedUntil = lockEnd(now, security);
    return count.lockedUntil;
  };
  return {
    async take() {
      if (locked()) return { lockedUntil: count.lockedUntil as Date, lockedNow: false };
      if (count.failures >= security.lockoutFailures) {
        return { lockedUntil: (await lock()) as Date, lockedNow: true };
      }
      count.failures += 1;
      return { attempt: count.failures };
    },
    fail: lock,
    succeed: async () => false,
    release: async () => {},
  };
}

const lockEnd = (now: Date, security: Security) => new Date(now.getTime() + security.lockoutMinutes * 60_000);
