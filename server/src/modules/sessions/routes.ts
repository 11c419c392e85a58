/** Active sessions, and revoking them: the security administrator's work. */
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import { agencyScope, notFound, requireAgencyInScope } from '../../http/scope.js';
import { currentSettings } from '../settings/service.js';

export const sessionRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/security/sessions',
    access: 'session.manage',
    summary: '在线会话',
    handler: async ({ db, user, app }) => {
      const { security } = await currentSettings(db);
      const now = app.clock();
      const idleSince = new Date(now.getTime() - security.idleTimeoutMinutes * 60_000);
      const createdSince = new Date(now.getTime() - security.absoluteTimeoutHours * 3_600_000);
      const rows = await db
        .selectFrom('user_session as s')
        .innerJoin('app_user as u', 'u.id', 's.user_id')
        .select(['s.id', 's.created_at', 's.last_seen_at', 's.ip', 'u.username', 'u.display_name'])
        .where('s.agency_id', 'in', await agencyScope(db, user))
        .where('s.revoked_at', 'is', null)
        .where('s.last_seen_at', '>', idleSince)
        .where('s.created_at', '>', createdSince)
        .orderBy('s.last_seen_at', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          username: r.username,
          displayName: r.display_name,
          createdAt: r.created_at,
          lastSeenAt: r.last_seen_at,
          ip: r.ip,
          current: r.id === user.sessionId,
          actions: { revoke: r.id !== user.sessionId },
        })),
      };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/security/sessions/:id',
    access: 'session.manage',
    summary: '强制下线',
    params: z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/, { message: '会话编号无效' }) }),
    handler: async ({ db, user, params, app, audit, reply }) => {
      const session = await db
        .selectFrom('user_session as s')
        .innerJoin('app_user as u', 'u.id', 's.user_id')
        .select(['s.id', 's.agency_id', 'u.username'])
        .where('s.id', '=', params.id)
        .where('s.revoked_at', 'is', null)
        .executeTakeFirst();
      if (!session) throw notFound('会话');
      await requireAgencyInScope(db, user, session.agency_id, '会话');
      await db
        .updateTable('user_session')
        .set({ revoked_at: app.clock() })
        .where('id', '=', session.id)
        .execute();
      await audit({ event: 'session_revoked', outcome: 'success', target: session.username });
      reply.status(204);
      return null;
    },
  }),
];
