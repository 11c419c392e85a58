import { sql } from 'kysely';
import { defineRoute } from '../../http/route.js';

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    access: 'public',
    summary: '健康检查',
    handler: async ({ db, app }) => {
      await sql`SELECT 1`.execute(db);
      return { status: 'ok', database: app.databaseKind, version: app.version };
    },
  }),
];
