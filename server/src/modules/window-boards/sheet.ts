/**
 * The window boards as a sheet (P8): one row per service window of the agency.
 * Cells that hold lists put one entry per line (Alt+Enter in Excel), since a
 * service's own wording may contain 、: the services, and the staff on duty as
 * `姓名：职责` (the masked 身份证号 after the name where two persons share it,
 * as the auxiliary and reviewer sheets do). The same layout imports into the
 * caller's agency: a row whose window name the agency has replaces that board
 * where it differs, any other row adds a board; both go through the console's
 * checks and writes. Nothing is written unless every row is good; boards the
 * sheet leaves out are left alone (removing one is a console action).
 */
import {
  type EnforcementItemType,
  enforcementItemTypeLabels,
  enforcementItemTypeShortLabels,
  enforcementItemTypes,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { type CellOut, readSheet, type SheetColumn, splitCell, writeWorkbook } from '../../xlsx/sheet.js';
import {
  importRows,
  PersonDirectory,
  personDirectory,
  type RegisterImportOutcome,
  type RowCheck,
} from '../persons/sheet-cells.js';
import type { Recorder } from '../publication/service.js';
import { boardFields } from './schema.js';
import {
  type BoardInput,
  checkBoard,
  createBoard,
  loadBoards,
  updateBoard,
  type WindowBoard,
} from './service.js';

type Key =
  | 'name'
  | 'unit'
  | 'enforcementTypes'
  | 'services'
  | 'staff'
  | 'officeHours'
  | 'phone'
  | 'location'
  | 'sortOrder';

/** Columns that can clear a value are required, so a sheet without them cannot clear it by accident. */
export const boardColumns: readonly SheetColumn<Key>[] = [
  { key: 'name', header: '窗口名称', width: 22, required: true },
  { key: 'unit', header: '承办机构', width: 14, required: true },
  { key: 'enforcementTypes', header: '执法类别', width: 18, required: true },
  { key: 'services', header: '服务事项', width: 40, required: true },
  { key: 'staff', header: '在岗人员', width: 28, required: true },
  { key: 'officeHours', header: '办公时间', width: 24, required: true },
  { key: 'phone', header: '咨询电话', width: 16, required: true },
  { key: 'location', header: '窗口位置', width: 20, required: true },
  { key: 'sortOrder', header: '排序', width: 8 },
];
export const boardSheetName = '窗口公示牌';

const typeByText = new Map<string, EnforcementItemType>(
  enforcementItemTypes.flatMap((type) => [
    [enforcementItemTypeLabels[type], type],
    [enforcementItemTypeShortLabels[type], type],
    [type, type],
  ]),
);

const lines = (cell: string) =>
  cell
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const boardSchema = z.strictObject(boardFields);

/** Which column a field of the board (as the console sends it) is in. */
function columnOf(path: string): Key {
  const field = path.replace(/^body\./, '').split('.')[0]!;
  if (field === 'unitId') return 'unit';
  return (boardColumns.some((c) => c.key === field) ? field : 'name') as Key;
}

export async function exportBoards(db: Kysely<DB>, agencyId: string, now: Date) {
  const directory = await personDirectory(db, agencyId);
  const rows = (await loadBoards(db, agencyId)).map(
    (board): Record<Key, CellOut> => ({
      name: board.name,
      unit: board.unit?.name ?? '',
      enforcementTypes: board.enforcementTypes
        .map((t) => enforcementItemTypeLabels[t as EnforcementItemType] ?? t)
        .join('、'),
      services: board.services.join('\n'),
      staff: board.staff
        .map((s) => `${directory.label(s.personId)}${s.duty ? `：${s.duty}` : ''}`)
        .join('\n'),
      officeHours: board.officeHours,
      phone: board.phone,
      location: board.location,
      sortOrder: board.sortOrder,
    }),
  );
  return writeWorkbook([{ name: boardSheetName, columns: boardColumns, rows }], {
    creator: 'zhifa',
    created: now,
  });
}

/** Whether the row says what the board already holds. */
function sameBoard(board: WindowBoard, input: BoardInput) {
  const same = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  return (
    (board.unit?.id ?? null) === input.unitId &&
    same(board.enforcementTypes, input.enforcementTypes) &&
    same(board.services, input.services) &&
    board.officeHours === input.officeHours &&
    board.phone === input.phone &&
    board.location === input.location &&
    board.sortOrder === input.sortOrder &&
    same(
      board.staff.map((s) => [s.personId, s.duty]),
      input.staff.map((s) => [s.personId, s.duty]),
    )
  );
}

type Planned =
  | { kind: 'update'; board: WindowBoard; content: BoardInput }
  | { kind: 'create'; content: BoardInput };

export async function importBoards(
  db: Kysely<DB>,
  record: Recorder,
  input: { agencyId: string; data: Buffer; dryRun: boolean },
  context: { now: Date; digest: (idNumber: string) => string },
): Promise<RegisterImportOutcome> {
  const rows = await readSheet(input.data, boardColumns, { maxRows: 500, sheetName: boardSheetName });
  const directory = await personDirectory(db, input.agencyId, context.digest);
  const units = new Map(
    (
      await db.selectFrom('unit').select(['id', 'name']).where('agency_id', '=', input.agencyId).execute()
    ).map((u) => [u.name, u.id]),
  );
  const boards = new Map((await loadBoards(db, input.agencyId)).map((b) => [b.name, b]));
  const seen = new Map<string, number>();
  const check: RowCheck<Key, Planned> = async ({ row, values }, problem, failed) => {
    let unitId: string | null = null;
    if (values.unit) {
      unitId = units.get(values.unit) ?? null;
      if (!unitId) problem('unit', `本执法主体没有承办机构“${values.unit}”`);
    }
    const enforcementTypes: EnforcementItemType[] = [];
    for (const label of splitCell(values.enforcementTypes)) {
      const type = typeByText.get(label);
      if (type) enforcementTypes.push(type);
      else
        problem(
          'enforcementTypes',
          `“${label}”不是执法类别（${enforcementItemTypes.map((t) => enforcementItemTypeLabels[t]).join('、')}）`,
        );
    }
    const staff: { personId: string; duty: string }[] = [];
    for (const line of lines(values.staff)) {
      const [, who = line, duty = ''] = /^([^：:]*)[：:](.*)$/.exec(line) ?? [];
      const named = PersonDirectory.parse(who);
      const found = directory.find(named.name, named.idNumber, (p) => p.active);
      if ('problem' in found) problem('staff', found.problem);
      else staff.push({ personId: found.person.id, duty: duty.trim() });
    }
    const existing = boards.get(values.name.normalize('NFC'));
    let sortOrder = existing?.sortOrder ?? 0;
    if (values.sortOrder) {
      if (/^\d{1,3}$/.test(values.sortOrder)) sortOrder = Number(values.sortOrder);
      else problem('sortOrder', '应为 0–999 的整数（留空则不变）');
    }
    const parsed = boardSchema.safeParse({
      name: values.name,
      unitId,
      enforcementTypes,
      services: lines(values.services),
      officeHours: values.officeHours,
      phone: values.phone,
      location: values.location,
      sortOrder,
      staff,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) problem(columnOf(issue.path.join('.')), issue.message);
    if (failed() || !parsed.success) return;
    const content = parsed.data;
    const earlier = seen.get(content.name);
    if (earlier !== undefined) {
      problem('name', `与第${earlier}行的窗口名称重复`);
      return;
    }
    seen.set(content.name, row);
    const board = boards.get(content.name);
    if (board && sameBoard(board, content)) return 'unchanged';
    await checkBoard(db, input.agencyId, content);
    return board ? { kind: 'update', board, content } : { kind: 'create', content };
  };

  return importRows(
    rows,
    { columns: boardColumns, what: '窗口公示牌', columnOf },
    check,
    async (plan) => {
      if (plan.kind === 'update')
        await updateBoard(
          db,
          record,
          { id: plan.board.id, agency_id: input.agencyId },
          plan.content,
          context.now,
        );
      else await createBoard(db, record, input.agencyId, plan.content, context.now);
    },
    input.dryRun,
  );
}
