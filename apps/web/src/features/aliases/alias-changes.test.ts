import { describe, expect, it } from 'vitest';
import { applyLoginChanges, editChanges, hasEditChanges, loginChanges, reapplyEdit } from './alias-changes';

describe('loginChanges', () => {
  it('lists the logins added and removed, ignoring case and order', () => {
    expect(loginChanges(['1001a', '1002a', '1003a'], ['1003A', '1001a', '1004a'])).toEqual({ added: ['1004a'], removed: ['1002a'] });
    expect(loginChanges(['1001a', '1002a'], ['1002a', '1001a'])).toEqual({ added: [], removed: [] });
  });
});

describe('applyLoginChanges', () => {
  it('removes and adds on top of the newer list, keeping its order and what it gained', () => {
    expect(applyLoginChanges(['1001a', '1002a', '4001b', '1003a'], { added: ['1005a'], removed: ['1002A'] })).toEqual([
      '1001a',
      '4001b',
      '1003a',
      '1005a',
    ]);
  });

  it('does not add twice a login the newer list already has', () => {
    expect(applyLoginChanges(['1001a', '1005A'], { added: ['1005a'], removed: [] })).toEqual(['1001a', '1005A']);
  });
});

describe('reapplyEdit', () => {
  const loaded = { name: 'Sales pod 1', logins: ['1001a', '1002a', '1003a'] };

  it('redoes my additions and removals on the newer list, never dropping what someone else added', () => {
    const mine = { name: 'Sales pod 1', logins: ['1001a', '1003a', '1004a'] }; // removed 1002a, added 1004a
    const newer = { name: 'Sales pod 1', logins: ['1001a', '1002a', '1003a', '4001b'] }; // they added 4001b
    expect(reapplyEdit(loaded, mine, newer)).toEqual({ name: 'Sales pod 1', logins: ['1001a', '1003a', '4001b', '1004a'] });
  });

  it('keeps what the other person removed removed, unless I added it back', () => {
    const mine = { name: 'Sales pod 1', logins: ['1001a', '1002a', '1003a', '1009a'] };
    const newer = { name: 'Sales pod 1', logins: ['1002a', '1003a'] }; // they removed 1001a
    expect(reapplyEdit(loaded, mine, newer).logins).toEqual(['1002a', '1003a', '1009a']);
  });

  it('keeps my name when I changed it, else takes the newer one', () => {
    const newer = { name: 'Sales pod A', logins: loaded.logins };
    expect(reapplyEdit(loaded, { ...loaded, name: 'Pod one' }, newer).name).toBe('Pod one');
    expect(reapplyEdit(loaded, { ...loaded, logins: ['1001a'] }, newer).name).toBe('Sales pod A');
  });

  it('the result compared with the newer list shows exactly my changes', () => {
    const mine = { name: 'Sales pod 1', logins: ['1001a', '1003a', '1004a'] };
    const newer = { name: 'Sales pod 1', logins: ['1001a', '1002a', '1003a', '4001b'] };
    expect(editChanges(newer, reapplyEdit(loaded, mine, newer))).toEqual({ logins: { added: ['1004a'], removed: ['1002a'] }, name: undefined });
  });
});

describe('editChanges', () => {
  it('counts a name change and nothing else when the list is the same', () => {
    const base = { name: 'A', logins: ['1001a'] };
    expect(hasEditChanges(editChanges(base, { name: 'A', logins: ['1001A'] }))).toBe(false);
    expect(editChanges(base, { name: 'B', logins: ['1001a'] })).toEqual({ logins: { added: [], removed: [] }, name: { from: 'A', to: 'B' } });
  });
});
