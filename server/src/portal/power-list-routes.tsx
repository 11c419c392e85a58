/**
 * Portal routes of the power list (P3, P12) and the law library. Only published
 * versions are read (P17); pages are never cached, so a withdrawal shows on the
 * next load.
 */
import { enforcementItemTypes, shanghaiDateOf } from '@zhifa/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { publishedItem, publishedItems, publishingAgencies } from '../modules/enforcement-items/public.js';
import { lawWithArticles, listLaws, presentArticle, presentLaw } from '../modules/laws/presenter.js';
import { isElder, renderPage } from './layout.js';
import { ItemNotFoundPage, ItemPage, ItemsPage, LawNotFoundPage, LawPage, LawsPage } from './power-list.js';

function sendFreshHtml(reply: FastifyReply, html: string) {
  void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
  return html;
}

/** Characters a name, code or citation never holds are dropped rather than refused. */
const cleanSearch = (q: string | undefined) => (q ?? '').replace(/[\p{Cc}\p{Cs}]/gu, '').trim();
/** Ids in links are UUIDs; anything else is simply not found. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const anyId = z.strictObject({ id: z.string().max(100) });

export const powerListPortalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/items',
    access: 'public',
    summary: '行政执法事项清单（权责清单）公示：按名称、编码或依据查询（P3、P12）',
    query: z.strictObject({
      q: z.string().max(50).optional(),
      type: z.union([z.enum(enforcementItemTypes), z.literal('')]).optional(),
      agency: z.union([z.uuid(), z.literal('')]).optional(),
      page: z.coerce.number().int().min(1).max(10_000).default(1),
    }),
    handler: async ({ db, app, query, request, reply }) => {
      const q = cleanSearch(query.q);
      const type = query.type || undefined;
      const agencyId = query.agency || undefined;
      const today = shanghaiDateOf(app.clock());
      const [{ total, items }, agencies] = [
        await publishedItems(db, { q, type, agencyId, page: query.page }, today),
        await publishingAgencies(db),
      ];
      return sendFreshHtml(
        reply,
        renderPage({
          title: '行政执法事项清单',
          path: '/items',
          elder: isElder(request),
          children: (
            <ItemsPage
              q={q}
              type={type}
              agencyId={agencyId}
              agencies={agencies}
              page={query.page}
              total={total}
              items={items}
            />
          ),
        }),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/items/:id',
    access: 'public',
    summary: '执法事项公示详情：依据条文、职责、处罚幅度、承办机构、版本与发布日期',
    params: anyId,
    handler: async ({ db, app, params, request, reply }) => {
      const item = uuidPattern.test(params.id)
        ? await publishedItem(db, params.id, shanghaiDateOf(app.clock()))
        : undefined;
      if (!item) reply.status(404);
      return sendFreshHtml(
        reply,
        renderPage({
          title: item ? item.name : '执法事项不存在',
          path: `/items/${encodeURIComponent(params.id)}`,
          elder: isElder(request),
          children: item ? <ItemPage item={item} /> : <ItemNotFoundPage />,
        }),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/laws',
    access: 'public',
    summary: '法律法规：执法依据的法律、法规、规章及其时效性',
    query: z.strictObject({ q: z.string().max(50).optional() }),
    handler: async ({ db, app, query, request, reply }) => {
      const q = cleanSearch(query.q);
      const today = shanghaiDateOf(app.clock());
      const laws = (await listLaws(db, q)).map((row) => presentLaw(row, today));
      return sendFreshHtml(
        reply,
        renderPage({
          title: '法律法规',
          path: '/laws',
          elder: isElder(request),
          children: <LawsPage q={q} laws={laws} />,
        }),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/laws/:id',
    access: 'public',
    summary: '法律法规全文（已收录条文），每条可按锚点链接（#article-N）',
    params: anyId,
    handler: async ({ db, app, params, request, reply }) => {
      const found = uuidPattern.test(params.id) ? await lawWithArticles(db, params.id) : undefined;
      if (!found) reply.status(404);
      const today = shanghaiDateOf(app.clock());
      return sendFreshHtml(
        reply,
        renderPage({
          title: found ? found.law.title : '法律法规不存在',
          path: `/laws/${encodeURIComponent(params.id)}`,
          elder: isElder(request),
          children: found ? (
            <LawPage
              law={presentLaw(found.law, today)}
              articles={found.articles.map(presentArticle)}
              newer={
                found.supersededBy
                  ? { id: found.supersededBy.id, effectiveOn: found.supersededBy.effective_on }
                  : null
              }
            />
          ) : (
            <LawNotFoundPage />
          ),
        }),
      );
    },
  }),
];
