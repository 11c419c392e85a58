/** The route table: every route of the platform, in one list the tests can enumerate. */
import type { RouteDefinition } from './http/route.js';
import { agencyRoutes } from './modules/agencies/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { settingsRoutes } from './modules/settings/routes.js';
import { portalRoutes } from './portal/routes.js';

export const allRoutes: readonly RouteDefinition[] = [
  ...healthRoutes,
  ...authRoutes,
  ...agencyRoutes,
  ...calendarRoutes,
  ...settingsRoutes,
  ...portalRoutes,
];
