import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

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
