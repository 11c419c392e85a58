import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import { clearSessionCookie, revokeSession, setSessionCookie } from '../../http/session.js';
import { login, presentMe } from './service.js';

export const authRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    summary: '登录',
    // Failed attempts must be committed although the request fails.
    transaction: false,
    body: z.strictObject({
      username: z.string().min(1, { message: '请输入用户名' }).max(64),
      password: z.string().min(1, { message: '请输入密码' }).max(256),
    }),
    handler: async ({ db, body, request, reply, app }) => {
      const session = await login(db, { ...body, ip: request.ip }, app.clock());
      setSessionCookie(reply, session.token, request.protocol === 'https');
      return { user: await presentMe(db, session.user), csrfToken: session.csrfToken };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    access: 'signedIn',
    summary: '退出登录',
    handler: async ({ db, user, reply, app }) => {
      await revokeSession(db, user.sessionId, app.clock());
      clearSessionCookie(reply);
      reply.status(204);
      return null;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/me',
    access: 'signedIn',
    summary: '当前用户、所属机关、角色与可执行操作',
    handler: async ({ db, user }) => ({ user: await presentMe(db, user), csrfToken: user.csrfToken }),
  }),
];
