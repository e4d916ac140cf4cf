import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';

const AuditPage = lazyPage(() => import('./components/audit-page'), (m) => m.AuditPage);

/** The audit page, loaded on first visit. */
export const auditRoutes: RouteObject[] = [{ path: 'audit', element: <AuditPage /> }];
