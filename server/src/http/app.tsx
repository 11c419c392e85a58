/**
 * Builds the Fastify application: plugins, the error mapping, every module's
 * routes, and the built console under /console/. One process serves the API,
 * the console and the public portal.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import underPressure from '@fastify/under-pressure';
import { AppError, defaultJurisdictionSettings } from '@zhifa/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { isElder, renderPage } from '../portal/layout.js';
import { NotFoundPage } from '../portal/not-found.js';
import { allRoutes } from '../routes.js';
import type { AppContext } from './context.js';
import { errorHandler } from './errors.js';
import { registerRoutes } from './route.js';
import { configureZodMessages } from './zod-messages.js';

configureZodMessages();

export const jsonBodyLimit = 1024 * 1024;
/** Form fields besides the file in a multipart upload (capture metadata). */
export const multipartFieldLimit = 20;

export interface AppOptions {
  /** Directory of the built console (web/dist); served when it exists. */
  consoleDir?: string;
  logger?: boolean;
  /**
   * The TLS-terminating proxy in front, as Fastify's `trustProxy` takes it (an address,
   * a CIDR list, 'loopback'): only its X-Forwarded-Proto makes the session cookie Secure.
   */
  trustProxy?: string;
  /**
   * Overload: when the event loop's mean delay over a sample passes `maxEventLoopDelayMs`,
   * requests are answered 503 with Retry-After at once instead of queueing without limit.
   */
  overload?: { maxEventLoopDelayMs: number; sampleIntervalMs?: number };
}

/**
 * One policy for the portal (no script at all) and the console (its own bundles; antd
 * writes inline styles): nothing from elsewhere, no plugins, no framing.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Bodies an API route reads: JSON, and multipart where a file is uploaded (the route checks it). */
const apiBodyTypes = ['application/json', 'multipart/form-data'];

class ServerBusyError extends AppError {
  constructor() {
    super('SERVICE_BUSY', '服务器繁忙，请稍后再试');
  }
}

export async function buildApp(context: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: jsonBodyLimit,
    trustProxy: options.trustProxy ?? false,
    // Parameters and query strings are validated by zod; keep Fastify's parser plain.
    routerOptions: { maxParamLength: 200 },
  });
  fastify.setErrorHandler(errorHandler);
  if (options.overload?.maxEventLoopDelayMs)
    await fastify.register(underPressure, {
      maxEventLoopDelay: options.overload.maxEventLoopDelayMs,
      sampleInterval: options.overload.sampleIntervalMs ?? 1000,
      retryAfter: 5,
      // Through the error handler: the same JSON, code and Retry-After as a statement stopped.
      customError: ServerBusyError,
    });
  await fastify.register(fastifyCookie);
  await fastify.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
  // Multipart bodies are streamed by the route that reads them (evidence upload), never
  // buffered. The file size limit here is only the fallback: the upload route applies
  // the current setting evidence.maxUploadBytes per request, so a change needs no restart.
  await fastify.register(fastifyMultipart, {
    limits: {
      fileSize: defaultJurisdictionSettings.evidence.maxUploadBytes,
      files: 1,
      fields: multipartFieldLimit,
      fieldSize: 1024,
      parts: multipartFieldLimit + 1,
      headerPairs: 20,
    },
  });
  // SEC-10: a cross-site HTML form can post url-encoded or plain text, never JSON: refusing
  // those on the API (and multipart on any route but an upload, in the route) leaves no way
  // to sign a browser into another account (login CSRF) or to call the API from a form.
  fastify.addHook('onRequest', async (request) => {
    const type = request.headers['content-type'];
    if (!type || !request.url.startsWith('/api/')) return;
    const base = type.split(';')[0]!.trim().toLowerCase();
    if (!apiBodyTypes.includes(base))
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '接口只接受 JSON（上传文件用 multipart/form-data）', {
        field: 'content-type',
      });
  });
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', contentSecurityPolicy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });
  registerRoutes(fastify, context, allRoutes);

  const consoleDir = options.consoleDir;
  const consoleBuilt = consoleDir !== undefined && existsSync(path.join(consoleDir, 'index.html'));
  if (consoleBuilt) {
    await fastify.register(fastifyStatic, {
      root: consoleDir,
      prefix: '/console/',
      index: 'index.html',
    });
  }
  fastify.get('/console', async (_request, reply) => reply.redirect('/console/', 301));

  fastify.setNotFoundHandler(async (request, reply) => {
    const url = request.url;
    if (
      consoleBuilt &&
      url.startsWith('/console/') &&
      request.method === 'GET' &&
      !path.extname(url.split('?')[0]!)
    ) {
      // Console routes are client-side: every deep link gets the app shell.
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const pathname = url.split('?')[0]!;
    if (!pathname.startsWith('/api/') && request.method === 'GET') {
      const html = renderPage({
        title: '页面不存在',
        path: pathname,
        elder: isElder(request),
        children: <NotFoundPage path={pathname} />,
      });
      return reply.status(404).type('text/html; charset=utf-8').send(html);
    }
    return reply.status(404).send({ code: 'NOT_FOUND', message: `找不到 ${request.method} ${pathname}` });
  });
  return fastify;
}
