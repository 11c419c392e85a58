/**
 * 法律法规库 in the console: texts with their status today, their articles, and
 * the article search the power list's picker uses. The public pages are in
 * portal/laws.tsx.
 */
import { AppError, type IsoDate, lawKindLabels, lawKinds, lawStatuses, shanghaiDateOf } from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { isoDate, text, uuid } from '../../http/fields.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { notFound } from '../../http/scope.js';
import { sendWorkbook, sheetUpload, uploadOf } from '../../xlsx/route.js';
import {
  lawStanding,
  lawWithArticles,
  likePattern,
  listLaws,
  presentArticle,
  presentLaw,
} from './presenter.js';
import { addArticle, bulkArticles, createLaw, loadLaw, updateArticle, updateLaw } from './service.js';
import { exportLaws, importLaws } from './sheet.js';

const idParams = z.strictObject({ id: uuid });
const today = (now: Date): IsoDate => shanghaiDateOf(now);

const lawFields = {
  kind: z.enum(lawKinds),
  title: text(200),
  shortTitle: text(100).optional(),
  issuingBody: text(200),
  documentNumber: text(100, 0).default(''),
  promulgatedOn: isoDate,
  effectiveOn: isoDate,
  amendedOn: isoDate.nullable().default(null),
  repealedOn: isoDate.nullable().default(null),
  supersededBy: uuid.nullable().default(null),
  note: text(1000, 0).default(''),
};

const articleNumber = text(30);
const ordinal = z.number().int().min(1).max(99_999_999);

async function presentOne(db: Kysely<DB>, id: string, now: Date) {
  const found = await lawWithArticles(db, id);
  if (!found) throw notFound('法律法规');
  const on = today(now);
  return {
    ...presentLaw(found.law, on, { articleCount: found.articles.length }),
    articles: found.articles.map(presentArticle),
    supersededByLaw: found.supersededBy
      ? {
          id: found.supersededBy.id,
          title: found.supersededBy.title,
          effectiveOn: found.supersededBy.effective_on,
        }
      : null,
    otherRevisions: found.revisions.map((r) => ({
      id: r.id,
      title: r.title,
      effectiveOn: r.effective_on,
      ...lawStanding(r, on),
    })),
  };
}

