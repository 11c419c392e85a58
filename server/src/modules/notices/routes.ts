import { z } from 'zod';
import { uuid } from '../../http/fields.js';
import { defineRoute } from '../../http/route.js';
import { markNoticesRead, noticesOf } from './service.js';

export const noticeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/me/notices',
    access: 'signedIn',
    summary: '我的站内消息（最新在前）及未读数',
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    handler: async ({ db, user, query }) => noticesOf(db, user.id, query.limit),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/me/notices/read',
    access: 'signedIn',
    summary: '将自己的站内消息标为已读（他人的消息不受影响）',
    body: z.strictObject({ ids: z.array(uuid).min(1).max(200) }),
    handler: async ({ db, user, body, app }) => ({
      marked: await markNoticesRead(db, user.id, body.ids, app.clock()),
    }),
  }),
];
