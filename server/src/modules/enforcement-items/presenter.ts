/**
 * Enforcement items as the console, the sheet and the portal show them: each
 * item with its versions, the publication state of each, the cited articles
 * with their law's status today (an outdated one flags the item 待修订), and the
 * actions the viewer may take. Loaded in a few set-based queries per list.
 */
import {
  articleAnchor,
  citationOutdated,
  type EnforcementItemType,
  enforcementItemTypeLabels,
  formatCitations,
  formatFineRange,
  type IsoDate,
  type LegalityGate,
  legalityGate,
  type PenaltyKind,
  type PowerListStatus,
  penaltyKindLabels,
  powerListStatusLabels,
} from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { mayTake } from '../../http/route.js';
import type { CurrentUser } from '../../http/session.js';
import { lawStanding } from '../laws/presenter.js';
import { type PublicationRow, presentPublication, publicationsOfMany } from '../publication/service.js';

export type VersionRow = Awaited<ReturnType<typeof loadVersions>>[number];
export type BasisRow = Awaited<ReturnType<typeof loadBasis>>[number];

function loadVersions(db: Kysely<DB>, itemIds: string[]) {
  return db
    .selectFrom('enforcement_item_version as v')
    .leftJoin('unit as n', 'n.id', 'v.unit_id')
    .leftJoin('app_user as c', 'c.id', 'v.created_by')
    .leftJoin('app_user as u', 'u.id', 'v.updated_by')
    .select([
      'v.id',
      'v.item_id',
      'v.version',
      'v.revision',
      'v.name',
      'v.type',
      'v.category',
      'v.unit_id',
      'n.name as unit_name',
      'v.duties',
      'v.penalty_kinds',
      'v.fine_min_yuan',
      'v.fine_max_yuan',
      'v.penalty_note',
      'v.change_note',
      'v.created_by',
      'c.display_name as created_by_name',
      'v.created_at',
      'v.updated_by',
      'u.display_name as updated_by_name',
      'v.updated_at',
    ])
    .where('v.item_id', 'in', itemIds)
    .orderBy('v.version')
    .execute();
}

/**
 * The cited articles of versions, in citation order. Enforcement items and the
 * published lists keep their citations in tables of the same shape.
 */
export function loadBasis(
  db: Kysely<DB>,
  versionIds: string[],
  table: 'enforcement_item_basis' | 'list_entry_basis' = 'enforcement_item_basis',
) {
  return db
    .selectFrom(`${table} as b` as 'enforcement_item_basis as b')
    .innerJoin('law_article as a', 'a.id', 'b.article_id')
    .innerJoin('law as l', 'l.id', 'a.law_id')
    .select([
      'b.version_id',
      'b.position',
      'a.id as article_id',
      'a.number',
      'a.ordinal',
      'a.text',
      'l.id as law_id',
      'l.title',
      'l.short_title',
      'l.effective_on',
      'l.amended_on',
      'l.repealed_on',
    ])
    .where('b.version_id', 'in', versionIds)
    .orderBy('b.version_id')
    .orderBy('b.position')
    .execute();
}

/** Titles held by more than one text in the library: their citations need the effective date. */
export async function ambiguousTitles(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('law')
    .select('title')
    .groupBy('title')
    .having(sql<number>`count(*)`, '>', 1)
    .execute();
  return new Set(rows.map((r) => r.title));
}

export function presentBasis(rows: BasisRow[], today: IsoDate) {
  return rows.map((r) => {
    const law = { effective_on: r.effective_on, amended_on: r.amended_on, repealed_on: r.repealed_on };
    return {
      articleId: r.article_id,
      number: r.number,
      anchor: articleAnchor(r.ordinal),
      text: r.text,
      law: {
        id: r.law_id,
        title: r.title,
        shortTitle: r.short_title,
        effectiveOn: r.effective_on,
        ...lawStanding(law, today),
      },
      outdated: citationOutdated(
        { effectiveOn: r.effective_on, amendedOn: r.amended_on, repealedOn: r.repealed_on },
        today,
      ),
    };
  });
}
export type PresentedBasis = ReturnType<typeof presentBasis>;

export function basisText(basis: PresentedBasis, ambiguous: Set<string>): string {
  return formatCitations(
    basis.map((b) => ({
      shortTitle: b.law.shortTitle,
      number: b.number,
      effectiveOn: ambiguous.has(b.law.title) ? b.law.effectiveOn : null,
    })),
  );
}

export function presentVersion(
  row: VersionRow,
  basis: PresentedBasis,
  publication: PublicationRow | undefined,
  ambiguous: Set<string>,
) {
  return {
    version: row.version,
    revision: row.revision,
    name: row.name,
    type: row.type as EnforcementItemType,
    typeLabel: enforcementItemTypeLabels[row.type as EnforcementItemType],
    category: row.category,
    unit: row.unit_id ? { id: row.unit_id, name: row.unit_name ?? '' } : null,
    duties: row.duties,
    basis,
    basisText: basisText(basis, ambiguous),
    penaltyKinds: row.penalty_kinds as PenaltyKind[],
    penaltyKindLabels: (row.penalty_kinds as PenaltyKind[]).map((k) => penaltyKindLabels[k] ?? k),
    fineMinYuan: row.fine_min_yuan,
    fineMaxYuan: row.fine_max_yuan,
    fineRange: formatFineRange(row.fine_min_yuan, row.fine_max_yuan),
    penaltyNote: row.penalty_note,
    changeNote: row.change_note,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_name,
    ...presentPublication(publication),
  };
}
export type PresentedVersion = ReturnType<typeof presentVersion>;

