import type { Permission } from '@vicidash/contracts/permissions';

/** The main navigation; an item shows for roles holding any of its permissions. */
export interface NavItem {
  to: string;
  label: string;
  anyOf: readonly Permission[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/dids', label: 'DIDs', anyOf: ['read:dids'] },
  { to: '/phones', label: 'Phones', anyOf: ['read:phones'] },
  { to: '/aliases', label: 'Phone aliases', anyOf: ['read:aliases'] },
  // Helpdesk sees its own changes there, supervisors everyone's.
  { to: '/audit', label: 'Audit log', anyOf: ['read:own-audit'] },
  { to: '/servers', label: 'Servers', anyOf: ['read:lookups'] },
  { to: '/users', label: 'Users', anyOf: ['manage:users'] },
];

export const visibleNavItems = (permissions: readonly Permission[]): NavItem[] =>
  NAV_ITEMS.filter((item) => item.anyOf.some((permission) => permissions.includes(permission)));
