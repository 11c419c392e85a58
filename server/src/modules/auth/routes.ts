import { AppError, administratorRoles } from '@zhifa/core';
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import { clearSessionCookie, revokeSession, setSessionCookie } from '../../http/session.js';
import { currentSettings } from '../settings/service.js';
import { verifyPassword } from './passwords.js';
import { changePassword, login, presentMe } from './service.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

const password = z.string().min(1, { message: '请输入密码' }).max(256);
const totpCode = z.string().regex(/^\d{6}$/, { message: '动态码应为 6 位数字' });

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
      password,
      totpCode: totpCode.optional(),
    }),
    handler: async ({ db, body, request, reply, app }) => {
      const session = await login(db, app.cipher, { ...body, ip: request.ip }, app.clock());
      setSessionCookie(reply, session.token, request.protocol === 'https');
      return { user: await presentMe(db, session.user), csrfToken: session.csrfToken };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    access: 'signedIn',
    allowRestricted: true,
    summary: '退出登录',
    handler: async ({ db, user, reply, app, audit }) => {
      await revokeSession(db, user.sessionId, app.clock());
      await audit({ event: 'logout', outcome: 'success' });
      clearSessionCookie(reply);
      reply.status(204);
      return null;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/me',
    access: 'signedIn',
    allowRestricted: true,
    summary: '当前用户、所属机关、角色与可执行操作',
    handler: async ({ db, user }) => ({ user: await presentMe(db, user), csrfToken: user.csrfToken }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/password',
    access: 'signedIn',
    allowRestricted: true,
    summary: '修改本人密码',
    body: z.strictObject({ currentPassword: password, newPassword: password }),
    handler: async ({ db, user, body, app, audit, reply }) => {
      await changePassword(db, user.id, user.sessionId, body, app.clock());
      await audit({ event: 'password_changed', outcome: 'success', target: user.username });
      reply.status(204);
      return null;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/totp/setup',
    access: 'signedIn',
    allowRestricted: true,
    summary: '生成双因素认证密钥（启用前须验证一次动态码）',
    handler: async ({ db, user, app }) => {
      if (user.totpEnabled) throw new AppError('CONFLICT', '已启用双因素认证');
      const secret = newTotpSecret();
      await db
        .updateTable('app_user')
        .set({ totp_secret_cipher: app.cipher.encrypt(secret) })
        .where('id', '=', user.id)
        .execute();
      return { secret, uri: totpUri(secret, user.username) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/totp/enable',
    access: 'signedIn',
    allowRestricted: true,
    summary: '验证动态码并启用双因素认证',
    body: z.strictObject({ code: totpCode }),
    handler: async ({ db, user, body, app, audit, reply }) => {
      const row = await db
        .selectFrom('app_user')
        .select(['totp_secret_cipher', 'totp_enabled_at'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      if (row.totp_enabled_at) throw new AppError('CONFLICT', '已启用双因素认证');
      if (!row.totp_secret_cipher)
        throw new AppError('RULE_VIOLATION', '请先生成密钥', { field: 'body.code' });
      const now = app.clock();
      if (!verifyTotp(app.cipher.decrypt(row.totp_secret_cipher), user.username, body.code, now)) {
        throw new AppError('VALIDATION_FAILED', '动态码不正确，请核对手机时间后重试', { field: 'body.code' });
      }
      await db.updateTable('app_user').set({ totp_enabled_at: now }).where('id', '=', user.id).execute();
      await audit({ event: 'totp_enabled', outcome: 'success', target: user.username });
      reply.status(204);
      return null;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/totp/disable',
    access: 'signedIn',
    summary: '停用双因素认证',
    body: z.strictObject({ password }),
    handler: async ({ db, user, body, audit, reply }) => {
      const { security } = await currentSettings(db);
      if (security.administratorTotpRequired && user.roles.some((r) => administratorRoles.includes(r))) {
        throw new AppError('RULE_VIOLATION', '安全策略要求管理员启用双因素认证，不能停用');
      }
      const row = await db
        .selectFrom('app_user')
        .select('password_hash')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(body.password, row.password_hash))) {
        throw new AppError('INVALID_CREDENTIALS', '密码错误', { field: 'body.password' });
      }
      await db
        .updateTable('app_user')
        .set({ totp_enabled_at: null, totp_secret_cipher: null })
        .where('id', '=', user.id)
        .execute();
      await audit({ event: 'totp_disabled', outcome: 'success', target: user.username });
      reply.status(204);
      return null;
    },
  }),
];
