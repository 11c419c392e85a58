/** Agencies and signed-in accounts a test adds beside the demo's (other levels, other roles). */
import type { Role } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { demoPassword, type Session, type TestApp } from './harness.js';

/** 示例镇交通运输所, a township bureau below the demo's county bureau; its id. */
export async function addTownship(db: Kysely<DB>): Promise<string> {
  const county = await db
    .selectFrom('agency')
    .select('id')
    .where('name', '=', '示例县交通运输局')
    .executeTakeFirstOrThrow();
  const township = await db
    .insertInto('agency')
    .values({
      parent_id: county.id,
      name: '示例镇交通运输所',
      short_name: '示镇交',
      level: 'township',
      domain: '交通运输',
      credit_code: '12990121MB00099991',
      region_code: '990121',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return township.id;
}

/** An account of the agency holding one role, with the demo password, signed in. */
export async function addAccount(
  t: TestApp,
  agencyId: string,
  username: string,
  role: Role,
): Promise<Session> {
  await t.database.db
    .insertInto('app_user')
    .values({
      agency_id: agencyId,
      username,
      display_name: `测试${username}`,
      roles: [role],
      password_hash: await hashPassword(demoPassword),
      password_changed_at: t.now(),
    })
    .execute();
  return t.login(username);
}
