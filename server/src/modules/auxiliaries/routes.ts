/**
 * 执法辅助人员名册 (Q2): each auxiliary with their unit, duties and the officer
 * they assist. Auxiliaries never act alone and never hold a certificate; the
 * register is part of the person register and follows its access rules.
 */
import { AppError, shanghaiDateOf } from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { changedColumns } from '../../db/changes.js';
import type { AuxiliaryRegisterTable, DB } from '../../db/schema.js';
import { isoDate, text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { agencyScope, notFound, requireInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';

const idParams = z.strictObject({ id: uuid });

async function presentAuxiliaries(db: Kysely<DB>, viewer: CurrentUser, agencyIds: string[], ids?: string[]) {
  if (agencyIds.length === 0 || ids?.length === 0) return [];
  let query = db
    .selectFrom('auxiliary_register as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('unit as n', 'n.id', 'p.unit_id')
    .leftJoin('person as s', 's.id', 'r.supervising_person_id')
    .select([
      'r.id',
      'r.agency_id',
      'r.person_id',
      'p.name',
      'p.position',
      'p.active',
      'p.unit_id',
      'n.name as unit_name',
      'r.duties',
      'r.supervising_person_id',
      's.name as supervising_name',
      'r.registered_on',
      'r.ended_on',
    ])
    .where('r.agency_id', 'in', agencyIds)
    .orderBy('n.name')
    .orderBy('p.name');
  if (ids) query = query.where('r.id', 'in', ids);
  const edit = mayTake(viewer, 'person.manage');
  return (await query.execute()).map((row) => ({
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

/** Q2: the assisting officer belongs to the same agency and is not an auxiliary. */
async function checkSupervisor(db: Kysely<DB>, agencyId: string, personId: string | null | undefined) {
  if (!personId) return;
  const person = await db
    .selectFrom('person')
    .select(['agency_id', 'kind'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (person?.agency_id !== agencyId)
    throw new AppError('VALIDATION_FAILED', '带领的执法人员不属于该执法主体', {
      field: 'body.supervisingPersonId',
    });
  if (person.kind === 'auxiliary')
    throw new AppError('RULE_VIOLATION', '辅助人员须由执法人员带领，不能由另一名辅助人员带领', {
      field: 'body.supervisingPersonId',
    });
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
      if (person.kind !== 'auxiliary')
        throw new AppError('RULE_VIOLATION', '只有人员类别为“执法辅助人员”的人员才能登记入辅助人员名册', {
          field: 'body.personId',
        });
      await checkSupervisor(db, person.agency_id, body.supervisingPersonId);
      const taken = await db
        .selectFrom('auxiliary_register')
        .select('id')
        .where('person_id', '=', person.id)
        .executeTakeFirst();
      if (taken) throw new AppError('CONFLICT', '该人员已在辅助人员名册中', { field: 'body.personId' });
      const registeredOn = body.registeredOn ?? shanghaiDateOf(app.clock());
      const row = await db
        .insertInto('auxiliary_register')
        .values({
          agency_id: person.agency_id,
          person_id: person.id,
          duties: body.duties,
          supervising_person_id: body.supervisingPersonId ?? null,
          registered_on: registeredOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await record({
        streamId: `person:${person.id}`,
        agencyId: person.agency_id,
        kind: 'auxiliary.registered',
        payload: {
          duties: body.duties,
          supervisingPersonId: body.supervisingPersonId ?? null,
          registeredOn,
        },
      });
      reply.status(201);
      const [created] = await presentAuxiliaries(db, user, [person.agency_id], [row.id]);
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
      await checkSupervisor(db, entry.agency_id, body.supervisingPersonId);
      if (body.endedOn && body.endedOn < entry.registered_on)
        throw new AppError('VALIDATION_FAILED', '离岗日期不能早于登记日期', { field: 'body.endedOn' });
      await db
        .updateTable('auxiliary_register')
        .set(
          changedColumns<AuxiliaryRegisterTable>(body, {
            duties: 'duties',
            supervisingPersonId: 'supervising_person_id',
            endedOn: 'ended_on',
          }),
        )
        .where('id', '=', entry.id)
        .execute();
      await record({
        streamId: `person:${entry.person_id}`,
        agencyId: entry.agency_id,
        kind: 'auxiliary.updated',
        payload: { change: body },
      });
      const [updated] = await presentAuxiliaries(db, user, [entry.agency_id], [entry.id]);
      if (!updated) throw notFound('辅助人员登记');
      return updated;
    },
  }),
];
