/**
 * The 事前公开 lists as sheets (P4, P5, X4, Q8), in the layout of
 * sheet-columns.ts: one sheet per kind, each entry's latest version with its
 * number, power-list item code and citations (《法规简称》第…条). The same
 * layout imports into one agency's list: every row is read and checked — the
 * kind's schema and the rules the console's form meets — and every problem is
 * reported with its row and column; nothing is written unless every row is
 * good. A row with an entry's number edits that entry through the service (a
 * new draft version once it was published); a row without one creates a
 * draft; a row identical to the entry's latest version is left alone.
 * Publishing stays with the disclosure officer.
 */
import { type ErrorDetail, type IsoDate, publicationStateLabels } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  type CellOut,
  type ReadRow,
  type RowProblem,
  readSheet,
  rowProblemsError,
  writeWorkbook,
} from '../../xlsx/sheet.js';
import type { PublicationActor, Recorder } from '../publication/service.js';
import { type AnyListBody, bodySchemas, kindInfo, type ListKind, splitBody } from './kinds.js';
import { loadEntries, readContent } from './presenter.js';
import { bodyProblems, createEntry, editEntry, loadEntryForChange } from './service.js';
import {
  type ItemList,
  type ListColumn,
  listsOf,
  readCell,
  sheetColumns,
  sheetLookups,
  writeCell,
} from './sheet-columns.js';

export async function exportList(
  db: Kysely<DB>,
  kind: ListKind,
  agencyIds: string[],
  today: IsoDate,
  now: Date,
): Promise<Buffer> {
  const lists = await loadEntries(db, kind, { agencyIds }, today);
  const columns = sheetColumns(kind);
  const rows: Record<string, CellOut>[] = [];
  for (const bundle of lists.bundles) {
    const latest = bundle.latest;
    const content = readContent(kind, latest.content) as Record<string, unknown>;
    const state = bundle.publications.find((p) => p.version === latest.version)?.state ?? 'draft';
    const values: Record<string, unknown> = {
      ...content,
      id: bundle.entry.id,
      title: latest.title,
      enforcementItemId: latest.enforcement_item_id,
      // The citations are looked up by the version they belong to.
      basisArticleIds: latest.id,
      agency: bundle.entry.agency_name,
      version: latest.version,
      status: publicationStateLabels[state],
    };
    const items = listsOf(columns).map((list) => content[list] as Record<string, unknown>[]);
    const height = Math.max(1, ...items.map((i) => i.length));
    for (let index = 0; index < height; index += 1) {
      const row: Record<string, CellOut> = {};
      for (const column of columns) {
        const value = column.list
          ? (content[column.list] as Record<string, unknown>[])[index]?.[column.field]
          : index === 0
            ? values[column.field]
            : undefined;
        row[column.key] = value === undefined || value === null ? '' : writeCell(column, value, lists);
      }
      rows.push(row);
    }
  }
  return writeWorkbook([{ name: kindInfo[kind].listTitle, columns, rows }], {
    creator: '行政执法综合管理平台',
    created: now,
  });
}

/** Sorted keys, so two contents compare by value. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
const sameEntry = (kind: ListKind, body: AnyListBody) => {
  const { changeNote: _, ...fields } = splitBody(kind, body);
  return canonical(fields);
};

export interface ListImportOutcome {
  agencyId: string;
  rows: number;
  entries: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  dryRun: boolean;
}

/**
 * Imports a kind's sheet into one agency's list. All rows are checked first;
 * any problem answers 400 with one detail per cell and nothing is written.
 */
