/**
 * Portal routes of 执法流程图 (P6). The charts come from code (core's process
 * definitions), not from the database: they change only with a release.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { flowchartIndex, isProcessKind, presentFlowchart } from '../modules/flowcharts/present.js';
import { FlowchartIndexPage, FlowchartPage } from './flowcharts.js';
import { isElder, renderPage } from './layout.js';
import { NotFoundPage } from './not-found.js';

function sendHtml(reply: FastifyReply, html: string) {
  void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
  return html;
}

export const flowchartPortalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/flowcharts',
    access: 'public',
    summary: '执法流程图：按行政执法行为类别（P6）',
    handler: async ({ request, reply }) =>
      sendHtml(
        reply,
        renderPage({
          title: '执法流程图',
          path: '/flowcharts',
          elder: isElder(request),
          children: <FlowchartIndexPage groups={flowchartIndex()} />,
        }),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/flowcharts/:kind',
    access: 'public',
    summary: '一类执法程序的流程图与文字版办理环节；以 .svg 结尾时返回流程图图片（P6）',
    params: z.strictObject({ kind: z.string().max(50) }),
    handler: async ({ params, request, reply }) => {
      const svg = params.kind.endsWith('.svg');
      const kind = svg ? params.kind.slice(0, -'.svg'.length) : params.kind;
      if (!isProcessKind(kind)) {
        reply.status(404);
        const path = `/flowcharts/${encodeURIComponent(params.kind)}`;
        return sendHtml(
          reply,
          renderPage({
            title: '页面不存在',
            path,
            elder: isElder(request),
            children: <NotFoundPage path={path} />,
          }),
        );
      }
      const flowchart = presentFlowchart(kind);
      if (svg) {
        void reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'no-cache');
        return flowchart.svg;
      }
      return sendHtml(
        reply,
        renderPage({
          title: flowchart.title,
          path: `/flowcharts/${kind}`,
          elder: isElder(request),
          children: <FlowchartPage flowchart={flowchart} />,
        }),
      );
    },
  }),
];
