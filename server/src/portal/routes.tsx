/**
 * The public portal: server-rendered HTML that works with JavaScript off.
 * The large-text 长者模式 is a cookie set by a plain form post.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { exportCheckpoint } from '../ledger/checkpoint.js';
import { listAgencies } from '../modules/agencies/service.js';
import { HomePage } from './home.js';
import { elderCookie, isElder, renderPage } from './layout.js';
import { TransparencyPage } from './transparency.js';

function sendHtml(reply: FastifyReply, html: string) {
  void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
  return html;
}

/**
 * Only same-site paths may be redirect targets. Browsers drop tabs and line breaks
 * from a URL ("/\t/evil.example" becomes "//evil.example") and a line break cannot go
 * into a header at all, so whitespace and control characters are refused outright (SEC-9).
 */
const localPath = z
  .string()
  .max(500)
  .refine(
    (p) =>
      p.startsWith('/') &&
      !p.startsWith('//') &&
      !p.includes('\\') &&
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point.
      !/[\s\u0000-\u001f\u007f]/.test(p),
    { message: '应为站内路径' },
  );

export const portalRoutes = [
  defineRoute({
    method: 'GET',
    url: '/',
    access: 'public',
    summary: '公示平台首页',
    handler: async ({ db, request, reply }) =>
      sendHtml(
        reply,
        renderPage({
          title: '首页',
          path: '/',
          elder: isElder(request),
          children: <HomePage agencies={await listAgencies(db)} />,
        }),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/transparency',
    access: 'public',
    summary: '执法全过程记录防篡改校验：签名公钥与最新检查点',
    handler: async ({ db, app, request, reply }) => {
      const latest = await db
        .selectFrom('checkpoint')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return sendHtml(
        reply,
        renderPage({
          title: '防篡改校验',
          path: '/transparency',
          elder: isElder(request),
          children: (
            <TransparencyPage
              publicKey={app.signer.publicKey}
              latest={latest ? exportCheckpoint(latest) : null}
            />
          ),
        }),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/preferences/elder-mode',
    access: 'public',
    summary: '切换长者模式（大字）',
    transaction: false,
    body: z.strictObject({ enabled: z.enum(['0', '1']), back: localPath.default('/') }),
    handler: async ({ body, reply }) => {
      void reply.setCookie(elderCookie, body.enabled, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        maxAge: body.enabled === '1' ? 365 * 86_400 : 0,
      });
      void reply.redirect(body.back, 303);
      return reply;
    },
  }),
];
