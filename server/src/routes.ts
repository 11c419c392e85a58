/** The route table: every route of the platform, in one list the tests can enumerate. */
import type { RouteDefinition } from './http/route.js';
import { agencyRoutes } from './modules/agencies/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { evidenceRoutes } from './modules/evidence/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { ledgerRoutes } from './modules/ledger/routes.js';
import { personRoutes } from './modules/persons/routes.js';
import { sessionRoutes } from './modules/sessions/routes.js';
import { settingsRoutes } from './modules/settings/routes.js';
import { unitRoutes } from './modules/units/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { portalRoutes } from './portal/routes.js';

export const allRoutes: readonly RouteDefinition[] = [
  ...healthRoutes,
  ...authRoutes,
  ...agencyRoutes,
  ...unitRoutes,
  ...personRoutes,
  ...userRoutes,
  ...sessionRoutes,
  ...auditRoutes,
  ...ledgerRoutes,
  ...evidenceRoutes,
  ...calendarRoutes,
  ...settingsRoutes,
  ...portalRoutes,
];
