import { type ComponentType, lazy } from 'react';

/**
 * A page that lives in its own chunk, fetched on first visit: keeps each feature's code (tables,
 * forms, their schemas) out of the initial download. Render it below a Suspense boundary (the
 * layout has one).
 *
 *   const DidListPage = lazyPage(() => import('./components/did-list-page'), (m) => m.DidListPage);
 */
export const lazyPage = <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  lazy(async () => ({ default: pick(await load()) }));
