/**
 * What the public sees of the power list (P3, P12): the published version of
 * each item, never a draft, a submitted or superseded version, a withdrawn item,
 * a legality review or who drafted what (P17). Searchable by name, code or
 * basis (the law's title or an article number). Read live on every request.
 */
import type { EnforcementItemType, IsoDate, PenaltyKind } from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { likePattern } from '../laws/presenter.js';
import { loadBasis, presentBasis } from './presenter.js';

export const publishedItemsPageSize = 50;

function publishedVersions(db: Kysely<DB>) {
  return db
    .selectFrom('publication as p')
    .innerJoin('enforcement_item as i', 'i.id', 'p.subject_id')
    .innerJoin('enforcement_item_version as v', (join) =>
      join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'p.version'),
    )
    .innerJoin('agency as a', 'a.id', 'i.agency_id')
    .leftJoin('unit as n', 'n.id', 'v.unit_id')
    .where('p.subject_kind', '=', 'enforcementItem')
    .where('p.state', '=', 'published');
}

export interface PublishedItemFilter {
  q: string;
  type?: EnforcementItemType | undefined;
  agencyId?: string | undefined;
  page: number;
}

export async function publishedItems(db: Kysely<DB>, filter: PublishedItemFilter, today: IsoDate) {
  let query = publishedVersions(db);
  if (filter.type) query = query.where('v.type', '=', filter.type);
  if (filter.agencyId) query = query.where('i.agency_id', '=', filter.agencyId);
  for (const term of filter.q.split(/\s+/).filter(Boolean).slice(0, 5)) {
    const pattern = likePattern(term);
    query = query.where((eb) =>
      eb.or([
        eb('v.name', 'like', pattern),
        eb('i.code', 'like', likePattern(term.toUpperCase())),
        eb('i.code', 'like', pattern),
        eb.exists(
          eb
            .selectFrom('enforcement_item_basis as b')
            .innerJoin('law_article as la', 'la.id', 'b.article_id')
            .innerJoin('law as l', 'l.id', 'la.law_id')
            .select(sql`1`.as('one'))
            .whereRef('b.version_id', '=', 'v.id')
            .where((inner) =>
              inner.or([
                inner('l.title', 'like', pattern),
                inner('l.short_title', 'like', pattern),
                inner('la.number', 'like', pattern),
              ]),
            ),
        ),
      ]),
    );
  }
  const counted = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst();
  const rows = await query
    .select([
      'i.id',
      'i.code',
      'v.id as version_id',
      'v.name',
      'v.type',
      'a.name as agency_name',
      'n.name as unit_name',
    ])
    .orderBy('a.name')
    .orderBy('i.code')
    .limit(publishedItemsPageSize)
    .offset((filter.page - 1) * publishedItemsPageSize)
    .execute();
  const basis = rows.length
    ? await loadBasis(
        db,
        rows.map((r) => r.version_id),
      )
    : [];
  return {
    total: counted?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      type: r.type as EnforcementItemType,
      agency: r.agency_name,
      unit: r.unit_name,
      basis: presentBasis(
        basis.filter((b) => b.version_id === r.version_id),
        today,
      ),
    })),
  };
}
export type PublishedItem = Awaited<ReturnType<typeof publishedItems>>['items'][number];

/** One published item, or undefined if it has no published version (never published, or withdrawn). */
export async function publishedItem(db: Kysely<DB>, id: string, today: IsoDate) {
  const row = await publishedVersions(db)
    .select([
      'i.id',
      'i.code',
      'v.id as version_id',
      'v.version',
      'v.name',
      'v.type',
      'v.category',
      'v.duties',
      'v.penalty_kinds',
      'v.fine_min_yuan',
      'v.fine_max_yuan',
      'v.penalty_note',
      'a.name as agency_name',
      'n.name as unit_name',
      'p.published_at',
      'p.correction_note',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  // Earlier published versions are public history: their number, dates and correction notes.
  const corrections = await db
    .selectFrom('publication')
    .select(['version', 'published_at', 'superseded_at', 'correction_note'])
    .where('subject_kind', '=', 'enforcementItem')
    .where('subject_id', '=', id)
    .where('published_at', 'is not', null)
    .orderBy('version')
    .execute();
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    type: row.type as EnforcementItemType,
    category: row.category,
    duties: row.duties,
    penaltyKinds: row.penalty_kinds as PenaltyKind[],
    fineMinYuan: row.fine_min_yuan,
    fineMaxYuan: row.fine_max_yuan,
    penaltyNote: row.penalty_note,
    agency: row.agency_name,
    unit: row.unit_name,
    publishedAt: row.published_at!,
    correctionNote: row.correction_note,
    basis: presentBasis(await loadBasis(db, [row.version_id]), today),
    history: corrections
      .filter((c) => c.version !== row.version && c.superseded_at !== null)
      .map((c) => ({ version: c.version, publishedAt: c.published_at!, supersededAt: c.superseded_at! })),
  };
}
export type PublishedItemDetail = NonNullable<Awaited<ReturnType<typeof publishedItem>>>;

/** Agencies with at least one published item, for the filter. */
export async function publishingAgencies(db: Kysely<DB>) {
  return publishedVersions(db).select(['a.id', 'a.name']).distinct().orderBy('a.name').execute();
}
