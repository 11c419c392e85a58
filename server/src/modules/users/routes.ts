import { AppError, roles } from '@zhifa/core';
import { z } from 'zod';
import { text, uuid } from '../../http/fields.js';
import { defineRoute } from '../../http/route.js';
import { agencyScope, notFound, requireAgencyInScope, requireInScope } from '../../http/scope.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { presentUsers } from './presenter.js';
import {
  checkManages,
  checkRoles,
  createUser,
  revokeAllSessions,
  updateUser,
  usernamePattern,
} from './service.js';

const idParams = z.strictObject({ id: uuid });
/** Which accounts each may manage is checked per account (checkManages). */
const manageAccounts = ['user.manage', 'administratorAccount.manage'] as const;
const roleList = z.array(z.enum(roles)).min(1, { message: '至少选择一个角色' }).max(roles.length);

async function loadTarget(
  db: Parameters<typeof requireInScope>[0],
  user: Parameters<typeof requireInScope>[1],
  id: string,
) {
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'agency_id', 'roles', 'username'])
    .where('id', '=', id)
    .executeTakeFirst();
  return requireInScope(db, user, row, '用户');
}

export const userRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/users',
    access: 'user.read',
    summary: '用户列表（本机关；系统管理员含下级机关）',
    handler: async ({ db, user, app }) => ({
      items: await presentUsers(db, user, { agencyIds: await agencyScope(db, user) }, app.clock()),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/users/:id',
    access: 'user.read',
    summary: '用户详情',
    params: idParams,
    handler: async ({ db, user, params, app }) => {
      const [found] = await presentUsers(
        db,
        user,
        { ids: [params.id], agencyIds: await agencyScope(db, user) },
        app.clock(),
      );
      if (!found) throw notFound('用户');
      return found;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users',
    access: manageAccounts,
    summary: '创建用户（生成初始密码，首次登录须修改）',
    body: z.strictObject({
      username: z
        .string()
        .regex(usernamePattern, { message: '登录名应以小写字母开头，由 3–32 位小写字母、数字、._- 组成' }),
      displayName: text(50),
      agencyId: uuid.optional(),
      unitId: uuid.nullable().optional(),
      personId: uuid.nullable().optional(),
      roles: roleList,
    }),
    handler: async ({ db, user, body, app, audit, record, reply }) => {
      checkRoles(body.roles);
      checkManages(user, body.roles, 'body.roles');
      const agencyId = body.agencyId ?? user.agencyId;
      await requireAgencyInScope(db, user, agencyId, '执法主体');
      const password = generatePassword();
      const created = await createUser(
        db,
        {
          agencyId,
          unitId: body.unitId ?? null,
          personId: body.personId ?? null,
          username: body.username,
          displayName: body.displayName,
          roles: body.roles,
          password,
          mustChangePassword: true,
        },
        app.clock(),
      );
      await audit({
        event: 'user_created',
        outcome: 'success',
        target: created.username,
        detail: { roles: body.roles },
      });
      await record({
        streamId: `user:${created.id}`,
        agencyId,
        kind: 'user.created',
        payload: { username: created.username, roles: body.roles },
      });
      reply.status(201);
      return { id: created.id, username: created.username, temporaryPassword: password };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/users/:id',
    access: manageAccounts,
    summary: '修改用户：姓名、承办机构、角色、启用状态',
    params: idParams,
    body: z.strictObject({
      displayName: text(50).optional(),
      unitId: uuid.nullable().optional(),
      roles: roleList.optional(),
      active: z.boolean().optional(),
    }),
    handler: async ({ db, user, params, body, audit, record, app }) => {
      const target = await loadTarget(db, user, params.id);
      await updateUser(db, user, target, body);
      await audit({
        event: 'user_updated',
        outcome: 'success',
        target: target.username,
        detail: { ...body, ...(body.roles && { previousRoles: target.roles }) },
      });
      await record({
        streamId: `user:${target.id}`,
        agencyId: target.agency_id,
        kind: 'user.updated',
        payload: { change: body },
      });
      const [updated] = await presentUsers(
        db,
        user,
        { ids: [target.id], agencyIds: [target.agency_id] },
        app.clock(),
      );
      return updated;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/reset-password',
    access: manageAccounts,
    summary: '重置密码（生成临时密码，强制下线，下次登录须修改）',
    params: idParams,
    handler: async ({ db, user, params, app, audit, record }) => {
      const target = await loadTarget(db, user, params.id);
      checkManages(user, target.roles, 'params.id');
      if (target.id === user.id) throw new AppError('RULE_VIOLATION', '请在“我的账户”中修改自己的密码');
      const password = generatePassword();
      const now = app.clock();
      await db
        .updateTable('app_user')
        .set({
          password_hash: await hashPassword(password),
          password_changed_at: now,
          must_change_password: true,
        })
        .where('id', '=', target.id)
        .execute();
      await revokeAllSessions(db, target.id, now);
      await audit({ event: 'password_reset', outcome: 'success', target: target.username });
      await record({
        streamId: `user:${target.id}`,
        agencyId: target.agency_id,
        kind: 'user.passwordReset',
        payload: {},
      });
      return { temporaryPassword: password };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users/:id/unlock',
    access: ['user.manage', 'session.manage'],
    summary: '解除登录锁定',
    params: idParams,
    handler: async ({ db, user, params, audit, reply }) => {
      const target = await loadTarget(db, user, params.id);
      await db
        .updateTable('app_user')
        .set({ locked_until: null, failed_logins: 0 })
        .where('id', '=', target.id)
        .execute();
      await audit({ event: 'user_unlocked', outcome: 'success', target: target.username });
      reply.status(204);
      return null;
    },
  }),
];
