/**
 * 法律法规库 as a sheet (P3), in the layout of the 事前公开 lists: a text takes
 * one row — its kind, titles, issuing body, dates, the text that supersedes it
 * written as the console shows it (“名称（2023-07-20 施行）”) — and its articles
 * one a row, the first on the text's own row, each further one on a row of its
 * own with the text's columns left empty.
 *
 * The same layout imports. A text is matched by its title and 施行日期, the pair
 * the library holds unique: revisions share a title, and the pair names the
 * same text in every deployment, so one deployment's export loads into another's
 * library (an id column could not). An article is matched by its number within
 * its text; its ordinal is written only when the number does not give it
 * (附则). Every row is checked and every problem reported with its row and
 * column; nothing is written unless every row is good. New texts and articles
 * are added and changed ones edited through the console's service functions,
 * so each change is on the ledger; an article the sheet leaves out is kept (the
 * power list and the published lists cite articles).
 */
import {
  articleOrdinal,
  defaultShortTitle,
  type IsoDate,
  isIsoDate,
  type LawKind,
  lawKindLabels,
  lawKinds,
  type ParsedArticle,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { text } from '../../http/fields.js';
import {
  type CellOut,
  type ReadRow,
  type RowProblem,
  readSheet,
  rowProblemsError,
  type SheetColumn,
  writeWorkbook,
} from '../../xlsx/sheet.js';
import type { Recorder } from '../publication/service.js';
import { lawStanding, listLaws } from './presenter.js';
import { createLaw, dateProblems, type LawInput, loadLaw, updateLaw, writeArticles } from './service.js';

type LawKey =
  | 'title'
  | 'kind'
  | 'shortTitle'
  | 'issuingBody'
  | 'documentNumber'
  | 'promulgatedOn'
  | 'effectiveOn'
  | 'amendedOn'
  | 'repealedOn'
  | 'supersededBy'
  | 'note';
type ArticleKey = 'number' | 'ordinal' | 'text';
type Key = LawKey | ArticleKey | 'status';

/** Headed as the console's forms word them (LawModal, ArticleModal). */
export const lawSheetColumns: readonly SheetColumn<Key>[] = [
  { key: 'title', header: '名称', width: 36, required: true },
  { key: 'kind', header: '效力层级', width: 12, required: true },
  { key: 'shortTitle', header: '简称', width: 20 },
  { key: 'issuingBody', header: '制定机关', width: 24, required: true },
  { key: 'documentNumber', header: '文号', width: 24 },
  { key: 'promulgatedOn', header: '公布日期', width: 12, required: true },
  { key: 'effectiveOn', header: '施行日期', width: 12, required: true },
  { key: 'amendedOn', header: '修改日期', width: 12 },
  { key: 'repealedOn', header: '废止日期', width: 12 },
  { key: 'status', header: '时效性', width: 10, exportOnly: true },
  { key: 'supersededBy', header: '被以下文本取代', width: 32 },
  { key: 'note', header: '说明', width: 30 },
  { key: 'number', header: '条号', width: 14, required: true },
  { key: 'ordinal', header: '排序号', width: 8 },
  { key: 'text', header: '条文', width: 80, required: true },
];

const lawKeys: readonly LawKey[] = [
  'title',
  'kind',
  'shortTitle',
  'issuingBody',
  'documentNumber',
  'promulgatedOn',
  'effectiveOn',
  'amendedOn',
  'repealedOn',
  'supersededBy',
  'note',
];
const articleKeys: readonly ArticleKey[] = ['number', 'ordinal', 'text'];
const header = (key: Key) => lawSheetColumns.find((c) => c.key === key)!.header;

/** A text as people name it, here and in the console's 被以下文本取代 picker. */
const lawLabel = (law: { title: string; effective_on: string }) => `${law.title}（${law.effective_on} 施行）`;

export async function exportLaws(db: Kysely<DB>, today: IsoDate, now: Date): Promise<Buffer> {
  const laws = await listLaws(db);
  const byId = new Map(laws.map((l) => [l.id, l]));
  const articles = new Map<string, { number: string; ordinal: number; text: string }[]>();
  for (const a of await db
    .selectFrom('law_article')
    .select(['law_id', 'number', 'ordinal', 'text'])
    .orderBy('ordinal')
    .execute())
    articles.set(a.law_id, [...(articles.get(a.law_id) ?? []), a]);
  const rows: Record<Key, CellOut>[] = [];
  for (const law of laws) {
    const superseding = law.superseded_by ? byId.get(law.superseded_by) : undefined;
    const own: Record<LawKey | 'status', CellOut> = {
      title: law.title,
      kind: lawKindLabels[law.kind],
      shortTitle: law.short_title,
      issuingBody: law.issuing_body,
      documentNumber: law.document_number,
      promulgatedOn: law.promulgated_on,
      effectiveOn: law.effective_on,
      amendedOn: law.amended_on ?? '',
      repealedOn: law.repealed_on ?? '',
      status: lawStanding(law, today).statusLabel,
      supersededBy: superseding ? lawLabel(superseding) : '',
      note: law.note,
    };
    const blank = Object.fromEntries(Object.keys(own).map((k) => [k, ''])) as typeof own;
    const list = articles.get(law.id) ?? [];
    for (let index = 0; index < Math.max(1, list.length); index += 1) {
      const article = list[index];
      rows.push({
        ...(index === 0 ? own : blank),
        number: article?.number ?? '',
        // Written only when the number does not give it (附则, 第一章 …).
        ordinal: article && articleOrdinal(article.number) !== article.ordinal ? article.ordinal : '',
        text: article?.text ?? '',
      });
    }
  }
  return writeWorkbook([{ name: '法律法规库', columns: lawSheetColumns, rows }], {
    creator: '行政执法综合管理平台',
    created: now,
  });
}

const kindByLabel = new Map<string, LawKind>(
  lawKinds.flatMap((k) => [
    [lawKindLabels[k], k],
    [k, k],
  ]),
);

/** 2024-3-1, 2024/03/01, 2024.3.1 and 2024年3月1日 as an ISO date; anything else as it is. */
function normaliseDate(value: string): string {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value);
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : value;
}

