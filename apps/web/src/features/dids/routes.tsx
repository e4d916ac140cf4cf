import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';

const DidListPage = lazyPage(() => import('./components/did-list-page'), (m) => m.DidListPage);
const DidDetailPage = lazyPage(() => import('./components/did-detail-page'), (m) => m.DidDetailPage);

/** The DID pages, each loaded on first visit. */
export const didRoutes: RouteObject[] = [
  { path: 'dids', element: <DidListPage /> },
  { path: 'dids/:didId', element: <DidDetailPage /> },
];
