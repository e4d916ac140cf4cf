import { describe, expect, it } from 'vitest';
import { actionLabel, answerText, fieldChanges, fieldLabel, recordItems, valueText, vicidialActor } from './format';

describe('the words of history and audit entries', () => {
  it('names actions as done, or as attempted when refused', () => {
    expect(actionLabel('update:dids')).toBe('Changed');
    expect(actionLabel('create:phones')).toBe('Added');
    expect(actionLabel('reveal:secrets')).toBe('Revealed the SIP passwords');
    expect(actionLabel('delete:dids', 'failure')).toBe('Tried to delete DIDs');
    expect(actionLabel('copy:dids', 'partial')).toBe('Copied');
    // The actions of the dashboard's own accounts are audited too.
    expect(actionLabel('create:users')).toBe('Added');
    expect(actionLabel('reset:user-password')).toBe('Reset the password');
    expect(actionLabel('change:own-password')).toBe('Changed their own password');
    expect(actionLabel('update:users', 'failure')).toBe('Tried to change dashboard users');
    // VICIdial's event types and anything unknown stay as they are.
    expect(actionLabel('MODIFY')).toBe('MODIFY');
    expect(actionLabel('rename:dids')).toBe('rename:dids');
  });

  it('turns field names and values into words', () => {
    expect(fieldLabel('filterCleanCidNumber')).toBe('Filter clean cid number');
    // A record type's fields as its form labels them.
    expect(fieldLabel('filterCleanCidNumber', 'did')).toBe('Clean caller ID number');
    expect(fieldLabel('recordCall', 'did')).toBe('Recording');
    expect(fieldLabel('serverIp', 'phone')).toBe('Server');
    expect(fieldLabel('name', 'alias')).toBe('Name');
    expect(fieldLabel('description')).toBe('Description');
    expect(valueText(true)).toBe('yes');
    expect(valueText(['1001a', '1002a'])).toBe('1001a, 1002a');
    expect(valueText('')).toBeUndefined();
    expect(valueText(null)).toBeUndefined();
    expect(valueText(0)).toBe('0');
  });

  it('puts each field sent next to the record before and after, opening up a group sent as one object', () => {
    const before = { description: 'Sales line', route: 'EXTEN', extension: '8300', inGroup: null };
    const after = { description: 'Support line', route: 'IN_GROUP', extension: '8300', inGroup: 'SUPPORT' };
    const changes = fieldChanges({ description: 'Support line', routing: { route: 'IN_GROUP', inGroup: 'SUPPORT' } }, before, after);
    expect(changes.map(({ field, before: was, after: now }) => [field, was, now])).toEqual([
      ['description', 'Sales line', 'Support line'],
      ['route', 'EXTEN', 'IN_GROUP'],
      ['inGroup', undefined, 'SUPPORT'],
    ]);
    expect(changes.every((change) => change.hasBefore && change.hasAfter)).toBe(true);
  });

  it('leaves out a field sent with the value the record already held (a routing block is sent whole)', () => {
    const before = { description: 'Sales line', route: 'IN_GROUP', inGroup: 'SALES_EN', context: 'default' };
    const after = { ...before, inGroup: 'SUPPORT' };
    const sent = { description: 'Sales line', routing: { route: 'IN_GROUP', inGroup: 'SUPPORT' }, context: 'default' };
    expect(fieldChanges(sent, before, after).map((change) => change.field)).toEqual(['inGroup']);
    // A refused change: what it would have changed.
    expect(fieldChanges(sent, before, null).map((change) => change.field)).toEqual(['inGroup']);
    // VICIdial kept the old value of a field sent with a new one: that is worth showing.
    expect(fieldChanges({ description: 'Support line' }, before, before).map((change) => change.field)).toEqual(['description']);
  });

  it('shows only what was sent when the entry holds no record (a refused add)', () => {
    expect(fieldChanges({ pattern: '3125550199' }, null, null)).toEqual([
      { field: 'pattern', label: 'Pattern', sent: '3125550199', before: undefined, hasBefore: false, after: undefined, hasAfter: false },
    ]);
    expect(fieldChanges('not an object', null, null)).toEqual([]);
  });

  it('lists a record as it was (a deletion keeps it), without its version or empty fields', () => {
    expect(recordItems({ didId: 7, pattern: '3125550101', description: null, active: false, version: 'abc' })).toEqual([
      { field: 'didId', label: 'Did id', value: '7' },
      { field: 'pattern', label: 'Pattern', value: '3125550101' },
      { field: 'active', label: 'Active', value: 'no' },
    ]);
    expect(recordItems(null)).toEqual([]);
  });

  it("reads the audit's answer", () => {
    expect(answerText({ code: 'OK' }, 'success')).toBe('Done');
    expect(answerText({ code: 'FORBIDDEN', message: 'Your role (helpdesk) may not delete DIDs.' }, 'failure')).toBe(
      'Your role (helpdesk) may not delete DIDs.',
    );
    expect(answerText({}, 'failure')).toBe('Refused');
    expect(answerText({ code: 'OK' }, 'partial')).toBe('Partly done');
  });

  it("marks VICIdial's entries made through its API as the API user's", () => {
    expect(vicidialActor('dashboard', 'ADMIN API UPDATE DID: did: 3125550101 did_id: 7')).toBe('VICIdial (API user dashboard)');
    expect(vicidialActor('6666', 'MODIFY DID: did: 3125550101')).toBe('VICIdial (user 6666)');
  });
});
