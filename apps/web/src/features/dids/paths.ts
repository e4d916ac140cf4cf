/** The DID pages' addresses. */
export const didPaths = {
  list: '/dids',
  create: '/dids/new',
  detail: (didId: number) => `/dids/${didId}`,
  edit: (didId: number) => `${didPaths.detail(didId)}/edit`,
  copy: (didId: number) => `${didPaths.detail(didId)}/copy`,
  /** The bulk change of the DIDs `patterns` (chosen in the list). */
  bulk: (patterns: readonly string[]) => `/dids/bulk?${new URLSearchParams({ dids: patterns.join(',') }).toString()}`,
};
