import { Suspense } from 'react';
import { Navigate, type RouteObject, useRoutes } from 'react-router';
import { LoadingState } from '../components/states';
import { aliasRoutes } from '../features/aliases/routes';
import { auditRoutes } from '../features/audit/routes';
import { accountRoutes, authRoutes } from '../features/auth/routes';
import { didRoutes } from '../features/dids/routes';
import { importRoutes } from '../features/imports/routes';
import { phoneRoutes } from '../features/phones/routes';
import { serverRoutes } from '../features/servers/routes';
import { userRoutes } from '../features/users/routes';
import { AppLayout } from './app-layout';
import { RequireSession } from './require-session';
import { NotFound } from './route-error';

/**
 * Every page. Features bring their own routes (pages loaded on first visit); the protected ones sit
 * in the layout behind the session gate.
 */
export const appRoutes: RouteObject[] = [
  ...authRoutes,
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/dids" replace /> },
          ...didRoutes,
          ...phoneRoutes,
          ...aliasRoutes,
          ...importRoutes,
          ...auditRoutes,
          ...serverRoutes,
          ...userRoutes,
          ...accountRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

export function AppRoutes() {
  const routes = useRoutes(appRoutes);
  return (
    <Suspense
      fallback={
        <main id="main" className="app-main">
          <LoadingState />
        </main>
      }
    >
      {routes}
    </Suspense>
  );
}
