import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';

const DidListPage = lazyPage(() => import('./components/did-list-page'), (m) => m.DidListPage);
const DidDetailPage = lazyPage(() => import('./components/did-detail-page'), (m) => m.DidDetailPage);
const DidCreatePage = lazyPage(() => import('./components/did-create-page'), (m) => m.DidCreatePage);
const DidEditPage = lazyPage(() => import('./components/did-edit-page'), (m) => m.DidEditPage);
const DidCopyPage = lazyPage(() => import('./components/did-copy-page'), (m) => m.DidCopyPage);
const DidBulkPage = lazyPage(() => import('./components/did-bulk-page'), (m) => m.DidBulkPage);

/** The DID pages, each loaded on first visit. */
export const didRoutes: RouteObject[] = [
  { path: 'dids', element: <DidListPage /> },
  { path: 'dids/new', element: <DidCreatePage /> },
  { path: 'dids/bulk', element: <DidBulkPage /> },
  { path: 'dids/:didId', element: <DidDetailPage /> },
  { path: 'dids/:didId/edit', element: <DidEditPage /> },
  { path: 'dids/:didId/copy', element: <DidCopyPage /> },
];
