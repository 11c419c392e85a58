import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { UserIdentity } from '../../http/session.js';

/**
 * Agencies a user may see: their own; for supervisors also every agency their
 * agency supervises and the subtrees below both. (Issue 3 makes this the one
 * scope filter for every query.)
 */
export async function visibleAgencyIds(db: Kysely<DB>, user: UserIdentity): Promise<string[]> {
  if (!user.roles.includes('supervisor')) return [user.agencyId];
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE visible(id) AS (
      SELECT ${user.agencyId}::uuid
      UNION SELECT agency_id FROM agency_supervision WHERE supervisor_agency_id = ${user.agencyId}::uuid
      UNION SELECT a.id FROM agency a JOIN visible v ON a.parent_id = v.id
    )
    SELECT id FROM visible`.execute(db);
  return rows.rows.map((r) => r.id);
}

const agencyColumns = [
  'id',
  'parent_id',
  'name',
  'short_name',
  'level',
  'domain',
  'credit_code',
  'region_code',
] as const;

export function presentAgency(row: {
  id: string;
  parent_id: string | null;
  name: string;
  short_name: string;
  level: string;
  domain: string;
  credit_code: string;
  region_code: string;
}) {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    shortName: row.short_name,
    level: row.level,
    domain: row.domain,
    creditCode: row.credit_code,
    regionCode: row.region_code,
  };
}

export async function listAgencies(db: Kysely<DB>, ids?: readonly string[]) {
  let query = db.selectFrom('agency').select(agencyColumns).orderBy('region_code').orderBy('name');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  return (await query.execute()).map(presentAgency);
}

export async function listUnits(db: Kysely<DB>, agencyId: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'parent_id as parentId', 'name'])
    .where('agency_id', '=', agencyId)
    .orderBy('name')
    .execute();
}
