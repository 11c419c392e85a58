/**
 * The .xlsx layout of each 事前公开 list (P4, P5, X4, Q8): one column per field,
 * headed as the console's form words it. An entry takes one row, or several
 * when it has lists (申请材料, 办理环节, 裁量情节): its first row holds the
 * entry's fields and the first item of each list, each following row one more
 * item, with the entry's own columns left empty. Below the layout: how each
 * kind of cell is written and read back — numbers, the Chinese words of the
 * enumerations (现场检查, 较重, 首违不罚), and the references looked up by what
 * people write: the power-list item by its code, cited articles as
 * “《法规简称》第…条” (resolved as the power-list sheet resolves them).
 */
import {
  circumstanceLevelLabels,
  circumstanceLevels,
  exemptionKindLabels,
  exemptionKinds,
  type IsoDate,
  inspectionMethodLabels,
  inspectionMethods,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type CellOut, type SheetColumn, splitCell } from '../../xlsx/sheet.js';
import { basisText } from '../enforcement-items/presenter.js';
import { type LibraryLaw, loadLibrary, resolveCitations } from '../enforcement-items/sheet.js';
import type { ListKind } from './kinds.js';
import type { LoadedLists } from './presenter.js';

/** How a cell holds its field: text, a number, words of an enumeration, or a reference. */
export type CellKind =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'methods'
  | 'level'
  | 'exemptionKind'
  | 'entryId'
  | 'itemCode'
  | 'citations';

export type ItemList = 'materials' | 'steps' | 'circumstances';

export interface ListColumn extends SheetColumn<string> {
  /** The body's field (or, with `list`, the item's). */
  field: string;
  /** The content array whose items the column holds, one item a row. */
  list?: ItemList;
  /** Default: text. */
  cell?: CellKind;
}

type Spec = [field: string, header: string, width: number, options?: Partial<ListColumn>];

const columns = (specs: Spec[], list?: ItemList): ListColumn[] =>
  specs.map(([field, header, width, options]) => ({
    key: list ? `${list}.${field}` : field,
    field,
    header,
    width,
    ...(list && { list }),
    ...options,
  }));
const required = { required: true };
const integer = { cell: 'integer' as const };

const titleHeaders: Record<ListKind, string> = {
  serviceGuide: '事项名称',
  inspectionItem: '抽查事项名称',
  discretionBenchmark: '违法行为',
  exemption: '违法行为',
};

const kindColumns: Record<ListKind, ListColumn[]> = {
  serviceGuide: [
    ...columns([
      ['basis', '设定依据', 40, required],
      ['acceptingBody', '受理机构', 20, required],
      ['approvingBody', '决定机构', 20, required],
      ['conditions', '申请条件', 40, required],
    ]),
    ...columns(
      [
        ['name', '材料名称', 24, required],
        ['originals', '原件份数', 8, integer],
        ['copies', '复印件份数', 8, integer],
        ['note', '材料备注', 20],
      ],
      'materials',
    ),
    ...columns(
      [
        ['name', '办理环节', 14, required],
        ['description', '环节说明', 30],
      ],
      'steps',
    ),
    ...columns([
      ['statutoryLimitDays', '法定办结时限（工作日）', 10, { ...required, ...integer }],
      ['promisedLimitDays', '承诺办结时限（工作日）', 10, { ...required, ...integer }],
      ['limitNote', '时限说明', 20],
      ['fees', '收费标准及依据', 20, required],
      ['supervision', '监督投诉渠道', 30, required],
      ['accountability', '责任追究', 30, required],
      ['remedies', '救济途径', 30, required],
      ['officeHours', '办公时间', 20, required],
      ['address', '办公地址', 24, required],
      ['phone', '咨询电话', 16, required],
    ]),
  ],
  inspectionItem: columns([
    ['inspectingBody', '检查主体', 20, required],
    ['basis', '抽查依据', 40, required],
    ['targets', '检查对象', 30, required],
    ['inspectionContent', '检查内容', 40, required],
    ['samplingRatioPercent', '抽查比例（%）', 10, { ...required, cell: 'decimal' }],
    ['methods', '检查方式', 20, { ...required, cell: 'methods' }],
    ['frequency', '抽查频次', 16, required],
    ['note', '备注', 20],
  ]),
  discretionBenchmark: [
    ...columns([
      ['violatedProvision', '违反条款', 30, required],
      ['penaltyProvision', '处罚依据', 30, required],
      ['statutoryPenalty', '法定处罚种类和幅度', 30, required],
    ]),
    ...columns(
      [
        ['level', '情节', 8, { ...required, cell: 'level' }],
        ['description', '适用情形', 30, required],
        ['fineMinYuan', '罚款下限（元）', 12, { ...required, ...integer }],
        ['fineMaxYuan', '罚款上限（元）', 12, { ...required, ...integer }],
        ['otherMeasures', '其他处罚或措施', 20],
      ],
      'circumstances',
    ),
    ...columns([['note', '说明', 20]]),
  ],
  exemption: columns([
    ['violatedProvision', '违反条款', 30, required],
    ['exemptionKind', '不予处罚类型', 14, { ...required, cell: 'exemptionKind' }],
    ['conditions', '适用条件（具体情形）', 40, required],
    ['exemptionBasis', '不予处罚依据', 30],
    ['measures', '配套措施', 20, required],
    ['note', '备注', 20],
  ]),
};

