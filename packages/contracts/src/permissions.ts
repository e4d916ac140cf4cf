import { z } from 'zod';

/**
 * What each role may do, as data (`action:resource`). The BFF enforces it on every route with one
 * guard; the SPA reads the same table only to hide what the BFF would refuse.
 */
export const permissionDescriptions = {
  'read:phones': 'view phones',
  'read:aliases': 'view phone aliases',
  'read:dids': 'view DIDs',
  'read:lookups': 'view servers, in-groups, call menus and campaigns',
  'create:dids': 'add DIDs',
  'copy:dids': 'copy DIDs',
  'update:dids': 'change DIDs',
  'delete:dids': 'delete DIDs',
  'create:phones': 'add phones',
  'update:phones': 'change phones',
  'delete:phones': 'delete phones',
  'reveal:secrets': 'see SIP passwords',
  'create:aliases': 'add phone aliases',
  'update:aliases': 'change phone aliases',
  'delete:aliases': 'delete phone aliases',
  'refresh:servers': 'ask servers to rebuild their configuration',
  'read:own-audit': 'view their own changes in the audit log',
  'read:audit': 'view the audit log',
  'revert:own-did-changes': 'revert their own DID changes',
  'revert:any-change': 'revert changes other people made, or of phones and aliases',
  'manage:users': 'manage dashboard users',
  'change:own-password': 'change their own password',
  'import:dids': 'import DIDs from a CSV file',
  'import:phones': 'import phones from a CSV file',
  'import:aliases': 'import phone aliases from a CSV file',
} as const;

export type Permission = keyof typeof permissionDescriptions;

export const roleSchema = z.enum(['supervisor', 'helpdesk', 'viewer']);
export type Role = z.infer<typeof roleSchema>;

const viewer = ['read:phones', 'read:aliases', 'read:dids', 'read:lookups', 'change:own-password'] as const satisfies Permission[];
const helpdesk = [...viewer, 'create:dids', 'copy:dids', 'update:dids', 'read:own-audit', 'revert:own-did-changes', 'import:dids'] as const satisfies Permission[];
const supervisor = Object.keys(permissionDescriptions) as Permission[];

export const rolePermissions: Record<Role, readonly Permission[]> = { viewer, helpdesk, supervisor };

export const can = (role: Role, permission: Permission): boolean => rolePermissions[role].includes(permission);

/** The sentence a refused person reads. */
export const refusalReason = (role: Role, permission: Permission): string =>
  `Your role (${role}) may not ${permissionDescriptions[permission]}.`;
