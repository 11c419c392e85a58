/**
 * Users: creation, changes, password resets and unlocking — the system administrator's work,
 * and the security administrator's for the security and audit administrators (三员分立).
 */
import {
  AppError,
  accountAction,
  holdsAdministratorAndBusinessRoles,
  holdsConflictingAdministratorRoles,
  policy,
  type Role,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import { changedColumns } from '../../db/changes.js';
import type { AppUserTable, DB } from '../../db/schema.js';
import { hashPassword } from '../auth/passwords.js';

export interface NewUser {
  agencyId: string;
  unitId: string | null;
  personId: string | null;
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  /** First login must set a new password (always, except for users created on the command line). */
  mustChangePassword: boolean;
}

export function checkRoles(roles: readonly Role[], field = 'body.roles'): void {
  if (holdsConflictingAdministratorRoles(roles)) {
    throw new AppError('RULE_VIOLATION', '三员分立：系统管理员、安全管理员、审计管理员不得由同一用户兼任', {
      field,
    });
  }
  if (holdsAdministratorAndBusinessRoles(roles)) {
    throw new AppError('RULE_VIOLATION', '三员分立：管理员（系统、安全、审计）不得兼任业务角色', { field });
  }
}

/** Refuses unless the actor may manage an account holding these roles (see accountAction). */
export function checkManages(
  actor: { roles: readonly Role[] },
  accountRoles: readonly Role[],
  field: string,
) {
  const action = accountAction(accountRoles);
  if (policy[action].some((role) => actor.roles.includes(role))) return;
  throw new AppError(
    'FORBIDDEN',
    action === 'administratorAccount.manage'
      ? '三员分立：安全管理员、审计管理员的账户只能由安全管理员管理'
      : '三员分立：业务用户和系统管理员的账户由系统管理员管理',
    { field },
  );
}

/** The unit and person must belong to the user's agency. */
export async function checkMembership(
  db: Kysely<DB>,
  agencyId: string,
  refs: { unitId?: string | null | undefined; personId?: string | null | undefined },
): Promise<void> {
  if (refs.unitId) {
    const unit = await db
      .selectFrom('unit')
      .select('agency_id')
      .where('id', '=', refs.unitId)
      .executeTakeFirst();
    if (unit?.agency_id !== agencyId)
      throw new AppError('VALIDATION_FAILED', '承办机构不属于该执法主体', { field: 'body.unitId' });
  }
  if (refs.personId) {
    const person = await db
      .selectFrom('person')
      .select('agency_id')
      .where('id', '=', refs.personId)
      .executeTakeFirst();
    if (person?.agency_id !== agencyId)
      throw new AppError('VALIDATION_FAILED', '人员不属于该执法主体', { field: 'body.personId' });
  }
}

export const usernamePattern = /^[a-z][a-z0-9_.-]{2,31}$/;

export async function createUser(db: Kysely<DB>, input: NewUser, now: Date) {
  if (!usernamePattern.test(input.username)) {
    throw new AppError('VALIDATION_FAILED', '登录名应以小写字母开头，由 3–32 位小写字母、数字、._- 组成', {
      field: 'body.username',
    });
  }
  checkRoles(input.roles);
  await checkMembership(db, input.agencyId, input);
  const taken = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `登录名已被使用：${input.username}`, { field: 'body.username' });
  return db
    .insertInto('app_user')
    .values({
      agency_id: input.agencyId,
      unit_id: input.unitId,
      person_id: input.personId,
      username: input.username,
      display_name: input.displayName,
      roles: input.roles,
      password_hash: await hashPassword(input.password),
      password_changed_at: now,
      must_change_password: input.mustChangePassword,
    })
    .returning(['id', 'username'])
    .executeTakeFirstOrThrow();
}

/** For the command line: an agency by name or id, and a unit by name within it. */
export async function resolveAgencyAndUnit(db: Kysely<DB>, agency: string, unit?: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(agency);
  const found = await db
    .selectFrom('agency')
    .select(['id', 'name'])
    .where(isUuid ? 'id' : 'name', '=', agency)
    .executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', `执法主体不存在：${agency}`, { field: 'agency' });
  if (!unit) return { agency: found, unitId: null };
  const row = await db
    .selectFrom('unit')
    .select('id')
    .where('agency_id', '=', found.id)
    .where('name', '=', unit)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `${found.name} 没有承办机构：${unit}`, { field: 'unit' });
  return { agency: found, unitId: row.id };
}

export interface UserChange {
  displayName?: string | undefined;
  unitId?: string | null | undefined;
  roles?: Role[] | undefined;
  active?: boolean | undefined;
}

export async function updateUser(
  db: Kysely<DB>,
  actor: { id: string; roles: readonly Role[] },
  target: { id: string; agency_id: string; roles: Role[] },
  change: UserChange,
) {
  checkManages(actor, target.roles, 'params.id');
  if (change.roles) checkRoles(change.roles);
  if (target.id === actor.id && change.active === false) {
    throw new AppError('RULE_VIOLATION', '不能停用自己的账户', { field: 'body.active' });
  }
  const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
    a.length === b.length && a.every((role) => b.includes(role));
  if (target.id === actor.id && change.roles && !sameRoles(change.roles, target.roles)) {
    throw new AppError('RULE_VIOLATION', '三员分立：不能修改自己的角色', { field: 'body.roles' });
  }
  // The new roles too: an account may not move to the other administrator's keeping.
  if (change.roles) checkManages(actor, change.roles, 'body.roles');
  await checkMembership(db, target.agency_id, { unitId: change.unitId });
  await db
    .updateTable('app_user')
    .set(
      changedColumns<AppUserTable>(change, {
        displayName: 'display_name',
        unitId: 'unit_id',
        roles: 'roles',
        active: 'active',
      }),
    )
    .where('id', '=', target.id)
    .execute();
  if (change.active === false) await revokeAllSessions(db, target.id, new Date());
}

export async function revokeAllSessions(db: Kysely<DB>, userId: string, now: Date) {
  await db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
