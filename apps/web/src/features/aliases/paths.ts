/** The alias pages' addresses. */
export const aliasPaths = {
  list: '/aliases',
  create: '/aliases/new',
  detail: (aliasId: string) => `/aliases/${encodeURIComponent(aliasId)}`,
  edit: (aliasId: string) => `${aliasPaths.detail(aliasId)}/edit`,
};
