import type { ImportResource } from '@vicidash/contracts/imports';

/** The import pages' addresses. */
export const importPaths = {
  /** Upload, preview and apply a file of this resource. */
  upload: (resource: ImportResource) => `/${resource}/import`,
  /** An apply's progress and results (coming back to it after closing the page). */
  progress: (importId: string) => `/imports/${encodeURIComponent(importId)}`,
};
