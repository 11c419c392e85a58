/**
 * The one way to declare a route: method, URL, who may call it, a zod schema
 * for each input, and a handler. The route table built from these declarations
 * is also what the authorization and bad-input tests enumerate, so a route
 * cannot exist without an access rule and schemas.
 */
import { type Action, AppError, mayTake } from '@zhifa/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { type AppendedEvent, appendEvent, type NewLedgerEvent } from '../ledger/append.js';
import type { LedgerEventKind } from '../ledger/kinds.js';
import { type AuditEntry, recordAudit } from '../modules/audit/events.js';
import type { AppContext } from './context.js';
import { validationError } from './errors.js';
import { OutOfScopeError } from './scope.js';
import { type CurrentUser, loadCurrentUser, verifyCsrf } from './session.js';

/** Who may call: anyone, any signed-in user, or a user whose roles allow (any of) the action(s). */
export type Access = 'public' | 'signedIn' | Action | readonly Action[];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HandlerContext<Body, Query, Params, User> {
  body: Body;
  query: Query;
  params: Params;
  user: User;
  /** Inside a transaction for mutating routes: the only handle the handler may use. */
  db: Kysely<DB>;
  app: AppContext;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Records a security-audit event in the handler's transaction, as the current user. */
  audit(entry: Omit<AuditEntry, 'actor' | 'ip'>): Promise<void>;
  /** Appends the ledger event of this state change, in the handler's transaction, as the current user. */
  record<K extends LedgerEventKind>(event: Omit<NewLedgerEvent<K>, 'actorId'>): Promise<AppendedEvent>;
}

export interface RouteDefinition<
  Body extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Params extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  method: Method;
  url: string;
  access: A;
  summary: string;
  body?: Body;
  query?: Query;
  params?: Params;
  /** Whether a session restricted to changing its password or enabling TOTP may call it. */
  allowRestricted?: boolean;
  /** Mutating routes run in one transaction unless they must commit on failure (login attempts). */
  transaction?: boolean;
  handler(
    ctx: HandlerContext<
      z.output<Body>,
      z.output<Query>,
      z.output<Params>,
      A extends 'public' ? CurrentUser | null : CurrentUser
    >,
  ): Promise<unknown>;
}

export function defineRoute<
  Body extends z.ZodType = z.ZodUndefined,
  Query extends z.ZodType = z.ZodUndefined,
  Params extends z.ZodType = z.ZodUndefined,
  A extends Access = Access,
>(route: RouteDefinition<Body, Query, Params, A>): RouteDefinition {
  return route as unknown as RouteDefinition;
}

function parse<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  source: 'body' | 'query' | 'params',
): z.output<T> | undefined {
  if (!schema) {
    const empty =
      value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
    if (!empty)
      throw new AppError('VALIDATION_FAILED', `此接口不接受${source === 'body' ? '请求体' : '参数'}`, {
        field: source,
      });
    return undefined;
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationError(result.error, source);
  return result.data;
}

export { mayTake };

function mayTakeAny(user: CurrentUser, access: Action | readonly Action[]): boolean {
  return (typeof access === 'string' ? [access] : access).some((action) => mayTake(user, action));
}

export function registerRoutes(
  fastify: FastifyInstance,
  app: AppContext,
  routes: readonly RouteDefinition[],
): void {
  for (const route of routes) {
    fastify.route({
      method: route.method,
      url: route.url,
      handler: async (request, reply) => {
        const user = await loadCurrentUser(app, request, reply);
        try {
          return await handle(route, app, user, request, reply);
        } catch (error) {
          const outOfScope = error instanceof OutOfScopeError;
          if (user && error instanceof AppError && (deniedCodes.has(error.code) || outOfScope)) {
            // After the rollback, so the denial is kept even though the request failed.
            await recordAudit(
              app.db,
              {
                event: 'permission_denied',
                outcome: 'denied',
                actor: actorOf(user),
                ip: request.ip,
                target: `${route.method} ${route.url}`,
                detail: { code: outOfScope ? 'OUT_OF_SCOPE' : error.code, message: error.message },
              },
              app.clock(),
            );
          }
          throw error;
        }
      },
    });
  }
}

const deniedCodes = new Set(['FORBIDDEN', 'CSRF_FAILED']);
const actorOf = (user: CurrentUser) => ({ id: user.id, username: user.username, agencyId: user.agencyId });

async function handle(
  route: RouteDefinition,
  app: AppContext,
  user: CurrentUser | null,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  if (route.access !== 'public') {
    if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
    if (route.method !== 'GET') verifyCsrf(user, request);
    if (user.restriction && !route.allowRestricted) {
      throw user.restriction === 'password'
        ? new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改密码（首次登录、密码被重置或已过期）')
        : new AppError('TOTP_SETUP_REQUIRED', '管理员须先启用双因素认证');
    }
    if (route.access !== 'signedIn' && !mayTakeAny(user, route.access)) {
      if (!mayTakeAny({ ...user, ownsDeployment: true }, route.access))
        throw new AppError('FORBIDDEN', '您的角色无权执行此操作');
      const owner = await app.db
        .selectFrom('agency')
        .select('name')
        .where('owns_deployment', '=', true)
        .executeTakeFirst();
      throw new AppError(
        'FORBIDDEN',
        `工作日历、辖区设置和法律法规库由全系统共用，由${owner?.name ?? '系统的维护机关'}统一维护；本机关可以查看，不能修改`,
      );
    }
  }
  // A route with a JSON body takes nothing else: multipart is for the upload routes (SEC-10).
  if (route.body && request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '此接口只接受 JSON 请求体', { field: 'content-type' });
  const inputs = {
    params: parse(route.params, request.params, 'params'),
    query: parse(route.query, request.query, 'query'),
    body: parse(route.body, request.body, 'body'),
  };
  const run = (db: Kysely<DB> | Transaction<DB>) =>
    route.handler({
      ...inputs,
      user: user as CurrentUser,
      db,
      app,
      request,
      reply,
      audit: (entry) =>
        recordAudit(db, { ...entry, actor: user && actorOf(user), ip: request.ip }, app.clock()),
      record: (event) => appendEvent(db, { ...event, actorId: user?.id ?? null }, app.clock()),
    });
  const inTransaction = route.transaction ?? route.method !== 'GET';
  return inTransaction ? app.db.transaction().execute(run) : run(app.db);
}
