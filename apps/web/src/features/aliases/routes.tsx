import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';

const AliasListPage = lazyPage(() => import('./components/alias-list-page'), (m) => m.AliasListPage);
const AliasDetailPage = lazyPage(() => import('./components/alias-detail-page'), (m) => m.AliasDetailPage);
const AliasCreatePage = lazyPage(() => import('./components/alias-create-page'), (m) => m.AliasCreatePage);
const AliasEditPage = lazyPage(() => import('./components/alias-edit-page'), (m) => m.AliasEditPage);

/** The alias pages, each loaded on first visit. */
export const aliasRoutes: RouteObject[] = [
  { path: 'aliases', element: <AliasListPage /> },
  { path: 'aliases/new', element: <AliasCreatePage /> },
  { path: 'aliases/:aliasId', element: <AliasDetailPage /> },
  { path: 'aliases/:aliasId/edit', element: <AliasEditPage /> },
];