/** “名称（2023-07-20 施行）”, with or without 《》 and the date. */
function parseReference(value: string): { title: string; effectiveOn: string | null } {
  const match = /^《?(.+?)》?\s*(?:[（(]\s*(\S+?)\s*施行\s*[）)])?$/.exec(value);
  if (!match) return { title: value, effectiveOn: null };
  return { title: match[1]!.trim(), effectiveOn: match[2] ? normaliseDate(match[2]) : null };
}

const fields = {
  title: text(200),
  shortTitle: text(100, 0),
  issuingBody: text(200),
  documentNumber: text(100, 0),
  note: text(1000, 0),
  supersededBy: text(300, 0),
  number: text(30),
  text: text(20_000),
} satisfies Partial<Record<Key, z.ZodType<string, string>>>;

const keyOf = (title: string, effectiveOn: string) => `${title}\u0000${effectiveOn}`;

interface SheetArticle extends ParsedArticle {
  row: number;
}

interface SheetLaw {
  row: number;
  key: string;
  input: Omit<LawInput, 'supersededBy'> & { shortTitle: string };
  /** The 被以下文本取代 cell, resolved once every row is read. */
  supersededBy: string;
  articles: SheetArticle[];
}

type Target = { id: string } | { key: string } | null;

interface Planned extends SheetLaw {
  existing: StoredLaw | undefined;
  target: Target;
  change: Partial<LawInput>;
  added: SheetArticle[];
  updated: (SheetArticle & { id: string })[];
}

interface StoredLaw {
  id: string;
  kind: string;
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
}

export interface LawImportOutcome {
  rows: number;
  laws: number;
  /** Texts as “名称（施行日期 施行）”. */
  created: string[];
  updated: string[];
  unchanged: string[];
  articlesAdded: number;
  articlesUpdated: number;
  dryRun: boolean;
}

/**
 * Imports a sheet into the library. All rows are checked first; any problem
 * answers 400 with one detail per cell and nothing is written.
 */
