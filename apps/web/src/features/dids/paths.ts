/** The DID pages' addresses. */
export const didPaths = {
  list: '/dids',
  create: '/dids/new',
  detail: (didId: number) => `/dids/${didId}`,
  edit: (didId: number) => `${didPaths.detail(didId)}/edit`,
};
