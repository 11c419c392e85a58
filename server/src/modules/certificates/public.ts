/**
 * What the public sees of certificates: the officer list (P7) — holders of a
 * certificate valid today, with name, agency and unit, position, number,
 * categories and region — and the on-the-spot check of one number (P8), which
 * shows any status. Never the ID number, never a photo. Read live on every
 * request: a revocation shows at once.
 */
import { certificateStanding, type IsoDate } from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { certificateNumberPattern } from './schema.js';

export const officersPageSize = 50;

/** LIKE treats % and _ as wildcards; a search for them means the characters. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function publishedOfficers(db: Kysely<DB>, today: IsoDate, search: string, page: number) {
  let query = db
    .selectFrom('certificate as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('agency as a', 'a.id', 'c.agency_id')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    // The rule of core's certificateStanding for "valid", as SQL so paging is right;
    // the rows are checked against core again below.
    .where('c.state', '=', 'active')
    .where('c.valid_from', '<=', today)
    .where('c.valid_to', '>=', today)
    .where('c.annual_check_due', '>=', today)
    .where('p.active', '=', true)
    .where('p.left_enforcement_on', 'is', null)
    .where('p.kind', '<>', 'auxiliary');
  const term = search.trim();
  if (term) {
    const pattern = likePattern(term);
    query = query.where((eb) =>
      eb.or([
        eb('p.name', 'like', pattern),
        eb('n.name', 'like', pattern),
        eb('a.name', 'like', pattern),
        eb('c.number', 'like', likePattern(term.toUpperCase())),
      ]),
    );
  }
  const counted = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst();
  const rows = await query
    .select([
      'c.number',
      'c.categories',
      'c.region_name',
      'c.state',
      'c.revocation_kind',
      'c.valid_from',
      'c.valid_to',
      'c.annual_check_due',
      'p.name',
      'p.position',
      'a.name as agency_name',
      'n.name as unit_name',
    ])
    .orderBy('a.name')
    .orderBy('n.name')
    .orderBy('p.name')
    .orderBy('c.number')
    .limit(officersPageSize)
    .offset((page - 1) * officersPageSize)
    .execute();
  const items = rows
    .filter(
      (r) =>
        certificateStanding(
          {
            state: r.state,
            revocationKind: r.revocation_kind,
            validFrom: r.valid_from,
            validTo: r.valid_to,
            annualCheckDue: r.annual_check_due,
          },
          today,
        ).status === 'valid',
    )
    .map((r) => ({
      name: r.name,
      agency: r.agency_name,
      unit: r.unit_name,
      position: r.position,
      number: r.number,
      categories: r.categories,
      region: r.region_name,
    }));
  return { total: counted?.total ?? 0, items };
}

export type PublishedOfficer = Awaited<ReturnType<typeof publishedOfficers>>['items'][number];

/** P8: one certificate by number, whatever its status; null when there is no such number. */
export async function verifyCertificate(db: Kysely<DB>, number: string, today: IsoDate) {
  const normalised = number.trim().toUpperCase();
  if (!certificateNumberPattern.test(normalised)) return null;
  const row = await db
    .selectFrom('certificate as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .innerJoin('agency as a', 'a.id', 'c.agency_id')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .select([
      'c.number',
      'c.categories',
      'c.region_name',
      'c.valid_from',
      'c.valid_to',
      'c.annual_check_due',
      'c.issuing_authority',
      'c.state',
      'c.revocation_kind',
      'p.name',
      'a.name as agency_name',
      'n.name as unit_name',
    ])
    .where('c.number', '=', normalised)
    .executeTakeFirst();
  if (!row) return null;
  const standing = certificateStanding(
    {
      state: row.state,
      revocationKind: row.revocation_kind,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      annualCheckDue: row.annual_check_due,
    },
    today,
  );
  return {
    number: row.number,
    name: row.name,
    agency: row.agency_name,
    unit: row.unit_name,
    categories: row.categories,
    region: row.region_name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    issuingAuthority: row.issuing_authority,
    status: standing.status,
    statusReason: standing.reason,
    statusLabel: standing.label,
  };
}

export type VerifiedCertificate = NonNullable<Awaited<ReturnType<typeof verifyCertificate>>>;
