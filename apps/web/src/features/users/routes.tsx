import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';

const UsersPage = lazyPage(() => import('./components/users-page'), (m) => m.UsersPage);

/** Dashboard accounts (supervisors), loaded on first visit. */
export const userRoutes: RouteObject[] = [{ path: 'users', element: <UsersPage /> }];
