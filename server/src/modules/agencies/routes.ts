import { defineRoute } from '../../http/route.js';
import { agencyScope } from '../../http/scope.js';
import { listAgencies } from './service.js';

export const agencyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/agencies',
    access: 'agency.read',
    summary: '可见的执法主体',
    handler: async ({ db, user }) => ({ items: await listAgencies(db, await agencyScope(db, user)) }),
  }),
];