export async function importLaws(
  db: Kysely<DB>,
  record: Recorder,
  input: { data: Buffer; dryRun: boolean },
  now: Date,
): Promise<LawImportOutcome> {
  const rows = await readSheet(input.data, lawSheetColumns, { maxRows: 10_000 });
  // A text starts at each row with any of the text's own columns filled.
  const groups: ReadRow<Key>[][] = [];
  for (const row of rows)
    if (lawKeys.some((k) => row.values[k]) || groups.length === 0) groups.push([row]);
    else groups.at(-1)!.push(row);

  const problems: RowProblem[] = [];
  const problem = (row: number, key: Key, message: string) =>
    problems.push({ row, column: header(key), message });
  const read = (row: ReadRow<Key>, key: keyof typeof fields): string | undefined => {
    const parsed = fields[key].safeParse(row.values[key]);
    if (parsed.success) return parsed.data;
    problem(row.row, key, parsed.error.issues[0]?.message ?? '无法读取');
    return undefined;
  };
  const date = (row: ReadRow<Key>, key: 'promulgatedOn' | 'effectiveOn' | 'amendedOn' | 'repealedOn') => {
    const value = normaliseDate(row.values[key]);
    if (!value) {
      if (key === 'promulgatedOn' || key === 'effectiveOn') problem(row.row, key, '不能为空');
      return null;
    }
    if (isIsoDate(value)) return value as IsoDate;
    problem(row.row, key, '日期格式应为 YYYY-MM-DD 且为有效日期');
    return undefined;
  };

  const sheetLaws: SheetLaw[] = [];
  const seen = new Map<string, number>();
  /** Every text the sheet names, good or not, so a reference to one is not reported as well. */
  const named: { key: string; title: string; shortTitle: string; effectiveOn: string }[] = [];
  for (const group of groups) {
    const first = group[0]!;
    if (!lawKeys.some((k) => first.values[k])) {
      problem(first.row, 'title', '条文行之前应有其所属法律法规的一行');
      continue;
    }
    const before = problems.length;
    const title = read(first, 'title');
    const kind = kindByLabel.get(first.values.kind);
    if (!kind)
      problem(
        first.row,
        'kind',
        first.values.kind ? `应为以下之一：${lawKinds.map((k) => lawKindLabels[k]).join('、')}` : '不能为空',
      );
    const shortTitle = read(first, 'shortTitle');
    const issuingBody = read(first, 'issuingBody');
    const documentNumber = read(first, 'documentNumber');
    const note = read(first, 'note');
    const supersededBy = read(first, 'supersededBy');
    const promulgatedOn = date(first, 'promulgatedOn');
    const effectiveOn = date(first, 'effectiveOn');
    const amendedOn = date(first, 'amendedOn');
    const repealedOn = date(first, 'repealedOn');
    if (promulgatedOn && effectiveOn && amendedOn !== undefined && repealedOn !== undefined)
      for (const p of dateProblems({ promulgatedOn, effectiveOn, amendedOn, repealedOn }))
        problem(first.row, p.field, p.message);
    const key = title && effectiveOn ? keyOf(title, effectiveOn) : '';
    if (key && seen.has(key))
      problem(first.row, 'title', `与第${seen.get(key)}行是同一文本（名称和施行日期相同）`);
    else if (key) {
      seen.set(key, first.row);
      named.push({
        key,
        title: title!,
        shortTitle: shortTitle || defaultShortTitle(title!),
        effectiveOn: effectiveOn!,
      });
    }

    const articles: SheetArticle[] = [];
    const numbers = new Map<string, number>();
    const ordinals = new Map<number, number>();
    for (const row of group) {
      if (!articleKeys.some((k) => row.values[k])) continue;
      const number = read(row, 'number');
      const body = read(row, 'text');
      let ordinal: number | null = null;
      const written = row.values.ordinal.replace(/[,，\s]/g, '');
      if (written) {
        ordinal = /^\d{1,8}$/.test(written) && Number(written) >= 1 ? Number(written) : null;
        if (ordinal === null) problem(row.row, 'ordinal', '应为 1 至 99999999 的整数');
      } else if (number) {
        ordinal = articleOrdinal(number);
        if (ordinal === null) problem(row.row, 'ordinal', '条号不是“第…条”的写法，请填写排序号');
      }
      if (number && numbers.has(number)) problem(row.row, 'number', `与第${numbers.get(number)}行的条号重复`);
      else if (number) numbers.set(number, row.row);
      if (ordinal !== null && ordinals.has(ordinal))
        problem(row.row, 'ordinal', `排序号 ${ordinal} 与第${ordinals.get(ordinal)}行的条文相同`);
      else if (ordinal !== null) ordinals.set(ordinal, row.row);
      if (number && body && ordinal !== null) articles.push({ row: row.row, number, ordinal, text: body });
    }
    if (problems.length > before) continue;
    sheetLaws.push({
      row: first.row,
      key,
      input: {
        kind: kind!,
        title: title!,
        shortTitle: shortTitle || defaultShortTitle(title!),
        issuingBody: issuingBody!,
        documentNumber: documentNumber!,
        promulgatedOn: promulgatedOn!,
        effectiveOn: effectiveOn!,
        amendedOn: amendedOn ?? null,
        repealedOn: repealedOn ?? null,
        note: note!,
      },
      supersededBy: supersededBy!,
      articles,
    });
  }

  const stored: StoredLaw[] = await db
    .selectFrom('law')
    .select([
      'id',
      'kind',
      'title',
      'short_title',
      'issuing_body',
      'document_number',
      'promulgated_on',
      'effective_on',
      'amended_on',
      'repealed_on',
      'superseded_by',
      'note',
    ])
    .execute();
  const storedByKey = new Map(stored.map((l) => [keyOf(l.title, l.effective_on), l]));
  const matched = sheetLaws.flatMap((l) => storedByKey.get(l.key) ?? []);
  const storedArticles =
    matched.length === 0
      ? []
      : await db
          .selectFrom('law_article')
          .select(['id', 'law_id', 'number', 'ordinal', 'text'])
          .where(
            'law_id',
            'in',
            matched.map((l) => l.id),
          )
          .execute();

  /** Every text the 被以下文本取代 column may name: the library's and the sheet's. */
  const candidates = new Map<
    string,
    { title: string; shortTitle: string; effectiveOn: string; target: Target }
  >();
  for (const l of stored)
    candidates.set(keyOf(l.title, l.effective_on), {
      title: l.title,
      shortTitle: l.short_title,
      effectiveOn: l.effective_on,
      target: { id: l.id },
    });
  for (const l of named) if (!candidates.has(l.key)) candidates.set(l.key, { ...l, target: { key: l.key } });
  const resolve = (law: SheetLaw): Target | undefined => {
    if (!law.supersededBy) return null;
    const reference = parseReference(law.supersededBy);
    const found = [...candidates.values()]
      .filter(
        (c) =>
          (c.title === reference.title || c.shortTitle === reference.title) &&
          (reference.effectiveOn === null || c.effectiveOn === reference.effectiveOn),
      )
      .sort((a, b) => (a.effectiveOn < b.effectiveOn ? 1 : -1));
    const label = `《${reference.title}》${reference.effectiveOn ? `（${reference.effectiveOn} 施行）` : ''}`;
    if (found.length === 1) {
      const target = found[0]!.target!;
      if ('key' in target ? target.key === law.key : storedByKey.get(law.key)?.id === target.id) {
        problem(law.row, 'supersededBy', '不能被自身取代');
        return undefined;
      }
      return target;
    }
    problem(
      law.row,
      'supersededBy',
      found.length === 0
        ? `法律法规库和本表中都没有${label}`
        : `${label}有多个文本，请注明施行日期，如“${found[0]!.title}（${found[0]!.effectiveOn} 施行）”`,
    );
    return undefined;
  };

  const planned: Planned[] = [];
  for (const law of sheetLaws) {
    const before = problems.length;
    const target = resolve(law);
    const existing = storedByKey.get(law.key);
    const change: Partial<LawInput> = {};
    const added: SheetArticle[] = [];
    const updated: (SheetArticle & { id: string })[] = [];
    if (existing) {
      const was: Omit<LawInput, 'supersededBy'> & { shortTitle: string } = {
        kind: existing.kind as LawKind,
        title: existing.title,
        shortTitle: existing.short_title,
        issuingBody: existing.issuing_body,
        documentNumber: existing.document_number,
        promulgatedOn: existing.promulgated_on as IsoDate,
        effectiveOn: existing.effective_on as IsoDate,
        amendedOn: existing.amended_on as IsoDate | null,
        repealedOn: existing.repealed_on as IsoDate | null,
        note: existing.note,
      };
      for (const field of Object.keys(was) as (keyof typeof was)[])
        if (was[field] !== law.input[field]) Object.assign(change, { [field]: law.input[field] });
      if (target !== undefined) {
        // A text this sheet creates has no id yet: the link is written once it exists.
        const id = target === null ? null : 'id' in target ? target.id : undefined;
        if (id === undefined || id !== existing.superseded_by) change.supersededBy = id ?? null;
      }
      const own = storedArticles.filter((a) => a.law_id === existing.id);
      const byNumber = new Map(own.map((a) => [a.number, a]));
      for (const article of law.articles) {
        const current = byNumber.get(article.number);
        // Another article already holds the ordinal: writing it would clash (and a swap needs two imports).
        const holder = own.find((a) => a.ordinal === article.ordinal && a.number !== article.number);
        if (holder) problem(article.row, 'ordinal', `排序号 ${article.ordinal} 已被${holder.number}使用`);
        else if (!current) added.push(article);
        else if (current.text !== article.text || current.ordinal !== article.ordinal)
          updated.push({ ...article, id: current.id });
      }
    } else added.push(...law.articles);
    if (problems.length > before || target === undefined) continue;
    planned.push({ ...law, existing, target, change, added, updated });
  }
  // In row order, as people go through the sheet (each row's problems in column order as found).
  if (problems.length > 0)
    throw rowProblemsError(
      problems.toSorted((a, b) => a.row - b.row),
      '法律法规',
    );

  const changed = (p: Planned) =>
    Object.keys(p.change).length > 0 || p.added.length > 0 || p.updated.length > 0;
  const labels = (which: (p: Planned) => boolean) =>
    planned.filter(which).map((p) => lawLabel({ title: p.input.title, effective_on: p.input.effectiveOn }));
  const outcome: LawImportOutcome = {
    rows: rows.length,
    laws: planned.length,
    created: labels((p) => !p.existing),
    updated: labels((p) => p.existing !== undefined && changed(p)),
    unchanged: labels((p) => p.existing !== undefined && !changed(p)),
    articlesAdded: planned.reduce((n, p) => n + p.added.length, 0),
    articlesUpdated: planned.reduce((n, p) => n + p.updated.length, 0),
    dryRun: input.dryRun,
  };
  if (input.dryRun) return outcome;

  // New texts in sheet order; one superseded by a text created later gets the link once that exists.
  const created = new Map<string, string>();
  const idOf = (target: Target) =>
    target === null ? null : 'id' in target ? target.id : (created.get(target.key) ?? undefined);
  const later: { id: string; target: Target }[] = [];
  for (const plan of planned) {
    let id = plan.existing?.id;
    if (!id) {
      const supersededBy = idOf(plan.target);
      id = await createLaw(db, { ...plan.input, supersededBy: supersededBy ?? null }, now, record);
      created.set(plan.key, id);
      if (supersededBy === undefined) later.push({ id, target: plan.target });
    } else if (Object.keys(plan.change).length > 0) {
      const change = { ...plan.change };
      if (change.supersededBy !== undefined && idOf(plan.target) === undefined) {
        delete change.supersededBy;
        later.push({ id, target: plan.target });
      }
      if (Object.keys(change).length > 0)
        await updateLaw(db, await loadLaw(db, id, true), change, now, record);
    }
    await writeArticles(db, { id }, { added: plan.added, updated: plan.updated }, now, record);
  }
  for (const link of later)
    await updateLaw(db, await loadLaw(db, link.id, true), { supersededBy: idOf(link.target)! }, now, record);
  return outcome;
}
