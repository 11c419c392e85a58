/**
 * The power list as a sheet (P3): one row per item, its latest version, the
 * basis as citation text (《道路运输条例》第六十三条). The same layout imports:
 * each row is checked — type, category, unit, citations resolved against the
 * law library, penalty range — and every problem is reported with its row and
 * column; nothing is written unless every row is good. A row whose code the
 * agency already has edits that item (a new version if it was published); a row
 * identical to the item's latest version is left alone.
 */
import {
  defaultShortTitle,
  type EnforcementItemType,
  enforcementCategories,
  enforcementItemTypeLabels,
  enforcementItemTypeShortLabels,
  enforcementItemTypes,
  type IsoDate,
  lawStatus,
  type PenaltyKind,
  parseCitations,
  penaltyKindLabels,
  penaltyKinds,
  penaltyRangeProblems,
  publicationStateLabels,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  type CellOut,
  type ReadRow,
  type RowProblem,
  readSheet,
  rowProblemsError,
  type SheetColumn,
  splitCell,
  writeWorkbook,
} from '../../xlsx/sheet.js';
import type { Recorder } from '../publication/service.js';
import { ambiguousTitles, basisText, loadItems } from './presenter.js';
import { type Actor, createItem, editItem, type ItemContent, loadItemForChange } from './service.js';

type Key =
  | 'code'
  | 'name'
  | 'type'
  | 'category'
  | 'basis'
  | 'agency'
  | 'unit'
  | 'duties'
  | 'penaltyKinds'
  | 'fineMin'
  | 'fineMax'
  | 'penaltyNote'
  | 'version'
  | 'status'
  | 'publishedAt';

export const powerListColumns: readonly SheetColumn<Key>[] = [
  { key: 'code', header: '事项编码', width: 14, required: true },
  { key: 'name', header: '事项名称', width: 40, required: true },
  { key: 'type', header: '事项类型', width: 10, required: true },
  { key: 'category', header: '执法类别', width: 12, required: true },
  { key: 'basis', header: '设定和实施依据', width: 40, required: true },
  { key: 'agency', header: '实施主体', width: 20, exportOnly: true },
  { key: 'unit', header: '承办机构', width: 16 },
  { key: 'duties', header: '职责', width: 50, required: true },
  { key: 'penaltyKinds', header: '处罚种类', width: 24 },
  { key: 'fineMin', header: '罚款下限（元）', width: 14 },
  { key: 'fineMax', header: '罚款上限（元）', width: 14 },
  { key: 'penaltyNote', header: '处罚说明', width: 40 },
  { key: 'version', header: '版本', width: 8, exportOnly: true },
  { key: 'status', header: '状态', width: 10, exportOnly: true },
  { key: 'publishedAt', header: '发布日期', width: 12, exportOnly: true },
];

const header = (key: Key) => powerListColumns.find((c) => c.key === key)!.header;
const shanghaiDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

export async function exportPowerList(
  db: Kysely<DB>,
  agencyIds: string[],
  today: IsoDate,
  now: Date,
): Promise<{ data: Buffer; count: number }> {
  const bundles = await loadItems(db, { agencyIds }, today);
  const ambiguous = await ambiguousTitles(db);
  const rows = bundles.map((b) => {
    const latest = b.latest;
    const publication = b.publications.find((p) => p.version === latest.version);
    const published = b.publications.find((p) => p.state === 'published');
    return {
      code: b.item.code,
      name: latest.name,
      type: enforcementItemTypeShortLabels[latest.type as EnforcementItemType],
      category: latest.category,
      basis: basisText(b.basis.get(latest.id) ?? [], ambiguous),
      agency: b.item.agency_name,
      unit: latest.unit_name ?? '',
      duties: latest.duties,
      penaltyKinds: (latest.penalty_kinds as PenaltyKind[]).map((k) => penaltyKindLabels[k]).join('、'),
      fineMin: latest.fine_min_yuan,
      fineMax: latest.fine_max_yuan,
      penaltyNote: latest.penalty_note,
      version: latest.version,
      status: publicationStateLabels[publication?.state ?? 'draft'],
      publishedAt: published?.published_at ? shanghaiDay(published.published_at) : '',
    } satisfies Record<Key, CellOut>;
  });
  const data = await writeWorkbook([{ name: '权责清单', columns: powerListColumns, rows }], {
    creator: '行政执法综合管理平台',
    created: now,
  });
  return { data, count: rows.length };
}

export interface LibraryLaw {
  id: string;
  title: string;
  short_title: string;
  effective_on: string;
  amended_on: string | null;
  repealed_on: string | null;
  articles: Map<string, string>;
}

/** The law library as citations are resolved against it: each law with its articles by number. */
export async function loadLibrary(db: Kysely<DB>): Promise<LibraryLaw[]> {
  const laws = await db
    .selectFrom('law')
    .select(['id', 'title', 'short_title', 'effective_on', 'amended_on', 'repealed_on'])
    .execute();
  const articles = new Map(laws.map((law) => [law.id, new Map<string, string>()]));
  for (const a of await db.selectFrom('law_article').select(['id', 'law_id', 'number']).execute())
    articles.get(a.law_id)?.set(a.number, a.id);
  return laws.map((law) => ({ ...law, articles: articles.get(law.id)! }));
}

