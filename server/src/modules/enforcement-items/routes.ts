/**
 * 权责清单 (P3) in the console: the list with its status tags, one item with
 * its versions, legality reviews and publication history, the edits, the
 * legality review, and the publication workflow (P1, P11). The sheet import and
 * export are in sheet-routes.ts; the public pages in portal/items.tsx.
 */
import {
  enforcementCategories,
  enforcementItemTypeLabels,
  enforcementItemTypes,
  type IsoDate,
  legalityReviewResultLabels,
  legalityReviewResults,
  penaltyKindLabels,
  penaltyKinds,
  powerListStatuses,
  publicationStateLabels,
  shanghaiDateOf,
} from '@zhifa/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { agencyScope, notFound, requireAgencyInScope, requireInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { sendWorkbook, sheetUploadFields, uploadOf } from '../../xlsx/route.js';
import { publicationHistory } from '../publication/service.js';
import {
  ambiguousTitles,
  gatesOf,
  loadBasis,
  loadItems,
  presentBasis,
  presentItem,
  presentVersion,
} from './presenter.js';
import {
  createItem,
  editItem,
  itemSubject,
  type LoadedItem,
  loadItemForChange,
  moveItem,
  reviewItem,
} from './service.js';
import { exportPowerList, importPowerList } from './sheet.js';

const idParams = z.strictObject({ id: uuid });
const today = (now: Date): IsoDate => shanghaiDateOf(now);
const actorOf = (user: CurrentUser, now: Date) => ({ id: user.id, name: user.displayName, now });

export const itemCode = z
  .string()
  .max(100)
  .transform((value) => value.trim())
  .pipe(
    z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/, {
      message: '事项编码应为 1–40 位字母、数字、点、下划线或连字符',
    }),
  );
const yuan = z.number().int().min(0).max(10_000_000_000).nullable().default(null);

export const contentFields = {
  name: text(200),
  type: z.enum(enforcementItemTypes),
  category: z.enum(enforcementCategories),
  unitId: uuid.nullable().default(null),
  duties: text(2000),
  basisArticleIds: z.array(uuid).min(1, { message: '至少引用一条法律依据' }).max(50),
  penaltyKinds: z.array(z.enum(penaltyKinds)).max(penaltyKinds.length).default([]),
  fineMinYuan: yuan,
  fineMaxYuan: yuan,
  penaltyNote: text(1000, 0).default(''),
  changeNote: text(500, 0).default(''),
};

async function loadForChange(db: Kysely<DB>, user: CurrentUser, id: string): Promise<LoadedItem> {
  return requireInScope(db, user, await loadItemForChange(db, id), '执法事项');
}

async function presentOne(db: Kysely<DB>, user: CurrentUser, id: string, now: Date, selected?: number) {
  const on = today(now);
  const [bundle] = await loadItems(db, { agencyIds: await agencyScope(db, user), ids: [id] }, on);
  if (!bundle) throw notFound('执法事项');
  const ambiguous = await ambiguousTitles(db);
  const gate = (await gatesOf(db, [bundle])).get(bundle.item.id)!;
  const item = presentItem(bundle, user, ambiguous, gate);
  const stateOf = (version: number) => bundle.publications.find((p) => p.version === version);
  const reviews = await db
    .selectFrom('legality_review as r')
    .innerJoin('enforcement_item_version as v', 'v.id', 'r.version_id')
    .select(['r.id', 'v.version', 'r.revision', 'r.result', 'r.opinion', 'r.reviewer_name', 'r.reviewed_at'])
    .where('r.item_id', '=', bundle.item.id)
    .orderBy('r.id')
    .execute();
  const history = await publicationHistory(db, itemSubject(bundle.item));
  let selectedVersion = null;
  if (selected !== undefined) {
    const row = bundle.versions.find((v) => v.version === selected);
    if (!row) throw notFound(`第 ${selected} 版`);
    const basis = presentBasis(await loadBasis(db, [row.id]), on);
    selectedVersion = presentVersion(row, basis, stateOf(row.version), ambiguous);
  }
  return {
    ...item,
    published: bundle.published
      ? presentVersion(
          bundle.published,
          bundle.basis.get(bundle.published.id) ?? [],
          stateOf(bundle.published.version),
          ambiguous,
        )
      : null,
    selected: selectedVersion,
    versions: bundle.versions.map((v) => {
      const publication = stateOf(v.version);
      const state = publication?.state ?? 'draft';
      return {
        version: v.version,
        revision: v.revision,
        name: v.name,
        state,
        stateLabel: publicationStateLabels[state],
        changeNote: v.change_note,
        createdAt: v.created_at,
        createdBy: v.created_by_name,
        publishedAt: publication?.published_at ?? null,
        correctionNote: publication?.correction_note ?? '',
        withdrawalReason: publication?.withdrawal_reason ?? '',
      };
    }),
    reviews: reviews.map((r) => ({
      id: r.id,
      version: r.version,
      revision: r.revision,
      current: r.version === bundle.latest.version && r.revision === bundle.latest.revision,
      result: r.result,
      resultLabel: legalityReviewResultLabels[r.result],
      opinion: r.opinion,
      reviewer: r.reviewer_name,
      reviewedAt: r.reviewed_at,
    })),
    history,
  };
}

