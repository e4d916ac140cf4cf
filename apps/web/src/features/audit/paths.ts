/** The audit page's address. */
export const auditPaths = {
  list: '/audit',
};
