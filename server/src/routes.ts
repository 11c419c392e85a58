/** The route table: every route of the platform, in one list the tests can enumerate. */
import type { RouteDefinition } from './http/route.js';
import { agencyRoutes } from './modules/agencies/routes.js';
import { agencyProfileRoutes } from './modules/agency-profiles/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { auxiliaryRoutes } from './modules/auxiliaries/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { caseRoutes } from './modules/cases/routes.js';
import { certificateRoutes } from './modules/certificates/routes.js';
import { documentRoutes } from './modules/documents/routes.js';
import { enforcementItemRoutes, enforcementItemSheetRoutes } from './modules/enforcement-items/routes.js';
import { evidenceRoutes } from './modules/evidence/routes.js';
import { flowchartRoutes } from './modules/flowcharts/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { lawRoutes } from './modules/laws/routes.js';
import { ledgerRoutes } from './modules/ledger/routes.js';
import { listRoutes } from './modules/lists/routes.js';
import { noticeRoutes } from './modules/notices/routes.js';
import { personRoutes } from './modules/persons/routes.js';
import { recordingListRoutes } from './modules/recording-lists/routes.js';
import { reviewerRoutes } from './modules/reviewers/routes.js';
import { sessionRoutes } from './modules/sessions/routes.js';
import { settingsRoutes } from './modules/settings/routes.js';
import { trainingRoutes } from './modules/training/routes.js';
import { unitRoutes } from './modules/units/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { windowBoardRoutes } from './modules/window-boards/routes.js';
import { agencyPortalRoutes } from './portal/agency-routes.js';
import { flowchartPortalRoutes } from './portal/flowchart-routes.js';
import { listPortalRoutes } from './portal/list-routes.js';
import { officerPortalRoutes } from './portal/officer-routes.js';
import { powerListPortalRoutes } from './portal/power-list-routes.js';
import { portalRoutes } from './portal/routes.js';

export const allRoutes: readonly RouteDefinition[] = [
  ...healthRoutes,
  ...authRoutes,
  ...agencyRoutes,
  ...agencyProfileRoutes,
  ...unitRoutes,
  ...personRoutes,
  ...certificateRoutes,
  ...auxiliaryRoutes,
  ...trainingRoutes,
  ...reviewerRoutes,
  ...windowBoardRoutes,
  ...lawRoutes,
  ...enforcementItemSheetRoutes,
  ...enforcementItemRoutes,
  ...userRoutes,
  ...sessionRoutes,
  ...auditRoutes,
  ...ledgerRoutes,
  ...evidenceRoutes,
  ...documentRoutes,
  ...calendarRoutes,
  ...noticeRoutes,
  ...settingsRoutes,
  ...portalRoutes,
  ...officerPortalRoutes,
  ...powerListPortalRoutes,
  ...agencyPortalRoutes,
  ...flowchartRoutes,
  ...listRoutes,
  ...flowchartPortalRoutes,
  ...listPortalRoutes,
  ...caseRoutes,
  ...recordingListRoutes,
];