/** What the forms need: the choices, from core, so the console keeps no copy. */
function choices() {
  return {
    types: enforcementItemTypes.map((value) => ({ value, label: enforcementItemTypeLabels[value] })),
    categories: enforcementCategories,
    penaltyKinds: penaltyKinds.map((value) => ({ value, label: penaltyKindLabels[value] })),
  };
}

export const enforcementItemRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/enforcement-items',
    access: 'powerList.read',
    summary: '权责清单：各执法事项、状态（草稿/待审核/已发布/已撤下）及待修订标记',
    query: z.strictObject({
      q: text(50, 0).optional(),
      type: z.enum(enforcementItemTypes).optional(),
      status: z.enum([...powerListStatuses, 'needsRevision']).optional(),
    }),
    handler: async ({ db, user, query, app }) => {
      const on = today(app.clock());
      const bundles = await loadItems(db, { agencyIds: await agencyScope(db, user) }, on);
      const ambiguous = await ambiguousTitles(db);
      const gates = await gatesOf(db, bundles);
      let items = bundles.map((b) => presentItem(b, user, ambiguous, gates.get(b.item.id)!));
      const term = query.q?.toUpperCase();
      if (term)
        items = items.filter((i) =>
          [i.code, i.current.name, i.current.basisText].some((v) => v.toUpperCase().includes(term)),
        );
      if (query.type) items = items.filter((i) => i.current.type === query.type);
      if (query.status === 'needsRevision') items = items.filter((i) => i.needsRevision);
      else if (query.status) items = items.filter((i) => i.status === query.status);
      return {
        today: on,
        items,
        ...choices(),
        actions: {
          create: mayTake(user, 'powerList.edit'),
          import: mayTake(user, 'powerList.edit'),
          export: true,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/enforcement-items/:id',
    access: 'powerList.read',
    summary: '执法事项详情：当前版本、已发布版本、版本历史、合法性审核与公示记录（可指定查看某一版本）',
    params: idParams,
    query: z.strictObject({ version: z.coerce.number().int().min(1).max(100_000).optional() }),
    handler: async ({ db, user, params, query, app }) =>
      presentOne(db, user, params.id, app.clock(), query.version),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/enforcement-items',
    access: 'powerList.edit',
    summary: '新增执法事项（草稿，第 1 版）',
    body: z.strictObject({ agencyId: uuid.optional(), code: itemCode, ...contentFields }),
    handler: async ({ db, user, body, app, record, reply }) => {
      const agencyId = body.agencyId ?? user.agencyId;
      await requireAgencyInScope(db, user, agencyId, '执法主体');
      const now = app.clock();
      const item = await createItem(db, record, { ...body, agencyId }, actorOf(user, now));
      reply.status(201);
      return presentOne(db, user, item.id, now);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/enforcement-items/:id',
    access: 'powerList.edit',
    summary: '修改执法事项（草稿直接修改；已发布或已撤下的生成新版本，原版本保留）',
    params: idParams,
    body: z.strictObject({ code: itemCode.optional(), ...contentFields }),
    handler: async ({ db, user, params, body, app, record }) => {
      const item = await loadForChange(db, user, params.id);
      const now = app.clock();
      await editItem(db, record, item, body, actorOf(user, now));
      return presentOne(db, user, item.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/enforcement-items/:id/legality-reviews',
    access: 'powerList.review',
    summary: '合法性审核（审核意见、通过或不通过；起草人不得审核）',
    params: idParams,
    body: z.strictObject({ result: z.enum(legalityReviewResults), opinion: text(2000) }),
    handler: async ({ db, user, params, body, app, record, reply }) => {
      const item = await loadForChange(db, user, params.id);
      const now = app.clock();
      await reviewItem(db, record, item, body, actorOf(user, now));
      reply.status(201);
      return presentOne(db, user, item.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/enforcement-items/:id/submit',
    access: 'powerList.edit',
    summary: '提交公示审核',
    params: idParams,
    handler: async ({ db, user, params, app, record }) => {
      const item = await loadForChange(db, user, params.id);
      const now = app.clock();
      await moveItem(db, record, item, 'submit', '', actorOf(user, now));
      return presentOne(db, user, item.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/enforcement-items/:id/return',
    access: 'publication.publish',
    summary: '公示审核退回修改（须写明理由）',
    params: idParams,
    body: z.strictObject({ reason: text(1000) }),
    handler: async ({ db, user, params, body, app, record }) => {
      const item = await loadForChange(db, user, params.id);
      const now = app.clock();
      await moveItem(db, record, item, 'return', body.reason, actorOf(user, now));
      return presentOne(db, user, item.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/enforcement-items/:id/publish',
    access: 'publication.publish',
    summary: '审核发布（须已通过合法性审核；已有发布版本时为更正，须写明更正说明）',
    params: idParams,
    body: z.strictObject({ correctionNote: text(1000, 0).default('') }),
    handler: async ({ db, user, params, body, app, record }) => {
      const item = await loadForChange(db, user, params.id);
      const now = app.clock();
      await moveItem(db, record, item, 'publish', body.correctionNote, actorOf(user, now));
      return presentOne(db, user, item.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/enforcement-items/:id/withdraw',
    access: 'publication.publish',
    summary: '撤下已发布的执法事项（须写明理由）',
    params: idParams,
    body: z.strictObject({ reason: text(1000) }),
    handler: async ({ db, user, params, body, app, record }) => {
      const item = await loadForChange(db, user, params.id);
      const now = app.clock();
      await moveItem(db, record, item, 'withdraw', body.reason, actorOf(user, now));
      return presentOne(db, user, item.id, now);
    },
  }),
];

/** The power list as an .xlsx sheet: export what the viewer sees, import into one agency (P3). */
export const enforcementItemSheetRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/enforcement-items/export',
    access: 'powerList.read',
    summary: '导出权责清单（.xlsx，每个事项的最新版本，依据以“《法规简称》第…条”表示）',
    query: z.strictObject({ agencyId: uuid.optional() }),
    handler: async ({ db, user, query, app, reply }) => {
      let agencyIds = await agencyScope(db, user);
      if (query.agencyId) {
        await requireAgencyInScope(db, user, query.agencyId, '执法主体');
        agencyIds = [query.agencyId];
      }
      const now = app.clock();
      const on = today(now);
      const { data } = await exportPowerList(db, agencyIds, on, now);
      return sendWorkbook(reply, data, `power-list-${on}.xlsx`, `权责清单-${on}.xlsx`);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/enforcement-items/import',
    access: 'powerList.edit',
    summary: '导入权责清单（.xlsx，与导出格式相同；逐行校验，任何一行有误则不写入）',
    body: z.strictObject({
      agencyId: uuid.optional(),
      ...sheetUploadFields,
    }),
    handler: async ({ db, user, body, app, record }) => {
      const agencyId = body.agencyId ?? user.agencyId;
      await requireAgencyInScope(db, user, agencyId, '执法主体');
      const now = app.clock();
      return importPowerList(db, record, { agencyId, ...uploadOf(body) }, actorOf(user, now), today(now));
    },
  }),
];
