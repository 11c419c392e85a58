/**
 * 法律法规库 use cases: create and edit a text, add and edit its articles, and
 * bulk-load articles pasted as text (split at 第…条 in core). Laws are public
 * facts shared by the deployment; every change is on the ledger stream law:<id>.
 */
import {
  AppError,
  articleOrdinal,
  defaultShortTitle,
  type IsoDate,
  type LawKind,
  type ParsedArticle,
  splitArticles,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Recorder } from '../publication/service.js';

export interface LawInput {
  kind: LawKind;
  title: string;
  shortTitle?: string | undefined;
  issuingBody: string;
  documentNumber: string;
  promulgatedOn: IsoDate;
  effectiveOn: IsoDate;
  amendedOn: IsoDate | null;
  repealedOn: IsoDate | null;
  supersededBy: string | null;
  note: string;
}

export const lawStream = (id: string) => ({ streamId: `law:${id}`, agencyId: null });

type LawDates = Pick<LawInput, 'promulgatedOn' | 'effectiveOn' | 'amendedOn' | 'repealedOn'>;

/** What is wrong with a text's dates, each with the date it is about (the sheet import reports them per cell). */
export function dateProblems(law: LawDates): { field: keyof LawDates; message: string }[] {
  const problems: { field: keyof LawDates; message: string }[] = [];
  if (law.effectiveOn < law.promulgatedOn)
    problems.push({ field: 'effectiveOn', message: '施行日期不能早于公布日期' });
  if (law.amendedOn !== null && law.amendedOn < law.effectiveOn)
    problems.push({ field: 'amendedOn', message: '修改日期不能早于施行日期' });
  if (law.repealedOn !== null && law.repealedOn < law.promulgatedOn)
    problems.push({ field: 'repealedOn', message: '废止日期不能早于公布日期' });
  return problems;
}

function checkDates(law: LawDates) {
  const [first] = dateProblems(law);
  if (first) throw new AppError('VALIDATION_FAILED', first.message, { field: `body.${first.field}` });
}

async function checkUnique(db: Kysely<DB>, title: string, effectiveOn: IsoDate, except?: string) {
  let query = db
    .selectFrom('law')
    .select('id')
    .where('title', '=', title)
    .where('effective_on', '=', effectiveOn);
  if (except) query = query.where('id', '<>', except);
  if (await query.executeTakeFirst())
    throw new AppError('CONFLICT', `法规库中已有《${title}》（${effectiveOn} 施行）的文本`, {
      field: 'body.effectiveOn',
    });
}

async function checkSupersededBy(db: Kysely<DB>, supersededBy: string | null, self?: string) {
  if (supersededBy === null) return;
  if (supersededBy === self)
    throw new AppError('VALIDATION_FAILED', '不能被自身取代', { field: 'body.supersededBy' });
  const found = await db.selectFrom('law').select('id').where('id', '=', supersededBy).executeTakeFirst();
  if (!found) throw new AppError('VALIDATION_FAILED', '取代它的法规不存在', { field: 'body.supersededBy' });
}

