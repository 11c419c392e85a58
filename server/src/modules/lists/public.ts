/**
 * What the public sees of the 事前公开 lists (P2, P12): the published version of
 * each entry, nothing else — no draft, no version waiting for review, nothing
 * withdrawn. Search is a substring match on the text stored with each version
 * (title, every field, the words of its enumerations), read live on each request.
 */
import { type IsoDate, shanghaiDateOf } from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type ListKind, normaliseForSearch } from './kinds.js';
import { loadEntries, presentVersion } from './presenter.js';

export const publicPageSize = 20;

/** LIKE treats % and _ as wildcards; a search for them means the characters. */
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function publishedVersions(db: Kysely<DB>, kind: ListKind) {
  return db
    .selectFrom('list_entry_version as v')
    .innerJoin('publication as p', (join) =>
      join
        .onRef('p.subject_id', '=', 'v.entry_id')
        .onRef('p.version', '=', 'v.version')
        .on('p.subject_kind', '=', kind)
        .on('p.state', '=', 'published'),
    )
    .innerJoin('agency as a', 'a.id', 'v.agency_id')
    .where('v.kind', '=', kind);
}

/** The published entries of a kind, optionally matching a search, one page at a time. */
export async function publishedEntries(
  db: Kysely<DB>,
  kind: ListKind,
  search: string,
  page: number,
  today: IsoDate,
) {
  let query = publishedVersions(db, kind);
  const term = normaliseForSearch(search).trim();
  if (term) query = query.where('v.search_text', 'like', likePattern(term));
  const counted = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirst();
  const rows = await query
    .select(['v.entry_id', 'v.agency_id'])
    .orderBy('a.name')
    .orderBy('v.title')
    .orderBy('v.entry_id')
    .limit(publicPageSize)
    .offset((page - 1) * publicPageSize)
    .execute();
  const ids = rows.map((r) => r.entry_id);
  const agencyIds = [...new Set(rows.map((r) => r.agency_id))];
  const lists = await loadEntries(db, kind, { agencyIds, ids }, today);
  const byId = new Map(lists.bundles.map((b) => [b.entry.id, b]));
  const items = ids.flatMap((id) => {
    const bundle = byId.get(id);
    if (!bundle?.published) return [];
    const publication = bundle.publications.find((p) => p.version === bundle.published!.version);
    return [
      {
        id,
        agency: bundle.entry.agency_name,
        ...presentVersion(lists, bundle.published, publication),
      },
    ];
  });
  return { total: counted?.total ?? 0, items };
}

export type PublishedEntry = Awaited<ReturnType<typeof publishedEntries>>['items'][number];

/** One published entry, or null (unknown, not yet published, or withdrawn). */
export async function publishedEntry(db: Kysely<DB>, kind: ListKind, id: string, now: Date) {
  const row = await publishedVersions(db, kind)
    .select(['v.entry_id', 'v.agency_id'])
    .where('v.entry_id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const lists = await loadEntries(db, kind, { agencyIds: [row.agency_id], ids: [id] }, shanghaiDateOf(now));
  const bundle = lists.bundles[0];
  if (!bundle?.published) return null;
  const publication = bundle.publications.find((p) => p.version === bundle.published!.version);
  return { id, agency: bundle.entry.agency_name, ...presentVersion(lists, bundle.published, publication) };
}
