/**
 * 执法辅助人员名册 (Q2): each auxiliary with their unit, duties and the officer
 * they assist. Auxiliaries never act alone and never hold a certificate; the
 * register is part of the person register and follows its access rules.
 */
import { shanghaiDateOf } from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { isoDate, text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { agencyScope, notFound, requireInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { sendWorkbook, sheetUpload, uploadOf } from '../../xlsx/route.js';
import { changeAuxiliary, loadAuxiliaries, registerAuxiliary } from './service.js';
import { exportAuxiliaries, importAuxiliaries } from './sheet.js';

const idParams = z.strictObject({ id: uuid });

async function presentAuxiliaries(db: Kysely<DB>, viewer: CurrentUser, agencyIds: string[], ids?: string[]) {
  const edit = mayTake(viewer, 'person.manage');
  return (await loadAuxiliaries(db, agencyIds, ids)).map((row) => ({
    id: row.id,
    agencyId: row.agency_id,
    person: { id: row.person_id, name: row.name, position: row.position, active: row.active },
    unit: row.unit_id ? { id: row.unit_id, name: row.unit_name } : null,
    duties: row.duties,
    supervisingPerson: row.supervising_person_id
      ? { id: row.supervising_person_id, name: row.supervising_name }
      : null,
    registeredOn: row.registered_on,
    endedOn: row.ended_on,
    actions: { edit },
  }));
}

export const auxiliaryRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/auxiliaries',
    access: 'person.read',
    summary: '执法辅助人员名册',
    handler: async ({ db, user }) => ({
      items: await presentAuxiliaries(db, user, await agencyScope(db, user)),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auxiliaries',
    access: 'person.manage',
    summary: '登记执法辅助人员（岗位职责、带领的执法人员）',
    body: z.strictObject({
      personId: uuid,
      duties: text(500),
      supervisingPersonId: uuid.nullable().optional(),
      registeredOn: isoDate.optional(),
    }),
    handler: async ({ db, user, body, app, record, reply }) => {
      const person = await requireInScope(
        db,
        user,
        await db
          .selectFrom('person')
          .select(['id', 'agency_id', 'kind'])
          .where('id', '=', body.personId)
          .executeTakeFirst(),
        '人员',
      );
      const id = await registerAuxiliary(db, record, person, {
        duties: body.duties,
        supervisingPersonId: body.supervisingPersonId ?? null,
        registeredOn: body.registeredOn ?? shanghaiDateOf(app.clock()),
      });
      reply.status(201);
      const [created] = await presentAuxiliaries(db, user, [person.agency_id], [id]);
      return created;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/auxiliaries/:id',
    access: 'person.manage',
    summary: '修改辅助人员登记：职责、带领的执法人员、离岗日期',
    params: idParams,
    body: z.strictObject({
      duties: text(500).optional(),
      supervisingPersonId: uuid.nullable().optional(),
      endedOn: isoDate.nullable().optional(),
    }),
    handler: async ({ db, user, params, body, record }) => {
      const entry = await requireInScope(
        db,
        user,
        await db
          .selectFrom('auxiliary_register')
          .select(['id', 'agency_id', 'person_id', 'registered_on'])
          .where('id', '=', params.id)
          .executeTakeFirst(),
        '辅助人员登记',
      );
      await changeAuxiliary(db, record, entry, body);
      const [updated] = await presentAuxiliaries(db, user, [entry.agency_id], [entry.id]);
      if (!updated) throw notFound('辅助人员登记');
      return updated;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auxiliaries/export',
    access: 'person.manage',
    summary: '导出本机关执法辅助人员名册（.xlsx，身份证号脱敏）',
    handler: async ({ db, user, app, reply }) => {
      const now = app.clock();
      const on = shanghaiDateOf(now);
      const data = await exportAuxiliaries(db, user.agencyId, now);
      return sendWorkbook(reply, data, `auxiliaries-${on}.xlsx`, `执法辅助人员名册-${on}.xlsx`);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auxiliaries/import',
    access: 'person.manage',
    summary: '导入执法辅助人员名册（.xlsx，与导出格式相同；按人员更新或登记，逐行校验，有误则不写入）',
    body: sheetUpload,
    handler: async ({ db, user, body, app, record }) =>
      importAuxiliaries(
        db,
        record,
        { agencyId: user.agencyId, ...uploadOf(body) },
        { today: shanghaiDateOf(app.clock()), digest: (idNumber) => app.cipher.digest(idNumber) },
      ),
  }),
];
