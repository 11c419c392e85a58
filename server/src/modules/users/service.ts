/** Creating users; the console's user management (issue 3) builds on this. */
import { AppError, holdsConflictingAdministratorRoles, type Role } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { hashPassword } from '../auth/passwords.js';

export interface NewUserInput {
  username: string;
  displayName: string;
  /** Agency name or id. */
  agency: string;
  /** Unit name within the agency. */
  unit?: string;
  roles: Role[];
  password: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createUser(db: Kysely<DB>, input: NewUserInput, now: Date) {
  if (holdsConflictingAdministratorRoles(input.roles)) {
    throw new AppError('RULE_VIOLATION', '三员分立：系统管理员、安全管理员、审计管理员不得由同一用户兼任', {
      field: 'roles',
    });
  }
  if (!/^[a-z][a-z0-9_.-]{2,31}$/.test(input.username)) {
    throw new AppError('VALIDATION_FAILED', '登录名应以小写字母开头，由 3–32 位小写字母、数字、._- 组成', {
      field: 'username',
    });
  }
  const agency = await db
    .selectFrom('agency')
    .select(['id', 'name'])
    .where(uuidPattern.test(input.agency) ? 'id' : 'name', '=', input.agency)
    .executeTakeFirst();
  if (!agency) throw new AppError('NOT_FOUND', `执法主体不存在：${input.agency}`, { field: 'agency' });
  let unitId: string | null = null;
  if (input.unit) {
    const unit = await db
      .selectFrom('unit')
      .select('id')
      .where('agency_id', '=', agency.id)
      .where('name', '=', input.unit)
      .executeTakeFirst();
    if (!unit)
      throw new AppError('NOT_FOUND', `${agency.name} 没有承办机构：${input.unit}`, { field: 'unit' });
    unitId = unit.id;
  }
  const taken = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `登录名已被使用：${input.username}`, { field: 'username' });
  const row = await db
    .insertInto('app_user')
    .values({
      agency_id: agency.id,
      unit_id: unitId,
      username: input.username,
      display_name: input.displayName,
      roles: input.roles,
      password_hash: await hashPassword(input.password),
      password_changed_at: now,
    })
    .returning(['id', 'username'])
    .executeTakeFirstOrThrow();
  return { ...row, agencyName: agency.name };
}