export async function createLaw(db: Kysely<DB>, input: LawInput, now: Date, record: Recorder) {
  checkDates(input);
  await checkUnique(db, input.title, input.effectiveOn);
  await checkSupersededBy(db, input.supersededBy);
  const row = await db
    .insertInto('law')
    .values({
      kind: input.kind,
      title: input.title,
      short_title: input.shortTitle || defaultShortTitle(input.title),
      issuing_body: input.issuingBody,
      document_number: input.documentNumber,
      promulgated_on: input.promulgatedOn,
      effective_on: input.effectiveOn,
      amended_on: input.amendedOn,
      repealed_on: input.repealedOn,
      superseded_by: input.supersededBy,
      note: input.note,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await record({
    ...lawStream(row.id),
    kind: 'law.created',
    payload: { title: input.title, effectiveOn: input.effectiveOn },
  });
  return row.id;
}

type LawRow = Awaited<ReturnType<typeof loadLaw>>;

export async function loadLaw(db: Kysely<DB>, id: string, lock = false) {
  let query = db.selectFrom('law').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '法律法规不存在');
  return row;
}

const fieldColumns = {
  kind: 'kind',
  title: 'title',
  shortTitle: 'short_title',
  issuingBody: 'issuing_body',
  documentNumber: 'document_number',
  promulgatedOn: 'promulgated_on',
  effectiveOn: 'effective_on',
  amendedOn: 'amended_on',
  repealedOn: 'repealed_on',
  supersededBy: 'superseded_by',
  note: 'note',
} as const;

export async function updateLaw(
  db: Kysely<DB>,
  law: NonNullable<LawRow>,
  change: Partial<LawInput>,
  now: Date,
  record: Recorder,
) {
  const merged = {
    promulgatedOn: change.promulgatedOn ?? law.promulgated_on,
    effectiveOn: change.effectiveOn ?? law.effective_on,
    amendedOn: change.amendedOn === undefined ? law.amended_on : change.amendedOn,
    repealedOn: change.repealedOn === undefined ? law.repealed_on : change.repealedOn,
  };
  checkDates(merged);
  const title = change.title ?? law.title;
  if (change.title !== undefined || change.effectiveOn !== undefined)
    await checkUnique(db, title, merged.effectiveOn, law.id);
  if (change.supersededBy !== undefined) await checkSupersededBy(db, change.supersededBy, law.id);
  const set: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(fieldColumns)) {
    const value = change[key as keyof LawInput];
    if (value !== undefined) set[column] = value;
  }
  if (
    change.title !== undefined &&
    change.shortTitle === undefined &&
    law.short_title === defaultShortTitle(law.title)
  )
    set.short_title = defaultShortTitle(change.title);
  if (Object.keys(set).length === 0) return;
  await db
    .updateTable('law')
    .set({ ...set, updated_at: now })
    .where('id', '=', law.id)
    .execute();
  await record({
    ...lawStream(law.id),
    kind: 'law.updated',
    payload: { change: JSON.parse(JSON.stringify(change)) },
  });
}

export interface ArticleInput {
  number: string;
  ordinal?: number | undefined;
  text: string;
}

function ordinalOf(input: { number: string; ordinal?: number | undefined }, field = 'body.ordinal'): number {
  const ordinal = input.ordinal ?? articleOrdinal(input.number);
  if (ordinal === null)
    throw new AppError('VALIDATION_FAILED', '条号不是“第…条”的写法，请填写排序号', { field });
  return ordinal;
}

async function checkArticleFree(
  db: Kysely<DB>,
  lawId: string,
  number: string,
  ordinal: number,
  except?: string,
): Promise<void> {
  let query = db
    .selectFrom('law_article')
    .select(['number', 'ordinal'])
    .where('law_id', '=', lawId)
    .where((eb) => eb.or([eb('number', '=', number), eb('ordinal', '=', ordinal)]));
  if (except) query = query.where('id', '<>', except);
  const clash = await query.executeTakeFirst();
  if (clash)
    throw new AppError(
      'CONFLICT',
      clash.number === number ? `该法规已有${number}` : `排序号 ${ordinal} 已被${clash.number}使用`,
      { field: clash.number === number ? 'body.number' : 'body.ordinal' },
    );
}

