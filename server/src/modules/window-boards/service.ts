/**
 * 窗口公示牌 (P8): per service window, the unit, the staff on duty (persons of the
 * register: name and position are never typed twice), the kinds of enforcement
 * it handles, the services offered, office hours and phone. Read by the console
 * and the portal; written only here (console and sheet import alike), each
 * write with its ledger event.
 */
import { AppError, type EnforcementItemType, enforcementItemTypeLabels } from '@zhifa/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Recorder } from '../publication/service.js';

export interface BoardInput {
  name: string;
  unitId: string | null;
  enforcementTypes: EnforcementItemType[];
  services: string[];
  officeHours: string;
  phone: string;
  location: string;
  sortOrder: number;
  staff: { personId: string; duty: string }[];
}

export async function loadBoards(db: Kysely<DB>, agencyId: string, ids?: string[]) {
  if (ids?.length === 0) return [];
  let query = db
    .selectFrom('window_board as b')
    .leftJoin('unit as n', 'n.id', 'b.unit_id')
    .select([
      'b.id',
      'b.agency_id',
      'b.name',
      'b.unit_id',
      'n.name as unit_name',
      'b.enforcement_types',
      'b.services',
      'b.office_hours',
      'b.phone',
      'b.location',
      'b.sort_order',
      'b.updated_at',
    ])
    .where('b.agency_id', '=', agencyId)
    .orderBy('b.sort_order')
    .orderBy('b.name');
  if (ids) query = query.where('b.id', 'in', ids);
  const boards = await query.execute();
  if (boards.length === 0) return [];
  const staff = await db
    .selectFrom('window_board_staff as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .select([
      's.board_id',
      's.person_id',
      'p.name',
      'p.position',
      'p.active',
      'n.name as unit_name',
      's.duty',
    ])
    .where(
      's.board_id',
      'in',
      boards.map((b) => b.id),
    )
    .orderBy('s.sort_order')
    .execute();
  return boards.map((b) => ({
    id: b.id,
    agencyId: b.agency_id,
    name: b.name,
    unit: b.unit_id ? { id: b.unit_id, name: b.unit_name } : null,
    enforcementTypes: b.enforcement_types,
    enforcementTypeLabels: b.enforcement_types.map((t) => enforcementItemTypeLabels[t] ?? t),
    services: b.services,
    officeHours: b.office_hours,
    phone: b.phone,
    location: b.location,
    sortOrder: b.sort_order,
    updatedAt: b.updated_at,
    staff: staff
      .filter((s) => s.board_id === b.id)
      .map((s) => ({
        personId: s.person_id,
        name: s.name,
        position: s.position,
        unit: s.unit_name,
        duty: s.duty,
        active: s.active,
      })),
  }));
}

export type WindowBoard = Awaited<ReturnType<typeof loadBoards>>[number];

/** The unit and every person on duty belong to the board's agency; a person is listed once. */
export async function checkBoard(db: Kysely<DB>, agencyId: string, input: BoardInput) {
  if (input.unitId) {
    const unit = await db
      .selectFrom('unit')
      .select('agency_id')
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (unit?.agency_id !== agencyId)
      throw new AppError('VALIDATION_FAILED', '承办机构不属于该执法主体', { field: 'body.unitId' });
  }
  const ids = input.staff.map((s) => s.personId);
  const persons = ids.length
    ? await db.selectFrom('person').select(['id', 'agency_id', 'active']).where('id', 'in', ids).execute()
    : [];
  const byId = new Map(persons.map((p) => [p.id, p]));
  const seen = new Set<string>();
  input.staff.forEach((s, i) => {
    const field = `body.staff.${i}.personId`;
    const person = byId.get(s.personId);
    if (person?.agency_id !== agencyId)
      throw new AppError('VALIDATION_FAILED', '该人员不属于该执法主体', { field });
    if (!person.active)
      throw new AppError('RULE_VIOLATION', '该人员已不在职，不能公示为窗口工作人员', { field });
    if (seen.has(s.personId)) throw new AppError('VALIDATION_FAILED', '同一人员重复列出', { field });
    seen.add(s.personId);
  });
  const duplicate = input.services.findIndex((s, i) => input.services.indexOf(s) !== i);
  if (duplicate >= 0)
    throw new AppError('VALIDATION_FAILED', '服务事项重复', { field: `body.services.${duplicate}` });
}

async function refuseDuplicateName(db: Kysely<DB>, agencyId: string, name: string, except?: string) {
  let query = db
    .selectFrom('window_board')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('name', '=', name);
  if (except) query = query.where('id', '<>', except);
  if (await query.executeTakeFirst())
    throw new AppError('CONFLICT', `已有名为“${name}”的窗口`, { field: 'body.name' });
}

async function writeStaff(db: Kysely<DB>, boardId: string, agencyId: string, staff: BoardInput['staff']) {
  await db.deleteFrom('window_board_staff').where('board_id', '=', boardId).execute();
  if (staff.length)
    await db
      .insertInto('window_board_staff')
      .values(
        staff.map((s, i) => ({
          board_id: boardId,
          agency_id: agencyId,
          person_id: s.personId,
          duty: s.duty,
          sort_order: i,
        })),
      )
      .execute();
}

const columns = (input: BoardInput) => ({
  name: input.name,
  unit_id: input.unitId,
  enforcement_types: input.enforcementTypes,
  services: input.services,
  office_hours: input.officeHours,
  phone: input.phone,
  location: input.location,
  sort_order: input.sortOrder,
});

export async function createBoard(
  db: Kysely<DB>,
  record: Recorder,
  agencyId: string,
  input: BoardInput,
  now: Date,
) {
  await checkBoard(db, agencyId, input);
  await refuseDuplicateName(db, agencyId, input.name);
  const row = await db
    .insertInto('window_board')
    .values({ agency_id: agencyId, ...columns(input), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeStaff(db, row.id, agencyId, input.staff);
  await record({
    streamId: `windowBoard:${row.id}`,
    agencyId,
    kind: 'windowBoard.created',
    payload: { board: { ...input } },
  });
  return row.id;
}

/** Replaces the board's content as a whole. */
export async function updateBoard(
  db: Kysely<DB>,
  record: Recorder,
  board: { id: string; agency_id: string },
  input: BoardInput,
  now: Date,
) {
  await checkBoard(db, board.agency_id, input);
  await refuseDuplicateName(db, board.agency_id, input.name, board.id);
  await db
    .updateTable('window_board')
    .set({ ...columns(input), updated_at: now })
    .where('id', '=', board.id)
    .execute();
  await writeStaff(db, board.id, board.agency_id, input.staff);
  await record({
    streamId: `windowBoard:${board.id}`,
    agencyId: board.agency_id,
    kind: 'windowBoard.updated',
    payload: { change: { ...input } },
  });
}

export async function removeBoard(db: Kysely<DB>, boardId: string) {
  await db.deleteFrom('window_board_staff').where('board_id', '=', boardId).execute();
  await db.deleteFrom('window_board').where('id', '=', boardId).execute();
}

/** Who may be listed on duty: the agency's active persons (an auxiliary may staff a window, never decide). */
export async function staffCandidates(db: Kysely<DB>, agencyId: string) {
  return db
    .selectFrom('person as p')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .select(['p.id', 'p.name', 'p.position', 'p.kind', 'n.name as unit'])
    .where('p.agency_id', '=', agencyId)
    .where('p.active', '=', true)
    .orderBy('n.name')
    .orderBy('p.name')
    .execute();
}
