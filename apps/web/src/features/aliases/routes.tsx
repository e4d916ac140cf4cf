import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';

const AliasListPage = lazyPage(() => import('./components/alias-list-page'), (m) => m.AliasListPage);
const AliasDetailPage = lazyPage(() => import('./components/alias-detail-page'), (m) => m.AliasDetailPage);

/** The alias pages, each loaded on first visit. */
export const aliasRoutes: RouteObject[] = [
  { path: 'aliases', element: <AliasListPage /> },
  { path: 'aliases/:aliasId', element: <AliasDetailPage /> },
];