export async function addArticle(
  db: Kysely<DB>,
  law: { id: string },
  input: ArticleInput,
  now: Date,
  record: Recorder,
) {
  const ordinal = ordinalOf(input);
  await checkArticleFree(db, law.id, input.number, ordinal);
  const row = await db
    .insertInto('law_article')
    .values({
      law_id: law.id,
      number: input.number,
      ordinal,
      text: input.text,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await record({
    ...lawStream(law.id),
    kind: 'law.articlesChanged',
    payload: { added: [input.number], updated: [], source: 'single' },
  });
  return row.id;
}

export async function updateArticle(
  db: Kysely<DB>,
  article: { id: string; law_id: string; number: string; ordinal: number },
  change: Partial<ArticleInput>,
  now: Date,
  record: Recorder,
) {
  const number = change.number ?? article.number;
  const ordinal =
    change.ordinal ?? (change.number !== undefined ? ordinalOf({ number }, 'body.ordinal') : article.ordinal);
  await checkArticleFree(db, article.law_id, number, ordinal, article.id);
  await db
    .updateTable('law_article')
    .set({ number, ordinal, ...(change.text !== undefined && { text: change.text }), updated_at: now })
    .where('id', '=', article.id)
    .execute();
  await record({
    ...lawStream(article.law_id),
    kind: 'law.articlesChanged',
    payload: { added: [], updated: [number], source: 'single' },
  });
}

/**
 * Splits pasted text into articles and writes them: new numbers are added; a
 * number the law already has is refused (409, naming the numbers) unless
 * `overwrite`, when its text is replaced. `dryRun` only answers what would happen.
 */
export async function bulkArticles(
  db: Kysely<DB>,
  law: { id: string },
  input: { text: string; overwrite: boolean; dryRun: boolean },
  now: Date,
  record: Recorder,
) {
  const split = splitArticles(input.text);
  if (split.problems.length > 0)
    throw new AppError('VALIDATION_FAILED', `条文无法导入：${split.problems.join('；')}`, {
      field: 'body.text',
    });
  if (split.articles.length === 0)
    throw new AppError('VALIDATION_FAILED', '没有找到以“第…条”开头的条文', { field: 'body.text' });
  const existing = await db
    .selectFrom('law_article')
    .select(['id', 'number', 'ordinal', 'text'])
    .where('law_id', '=', law.id)
    .execute();
  const byOrdinal = new Map(existing.map((a) => [a.ordinal, a]));
  const added = split.articles.filter((a) => !byOrdinal.has(a.ordinal));
  const clashing = split.articles.filter((a) => byOrdinal.has(a.ordinal));
  const changed = clashing.filter((a) => byOrdinal.get(a.ordinal)!.text !== a.text);
  if (clashing.length > 0 && !input.overwrite && !input.dryRun)
    throw new AppError(
      'CONFLICT',
      `该法规已有${clashing.map((a) => a.number).join('、')}；如需以粘贴的文本替换，请选择“覆盖已有条文”`,
      { field: 'body.overwrite' },
    );
  const summary = {
    articles: split.articles,
    skipped: split.skipped,
    added: added.map((a) => a.number),
    updated: input.overwrite ? changed.map((a) => a.number) : [],
    existing: clashing.map((a) => a.number),
  };
  if (input.dryRun) return summary;
  await writeArticles(
    db,
    law,
    {
      added,
      updated: input.overwrite ? changed.map((a) => ({ ...a, id: byOrdinal.get(a.ordinal)!.id })) : [],
    },
    now,
    record,
  );
  return summary;
}

/**
 * Writes many articles of one law at once — the pasted text, a sheet's rows —
 * as one ledger event. The caller has checked that no number or ordinal clashes
 * with another article of the law.
 */
export async function writeArticles(
  db: Kysely<DB>,
  law: { id: string },
  change: { added: readonly ParsedArticle[]; updated: readonly (ParsedArticle & { id: string })[] },
  now: Date,
  record: Recorder,
) {
  if (change.added.length > 0)
    await db
      .insertInto('law_article')
      .values(
        change.added.map((a) => ({
          law_id: law.id,
          number: a.number,
          ordinal: a.ordinal,
          text: a.text,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  for (const article of change.updated)
    await db
      .updateTable('law_article')
      .set({ text: article.text, number: article.number, ordinal: article.ordinal, updated_at: now })
      .where('id', '=', article.id)
      .where('law_id', '=', law.id)
      .execute();
  if (change.added.length > 0 || change.updated.length > 0)
    await record({
      ...lawStream(law.id),
      kind: 'law.articlesChanged',
      payload: {
        added: change.added.map((a) => a.number),
        updated: change.updated.map((a) => a.number),
        source: 'bulk',
      },
    });
}
