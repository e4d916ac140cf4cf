import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';

const ServersPage = lazyPage(() => import('./components/servers-page'), (m) => m.ServersPage);

/** The servers page, loaded on first visit. */
export const serverRoutes: RouteObject[] = [{ path: 'servers', element: <ServersPage /> }];
