import { AppError } from '@zhifa/core';
import { z } from 'zod';
import { uuid } from '../../http/fields.js';
import { defineRoute } from '../../http/route.js';
import { markNoticeRead, noticesOf } from './service.js';

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
    url: '/api/me/notices/:id/read',
    access: 'signedIn',
    summary: '将一条站内消息标为已读',
    params: z.strictObject({ id: uuid }),
    handler: async ({ db, user, params, app, reply }) => {
      if (!(await markNoticeRead(db, user.id, params.id, app.clock())))
        throw new AppError('NOT_FOUND', '没有这条消息', { field: 'id' });
      reply.status(204);
      return null;
    },
  }),
];
