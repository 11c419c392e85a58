/**
 * The violation as an item of the agency's 权责清单 (issue 17): the case names the item, and the
 * case page shows its current version — name, the fine its 罚则 allows, and the articles it cites,
 * each one click from its text in the law library. The proposal is held to that fine (X4).
 */
import { AppError, type EnforcementItemType, enforcementItemTypeLabels, type IsoDate } from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { uuid } from '../../http/fields.js';
import { defineRoute } from '../../http/route.js';
import { loadBasis, presentBasis } from '../enforcement-items/presenter.js';
import { ruleContext } from '../settings/rule-context.js';
import { presentAfter } from './load.js';
import { idParams } from './schema.js';
import { caseStream, lockCase, requireAgencyItem, saveCase } from './service.js';

/** The linked item's current version as the case page shows it, or null. */
export async function caseItemOf(db: Kysely<DB>, itemId: string | null, today: IsoDate) {
  if (!itemId) return null;
  const version = await db
    .selectFrom('enforcement_item as i')
    .innerJoin('enforcement_item_version as v', (join) =>
      join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.latest_version'),
    )
    .select([
      'i.id',
      'i.code',
      'v.id as version_id',
      'v.name',
      'v.type',
      'v.fine_min_yuan',
      'v.fine_max_yuan',
    ])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!version) return null;
  const basis = presentBasis(await loadBasis(db, [version.version_id]), today);
  return {
    id: version.id,
    code: version.code,
    name: version.name,
    typeLabel: enforcementItemTypeLabels[version.type as EnforcementItemType],
    fineMinYuan: version.fine_min_yuan === null ? null : Number(version.fine_min_yuan),
    fineMaxYuan: version.fine_max_yuan === null ? null : Number(version.fine_max_yuan),
    basis: basis.map((b) => ({
      citation: `《${b.law.title}》${b.number}`,
      url: `/laws/${b.law.id}#${b.anchor}`,
      text: b.text,
    })),
  };
}

const itemBody = z.strictObject({ version: z.number().int().min(1), enforcementItemId: uuid });

export const itemRoutes = [
  defineRoute({
    method: 'PUT',
    url: '/api/cases/:id/item',
    access: 'case.handle',
    summary: '关联执法事项（本机关权责清单中的事项；决定作出后不能更改）',
    params: idParams,
    body: itemBody,
    handler: async ({ db, user, params, body, app, record }) => {
      const now = app.clock();
      const row = await lockCase(db, user, params.id, body.version);
      const itemId = await requireAgencyItem(db, body.enforcementItemId, row.agency_id);
      const facts = typeof row.facts === 'string' ? JSON.parse(row.facts) : row.facts;
      if (facts?.decision)
        throw new AppError('RULE_VIOLATION', '已作出决定，不能更改所关联的执法事项（PROCESS）', {
          field: 'body.enforcementItemId',
        });
      await saveCase(db, row, { enforcement_item_id: itemId }, now, await ruleContext(db, now));
      await record({
        streamId: caseStream(row.id),
        agencyId: row.agency_id,
        kind: 'case.itemLinked',
        payload: { enforcementItemId: itemId },
      });
      return presentAfter(db, user, row.id, now);
    },
  }),
];
