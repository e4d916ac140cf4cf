import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';

const PhoneListPage = lazyPage(() => import('./components/phone-list-page'), (m) => m.PhoneListPage);
const PhoneDetailPage = lazyPage(() => import('./components/phone-detail-page'), (m) => m.PhoneDetailPage);

/** The phone pages, each loaded on first visit. */
export const phoneRoutes: RouteObject[] = [
  { path: 'phones', element: <PhoneListPage /> },
  { path: 'phones/:serverIp/:extension', element: <PhoneDetailPage /> },
];
