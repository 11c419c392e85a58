/**
 * Login with lockout and second factor, and password changes under the policy.
 * After `lockoutFailures` wrong passwords (or TOTP codes) the account is locked
 * for `lockoutMinutes`; while locked, even the right password answers
 * ACCOUNT_LOCKED. Failed attempts are committed although the request fails,
 * and every attempt is in the security audit trail.
 */
import { AppError, allowedActions, passwordPolicyViolation, roleLabels } from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { FieldCipher } from '../../crypto/field-cipher.js';
import type { AppUser, DB } from '../../db/schema.js';
import {
  type CurrentUser,
  createSession,
  sessionRestriction,
  type UserIdentity,
} from '../../http/session.js';
import { type AuditEntry, recordAudit } from '../audit/events.js';
import { currentSettings } from '../settings/service.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { verifyTotp } from './totp.js';

const wrongCredentials = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误');

export interface LoginInput {
  username: string;
  password: string;
  totpCode?: string | undefined;
  ip: string;
}

export function identityOf(user: AppUser): UserIdentity {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    agencyId: user.agency_id,
    unitId: user.unit_id,
    roles: user.roles,
  };
}

export async function login(db: Kysely<DB>, cipher: FieldCipher, input: LoginInput, now: Date) {
  const audit = (entry: Omit<AuditEntry, 'ip'>) => recordAudit(db, { ...entry, ip: input.ip }, now);
  const username = input.username.trim().toLowerCase();
  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user?.active) {
    await verifyPassword(input.password, await decoyHash());
    await audit({
      event: 'login',
      outcome: 'failure',
      actor: null,
      username,
      detail: { reason: 'unknown_user' },
    });
    throw wrongCredentials();
  }
  const actor = { id: user.id, username: user.username, agencyId: user.agency_id };
  if (user.locked_until && user.locked_until > now) {
    await audit({ event: 'login', outcome: 'denied', actor, detail: { reason: 'locked' } });
    const minutes = Math.max(1, Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000));
    throw new AppError('ACCOUNT_LOCKED', `账户已锁定，请于 ${minutes} 分钟后再试`);
  }
  const passwordOk = await verifyPassword(input.password, user.password_hash);
  if (passwordOk && user.totp_enabled_at && !input.totpCode) {
    throw new AppError('TOTP_REQUIRED', '请输入身份验证器上的 6 位动态码', { field: 'body.totpCode' });
  }
  const totpOk =
    !user.totp_enabled_at ||
    (user.totp_secret_cipher !== null &&
      verifyTotp(cipher.decrypt(user.totp_secret_cipher), user.username, input.totpCode ?? '', now));
  if (!passwordOk || !totpOk) {
    await recordFailure(db, user, now, audit, passwordOk ? 'wrong_totp' : 'wrong_password');
    throw passwordOk
      ? new AppError('INVALID_CREDENTIALS', '动态码错误', { field: 'body.totpCode' })
      : wrongCredentials();
  }
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', user.id)
    .execute();
  const { token, csrfToken } = await createSession(db, user, now, input.ip);
  await audit({ event: 'login', outcome: 'success', actor });
  const restriction = sessionRestriction(user, await currentSettings(db), now);
  return {
    token,
    csrfToken,
    user: { ...identityOf(user), restriction, totpEnabled: user.totp_enabled_at !== null },
  };
}

async function recordFailure(
  db: Kysely<DB>,
  user: AppUser,
  now: Date,
  audit: (entry: Omit<AuditEntry, 'ip'>) => Promise<void>,
  reason: string,
) {
  const actor = { id: user.id, username: user.username, agencyId: user.agency_id };
  const { security } = await currentSettings(db);
  const { failed_logins } = await db
    .updateTable('app_user')
    .set({ failed_logins: sql`failed_logins + 1` })
    .where('id', '=', user.id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  await audit({ event: 'login', outcome: 'failure', actor, detail: { reason, failures: failed_logins } });
  if (failed_logins >= security.lockoutFailures) {
    const lockedUntil = new Date(now.getTime() + security.lockoutMinutes * 60_000);
    await db
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: lockedUntil })
      .where('id', '=', user.id)
      .execute();
    await audit({
      event: 'lockout',
      outcome: 'success',
      actor,
      detail: { until: lockedUntil.toISOString() },
    });
  }
}

/**
 * Changes the user's own password: the current one must be right; the new one
 * must meet the policy and differ from the last `passwordHistory` passwords.
 */
export async function changePassword(
  db: Kysely<DB>,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  now: Date,
) {
  const user = await db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError('INVALID_CREDENTIALS', '当前密码错误', { field: 'body.currentPassword' });
  }
  const { security } = await currentSettings(db);
  const weak = passwordPolicyViolation(input.newPassword, user.username, {
    minLength: security.passwordMinLength,
  });
  if (weak) throw new AppError('VALIDATION_FAILED', weak, { field: 'body.newPassword' });
  const previous = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', user.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(0, security.passwordHistory - 1))
    .execute();
  const recent =
    security.passwordHistory > 0 ? [user.password_hash, ...previous.map((p) => p.password_hash)] : [];
  for (const hash of recent) {
    if (await verifyPassword(input.newPassword, hash)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `新密码不能与最近 ${security.passwordHistory} 次使用过的密码相同`,
        {
          field: 'body.newPassword',
        },
      );
    }
  }
  await db
    .insertInto('password_history')
    .values({
      user_id: user.id,
      agency_id: user.agency_id,
      password_hash: user.password_hash,
      created_at: now,
    })
    .execute();
  await db
    .updateTable('app_user')
    .set({
      password_hash: await hashPassword(input.newPassword),
      password_changed_at: now,
      must_change_password: false,
    })
    .where('id', '=', user.id)
    .execute();
}

/** The signed-in user as the console sees it: who, where, what they may do, and what they must do first. */
export async function presentMe(
  db: Kysely<DB>,
  user: UserIdentity & Partial<Pick<CurrentUser, 'restriction' | 'totpEnabled'>>,
) {
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
    actions: user.restriction ? [] : allowedActions(user.roles),
    restriction: user.restriction ?? null,
    totpEnabled: user.totpEnabled ?? false,
  };
}