/** Citation text → article ids, or the problems (in Chinese) that stop it. */
export function resolveCitations(
  text: string,
  library: readonly LibraryLaw[],
  today: IsoDate,
): { ids: string[]; problems: string[] } {
  const parsed = parseCitations(text);
  const problems = [...parsed.problems];
  const ids: string[] = [];
  for (const group of parsed.groups) {
    let candidates = library.filter(
      (l) =>
        l.title === group.title ||
        l.short_title === group.title ||
        defaultShortTitle(l.title) === group.title,
    );
    if (group.effectiveOn) candidates = candidates.filter((l) => l.effective_on === group.effectiveOn);
    if (candidates.length > 1) {
      const inForce = candidates.filter(
        (l) =>
          lawStatus(
            { effectiveOn: l.effective_on, amendedOn: l.amended_on, repealedOn: l.repealed_on },
            today,
          ) === 'inForce',
      );
      if (inForce.length === 1) candidates = inForce;
    }
    const named = `《${group.title}》${group.effectiveOn ? `（${group.effectiveOn}施行）` : ''}`;
    if (candidates.length === 0) {
      problems.push(`法律法规库中没有${named}`);
      continue;
    }
    if (candidates.length > 1) {
      problems.push(
        `${named}有多个文本，请注明施行日期，如《${group.title}》（${candidates[0]!.effective_on}施行）第…条`,
      );
      continue;
    }
    const law = candidates[0]!;
    for (const number of group.numbers) {
      const id = law.articles.get(number);
      if (id) ids.push(id);
      else problems.push(`${named}没有${number}（或尚未录入法律法规库）`);
    }
  }
  if (new Set(ids).size !== ids.length) problems.push('引用的条文重复');
  return { ids, problems };
}

const typeByLabel = new Map<string, EnforcementItemType>(
  enforcementItemTypes.flatMap((type) => [
    [type, type],
    [enforcementItemTypeShortLabels[type], type],
    [enforcementItemTypeLabels[type], type],
  ]),
);
const penaltyByLabel = new Map<string, PenaltyKind>(penaltyKinds.map((k) => [penaltyKindLabels[k], k]));
const codePattern = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/;

/** Which column a content field is reported in. */
const columnOfField: Record<string, Key> = {
  name: 'name',
  type: 'type',
  category: 'category',
  unitId: 'unit',
  duties: 'duties',
  basisArticleIds: 'basis',
  penaltyKinds: 'penaltyKinds',
  fineMinYuan: 'fineMin',
  fineMaxYuan: 'fineMax',
  penaltyNote: 'penaltyNote',
};

interface PlannedRow {
  row: number;
  code: string;
  content: ItemContent;
  existing: { id: string; latestState: string } | undefined;
}

const limits: Partial<Record<Key, number>> = { name: 200, duties: 2000, penaltyNote: 1000 };

function sameContent(a: ItemContent, b: ItemContent): boolean {
  return (
    a.name === b.name &&
    a.type === b.type &&
    a.category === b.category &&
    a.unitId === b.unitId &&
    a.duties === b.duties &&
    a.basisArticleIds.join() === b.basisArticleIds.join() &&
    a.penaltyKinds.join() === b.penaltyKinds.join() &&
    a.fineMinYuan === b.fineMinYuan &&
    a.fineMaxYuan === b.fineMaxYuan &&
    a.penaltyNote === b.penaltyNote
  );
}

export interface ImportOutcome {
  agencyId: string;
  rows: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  dryRun: boolean;
}

/**
 * Imports the sheet into one agency's list: all rows are checked first; any
 * problem answers 400 with one detail per cell and nothing is written. New
 * codes become drafts; known codes are edited (a published or withdrawn item
 * gets a new draft version; one awaiting review is refused); identical rows
 * are left alone.
 */
