import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';

const PhoneListPage = lazyPage(() => import('./components/phone-list-page'), (m) => m.PhoneListPage);
const PhoneDetailPage = lazyPage(() => import('./components/phone-detail-page'), (m) => m.PhoneDetailPage);
const PhoneCreatePage = lazyPage(() => import('./components/phone-create-page'), (m) => m.PhoneCreatePage);
const PhoneEditPage = lazyPage(() => import('./components/phone-edit-page'), (m) => m.PhoneEditPage);

/** The phone pages, each loaded on first visit. */
export const phoneRoutes: RouteObject[] = [
  { path: 'phones', element: <PhoneListPage /> },
  { path: 'phones/new', element: <PhoneCreatePage /> },
  { path: 'phones/:serverIp/:extension', element: <PhoneDetailPage /> },
  { path: 'phones/:serverIp/:extension/edit', element: <PhoneEditPage /> },
];