/**
 * A kind's sheet: the entry's number (blank for a new entry), its title, the
 * linked power-list item and cited articles, the kind's fields, and — written
 * on export, ignored on import — agency, version and status.
 */
export function sheetColumns(kind: ListKind): readonly ListColumn[] {
  return [
    ...columns([
      ['id', '条目编号（新增留空）', 38, { cell: 'entryId' }],
      ['title', titleHeaders[kind], 30, required],
      ['enforcementItemId', '权责清单事项编码', 16, { cell: 'itemCode' }],
      ['basisArticleIds', '引用条文', 30, { cell: 'citations' }],
    ]),
    ...kindColumns[kind],
    ...columns([
      ['agency', '执法主体', 20, { exportOnly: true }],
      ['version', '版本', 6, { exportOnly: true }],
      ['status', '状态', 10, { exportOnly: true }],
    ]),
  ];
}

/** Words of an enumeration, both ways. */
const vocabulary = <V extends string>(values: readonly V[], labels: Record<V, string>) => ({
  label: (value: string) => labels[value as V] ?? value,
  value: new Map<string, V>(values.flatMap((v) => [[labels[v], v] as [string, V], [v, v] as [string, V]])),
  list: values.map((v) => labels[v]).join('、'),
});
const enums = {
  methods: vocabulary(inspectionMethods, inspectionMethodLabels),
  level: vocabulary(circumstanceLevels, circumstanceLevelLabels),
  exemptionKind: vocabulary(exemptionKinds, exemptionKindLabels),
};
export const listsOf = (columns: readonly ListColumn[]) => [
  ...new Set(columns.flatMap((c) => (c.list ? [c.list] : []))),
];

export function writeCell(column: ListColumn, value: unknown, lists: LoadedLists): CellOut {
  switch (column.cell) {
    case 'methods':
      return (value as string[]).map(enums.methods.label).join('、');
    case 'level':
    case 'exemptionKind':
      return enums[column.cell].label(String(value));
    case 'itemCode':
      return lists.items.get(String(value))?.code ?? '';
    case 'citations':
      return basisText(lists.basis.get(String(value)) ?? [], lists.ambiguous);
    default:
      return typeof value === 'number' ? value : String(value);
  }
}

/** What a sheet's lookups need: the agency's items by code, the law library on demand. */
export interface Lookups {
  items: Map<string, string>;
  citations(text: string): Promise<{ ids: string[]; problems: string[] }>;
}

/** A cell's text as the body's value, or the problem with it. */
export async function readCell(
  column: ListColumn,
  text: string,
  lookups: Lookups,
): Promise<{ value?: unknown; problems?: string[] }> {
  const number = (pattern: RegExp, message: string) => {
    const plain = text.replace(/[,，\s元%％]/g, '');
    if (!plain) return {};
    return pattern.test(plain) ? { value: Number(plain) } : { problems: [message] };
  };
  switch (column.cell) {
    case 'integer':
      return number(/^\d{1,12}$/, '应为不小于 0 的整数');
    case 'decimal':
      return number(/^\d{1,3}(\.\d+)?$/, '应为数字（百分比，如 5 或 2.5）');
    case 'methods': {
      const words = splitCell(text);
      const unknown = words.filter((w) => !enums.methods.value.has(w));
      if (unknown.length > 0)
        return { problems: unknown.map((w) => `“${w}”不是检查方式（应为：${enums.methods.list}）`) };
      return { value: words.map((w) => enums.methods.value.get(w)) };
    }
    case 'level':
    case 'exemptionKind': {
      if (!text) return {};
      const value = enums[column.cell].value.get(text);
      return value ? { value } : { problems: [`应为以下之一：${enums[column.cell].list}`] };
    }
    case 'itemCode': {
      if (!text) return { value: null };
      const id = lookups.items.get(text);
      return id ? { value: id } : { problems: [`本执法主体的权责清单中没有编码为“${text}”的事项`] };
    }
    case 'citations': {
      if (!text) return { value: [] };
      const { ids, problems } = await lookups.citations(text);
      return problems.length > 0 ? { problems } : { value: ids };
    }
    default:
      return { value: text };
  }
}

/** The lookups of one import: the agency's power-list items by code, the law library when a row cites. */
export async function sheetLookups(db: Kysely<DB>, agencyId: string, today: IsoDate): Promise<Lookups> {
  const items = await db
    .selectFrom('enforcement_item')
    .select(['id', 'code'])
    .where('agency_id', '=', agencyId)
    .execute();
  let library: LibraryLaw[] | undefined;
  return {
    items: new Map(items.map((i) => [i.code, i.id])),
    citations: async (text) => {
      library ??= await loadLibrary(db);
      return resolveCitations(text, library, today);
    },
  };
}