export const lawRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/laws',
    access: 'law.read',
    summary: '法律法规库：各法律法规文本及其今日效力状态',
    query: z.strictObject({ q: text(50, 0).optional(), status: z.enum(lawStatuses).optional() }),
    handler: async ({ db, user, query, app }) => {
      const on = today(app.clock());
      let items = (await listLaws(db, query.q)).map((row) =>
        presentLaw(row, on, { articleCount: row.article_count ?? 0 }),
      );
      if (query.status) items = items.filter((l) => l.status === query.status);
      return {
        today: on,
        items,
        kinds: lawKinds.map((value) => ({ value, label: lawKindLabels[value] })),
        actions: { manage: mayTake(user, 'law.manage') },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/laws/export',
    access: 'law.read',
    summary: '导出法律法规库（.xlsx，每部文本一行，其条文逐条一行；可修改后按同一格式导入）',
    handler: async ({ db, app, reply }) => {
      const now = app.clock();
      const on = today(now);
      const data = await exportLaws(db, on, now);
      return sendWorkbook(reply, data, `laws-${on}.xlsx`, `法律法规库-${on}.xlsx`);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/laws/import',
    access: 'law.manage',
    summary:
      '导入法律法规库（.xlsx，与导出格式相同；按名称和施行日期对应已有文本，按条号对应条文，新增或修改；逐行校验，任何一行有误则不写入）',
    body: sheetUpload,
    handler: async ({ db, body, app, record }) => importLaws(db, record, uploadOf(body), app.clock()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/laws/:id',
    access: 'law.read',
    summary: '法律法规详情及条文',
    params: idParams,
    handler: async ({ db, params, app }) => presentOne(db, params.id, app.clock()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/law-articles',
    access: 'law.read',
    summary: '检索条文（供执法事项选择依据）：按法规名称、条号或条文内容',
    query: z.strictObject({
      q: text(100, 0).default(''),
      lawId: uuid.optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async ({ db, query, app }) => {
      const on = today(app.clock());
      let select = db
        .selectFrom('law_article as a')
        .innerJoin('law as l', 'l.id', 'a.law_id')
        .select([
          'a.id',
          'a.law_id',
          'a.number',
          'a.ordinal',
          'a.text',
          'l.title',
          'l.short_title',
          'l.effective_on',
          'l.amended_on',
          'l.repealed_on',
        ]);
      if (query.lawId) select = select.where('a.law_id', '=', query.lawId);
      for (const term of query.q.split(/\s+/).filter(Boolean).slice(0, 5)) {
        const pattern = likePattern(term);
        select = select.where((eb) =>
          eb.or([
            eb('l.title', 'like', pattern),
            eb('l.short_title', 'like', pattern),
            eb('a.number', 'like', pattern),
            eb('a.text', 'like', pattern),
          ]),
        );
      }
      const rows = await select
        .orderBy(sql`l.repealed_on IS NOT NULL`)
        .orderBy(sql`l.amended_on IS NOT NULL`)
        .orderBy('l.title')
        .orderBy('l.effective_on', 'desc')
        .orderBy('a.ordinal')
        .limit(query.limit)
        .execute();
      return {
        items: rows.map((r) => ({
          ...presentArticle(r),
          law: {
            id: r.law_id,
            title: r.title,
            shortTitle: r.short_title,
            effectiveOn: r.effective_on,
            ...lawStanding(r, on),
          },
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/laws',
    access: 'law.manage',
    summary: '新增法律法规文本',
    body: z.strictObject(lawFields),
    handler: async ({ db, body, app, record, reply }) => {
      const now = app.clock();
      const id = await createLaw(db, body, now, record);
      reply.status(201);
      return presentOne(db, id, now);
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/laws/:id',
    access: 'law.manage',
    summary: '修改法律法规（含修改、废止日期）',
    params: idParams,
    body: z
      .strictObject({
        kind: lawFields.kind.optional(),
        title: lawFields.title.optional(),
        shortTitle: lawFields.shortTitle,
        issuingBody: lawFields.issuingBody.optional(),
        documentNumber: text(100, 0).optional(),
        promulgatedOn: isoDate.optional(),
        effectiveOn: isoDate.optional(),
        amendedOn: isoDate.nullable().optional(),
        repealedOn: isoDate.nullable().optional(),
        supersededBy: uuid.nullable().optional(),
        note: text(1000, 0).optional(),
      })
      .refine((change) => Object.keys(change).length > 0, { message: '没有要修改的内容' }),
    handler: async ({ db, params, body, app, record }) => {
      const now = app.clock();
      const law = await loadLaw(db, params.id, true);
      await updateLaw(db, law, body, now, record);
      return presentOne(db, law.id, now);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/laws/:id/articles',
    access: 'law.manage',
    summary: '新增一条条文',
    params: idParams,
    body: z.strictObject({ number: articleNumber, ordinal: ordinal.optional(), text: text(20_000) }),
    handler: async ({ db, params, body, app, record, reply }) => {
      const now = app.clock();
      const law = await loadLaw(db, params.id, true);
      const id = await addArticle(db, law, body, now, record);
      const article = await db
        .selectFrom('law_article')
        .select(['id', 'law_id', 'number', 'ordinal', 'text'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      reply.status(201);
      return presentArticle(article);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/laws/:id/articles/bulk',
    access: 'law.manage',
    summary: '粘贴条文批量录入（按“第…条”拆分；可先预览）',
    params: idParams,
    body: z.strictObject({
      text: text(500_000),
      overwrite: z.boolean().default(false),
      dryRun: z.boolean().default(false),
    }),
    handler: async ({ db, params, body, app, record }) => {
      const law = await loadLaw(db, params.id, true);
      const summary = await bulkArticles(db, law, body, app.clock(), record);
      return { ...summary, dryRun: body.dryRun };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/law-articles/:id',
    access: 'law.manage',
    summary: '修改条文（条号、排序号、内容）',
    params: idParams,
    body: z
      .strictObject({
        number: articleNumber.optional(),
        ordinal: ordinal.optional(),
        text: text(20_000).optional(),
      })
      .refine((change) => Object.keys(change).length > 0, { message: '没有要修改的内容' }),
    handler: async ({ db, params, body, app, record }) => {
      const article = await db
        .selectFrom('law_article')
        .select(['id', 'law_id', 'number', 'ordinal', 'text'])
        .where('id', '=', params.id)
        .forUpdate()
        .executeTakeFirst();
      if (!article) throw new AppError('NOT_FOUND', '条文不存在');
      await updateArticle(db, article, body, app.clock(), record);
      return presentArticle(
        await db
          .selectFrom('law_article')
          .select(['id', 'law_id', 'number', 'ordinal', 'text'])
          .where('id', '=', article.id)
          .executeTakeFirstOrThrow(),
      );
    },
  }),
];
