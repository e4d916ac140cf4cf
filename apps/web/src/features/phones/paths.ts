import type { PhoneKey } from '@vicidash/contracts/phone';

/** The phone pages' addresses. */
export const phonePaths = {
  list: '/phones',
  create: '/phones/new',
  detail: (key: PhoneKey) => `/phones/${encodeURIComponent(key.serverIp)}/${encodeURIComponent(key.extension)}`,
  edit: (key: PhoneKey) => `${phonePaths.detail(key)}/edit`,
};
