/**
 * 窗口公示牌 (P8) in the console: list, create, replace and remove the boards of
 * an agency's service windows. The portal prints them at /agencies/:id/windows.
 * Each change is on the stream windowBoard:<id>.
 */
import { enforcementItemTypeLabels, enforcementItemTypes } from '@zhifa/core';
import { z } from 'zod';
import { text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { notFound, requireInScope } from '../../http/scope.js';
import { targetAgency } from '../../http/target-agency.js';
import { profileBody } from '../agency-profiles/routes.js';
import { createBoard, loadBoards, removeBoard, staffCandidates, updateBoard } from './service.js';

const idParams = z.strictObject({ id: uuid });

const boardFields = {
  name: text(100),
  unitId: uuid.nullable(),
  enforcementTypes: z
    .array(z.enum(enforcementItemTypes))
    .min(1, { message: '至少选择一类执法行为' })
    .max(enforcementItemTypes.length)
    .refine((list) => new Set(list).size === list.length, { message: '执法类别重复' }),
  services: z.array(text(200)).min(1, { message: '至少列出一项服务事项' }).max(50),
  officeHours: text(200),
  phone: profileBody.shape.phone.pipe(z.string().min(1, { message: '不能为空' })),
  location: text(200, 0).default(''),
  sortOrder: z.number().int().min(0).max(999).default(0),
  staff: z
    .array(z.strictObject({ personId: uuid, duty: text(50, 0).default('') }))
    .max(30)
    .default([]),
};

async function loadForChange(db: Parameters<typeof loadBoards>[0], id: string) {
  return db
    .selectFrom('window_board')
    .select(['id', 'agency_id', 'name'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export const windowBoardRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/window-boards',
    access: 'agency.read',
    summary: '窗口公示牌：窗口、承办机构、在岗人员、执法类别、服务事项、办公时间和电话',
    query: z.strictObject({ agencyId: uuid.optional() }),
    handler: async ({ db, user, query }) => {
      const agency = await targetAgency(db, user, query.agencyId);
      const manage = mayTake(user, 'windowBoard.manage');
      return {
        agency,
        items: await loadBoards(db, agency.id),
        enforcementTypes: enforcementItemTypes.map((value) => ({
          value,
          label: enforcementItemTypeLabels[value],
        })),
        // What the editor offers: the agency's units and the persons who may be listed on duty.
        units: manage
          ? await db
              .selectFrom('unit')
              .select(['id', 'name', 'parent_id as parentId'])
              .where('agency_id', '=', agency.id)
              .orderBy('name')
              .execute()
          : [],
        staffCandidates: manage ? await staffCandidates(db, agency.id) : [],
        actions: { manage },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/window-boards',
    access: 'windowBoard.manage',
    summary: '新增窗口公示牌',
    body: z.strictObject({ agencyId: uuid.optional(), ...boardFields }),
    handler: async ({ db, user, body, app, record, reply }) => {
      const agency = await targetAgency(db, user, body.agencyId);
      const { agencyId: _, ...input } = body;
      const id = await createBoard(db, agency.id, input, app.clock());
      await record({
        streamId: `windowBoard:${id}`,
        agencyId: agency.id,
        kind: 'windowBoard.created',
        payload: { board: input },
      });
      reply.status(201);
      const [created] = await loadBoards(db, agency.id, [id]);
      return created;
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/window-boards/:id',
    access: 'windowBoard.manage',
    summary: '修改窗口公示牌（整体替换）',
    params: idParams,
    body: z.strictObject(boardFields),
    handler: async ({ db, user, params, body, app, record }) => {
      const board = await requireInScope(db, user, await loadForChange(db, params.id), '窗口公示牌');
      await updateBoard(db, board, body, app.clock());
      await record({
        streamId: `windowBoard:${board.id}`,
        agencyId: board.agency_id,
        kind: 'windowBoard.updated',
        payload: { change: body },
      });
      const [updated] = await loadBoards(db, board.agency_id, [board.id]);
      if (!updated) throw notFound('窗口公示牌');
      return updated;
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/window-boards/:id',
    access: 'windowBoard.manage',
    summary: '删除窗口公示牌（窗口撤销时）',
    params: idParams,
    handler: async ({ db, user, params, record, reply }) => {
      const board = await requireInScope(db, user, await loadForChange(db, params.id), '窗口公示牌');
      await removeBoard(db, board.id);
      await record({
        streamId: `windowBoard:${board.id}`,
        agencyId: board.agency_id,
        kind: 'windowBoard.removed',
        payload: { name: board.name },
      });
      reply.status(204);
      return null;
    },
  }),
];
