/**
 * The agency's public profile (P2 事前公开: 执法主体, legal basis, duties, supervision
 * and remedy channels) — columns of `agency`, kept by the system administrator —
 * and what the portal shows of it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Profile fields: API name → column. */
export const profileColumns = {
  legalBasis: 'legal_basis',
  duties: 'duties',
  address: 'address',
  phone: 'phone',
  officeHours: 'office_hours',
  supervisionPhone: 'supervision_phone',
  supervisionEmail: 'supervision_email',
  reconsiderationBody: 'reconsideration_body',
  litigationCourt: 'litigation_court',
} as const;

export type ProfileField = keyof typeof profileColumns;
export type ProfileInput = Record<ProfileField, string>;

export async function loadProfiles(db: Kysely<DB>, ids?: readonly string[]) {
  if (ids?.length === 0) return [];
  let query = db
    .selectFrom('agency as a')
    .leftJoin('agency as p', 'p.id', 'a.parent_id')
    .select([
      'a.id',
      'a.parent_id',
      'p.name as parent_name',
      'a.name',
      'a.short_name',
      'a.level',
      'a.domain',
      'a.credit_code',
      'a.region_code',
      'a.legal_basis',
      'a.duties',
      'a.address',
      'a.phone',
      'a.office_hours',
      'a.supervision_phone',
      'a.supervision_email',
      'a.reconsideration_body',
      'a.litigation_court',
      'a.profile_updated_at',
    ])
    .orderBy('a.region_code')
    .orderBy('a.name');
  if (ids) query = query.where('a.id', 'in', ids);
  return query.execute();
}

export type ProfileRow = Awaited<ReturnType<typeof loadProfiles>>[number];

export function presentProfile(row: ProfileRow) {
  return {
    id: row.id,
    parent: row.parent_id ? { id: row.parent_id, name: row.parent_name } : null,
    name: row.name,
    shortName: row.short_name,
    level: row.level,
    domain: row.domain,
    creditCode: row.credit_code,
    regionCode: row.region_code,
    legalBasis: row.legal_basis,
    duties: row.duties,
    address: row.address,
    phone: row.phone,
    officeHours: row.office_hours,
    supervisionPhone: row.supervision_phone,
    supervisionEmail: row.supervision_email,
    reconsiderationBody: row.reconsideration_body,
    litigationCourt: row.litigation_court,
    profileUpdatedAt: row.profile_updated_at,
  };
}

export type AgencyProfile = ReturnType<typeof presentProfile>;

export async function saveProfile(db: Kysely<DB>, agencyId: string, input: ProfileInput, now: Date) {
  const set: Record<string, string | Date> = { profile_updated_at: now };
  for (const [field, column] of Object.entries(profileColumns)) set[column] = input[field as ProfileField];
  await db.updateTable('agency').set(set).where('id', '=', agencyId).execute();
}

/** Only the fields that changed, for the ledger: before and after. */
export function profileChange(before: AgencyProfile, after: ProfileInput) {
  const change: Record<string, { from: string; to: string }> = {};
  for (const field of Object.keys(profileColumns) as ProfileField[])
    if (before[field] !== after[field]) change[field] = { from: before[field], to: after[field] };
  return change;
}
