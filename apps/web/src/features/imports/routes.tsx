import type { RouteObject } from 'react-router';
import type { ImportResource } from '@vicidash/contracts/imports';
import { lazyPage } from '../../lib/lazy-route';

const importPage = (resource: ImportResource) =>
  lazyPage(
    () => import('./components/import-page'),
    ({ ImportPage }) =>
      function ResourceImportPage() {
        return <ImportPage resource={resource} />;
      },
  );
const DidImportPage = importPage('dids');
const PhoneImportPage = importPage('phones');
const AliasImportPage = importPage('aliases');
const ImportProgressPage = lazyPage(() => import('./components/import-progress-page'), (m) => m.ImportProgressPage);

/** The import pages, each loaded on first visit. */
export const importRoutes: RouteObject[] = [
  { path: 'dids/import', element: <DidImportPage /> },
  { path: 'phones/import', element: <PhoneImportPage /> },
  { path: 'aliases/import', element: <AliasImportPage /> },
  { path: 'imports/:importId', element: <ImportProgressPage /> },
];
