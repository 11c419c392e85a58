/**
 * 窗口公示牌 (P8) in the console: list, create, replace and remove the boards of
 * an agency's service windows. The portal prints them at /agencies/:id/windows.
 * Each change is on the stream windowBoard:<id>.
 */
import { enforcementItemTypeLabels, enforcementItemTypes, shanghaiDateOf } from '@zhifa/core';
import { z } from 'zod';
import { uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { notFound, requireInScope } from '../../http/scope.js';
import { targetAgency } from '../../http/target-agency.js';
import { sendWorkbook, sheetUpload, uploadOf } from '../../xlsx/route.js';
import { boardFields } from './schema.js';
import { createBoard, loadBoards, removeBoard, staffCandidates, updateBoard } from './service.js';
import { exportBoards, importBoards } from './sheet.js';

const idParams = z.strictObject({ id: uuid });

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
      const id = await createBoard(db, record, agency.id, input, app.clock());
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
      await updateBoard(db, record, board, body, app.clock());
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
  defineRoute({
    method: 'GET',
    url: '/api/window-boards/export',
    access: 'windowBoard.manage',
    summary: '导出本机关窗口公示牌（.xlsx）',
    handler: async ({ db, user, app, reply }) => {
      const now = app.clock();
      const on = shanghaiDateOf(now);
      const data = await exportBoards(db, user.agencyId, now);
      return sendWorkbook(reply, data, `window-boards-${on}.xlsx`, `窗口公示牌-${on}.xlsx`);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/window-boards/import',
    access: 'windowBoard.manage',
    summary: '导入窗口公示牌（.xlsx，与导出格式相同；按窗口名称更新或新增，逐行校验，有误则不写入）',
    body: sheetUpload,
    handler: async ({ db, user, body, app, record }) =>
      importBoards(
        db,
        record,
        { agencyId: user.agencyId, ...uploadOf(body) },
        { now: app.clock(), digest: (idNumber) => app.cipher.digest(idNumber) },
      ),
  }),
];
