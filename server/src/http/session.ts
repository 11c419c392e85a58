/**
 * Sessions: an opaque random token in an httpOnly, SameSite=Strict cookie; the
 * database keeps only its SHA-256, so a leaked table cannot be replayed. Each
 * session has its own CSRF token, sent back by the client as `x-csrf-token`.
 * Idle and absolute timeouts come from the security settings.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, administratorRoles, type JurisdictionSettings, type Role } from '@zhifa/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { currentSettings } from '../modules/settings/service.js';
import type { AppContext } from './context.js';

export const sessionCookie = 'zhifa_session';
const touchEveryMs = 60_000;

export interface UserIdentity {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  unitId: string | null;
  roles: Role[];
}

/**
 * A signed-in user who must first change their password (first login, after an
 * administrator's reset, or when it is older than the policy allows) or, as an
 * administrator, enable the second factor, may only do that until it is done.
 */
export type SessionRestriction = 'password' | 'totp' | null;

export interface CurrentUser extends UserIdentity {
  /** Whether the user's agency keeps what the whole deployment shares (SEC-5, deploymentWideActions). */
  ownsDeployment: boolean;
  restriction: SessionRestriction;
  totpEnabled: boolean;
  sessionId: string;
  csrfToken: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Kysely<DB>,
  user: { id: string; agency_id: string },
  now: Date,
  ip: string,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('user_session')
    .values({
      id: hashToken(token),
      user_id: user.id,
      agency_id: user.agency_id,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      ip,
    })
    .execute();
  return { token, csrfToken };
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(sessionCookie, { path: '/' });
}

export async function revokeSession(db: Kysely<DB>, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('user_session').set({ revoked_at: now }).where('id', '=', sessionId).execute();
}

export async function loadCurrentUser(
  app: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<CurrentUser | null> {
  const token = request.cookies[sessionCookie];
  if (!token || token.length > 100) return null;
  const row = await app.db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .select([
      'a.owns_deployment',
      's.id as sessionId',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.revoked_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.agency_id',
      'u.unit_id',
      'u.roles',
      'u.active',
      'u.must_change_password',
      'u.password_changed_at',
      'u.totp_enabled_at',
    ])
    .where('s.id', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return null;
  const now = app.clock();
  const settings = await currentSettings(app.db);
  const { security } = settings;
  const idleExpired = now.getTime() - row.last_seen_at.getTime() > security.idleTimeoutMinutes * 60_000;
  const absoluteExpired =
    now.getTime() - row.created_at.getTime() > security.absoluteTimeoutHours * 3_600_000;
  if (row.revoked_at || !row.active || idleExpired || absoluteExpired) {
    if (!row.revoked_at) await revokeSession(app.db, row.sessionId, now);
    clearSessionCookie(reply);
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > touchEveryMs) {
    await app.db
      .updateTable('user_session')
      .set({ last_seen_at: now })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    agencyId: row.agency_id,
    unitId: row.unit_id,
    roles: row.roles,
    ownsDeployment: row.owns_deployment,
    restriction: sessionRestriction(row, settings, now),
    totpEnabled: row.totp_enabled_at !== null,
    sessionId: row.sessionId,
    csrfToken: row.csrf_token,
  };
}

export function sessionRestriction(
  user: {
    roles: Role[];
    must_change_password: boolean;
    password_changed_at: Date;
    totp_enabled_at: Date | null;
  },
  { security }: JurisdictionSettings,
  now: Date,
): SessionRestriction {
  const passwordAge = now.getTime() - user.password_changed_at.getTime();
  if (user.must_change_password || passwordAge > security.passwordMaxAgeDays * 86_400_000) return 'password';
  const isAdministrator = user.roles.some((role) => administratorRoles.includes(role));
  if (security.administratorTotpRequired && isAdministrator && !user.totp_enabled_at) return 'totp';
  return null;
}

export function verifyCsrf(user: CurrentUser, request: FastifyRequest): void {
  const sent = request.headers['x-csrf-token'];
  const expected = Buffer.from(user.csrfToken);
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('CSRF_FAILED', '请求缺少有效的防伪令牌（x-csrf-token），请刷新页面后重试');
  }
}
