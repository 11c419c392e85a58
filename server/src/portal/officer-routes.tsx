/**
 * Portal routes for 行政执法人员 (P7) and the certificate check (P8). The check
 * is never cached (`no-store`): a revoked certificate shows as revoked on the
 * next load.
 */
import { shanghaiDateOf } from '@zhifa/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { publishedOfficers, verifyCertificate } from '../modules/certificates/public.js';
import { isElder, renderPage } from './layout.js';
import { CertificateNotFoundPage, CertificatePage, OfficersPage } from './officers.js';

function sendFreshHtml(reply: FastifyReply, html: string) {
  void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
  return html;
}

const shanghaiTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'long',
  timeStyle: 'short',
  hourCycle: 'h23',
});

export const officerPortalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/officers',
    access: 'public',
    summary: '行政执法人员公示：按姓名、单位或证件编号查询（P7）',
    query: z.strictObject({
      q: z.string().max(50).optional(),
      page: z.coerce.number().int().min(1).max(10_000).default(1),
    }),
    handler: async ({ db, app, query, request, reply }) => {
      const today = shanghaiDateOf(app.clock());
      // Characters a name, unit or number never holds are dropped rather than refused.
      const q = (query.q ?? '').replace(/[\p{Cc}\p{Cs}]/gu, '').trim();
      const { total, items } = await publishedOfficers(db, today, q, query.page);
      return sendFreshHtml(
        reply,
        renderPage({
          title: '行政执法人员',
          path: '/officers',
          elder: isElder(request),
          children: <OfficersPage q={q} page={query.page} total={total} items={items} today={today} />,
        }),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/certificates',
    access: 'public',
    summary: '证件核验表单的提交：转到该证件的核验页',
    query: z.strictObject({ number: z.string().max(100).default('') }),
    handler: async ({ query, request, reply }) => {
      const number = query.number.replace(/[\p{Cc}\p{Cs}\s]/gu, '').toUpperCase();
      if (number) {
        void reply.redirect(`/certificates/${encodeURIComponent(number)}`, 303);
        return reply;
      }
      reply.status(400);
      return sendFreshHtml(
        reply,
        renderPage({
          title: '证件核验',
          path: '/certificates',
          elder: isElder(request),
          children: <CertificateNotFoundPage number="" />,
        }),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/certificates/:number',
    access: 'public',
    summary: '行政执法证件核验：有效、已过期、暂扣、已吊销或注销（P8）',
    params: z.strictObject({ number: z.string().max(100) }),
    handler: async ({ db, app, params, request, reply }) => {
      const now = app.clock();
      const certificate = await verifyCertificate(db, params.number, shanghaiDateOf(now));
      const shown = params.number.replace(/[\p{Cc}\p{Cs}]/gu, '').toUpperCase();
      if (!certificate) reply.status(404);
      return sendFreshHtml(
        reply,
        renderPage({
          title: certificate ? `证件核验 ${certificate.number}` : '证件核验',
          // Where 长者模式 returns to: this same check.
          path: `/certificates/${encodeURIComponent(shown)}`,
          elder: isElder(request),
          children: certificate ? (
            <CertificatePage certificate={certificate} checkedAt={shanghaiTime.format(now)} />
          ) : (
            <CertificateNotFoundPage number={shown} />
          ),
        }),
      );
    },
  }),
];
