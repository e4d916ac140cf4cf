import { expect, test } from 'vitest';
import { GMT_OFFSETS } from './gmt.js';
import { inGroupLookupSchema, phoneLoginLookupQuerySchema, TIME_ZONES, timeZoneLookupSchema } from './lookups.js';

test('the time zone list offers every offset VICIdial accepts, labelled', () => {
  expect(timeZoneLookupSchema.parse(TIME_ZONES)).toHaveLength(GMT_OFFSETS.length);
  expect(TIME_ZONES).toContainEqual({ offset: '-5.00', label: 'GMT-05:00' });
  expect(TIME_ZONES).toContainEqual({ offset: '5.75', label: 'GMT+05:45' });
});

test('in-groups carry their active flag (inactive ones can still be routed to)', () => {
  const groups = [
    { groupId: 'TEST_IN', name: 'Test inbound', active: true },
    { groupId: 'OLD_IN', name: 'Old inactive group', active: false },
  ];
  expect(inGroupLookupSchema.parse(groups)).toEqual(groups);
  expect(inGroupLookupSchema.safeParse([{ groupId: 'OLD_IN', name: null, active: 'N' }]).success).toBe(false);
});

test('the login search takes a short text and a bounded limit', () => {
  expect(phoneLoginLookupQuerySchema.parse({ search: ' 100 ' })).toEqual({ search: '100', limit: 20 });
  expect(phoneLoginLookupQuerySchema.parse({ limit: '5' })).toEqual({ search: '', limit: 5 });
  expect(phoneLoginLookupQuerySchema.safeParse({ limit: '500' }).error?.issues[0]?.message).toBe('Limit: a whole number from 1 to 100');
});
