import { accountAction, type Role, roleLabels } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { mayTake } from '../../http/route.js';
import type { CurrentUser } from '../../http/session.js';

/** Users as the API shows them: no hash, no secret; the ID number only masked. */
export async function presentUsers(
  db: Kysely<DB>,
  viewer: CurrentUser,
  where: { ids?: string[]; agencyIds: string[] },
  now: Date,
) {
  if (where.agencyIds.length === 0 || where.ids?.length === 0) return [];
  let query = db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', 'a.id', 'u.agency_id')
    .leftJoin('unit as n', 'n.id', 'u.unit_id')
    .leftJoin('person as p', 'p.id', 'u.person_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.roles',
      'u.active',
      'u.locked_until',
      'u.totp_enabled_at',
      'u.must_change_password',
      'u.password_changed_at',
      'u.agency_id',
      'a.name as agency_name',
      'u.unit_id',
      'n.name as unit_name',
      'p.id as person_id',
      'p.name as person_name',
      'p.id_number_masked',
    ])
    .where('u.agency_id', 'in', where.agencyIds)
    .orderBy('a.name')
    .orderBy('u.username');
  if (where.ids) query = query.where('u.id', 'in', where.ids);
  const unlock = mayTake(viewer, 'user.manage') || mayTake(viewer, 'session.manage');
  return (await query.execute()).map((row) => {
    // 三员分立: who may edit depends on whose account it is (accountAction).
    const manage = mayTake(viewer, accountAction(row.roles));
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      agency: { id: row.agency_id, name: row.agency_name },
      unit: row.unit_id ? { id: row.unit_id, name: row.unit_name } : null,
      roles: row.roles.map((role: Role) => ({ role, label: roleLabels[role] })),
      active: row.active,
      locked: row.locked_until !== null && row.locked_until > now,
      totpEnabled: row.totp_enabled_at !== null,
      mustChangePassword: row.must_change_password,
      passwordChangedAt: row.password_changed_at,
      person: row.person_id
        ? { id: row.person_id, name: row.person_name, idNumberMasked: row.id_number_masked }
        : null,
      actions: { edit: manage, resetPassword: manage && row.id !== viewer.id, unlock },
    };
  });
}
