/**
 * People (执法人员、辅助人员、审核人员…) with the 身份证号 encrypted at rest
 * (SM4) and shown masked, except through the audited reveal action.
 */
import { AppError, idNumberProblem, maskIdNumber } from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { changedColumns } from '../../db/changes.js';
import type { DB, PersonTable } from '../../db/schema.js';
import { text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { agencyScope, notFound, requireAgencyInScope, requireInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { checkMembership } from '../users/service.js';

export const personKindLabels = {
  officer: '执法人员',
  auxiliary: '执法辅助人员',
  reviewer: '法制审核人员',
  head: '机关负责人',
  staff: '工作人员',
} as const;
const personKind = z.enum(['officer', 'auxiliary', 'reviewer', 'head', 'staff']);
const idParams = z.strictObject({ id: uuid });
const idNumber = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .superRefine((value, ctx) => {
    const problem = idNumberProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

async function presentPersons(
  db: Kysely<DB>,
  viewer: CurrentUser,
  where: { agencyIds: string[]; ids?: string[] },
) {
  if (where.agencyIds.length === 0) return [];
  let query = db
    .selectFrom('person as p')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .leftJoin('app_user as u', 'u.person_id', 'p.id')
    .select([
      'p.id',
      'p.agency_id',
      'p.name',
      'p.kind',
      'p.position',
      'p.id_number_masked',
      'p.active',
      'p.unit_id',
      'n.name as unit_name',
      'u.username',
    ])
    .where('p.agency_id', 'in', where.agencyIds)
    .orderBy('p.kind')
    .orderBy('p.name');
  if (where.ids) query = query.where('p.id', 'in', where.ids);
  const manage = mayTake(viewer, 'person.manage');
  const reveal = mayTake(viewer, 'person.revealIdNumber');
  return (await query.execute()).map((row) => ({
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    kind: row.kind,
    kindLabel: personKindLabels[row.kind],
    position: row.position,
    unit: row.unit_id ? { id: row.unit_id, name: row.unit_name } : null,
    idNumberMasked: row.id_number_masked,
    active: row.active,
    username: row.username,
    actions: { edit: manage, revealIdNumber: reveal },
  }));
}

async function loadPerson(db: Kysely<DB>, user: CurrentUser, id: string) {
  const row = await db
    .selectFrom('person')
    .select(['id', 'agency_id', 'name', 'id_number_cipher'])
    .where('id', '=', id)
    .executeTakeFirst();
  return requireInScope(db, user, row, '人员');
}

export const personRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/persons',
    access: 'person.read',
    summary: '人员名册（身份证号脱敏）',
    handler: async ({ db, user }) => ({
      items: await presentPersons(db, user, { agencyIds: await agencyScope(db, user) }),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/persons',
    access: 'person.manage',
    summary: '登记人员',
    body: z.strictObject({
      name: text(50),
      kind: personKind,
      unitId: uuid.nullable().optional(),
      position: text(50, 0).optional(),
      idNumber,
      agencyId: uuid.optional(),
    }),
    handler: async ({ db, user, body, app, audit, record, reply }) => {
      const agencyId = body.agencyId ?? user.agencyId;
      await requireAgencyInScope(db, user, agencyId, '执法主体');
      await checkMembership(db, agencyId, { unitId: body.unitId });
      const digest = app.cipher.digest(body.idNumber);
      const existing = await db
        .selectFrom('person')
        .select('id')
        .where('id_number_digest', '=', digest)
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      // The agency's own roster only: another agency's people are not its business (SEC-7).
      if (existing)
        throw new AppError('CONFLICT', '本机关已登记该身份证号的人员', { field: 'body.idNumber' });
      const row = await db
        .insertInto('person')
        .values({
          agency_id: agencyId,
          unit_id: body.unitId ?? null,
          name: body.name,
          kind: body.kind,
          position: body.position ?? '',
          id_number_cipher: app.cipher.encrypt(body.idNumber),
          id_number_digest: digest,
          id_number_masked: maskIdNumber(body.idNumber),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({ event: 'person_created', outcome: 'success', target: body.name });
      await record({
        streamId: `person:${row.id}`,
        agencyId: user.agencyId,
        kind: 'person.created',
        payload: { name: body.name, kind: body.kind },
      });
      reply.status(201);
      const [created] = await presentPersons(db, user, { agencyIds: [agencyId], ids: [row.id] });
      return created;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/persons/:id',
    access: 'person.manage',
    summary: '修改人员信息',
    params: idParams,
    body: z.strictObject({
      name: text(50).optional(),
      kind: personKind.optional(),
      unitId: uuid.nullable().optional(),
      position: text(50, 0).optional(),
      active: z.boolean().optional(),
    }),
    handler: async ({ db, user, params, body, audit, record }) => {
      const person = await loadPerson(db, user, params.id);
      await checkMembership(db, person.agency_id, { unitId: body.unitId });
      await db
        .updateTable('person')
        .set(
          changedColumns<PersonTable>(body, {
            name: 'name',
            kind: 'kind',
            unitId: 'unit_id',
            position: 'position',
            active: 'active',
          }),
        )
        .where('id', '=', person.id)
        .execute();
      await audit({ event: 'person_updated', outcome: 'success', target: person.name, detail: body });
      await record({
        streamId: `person:${person.id}`,
        agencyId: person.agency_id,
        kind: 'person.updated',
        payload: { change: body },
      });
      const [updated] = await presentPersons(db, user, { agencyIds: [person.agency_id], ids: [person.id] });
      if (!updated) throw notFound('人员');
      return updated;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/persons/:id/id-number',
    access: 'person.revealIdNumber',
    summary: '查看完整身份证号（记入安全审计）',
    params: idParams,
    handler: async ({ db, user, params, app, audit }) => {
      const person = await loadPerson(db, user, params.id);
      await audit({ event: 'id_number_revealed', outcome: 'success', target: person.name });
      return { idNumber: app.cipher.decrypt(person.id_number_cipher) };
    },
  }),
];
