/**
 * Laws and articles as the API and the portal show them: with the status on
 * today's date (derived in core) and each article's page anchor.
 */
import {
  articleAnchor,
  type IsoDate,
  type LawKind,
  lawKindLabels,
  lawStatus,
  lawStatusLabels,
} from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface LawRow {
  id: string;
  kind: LawKind;
  title: string;
  short_title: string;
  issuing_body: string;
  document_number: string;
  promulgated_on: string;
  effective_on: string;
  amended_on: string | null;
  repealed_on: string | null;
  superseded_by: string | null;
  note: string;
  updated_at: Date;
}

export function lawStanding(
  row: Pick<LawRow, 'effective_on' | 'amended_on' | 'repealed_on'>,
  today: IsoDate,
) {
  const status = lawStatus(
    { effectiveOn: row.effective_on, amendedOn: row.amended_on, repealedOn: row.repealed_on },
    today,
  );
  return { status, statusLabel: lawStatusLabels[status] };
}

export function presentLaw(row: LawRow, today: IsoDate, extra: { articleCount?: number } = {}) {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: lawKindLabels[row.kind],
    title: row.title,
    shortTitle: row.short_title,
    issuingBody: row.issuing_body,
    documentNumber: row.document_number,
    promulgatedOn: row.promulgated_on,
    effectiveOn: row.effective_on,
    amendedOn: row.amended_on,
    repealedOn: row.repealed_on,
    supersededBy: row.superseded_by,
    note: row.note,
    ...lawStanding(row, today),
    ...(extra.articleCount !== undefined && { articleCount: extra.articleCount }),
  };
}
export type PresentedLaw = ReturnType<typeof presentLaw>;

export interface ArticleRow {
  id: string;
  law_id: string;
  number: string;
  ordinal: number;
  text: string;
}

export function presentArticle(row: ArticleRow) {
  return {
    id: row.id,
    lawId: row.law_id,
    number: row.number,
    ordinal: row.ordinal,
    anchor: articleAnchor(row.ordinal),
    text: row.text,
  };
}
export type PresentedArticle = ReturnType<typeof presentArticle>;

const lawColumns = [
  'l.id',
  'l.kind',
  'l.title',
  'l.short_title',
  'l.issuing_body',
  'l.document_number',
  'l.promulgated_on',
  'l.effective_on',
  'l.amended_on',
  'l.repealed_on',
  'l.superseded_by',
  'l.note',
  'l.updated_at',
] as const;

/** LIKE treats % and _ as wildcards; a search for them means the characters. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every law with its article count, newest text of each title first; `q` matches title or issuing body. */
export async function listLaws(db: Kysely<DB>, q = '') {
  let query = db
    .selectFrom('law as l')
    .select(lawColumns)
    .select((eb) =>
      eb
        .selectFrom('law_article as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.law_id', '=', 'l.id')
        .as('article_count'),
    )
    .orderBy('l.kind')
    .orderBy('l.title')
    .orderBy('l.effective_on', 'desc');
  const term = q.trim();
  if (term) {
    const pattern = likePattern(term);
    query = query.where((eb) =>
      eb.or([
        eb('l.title', 'like', pattern),
        eb('l.short_title', 'like', pattern),
        eb('l.issuing_body', 'like', pattern),
        eb('l.document_number', 'like', pattern),
      ]),
    );
  }
  return (await query.execute()) as (LawRow & { article_count: number | null })[];
}

export async function lawWithArticles(db: Kysely<DB>, id: string) {
  const law = (await db
    .selectFrom('law as l')
    .select(lawColumns)
    .where('l.id', '=', id)
    .executeTakeFirst()) as LawRow | undefined;
  if (!law) return undefined;
  const articles = await db
    .selectFrom('law_article')
    .select(['id', 'law_id', 'number', 'ordinal', 'text'])
    .where('law_id', '=', id)
    .orderBy('ordinal')
    .execute();
  const supersededBy = law.superseded_by
    ? await db
        .selectFrom('law')
        .select(['id', 'title', 'effective_on'])
        .where('id', '=', law.superseded_by)
        .executeTakeFirst()
    : undefined;
  const revisions = await db
    .selectFrom('law')
    .select(['id', 'title', 'effective_on', 'amended_on', 'repealed_on'])
    .where('title', '=', law.title)
    .where('id', '<>', law.id)
    .orderBy('effective_on', 'desc')
    .execute();
  return { law, articles, supersededBy, revisions };
}
