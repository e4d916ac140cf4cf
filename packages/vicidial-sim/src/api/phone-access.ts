import type { ApiUser } from './context.js';

// The user flags behind the phone and alias functions. Failing them answers with data '0': VICIdial
// prints the count of matching user rows it found.

/** add_phone, update_phone, add_phone_alias, update_phone_alias. */
export const mayAdministerPhones = (user: ApiUser): boolean =>
  user.vdcAgentApiAccess && user.astAdminAccess && user.userLevel >= 8;

/** delete_phone=Y and delete_alias=Y (a refusal is a NOTICE, not an ERROR). */
export const mayDeletePhones = (user: ApiUser): boolean =>
  user.vdcAgentApiAccess && user.astDeletePhones && user.userLevel >= 8;
