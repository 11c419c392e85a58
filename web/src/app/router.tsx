/**
 * Routes of the console under /console/. Every page is its own lazy chunk so
 * the first load carries only React, the router and the antd core.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router-dom';
import { may, useAuth } from './auth';
import { PageLoading } from './loading';
import type { Action } from './types';

const LoginPage = lazy(() => import('../features/login/LoginPage'));
const AppLayout = lazy(() => import('./layout/AppLayout'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const OrganisationPage = lazy(() => import('../features/organisation/OrganisationPage'));
const PersonsPage = lazy(() => import('../features/persons/PersonsPage'));
const CertificatesPage = lazy(() => import('../features/certificates/CertificatesPage'));
const PowerListPage = lazy(() => import('../features/power-list/PowerListPage'));
const LawsPage = lazy(() => import('../features/laws/LawsPage'));
const AuxiliariesPage = lazy(() => import('../features/auxiliaries/AuxiliariesPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const ListsPage = lazy(() => import('../features/lists/ListsPage'));
const FlowchartsPage = lazy(() => import('../features/lists/FlowchartsPage'));
const SessionsPage = lazy(() => import('../features/sessions/SessionsPage'));
const TrainingPage = lazy(() => import('../features/training/TrainingPage'));
const ReviewersPage = lazy(() => import('../features/reviewers/ReviewersPage'));
const WindowBoardsPage = lazy(() => import('../features/window-boards/WindowBoardsPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const LedgerPage = lazy(() => import('../features/ledger/LedgerPage'));
const CasesPage = lazy(() => import('../features/cases/CasesPage'));
const CasePage = lazy(() => import('../features/cases/CasePage'));
const MyDeadlinesPage = lazy(() => import('../features/cases/MyDeadlinesPage'));
const RecordingListPage = lazy(() => import('../features/recording-list/RecordingListPage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const RestrictedPage = lazy(() => import('../features/account/RestrictedPage'));
const StatusPage = lazy(() => import('./status-pages'));

function page(element: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{element}</Suspense>;
}

/**
 * Signed-out visitors go to the login page, which brings them back here. A
 * restricted session sees only its required step, then the page it asked for.
 */
function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'signedOut') {
    // After a deliberate sign-out the next user starts at home, not at the last page.
    const from = state.reason === 'loggedOut' ? undefined : location;
    return <Navigate to="/login" replace state={{ from, expired: state.reason === 'expired' }} />;
  }
  if (state.user.restriction) return page(<RestrictedPage />);
  return children;
}

/** The menu hides what a role may not do; a typed-in URL gets the same answer. */
function RequireAction({ action, children }: { action: Action; children: ReactNode }) {
  const { state } = useAuth();
  if (state.status !== 'signedIn' || !may(state.user, action)) return page(<StatusPage status="403" />);
  return children;
}

/** A child route that only users with the action may open. */
function guarded(path: string, action: Action, element: ReactNode) {
  return { path, element: <RequireAction action={action}>{page(element)}</RequireAction> };
}

export const router = createBrowserRouter(
  [
    { path: '/login', element: page(<LoginPage />) },
    {
      path: '/',
      element: <RequireAuth>{page(<AppLayout />)}</RequireAuth>,
      children: [
        { index: true, element: page(<HomePage />) },
        guarded('cases', 'case.read', <CasesPage />),
        guarded('cases/:id', 'case.read', <CasePage />),
        guarded('my-deadlines', 'case.read', <MyDeadlinesPage />),
        guarded('recording-list', 'case.read', <RecordingListPage />),
        guarded('organisation', 'agency.read', <OrganisationPage />),
        guarded('persons', 'person.read', <PersonsPage />),
        guarded('certificates', 'certificate.read', <CertificatesPage />),
        guarded('auxiliaries', 'person.read', <AuxiliariesPage />),
        guarded('training', 'training.read', <TrainingPage />),
        guarded('reviewers', 'person.read', <ReviewersPage />),
        guarded('window-boards', 'agency.read', <WindowBoardsPage />),
        guarded('power-list', 'powerList.read', <PowerListPage />),
        guarded('laws', 'law.read', <LawsPage />),
        { path: 'flowcharts', element: page(<FlowchartsPage />) },
        guarded(
          'service-guides',
          'disclosureList.read',
          <ListsPage key="serviceGuide" kind="serviceGuide" />,
        ),
        guarded(
          'inspection-items',
          'disclosureList.read',
          <ListsPage key="inspectionItem" kind="inspectionItem" />,
        ),
        guarded(
          'discretion-benchmarks',
          'disclosureList.read',
          <ListsPage key="discretionBenchmark" kind="discretionBenchmark" />,
        ),
        guarded('exemptions', 'disclosureList.read', <ListsPage key="exemption" kind="exemption" />),
        guarded('users', 'user.read', <UsersPage />),
        guarded('sessions', 'session.manage', <SessionsPage />),
        guarded('audit', 'audit.read', <AuditPage />),
        guarded('ledger', 'ledger.read', <LedgerPage />),
        guarded('calendar', 'calendar.read', <CalendarPage />),
        guarded('settings', 'settings.read', <SettingsPage />),
        { path: 'account', element: page(<AccountPage />) },
        { path: '*', element: page(<StatusPage status="404" />) },
      ],
    },
  ],
  { basename: '/console' },
);