export async function importList(
  db: Kysely<DB>,
  record: Recorder,
  kind: ListKind,
  input: { agencyId: string; data: Buffer; dryRun: boolean },
  actor: PublicationActor,
  today: IsoDate,
): Promise<ListImportOutcome> {
  const columns = sheetColumns(kind);
  const rows = await readSheet(input.data, columns, { maxRows: 2000 });
  const entryColumns = columns.filter((c) => !c.list && !c.exportOnly);
  // An entry starts at each row with any of the entry's own columns filled.
  const groups: ReadRow<string>[][] = [];
  for (const row of rows)
    if (entryColumns.some((c) => row.values[c.key]) || groups.length === 0) groups.push([row]);
    else groups.at(-1)!.push(row);

  const existing = await loadEntries(db, kind, { agencyIds: [input.agencyId] }, today);
  const known = new Map(existing.bundles.map((b) => [b.entry.id, b]));
  const lookups = await sheetLookups(db, input.agencyId, today);
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const planned: { id: string | null; body: AnyListBody; unchanged: boolean }[] = [];

  for (const group of groups) {
    const first = group[0]!.row;
    const before = problems.length;
    const body: Record<string, unknown> = { changeNote: '表格导入' };
    /** Which sheet row holds each item of each list. */
    const itemRowsOf = {} as Record<ItemList, number[]>;
    const read = async (column: ListColumn, text: string, row: number) => {
      const cell = await readCell(column, text, lookups);
      for (const message of cell.problems ?? []) problems.push({ row, column: column.header, message });
      return cell.value;
    };
    for (const column of entryColumns) {
      const value = await read(column, group[0]!.values[column.key]!, first);
      if (value !== undefined) body[column.field] = value;
    }
    for (const list of listsOf(columns)) {
      const own = columns.filter((c) => c.list === list);
      const items: Record<string, unknown>[] = [];
      itemRowsOf[list] = [];
      for (const { row, values } of group) {
        if (!own.some((c) => values[c.key])) continue;
        const item: Record<string, unknown> = {};
        for (const column of own) {
          const value = await read(column, values[column.key]!, row);
          if (value !== undefined) item[column.field] = value;
        }
        items.push(item);
        itemRowsOf[list].push(row);
      }
      body[list] = items;
    }
    /** The row and column of a body path (`materials.1.name`, `title`). */
    const locate = (path: readonly PropertyKey[], message: string) => {
      const [field, index, itemField] = path.map(String);
      const list = field as ItemList;
      const column =
        (itemRowsOf[list] &&
          columns.find((c) => c.list === list && (itemField === undefined || c.field === itemField))) ||
        entryColumns.find((c) => c.field === field) ||
        entryColumns.find((c) => c.field === 'title')!;
      const row = itemRowsOf[list]?.[Number(index)] ?? first;
      problems.push({ row, column: column.header, message });
    };
    const id = typeof body.id === 'string' && body.id ? body.id : null;
    delete body.id;
    const entry = id ? known.get(id) : undefined;
    if (id && !entry)
      locate(['id'], `本执法主体的${kindInfo[kind].noun}中没有这一编号；新增的条目请将编号留空`);
    if (id && seen.has(id)) locate(['id'], `与第${seen.get(id)}行的条目编号重复`);
    if (id) seen.set(id, first);
    if (problems.length > before) continue;

    const parsed = bodySchemas[kind].safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) locate(issue.path, issue.message);
      continue;
    }
    const valid = parsed.data as AnyListBody;
    const ruled: ErrorDetail[] = await bodyProblems(db, kind, input.agencyId, valid);
    for (const p of ruled) locate(p.field.split('.'), p.message);
    if (problems.length > before) continue;
    let unchanged = false;
    if (entry) {
      const latest = entry.latest;
      const stored = {
        title: latest.title,
        enforcementItemId: latest.enforcement_item_id,
        basisArticleIds: (existing.basis.get(latest.id) ?? []).map((b) => b.articleId),
        ...readContent(kind, latest.content),
        changeNote: '',
      } as AnyListBody;
      unchanged = sameEntry(kind, stored) === sameEntry(kind, valid);
      const state = entry.publications.find((p) => p.version === latest.version)?.state;
      if (state === 'submitted' && !unchanged)
        locate(
          ['id'],
          '该条目正在公示审核中（待审核），不能导入修改；请待审核结束或由公示管理员退回后再导入',
        );
    }
    if (problems.length === before) planned.push({ id, body: valid, unchanged });
  }
  if (problems.length > 0) throw rowProblemsError(problems, kindInfo[kind].noun);

  const titles = (which: (p: (typeof planned)[number]) => boolean) =>
    planned.filter(which).map((p) => p.body.title);
  const outcome: ListImportOutcome = {
    agencyId: input.agencyId,
    rows: rows.length,
    entries: planned.length,
    created: titles((p) => p.id === null),
    updated: titles((p) => p.id !== null && !p.unchanged),
    unchanged: titles((p) => p.unchanged),
    dryRun: input.dryRun,
  };
  if (input.dryRun) return outcome;
  for (const plan of planned) {
    if (plan.unchanged) continue;
    if (plan.id === null) {
      await createEntry(db, record, kind, input.agencyId, plan.body, actor);
      continue;
    }
    const entry = await loadEntryForChange(db, kind, plan.id);
    if (entry) await editEntry(db, record, entry, plan.body, actor);
  }
  return outcome;
}
