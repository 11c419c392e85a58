import { isValidCreditCode } from '@zhifa/core';
import { z } from 'zod';
import { changedColumns } from '../../db/changes.js';
import type { AgencyTable } from '../../db/schema.js';
import { text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { agencyScope, notFound, requireAgencyInScope } from '../../http/scope.js';
import { listAgencies } from './service.js';

const idParams = z.strictObject({ id: uuid });
const creditCode = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .refine(isValidCreditCode, { message: '统一社会信用代码无效（应为 18 位，校验位须符合 GB 32100）' });
const regionCode = z.string().regex(/^\d{6}$/, { message: '行政区划代码应为 6 位数字（GB/T 2260）' });
const childLevel = { province: 'city', city: 'county', county: 'township' } as const;

export const agencyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/agencies',
    access: 'agency.read',
    summary: '可见的执法主体',
    handler: async ({ db, user }) => {
      const edit = mayTake(user, 'agency.manage');
      const items = await listAgencies(db, await agencyScope(db, user));
      return { items: items.map((a) => ({ ...a, actions: { edit } })) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/agencies/:id',
    access: 'agency.read',
    summary: '执法主体详情',
    params: idParams,
    handler: async ({ db, user, params }) => {
      await requireAgencyInScope(db, user, params.id, '执法主体');
      const [agency] = await listAgencies(db, [params.id]);
      if (!agency) throw notFound('执法主体');
      return { ...agency, actions: { edit: mayTake(user, 'agency.manage') } };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/agencies',
    access: 'agency.manage',
    summary: '新增下级执法主体（如乡镇）',
    body: z.strictObject({
      parentId: uuid,
      name: text(100),
      shortName: text(20),
      domain: text(50),
      creditCode,
      regionCode,
    }),
    handler: async ({ db, user, body, audit, record, reply }) => {
      await requireAgencyInScope(db, user, body.parentId, '上级执法主体');
      const parent = await db
        .selectFrom('agency')
        .select('level')
        .where('id', '=', body.parentId)
        .executeTakeFirstOrThrow();
      const level = childLevel[parent.level as keyof typeof childLevel];
      if (!level) throw notFound('上级执法主体');
      const row = await db
        .insertInto('agency')
        .values({
          parent_id: body.parentId,
          name: body.name,
          short_name: body.shortName,
          level,
          domain: body.domain,
          credit_code: body.creditCode,
          region_code: body.regionCode,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({ event: 'agency_created', outcome: 'success', target: body.name });
      await record({
        streamId: `agency:${row.id}`,
        agencyId: row.id,
        kind: 'agency.created',
        payload: { name: body.name, creditCode: body.creditCode },
      });
      reply.status(201);
      const [created] = await listAgencies(db, [row.id]);
      return created;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/agencies/:id',
    access: 'agency.manage',
    summary: '修改执法主体信息',
    params: idParams,
    body: z.strictObject({
      name: text(100).optional(),
      shortName: text(20).optional(),
      domain: text(50).optional(),
      creditCode: creditCode.optional(),
      regionCode: regionCode.optional(),
    }),
    handler: async ({ db, user, params, body, audit, record }) => {
      await requireAgencyInScope(db, user, params.id, '执法主体');
      await db
        .updateTable('agency')
        .set(
          changedColumns<AgencyTable>(body, {
            name: 'name',
            shortName: 'short_name',
            domain: 'domain',
            creditCode: 'credit_code',
            regionCode: 'region_code',
          }),
        )
        .where('id', '=', params.id)
        .execute();
      await audit({ event: 'agency_updated', outcome: 'success', target: params.id, detail: body });
      await record({
        streamId: `agency:${params.id}`,
        agencyId: params.id,
        kind: 'agency.updated',
        payload: { change: body },
      });
      const [updated] = await listAgencies(db, [params.id]);
      return updated;
    },
  }),
];
