import { describe, expect, test } from 'vitest';
import { can, permissionDescriptions, refusalReason, rolePermissions, type Permission } from './permissions.js';

// The roles table of design.md, row by row.
const matrix: [Permission, viewer: boolean, helpdesk: boolean, supervisor: boolean][] = [
  ['read:phones', true, true, true],
  ['read:aliases', true, true, true],
  ['read:dids', true, true, true],
  ['read:lookups', true, true, true],
  ['reveal:secrets', false, false, true],
  ['create:dids', false, true, true],
  ['copy:dids', false, true, true],
  ['update:dids', false, true, true],
  ['delete:dids', false, false, true],
  ['create:phones', false, false, true],
  ['update:phones', false, false, true],
  ['delete:phones', false, false, true],
  ['create:aliases', false, false, true],
  ['update:aliases', false, false, true],
  ['delete:aliases', false, false, true],
  ['refresh:servers', false, false, true],
  ['read:own-audit', false, true, true],
  ['read:audit', false, false, true],
  ['revert:own-did-changes', false, true, true],
  ['revert:any-change', false, false, true],
  ['manage:users', false, false, true],
  ['change:own-password', true, true, true],
  ['import:dids', false, true, true],
  ['import:phones', false, false, true],
  ['import:aliases', false, false, true],
];

describe('role permissions', () => {
  test.each(matrix)('%s: viewer %s, helpdesk %s, supervisor %s', (permission, viewer, helpdesk, supervisor) => {
    expect([can('viewer', permission), can('helpdesk', permission), can('supervisor', permission)]).toEqual([
      viewer,
      helpdesk,
      supervisor,
    ]);
  });

  test('the matrix above covers every permission', () => {
    expect(matrix.map(([p]) => p).sort()).toEqual(Object.keys(permissionDescriptions).sort());
    expect(rolePermissions.supervisor).toHaveLength(matrix.length);
  });

  test('a refusal says who and what in plain words', () => {
    expect(refusalReason('helpdesk', 'delete:dids')).toBe('Your role (helpdesk) may not delete DIDs.');
  });
});
