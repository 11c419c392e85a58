/**
 * Login with lockout: after `lockoutFailures` wrong passwords the account is
 * locked for `lockoutMinutes`; while locked, even the right password answers
 * ACCOUNT_LOCKED. Failed attempts are committed even though the request fails.
 */
import { AppError, allowedActions, roleLabels } from '@zhifa/core';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createSession, type UserIdentity } from '../../http/session.js';
import { currentSettings } from '../settings/service.js';
import { decoyHash, verifyPassword } from './passwords.js';

const wrongCredentials = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误');

export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string; ip: string },
  now: Date,
) {
  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', input.username.toLowerCase())
    .executeTakeFirst();
  if (!user || !user.active) {
    await verifyPassword(input.password, await decoyHash());
    throw wrongCredentials();
  }
  if (user.locked_until && user.locked_until > now) {
    throw new AppError(
      'ACCOUNT_LOCKED',
      `账户已锁定，请于 ${minutesLeft(user.locked_until, now)} 分钟后再试`,
    );
  }
  if (!(await verifyPassword(input.password, user.password_hash))) {
    const { security } = await currentSettings(db);
    const { failed_logins } = await db
      .updateTable('app_user')
      .set({ failed_logins: sql`failed_logins + 1` })
      .where('id', '=', user.id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    if (failed_logins >= security.lockoutFailures) {
      const lockedUntil = new Date(now.getTime() + security.lockoutMinutes * 60_000);
      await db
        .updateTable('app_user')
        .set({ failed_logins: 0, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute();
    }
    throw wrongCredentials();
  }
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', user.id)
    .execute();
  const { token, csrfToken } = await createSession(db, user, now, input.ip);
  const identity: UserIdentity = {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    agencyId: user.agency_id,
    unitId: user.unit_id,
    roles: user.roles,
  };
  return { token, csrfToken, user: identity };
}

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/** The signed-in user as the console sees it: who, where, and what they may do. */
export async function presentMe(db: Kysely<DB>, user: UserIdentity) {
  const agency = await db
    .selectFrom('agency')
    .select(['id', 'name', 'short_name'])
    .where('id', '=', user.agencyId)
    .executeTakeFirstOrThrow();
  const unit = user.unitId
    ? await db.selectFrom('unit').select(['id', 'name']).where('id', '=', user.unitId).executeTakeFirst()
    : undefined;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    agency: { id: agency.id, name: agency.name, shortName: agency.short_name },
    unit: unit ?? null,
    roles: user.roles.map((role) => ({ role, label: roleLabels[role] })),
    actions: allowedActions(user.roles),
  };
}
