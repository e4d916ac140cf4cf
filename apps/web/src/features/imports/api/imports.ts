import { queryOptions, useMutation } from '@tanstack/react-query';
import { type ImportResource, type ImportStatus, importPreviewSchema, importStartedSchema, importStatusSchema } from '@vicidash/contracts/imports';
import { api, segment } from '../../../lib/api-client';

/** How often a running apply's progress is asked for. */
const PROGRESS_EVERY_MS = 500;

const importPath = (resource: ImportResource) => `/api/${resource}/import`;

/** What each row of the file would do; nothing is written. */
export function usePreviewImport(resource: ImportResource) {
  return useMutation({
    mutationFn: (csv: string) => api.post(importPath(resource), { schema: importPreviewSchema, query: { mode: 'preview' }, csv }),
  });
}

/**
 * Starts applying the previewed file's ticked rows; answers the import to follow. The address names
 * the shorter of the ticked and the unticked lines (a 50,000-row file's lines would not fit in it).
 */
export function useApplyImport(resource: ImportResource) {
  return useMutation({
    mutationFn: ({ csv, previewId, ticked, unticked }: { csv: string; previewId: string; ticked: readonly number[]; unticked: readonly number[] }) =>
      api.post(importPath(resource), {
        schema: importStartedSchema,
        query: { mode: 'apply', preview: previewId, ...(unticked.length <= ticked.length ? { skip: unticked.join(',') } : { lines: ticked.join(',') }) },
        csv,
      }),
  });
}

/** An import's progress, asked again while it runs (from whichever server answers). */
export const importStatusQueryOptions = (importId: string) =>
  queryOptions({
    queryKey: ['imports', importId],
    queryFn: ({ signal }) => api.get(`/api/imports/${segment(importId)}`, { schema: importStatusSchema, signal }),
    refetchInterval: (query) => (query.state.data?.state === 'running' || query.state.data === undefined ? PROGRESS_EVERY_MS : false),
  });

/** The failed rows as a CSV file, to fix and import again. */
export const importErrorsUrl = (importId: string) => `/api/imports/${segment(importId)}/errors.csv`;

export const failedRows = (status: ImportStatus) => status.results.filter((result) => !result.ok).length;
