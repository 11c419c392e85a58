/**
 * Portal routes of the 事前公开 lists (P2, P4, P5, P12, X4, Q8): searchable
 * lists and the printable service guide. Read live on every request: what was
 * withdrawn a moment ago is gone on the next load.
 */
import { shanghaiDateOf } from '@zhifa/core';
import type { FastifyReply } from 'fastify';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import type { ListKind } from '../modules/lists/kinds.js';
import { publishedEntries, publishedEntry } from '../modules/lists/public.js';
import { isElder, renderPage } from './layout.js';
import {
  BenchmarksPage,
  ExemptionsPage,
  GuidePage,
  GuidesPage,
  InspectionsPage,
  type ListPageProps,
} from './lists.js';
import { NotFoundPage } from './not-found.js';

function sendHtml(reply: FastifyReply, html: string) {
  void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
  return html;
}

const searchQuery = z.strictObject({
  q: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** Characters no published text holds are dropped rather than refused. */
const cleanSearch = (q: string | undefined) => (q ?? '').replace(/[\p{Cc}\p{Cs}]/gu, '').trim();

function listRoute(
  kind: ListKind,
  url: string,
  title: string,
  summary: string,
  Page: (props: ListPageProps) => ReactNode,
) {
  return defineRoute({
    method: 'GET',
    url,
    access: 'public',
    summary,
    query: searchQuery,
    handler: async ({ db, app, query, request, reply }) => {
      const q = cleanSearch(query.q);
      const { total, items } = await publishedEntries(db, kind, q, query.page, shanghaiDateOf(app.clock()));
      return sendHtml(
        reply,
        renderPage({
          title,
          path: url,
          elder: isElder(request),
          children: <Page q={q} page={query.page} total={total} items={items} />,
        }),
      );
    },
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const listPortalRoutes = [
  listRoute(
    'serviceGuide',
    '/guides',
    '服务指南',
    '服务指南：按事项名称、依据或任何内容查询（P5、P12）',
    GuidesPage,
  ),
  defineRoute({
    method: 'GET',
    url: '/guides/:id',
    access: 'public',
    summary: '一份服务指南，可打印（P5）',
    params: z.strictObject({ id: z.string().max(100) }),
    handler: async ({ db, app, params, request, reply }) => {
      const entry = uuidPattern.test(params.id)
        ? await publishedEntry(db, 'serviceGuide', params.id.toLowerCase(), app.clock())
        : null;
      const path = `/guides/${encodeURIComponent(params.id)}`;
      if (!entry) reply.status(404);
      return sendHtml(
        reply,
        renderPage({
          title: entry ? `${entry.title}服务指南` : '页面不存在',
          path,
          elder: isElder(request),
          children: entry ? <GuidePage entry={entry} /> : <NotFoundPage path={path} />,
        }),
      );
    },
  }),
  listRoute(
    'inspectionItem',
    '/inspections',
    '随机抽查事项清单',
    '随机抽查事项清单：按事项、对象、内容或方式查询（P4、Q9、P12）',
    InspectionsPage,
  ),
  listRoute(
    'discretionBenchmark',
    '/benchmarks',
    '行政处罚裁量基准',
    '行政处罚裁量基准：按违法行为或依据查询（X4、P2、P12）',
    BenchmarksPage,
  ),
  listRoute(
    'exemption',
    '/exemptions',
    '轻微违法行为免罚清单',
    '免罚清单：按违法行为、类型或条件查询（Q8、P12）',
    ExemptionsPage,
  ),
];
