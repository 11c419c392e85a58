import { AppError } from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { changedColumns } from '../../db/changes.js';
import type { DB, UnitTable } from '../../db/schema.js';
import { text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { requireAgencyInScope, requireInScope } from '../../http/scope.js';

const idParams = z.strictObject({ id: uuid });

/** A unit's parent must be a unit of the same agency, and not the unit itself or below it. */
async function checkParent(
  db: Kysely<DB>,
  agencyId: string,
  parentId: string | null | undefined,
  selfId?: string,
) {
  if (!parentId) return;
  let cursor: string | null = parentId;
  while (cursor) {
    if (cursor === selfId)
      throw new AppError('VALIDATION_FAILED', '上级机构不能是本机构或其下级', { field: 'body.parentId' });
    const parent: { agency_id: string; parent_id: string | null } | undefined = await db
      .selectFrom('unit')
      .select(['agency_id', 'parent_id'])
      .where('id', '=', cursor)
      .executeTakeFirst();
    if (parent?.agency_id !== agencyId)
      throw new AppError('VALIDATION_FAILED', '上级机构不属于该执法主体', { field: 'body.parentId' });
    cursor = parent.parent_id;
  }
}

export const unitRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/units',
    access: 'agency.read',
    summary: '承办机构（科室、中队）',
    query: z.strictObject({ agencyId: uuid.optional() }),
    handler: async ({ db, user, query }) => {
      const agencyId = query.agencyId ?? user.agencyId;
      await requireAgencyInScope(db, user, agencyId, '执法主体');
      const rows = await db
        .selectFrom('unit')
        .select(['id', 'agency_id', 'parent_id', 'name'])
        .where('agency_id', '=', agencyId)
        .orderBy('name')
        .execute();
      const edit = mayTake(user, 'unit.manage');
      return {
        items: rows.map((r) => ({
          id: r.id,
          agencyId: r.agency_id,
          parentId: r.parent_id,
          name: r.name,
          actions: { edit },
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/units',
    access: 'unit.manage',
    summary: '新增承办机构',
    body: z.strictObject({
      name: text(100),
      parentId: uuid.nullable().optional(),
      agencyId: uuid.optional(),
    }),
    handler: async ({ db, user, body, audit, record, reply }) => {
      const agencyId = body.agencyId ?? user.agencyId;
      await requireAgencyInScope(db, user, agencyId, '执法主体');
      await checkParent(db, agencyId, body.parentId);
      const row = await db
        .insertInto('unit')
        .values({ agency_id: agencyId, name: body.name, parent_id: body.parentId ?? null })
        .returning(['id', 'agency_id', 'parent_id', 'name'])
        .executeTakeFirstOrThrow();
      await audit({ event: 'unit_created', outcome: 'success', target: body.name });
      await record({
        streamId: `unit:${row.id}`,
        agencyId,
        kind: 'unit.created',
        payload: { name: body.name },
      });
      reply.status(201);
      return { id: row.id, agencyId: row.agency_id, parentId: row.parent_id, name: row.name };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/units/:id',
    access: 'unit.manage',
    summary: '修改承办机构',
    params: idParams,
    body: z.strictObject({ name: text(100).optional(), parentId: uuid.nullable().optional() }),
    handler: async ({ db, user, params, body, audit, record }) => {
      const unit = await requireInScope(
        db,
        user,
        await db
          .selectFrom('unit')
          .select(['id', 'agency_id', 'name'])
          .where('id', '=', params.id)
          .executeTakeFirst(),
        '承办机构',
      );
      await checkParent(db, unit.agency_id, body.parentId, unit.id);
      const row = await db
        .updateTable('unit')
        .set(changedColumns<UnitTable>(body, { name: 'name', parentId: 'parent_id' }))
        .where('id', '=', unit.id)
        .returning(['id', 'agency_id', 'parent_id', 'name'])
        .executeTakeFirstOrThrow();
      await audit({ event: 'unit_updated', outcome: 'success', target: unit.name, detail: body });
      await record({
        streamId: `unit:${unit.id}`,
        agencyId: unit.agency_id,
        kind: 'unit.updated',
        payload: { change: body },
      });
      return { id: row.id, agencyId: row.agency_id, parentId: row.parent_id, name: row.name };
    },
  }),
];
