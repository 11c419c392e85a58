/**
 * List entries as the console and the portal show them: each entry with its
 * versions, the publication state of each, the content read back through the
 * kind's schema, the cited articles (with their law's status today), the linked
 * enforcement item, and the actions the viewer may take. Loaded in a few
 * set-based queries per list.
 */
import {
  circumstanceLevelLabels,
  exemptionKindConditions,
  exemptionKindLabels,
  formatFineRange,
  type IsoDate,
  inspectionMethodLabels,
  type PowerListStatus,
  powerListStatusLabels,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { mayTake } from '../../http/route.js';
import type { CurrentUser } from '../../http/session.js';
import { ambiguousTitles, basisText, loadBasis, presentBasis } from '../enforcement-items/presenter.js';
import { type PublicationRow, presentPublication, publicationsOfMany } from '../publication/service.js';
import { type AnyListContent, contentSchemas, type ListKind } from './kinds.js';

export type { PublicationRow };

function loadVersions(db: Kysely<DB>, entryIds: string[]) {
  return db
    .selectFrom('list_entry_version as v')
    .leftJoin('app_user as c', 'c.id', 'v.created_by')
    .leftJoin('app_user as u', 'u.id', 'v.updated_by')
    .select([
      'v.id',
      'v.entry_id',
      'v.kind',
      'v.version',
      'v.title',
      'v.enforcement_item_id',
      'v.content',
      'v.search_text',
      'v.change_note',
      'c.display_name as created_by_name',
      'v.created_at',
      'u.display_name as updated_by_name',
      'v.updated_at',
    ])
    .where('v.entry_id', 'in', entryIds)
    .orderBy('v.version')
    .execute();
}
export type VersionRow = Awaited<ReturnType<typeof loadVersions>>[number];

/** Basis rows of list versions (same table shape as the enforcement items'). */
function loadListBasis(db: Kysely<DB>, versionIds: string[]) {
  return versionIds.length === 0 ? Promise.resolve([]) : loadBasis(db, versionIds, 'list_entry_basis');
}

/** The enforcement items the versions link to: code and the name of the version in force. */
async function loadItems(db: Kysely<DB>, itemIds: string[]) {
  if (itemIds.length === 0) return new Map<string, { id: string; code: string; name: string }>();
  const rows = await db
    .selectFrom('enforcement_item as i')
    .innerJoin('enforcement_item_version as v', (join) =>
      join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.latest_version'),
    )
    .select(['i.id', 'i.code', 'v.name'])
    .where('i.id', 'in', itemIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export interface EntryBundle {
  entry: {
    id: string;
    agency_id: string;
    agency_name: string;
    kind: ListKind;
    latest_version: number;
    updated_at: Date;
  };
  versions: VersionRow[];
  publications: PublicationRow[];
  latest: VersionRow;
  published: VersionRow | undefined;
}

export interface LoadedLists {
  bundles: EntryBundle[];
  basis: Map<string, ReturnType<typeof presentBasis>>;
  items: Map<string, { id: string; code: string; name: string }>;
  ambiguous: Set<string>;
}

/** Entries of one kind of the given agencies (or ids), with their versions, states, basis and items. */
export async function loadEntries(
  db: Kysely<DB>,
  kind: ListKind,
  where: { agencyIds: string[]; ids?: string[] },
  today: IsoDate,
): Promise<LoadedLists> {
  const empty: LoadedLists = { bundles: [], basis: new Map(), items: new Map(), ambiguous: new Set() };
  if (where.agencyIds.length === 0 || where.ids?.length === 0) return empty;
  let query = db
    .selectFrom('list_entry as e')
    .innerJoin('agency as a', 'a.id', 'e.agency_id')
    .select(['e.id', 'e.agency_id', 'a.name as agency_name', 'e.kind', 'e.latest_version', 'e.updated_at'])
    .where('e.kind', '=', kind)
    .where('e.agency_id', 'in', where.agencyIds);
  if (where.ids) query = query.where('e.id', 'in', where.ids);
  const entries = await query.execute();
  if (entries.length === 0) return empty;
  const ids = entries.map((e) => e.id);
  const versions = await loadVersions(db, ids);
  const publications = await publicationsOfMany(db, kind, ids);
  const bundles = entries.map((entry) => {
    const own = versions.filter((v) => v.entry_id === entry.id);
    const pubs = publications.filter((p) => p.subject_id === entry.id);
    const publishedVersion = pubs.find((p) => p.state === 'published')?.version;
    return {
      entry,
      versions: own,
      publications: pubs,
      latest: own.find((v) => v.version === entry.latest_version)!,
      published: own.find((v) => v.version === publishedVersion),
    };
  });
  bundles.sort(
    (a, b) =>
      a.entry.agency_name.localeCompare(b.entry.agency_name, 'zh-CN') ||
      a.latest.title.localeCompare(b.latest.title, 'zh-CN'),
  );
  const wanted = [
    ...new Set(bundles.flatMap((b) => [b.latest.id, ...(b.published ? [b.published.id] : [])])),
  ];
  const basisRows = await loadListBasis(db, wanted);
  const basis = new Map(
    wanted.map((id) => [
      id,
      presentBasis(
        basisRows.filter((r) => r.version_id === id),
        today,
      ),
    ]),
  );
  const itemIds = [
    ...new Set(
      bundles
        .flatMap((b) => [b.latest, b.published])
        .flatMap((v) => (v?.enforcement_item_id ? [v.enforcement_item_id] : [])),
    ),
  ];
  return { bundles, basis, items: await loadItems(db, itemIds), ambiguous: await ambiguousTitles(db) };
}

/** The kind's own fields as stored, read back through its schema. */
export function readContent(kind: ListKind, content: unknown): AnyListContent {
  return contentSchemas[kind].parse(content) as AnyListContent;
}

/** Chinese words for the enumerations of a content, so no client keeps a copy. */
function contentLabels(kind: ListKind, content: AnyListContent) {
  if (kind === 'inspectionItem' && 'methods' in content)
    return { methodLabels: content.methods.map((m) => inspectionMethodLabels[m]) };
  if (kind === 'exemption' && 'exemptionKind' in content)
    return {
      exemptionKindLabel: exemptionKindLabels[content.exemptionKind],
      statutoryConditions: exemptionKindConditions[content.exemptionKind],
    };
  if (kind === 'discretionBenchmark' && 'circumstances' in content)
    return {
      circumstanceLabels: content.circumstances.map((c) => ({
        level: c.level,
        label: circumstanceLevelLabels[c.level],
        fineRange: formatFineRange(c.fineMinYuan, c.fineMaxYuan),
      })),
    };
  return {};
}

export function presentVersion(lists: LoadedLists, row: VersionRow, publication: PublicationRow | undefined) {
  const content = readContent(row.kind, row.content);
  const basis = lists.basis.get(row.id) ?? [];
  const item = row.enforcement_item_id ? lists.items.get(row.enforcement_item_id) : undefined;
  return {
    version: row.version,
    title: row.title,
    enforcementItem: item ? { id: item.id, code: item.code, name: item.name } : null,
    basisArticles: basis,
    basisArticleIds: basis.map((b) => b.articleId),
    citations: basisText(basis, lists.ambiguous),
    content,
    labels: contentLabels(row.kind, content),
    changeNote: row.change_note,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
    ...presentPublication(publication),
  };
}
export type PresentedVersion = ReturnType<typeof presentVersion>;

/** 草稿/待审核/已发布/已撤下 from the versions' states: a published version wins. */
export function entryStatus(bundle: EntryBundle): PowerListStatus {
  if (bundle.publications.some((p) => p.state === 'published')) return 'published';
  const latest = bundle.publications.find((p) => p.version === bundle.latest.version)?.state ?? 'draft';
  if (latest === 'submitted') return 'submitted';
  if (latest === 'withdrawn') return 'withdrawn';
  return 'draft';
}

export function presentEntry(lists: LoadedLists, bundle: EntryBundle, viewer: CurrentUser) {
  const status = entryStatus(bundle);
  const stateOf = (version: number) => bundle.publications.find((p) => p.version === version);
  const latestState = stateOf(bundle.latest.version)?.state ?? 'draft';
  const edit = mayTake(viewer, 'disclosureList.edit');
  const publish = mayTake(viewer, 'publication.publish');
  const open = latestState === 'draft' || latestState === 'submitted';
  return {
    id: bundle.entry.id,
    kind: bundle.entry.kind,
    agency: { id: bundle.entry.agency_id, name: bundle.entry.agency_name },
    latestVersion: bundle.entry.latest_version,
    publishedVersion: bundle.published?.version ?? null,
    /** A newer draft or submitted version than the one published (its correction in preparation). */
    pendingVersion:
      bundle.published && bundle.latest.version > bundle.published.version && open
        ? bundle.latest.version
        : null,
    status,
    statusLabel: powerListStatusLabels[status],
    current: presentVersion(lists, bundle.latest, stateOf(bundle.latest.version)),
    updatedAt: bundle.entry.updated_at,
    actions: {
      edit: edit && latestState !== 'submitted',
      submit: edit && latestState === 'draft',
      return: publish && latestState === 'submitted',
      publish: publish && latestState === 'submitted',
      withdraw: publish && bundle.published !== undefined,
    },
  };
}
export type PresentedEntry = ReturnType<typeof presentEntry>;
