/**
 * Login with lockout and second factor, and password changes under the policy.
 * After `lockoutFailures` wrong passwords (or TOTP codes) the account is locked
 * for `lockoutMinutes`; while locked, even the right password answers
 * ACCOUNT_LOCKED. The count is taken before the password is checked and holds
 * under parallel attempts, and unknown names are counted alike (lockout.ts).
 * Failed attempts are committed although the request fails, and every attempt
 * is in the security audit trail.
 */
import { AppError, allowedActions, passwordPolicyViolation, roleLabels } from '@zhifa/core';
import type { Kysely } from 'kysely';
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
import { accountLockout, unknownNameLockout } from './lockout.js';
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
  const found = await db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  // A disabled account answers like an unknown name: the same count, the same words, a
  // scrypt check against a decoy hash (SEC-13).
  const user = found?.active ? found : undefined;
  const actor = user ? { id: user.id, username: user.username, agencyId: user.agency_id } : null;
  const { security } = await currentSettings(db);
  const lockout = user
    ? accountLockout(db, user.id, now, security)
    : unknownNameLockout(db, username, now, security);
  const refuseLocked = async (lockedUntil: Date) => {
    await audit({ event: 'login', outcome: 'denied', actor, username, detail: { reason: 'locked' } });
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
    return new AppError('ACCOUNT_LOCKED', `账户已锁定，请于 ${minutes} 分钟后再试`);
  };
  const auditLockout = (until: Date) =>
    audit({ event: 'lockout', outcome: 'success', actor, username, detail: { until: until.toISOString() } });

  // Counted before the slow check, so a parallel burst cannot outrun the lock (SEC-2).
  const place = await lockout.take();
  if ('lockedUntil' in place) {
    if (place.lockedNow) await auditLockout(place.lockedUntil);
    throw await refuseLocked(place.lockedUntil);
  }
  const passwordOk =
    (await verifyPassword(input.password, user?.password_hash ?? (await decoyHash()))) && !!user;
  if (user && passwordOk && user.totp_enabled_at && !input.totpCode) {
    await lockout.release();
    throw new AppError('TOTP_REQUIRED', '请输入身份验证器上的 6 位动态码', { field: 'body.totpCode' });
  }
  const totpOk =
    !user?.totp_enabled_at ||
    (user.totp_secret_cipher !== null &&
      verifyTotp(cipher.decrypt(user.totp_secret_cipher), user.username, input.totpCode ?? '', now));
  if (!user || !passwordOk || !totpOk) {
    const lockedUntil = await lockout.fail();
    const reason = !user ? 'unknown_user' : passwordOk ? 'wrong_totp' : 'wrong_password';
    await audit({
      event: 'login',
      outcome: 'failure',
      actor,
      username,
      detail: { reason, failures: place.attempt },
    });
    if (lockedUntil) await auditLockout(lockedUntil);
    throw passwordOk
      ? new AppError('INVALID_CREDENTIALS', '动态码错误', { field: 'body.totpCode' })
      : wrongCredentials();
  }
  // Right, but parallel failures may have locked the account while this one was checked.
  if (!(await lockout.succeed(place.attempt))) {
    const { locked_until } = await db
      .selectFrom('app_user')
      .select('locked_until')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    throw await refuseLocked(locked_until ?? now);
  }
  const { token, csrfToken } = await createSession(db, user, now, input.ip);
  await audit({ event: 'login', outcome: 'success', actor });
  const restriction = sessionRestriction(user, await currentSettings(db), now);
  return {
    token,
    csrfToken,
    user: { ...identityOf(user), restriction, totpEnabled: user.totp_enabled_at !== null },
  };
}

/**
 * Changes the user's own password: the current one must be right; the new one
 * must meet the policy and differ from the last `passwordHistory` passwords.
 * Every other session of the user ends (SEC-8): whoever knew the old password
 * may be signed in elsewhere, and an administrator's reset ends them too.
 */
export async function changePassword(
  db: Kysely<DB>,
  userId: string,
  keepSessionId: string,
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
  await db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('user_id', '=', user.id)
    .where('id', '!=', keepSessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The signed-in user as the console sees it: who, where, what they may do, and what they must do first. */
export async function presentMe(
  db: Kysely<DB>,
  user: UserIdentity & Partial<Pick<CurrentUser, 'restriction' | 'totpEnabled'>>,
) {
  const agency = await db
    .selectFrom('agency')
    .select(['id', 'name', 'short_name', 'owns_deployment'])
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
    actions: user.restriction
      ? []
      : allowedActions({ roles: user.roles, ownsDeployment: agency.owns_deployment }),
    restriction: user.restriction ?? null,
    totpEnabled: user.totpEnabled ?? false,
  };
}
