import type { ImportResource } from '@vicidash/contracts/imports';

/** What a file of each resource holds, in words, and where its list is. */
export const resourceLabels: Record<ImportResource, { plural: string; list: string }> = {
  dids: { plural: 'DIDs', list: '/dids' },
  phones: { plural: 'phones', list: '/phones' },
  aliases: { plural: 'phone aliases', list: '/aliases' },
};