export async function importPowerList(
  db: Kysely<DB>,
  record: Recorder,
  input: { agencyId: string; data: Buffer; dryRun: boolean },
  actor: Actor,
  today: IsoDate,
): Promise<ImportOutcome> {
  const rows: ReadRow<Key>[] = await readSheet(input.data, powerListColumns, { maxRows: 2000 });
  const problems: RowProblem[] = [];
  const problem = (row: number, key: Key, message: string) =>
    problems.push({ row, column: header(key), message });
  const library = await loadLibrary(db);
  const units = new Map(
    (
      await db.selectFrom('unit').select(['id', 'name']).where('agency_id', '=', input.agencyId).execute()
    ).map((u) => [u.name, u.id]),
  );
  const existing = new Map(
    (await loadItems(db, { agencyIds: [input.agencyId] }, today)).map((b) => [
      b.item.code,
      {
        id: b.item.id,
        latestState: b.publications.find((p) => p.version === b.latest.version)?.state ?? 'draft',
        content: {
          name: b.latest.name,
          type: b.latest.type as EnforcementItemType,
          category: b.latest.category,
          unitId: b.latest.unit_id,
          duties: b.latest.duties,
          basisArticleIds: (b.basis.get(b.latest.id) ?? []).map((x) => x.articleId),
          penaltyKinds: b.latest.penalty_kinds as PenaltyKind[],
          fineMinYuan: b.latest.fine_min_yuan,
          fineMaxYuan: b.latest.fine_max_yuan,
          penaltyNote: b.latest.penalty_note,
          changeNote: '',
        } satisfies ItemContent,
      },
    ]),
  );
  const seenCodes = new Map<string, number>();
  const planned: (PlannedRow & { unchanged: boolean })[] = [];

  for (const { row, values } of rows) {
    const before = problems.length;
    for (const [key, max] of Object.entries(limits) as [Key, number][])
      if (values[key].length > max) problem(row, key, `不能超过 ${max} 个字符`);
    for (const key of ['code', 'name', 'type', 'category', 'basis', 'duties'] as const)
      if (!values[key]) problem(row, key, '不能为空');
    const code = values.code;
    if (code && !codePattern.test(code))
      problem(row, 'code', '事项编码应为 1–40 位字母、数字、点、下划线或连字符');
    if (code && seenCodes.has(code)) problem(row, 'code', `与第${seenCodes.get(code)}行的事项编码重复`);
    if (code) seenCodes.set(code, row);
    const type = typeByLabel.get(values.type);
    if (values.type && !type)
      problem(
        row,
        'type',
        `应为：${enforcementItemTypes.map((t) => enforcementItemTypeShortLabels[t]).join('、')}`,
      );
    if (values.category && !(enforcementCategories as readonly string[]).includes(values.category))
      problem(row, 'category', `不是已知的执法类别（如：${enforcementCategories.slice(0, 3).join('、')}）`);
    let unitId: string | null = null;
    if (values.unit) {
      unitId = units.get(values.unit) ?? null;
      if (!unitId) problem(row, 'unit', `本执法主体没有承办机构“${values.unit}”`);
    }
    const kinds: PenaltyKind[] = [];
    for (const label of splitCell(values.penaltyKinds)) {
      const kind = penaltyByLabel.get(label);
      if (kind) kinds.push(kind);
      else problem(row, 'penaltyKinds', `“${label}”不是行政处罚法规定的处罚种类`);
    }
    const amount = (key: 'fineMin' | 'fineMax'): number | null => {
      const text = values[key].replace(/[,，\s元]/g, '');
      if (!text) return null;
      if (!/^\d{1,11}$/.test(text)) {
        problem(row, key, '应为不小于 0 的整数（元）');
        return null;
      }
      return Number(text);
    };
    const fineMinYuan = amount('fineMin');
    const fineMaxYuan = amount('fineMax');
    const basis = values.basis ? resolveCitations(values.basis, library, today) : { ids: [], problems: [] };
    for (const message of basis.problems) problem(row, 'basis', message);
    if (type) {
      const kindsUnreadable = problems.some((p) => p.row === row && p.column === header('penaltyKinds'));
      for (const p of penaltyRangeProblems(type, { kinds, fineMinYuan, fineMaxYuan }))
        if (!(kindsUnreadable && p.field === 'penaltyKinds'))
          problem(row, columnOfField[p.field]!, p.message);
      if (type !== 'penalty' && values.penaltyNote)
        problem(row, 'penaltyNote', '只有行政处罚事项填写处罚说明');
    }
    if (problems.length > before || !type) continue;
    const content: ItemContent = {
      name: values.name.normalize('NFC'),
      type,
      category: values.category,
      unitId,
      duties: values.duties.normalize('NFC'),
      basisArticleIds: basis.ids,
      penaltyKinds: kinds,
      fineMinYuan,
      fineMaxYuan,
      penaltyNote: values.penaltyNote.normalize('NFC'),
      changeNote: '表格导入',
    };
    const known = existing.get(code);
    const unchanged = known !== undefined && sameContent(known.content, content);
    if (known?.latestState === 'submitted' && !unchanged)
      problem(
        row,
        'code',
        '该事项正在公示审核中（待审核），不能导入修改；请待审核结束或由公示管理员退回后再导入',
      );
    if (problems.length > before) continue;
    planned.push({
      row,
      code,
      content,
      existing: known,
      unchanged,
    });
  }
  if (problems.length > 0) throw rowProblemsError(problems, '事项');

  const outcome: ImportOutcome = {
    agencyId: input.agencyId,
    rows: rows.length,
    created: planned.filter((p) => !p.existing).map((p) => p.code),
    updated: planned.filter((p) => p.existing && !p.unchanged).map((p) => p.code),
    unchanged: planned.filter((p) => p.unchanged).map((p) => p.code),
    dryRun: input.dryRun,
  };
  if (input.dryRun) return outcome;
  for (const plan of planned) {
    if (plan.unchanged) continue;
    if (!plan.existing) {
      await createItem(
        db,
        record,
        { agencyId: input.agencyId, code: plan.code, ...plan.content },
        actor,
        'import',
      );
      continue;
    }
    const item = await loadItemForChange(db, plan.existing.id);
    if (item) await editItem(db, record, item, plan.content, actor, 'import');
  }
  return outcome;
}