export interface ItemBundle {
  item: {
    id: string;
    agency_id: string;
    agency_name: string;
    code: string;
    latest_version: number;
    updated_at: Date;
  };
  versions: VersionRow[];
  publications: PublicationRow[];
  latest: VersionRow;
  published: VersionRow | undefined;
  basis: Map<string, PresentedBasis>;
}

/** Items of the given agencies (or ids) with their versions, publications and the basis of latest and published. */
export async function loadItems(
  db: Kysely<DB>,
  where: { agencyIds: string[]; ids?: string[] },
  today: IsoDate,
): Promise<ItemBundle[]> {
  if (where.agencyIds.length === 0 || where.ids?.length === 0) return [];
  let query = db
    .selectFrom('enforcement_item as i')
    .innerJoin('agency as a', 'a.id', 'i.agency_id')
    .select(['i.id', 'i.agency_id', 'a.name as agency_name', 'i.code', 'i.latest_version', 'i.updated_at'])
    .where('i.agency_id', 'in', where.agencyIds)
    .orderBy('a.name')
    .orderBy('i.code');
  if (where.ids) query = query.where('i.id', 'in', where.ids);
  const items = await query.execute();
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const [versions, publications] = await Promise.all([
    loadVersions(db, ids),
    publicationsOfMany(db, 'enforcementItem', ids),
  ]);
  const bundles = items.map((item) => {
    const own = versions.filter((v) => v.item_id === item.id);
    const pubs = publications.filter((p) => p.subject_id === item.id);
    const publishedVersion = pubs.find((p) => p.state === 'published')?.version;
    return {
      item,
      versions: own,
      publications: pubs,
      latest: own.find((v) => v.version === item.latest_version)!,
      published: own.find((v) => v.version === publishedVersion),
      basis: new Map<string, PresentedBasis>(),
    };
  });
  const wanted = bundles.flatMap((b) => [b.latest.id, ...(b.published ? [b.published.id] : [])]);
  const basis = await loadBasis(db, [...new Set(wanted)]);
  for (const bundle of bundles)
    for (const version of [bundle.latest, bundle.published])
      if (version)
        bundle.basis.set(
          version.id,
          presentBasis(
            basis.filter((b) => b.version_id === version.id),
            today,
          ),
        );
  return bundles;
}

/** 草稿/待审核/已发布/已撤下 from the versions' states: a published version wins. */
export function listStatus(bundle: Pick<ItemBundle, 'publications' | 'latest'>): PowerListStatus {
  if (bundle.publications.some((p) => p.state === 'published')) return 'published';
  const latest = bundle.publications.find((p) => p.version === bundle.latest.version)?.state ?? 'draft';
  if (latest === 'submitted') return 'submitted';
  if (latest === 'withdrawn') return 'withdrawn';
  return 'draft';
}

export function presentItem(
  bundle: ItemBundle,
  viewer: CurrentUser,
  ambiguous: Set<string>,
  gate: LegalityGate | null,
) {
  const status = listStatus(bundle);
  const stateOf = (version: number) => bundle.publications.find((p) => p.version === version);
  const latestState = stateOf(bundle.latest.version)?.state ?? 'draft';
  // The version the public sees, or (never published) the one being prepared.
  const inForce = bundle.published ?? bundle.latest;
  const inForceBasis = bundle.basis.get(inForce.id) ?? [];
  const outdated = inForceBasis.filter((b) => b.outdated);
  const edit = mayTake(viewer, 'powerList.edit');
  const publish = mayTake(viewer, 'publication.publish');
  const open = latestState === 'draft' || latestState === 'submitted';
  const current = presentVersion(
    bundle.latest,
    bundle.basis.get(bundle.latest.id) ?? [],
    stateOf(bundle.latest.version),
    ambiguous,
  );
  return {
    id: bundle.item.id,
    code: bundle.item.code,
    agency: { id: bundle.item.agency_id, name: bundle.item.agency_name },
    latestVersion: bundle.item.latest_version,
    publishedVersion: bundle.published?.version ?? null,
    /** A newer draft or submitted version than the one published. */
    pendingVersion:
      bundle.published && bundle.latest.version > bundle.published.version && open
        ? bundle.latest.version
        : null,
    status,
    statusLabel: powerListStatusLabels[status],
    needsRevision: outdated.length > 0,
    outdatedCitations: outdated.map((b) => `《${b.law.shortTitle}》${b.number}（${b.law.statusLabel}）`),
    current,
    legalityReview: gate,
    updatedAt: bundle.item.updated_at,
    actions: {
      edit: edit && latestState !== 'submitted',
      submit: edit && latestState === 'draft',
      review: mayTake(viewer, 'powerList.review') && open,
      return: publish && latestState === 'submitted',
      publish: publish && latestState === 'submitted' && (gate?.passed ?? false),
      withdraw: publish && bundle.published !== undefined,
    },
  };
}
export type PresentedItem = ReturnType<typeof presentItem>;

/** The legality gate of each bundle's latest version, in one query. */
export async function gatesOf(db: Kysely<DB>, bundles: ItemBundle[]): Promise<Map<string, LegalityGate>> {
  const ids = bundles.map((b) => b.latest.id);
  const reviews =
    ids.length === 0
      ? []
      : await db
          .selectFrom('legality_review')
          .select(['version_id', 'revision', 'result', 'opinion'])
          .where('version_id', 'in', ids)
          .orderBy('id')
          .execute();
  return new Map(
    bundles.map((b) => [
      b.item.id,
      legalityGate(
        b.latest.revision,
        reviews.filter((r) => r.version_id === b.latest.id),
      ),
    ]),
  );
}
