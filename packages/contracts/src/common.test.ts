import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { BLANK, firstDuplicate, flag, listQuery, listResponse, PAGE_SIZE_MAX, queryFlag, text, toVicidialParams } from './common.js';

describe('toVicidialParams', () => {
  const map = {
    name: { param: 'alias_name', column: 'alias_name' },
    logins: { param: 'phone_logins', column: 'logins_list' },
    active: { param: 'active', column: 'did_active' },
    timeout: { param: 'phone_ring_timeout', column: 'phone_ring_timeout' },
    route: { param: 'did_route', column: 'did_route' },
    menuId: { param: 'menu_id', column: 'menu_id' },
    readOnly: { param: null, column: 'user' },
  } as const;

  test('null clears, booleans are Y/N, lists are comma-joined, numbers are text, nested objects flatten', () => {
    expect(
      toVicidialParams(map, { name: null, logins: ['100a', '100b'], active: false, timeout: 45, routing: { route: 'CALLMENU', menuId: 'MAIN_IVR' }, skipped: undefined }),
    ).toEqual({ alias_name: BLANK, phone_logins: '100a,100b', active: 'N', phone_ring_timeout: '45', did_route: 'CALLMENU', menu_id: 'MAIN_IVR' });
  });

  test('a field without a parameter is a programming error', () => {
    expect(() => toVicidialParams(map, { readOnly: '6666' })).toThrow('no VICIdial parameter for field "readOnly"');
    expect(() => toVicidialParams(map, { nope: 'x' })).toThrow('no VICIdial parameter for field "nope"');
  });
});

describe('field rule builders', () => {
  const name = text({ label: 'Name', min: 2, max: 4, chars: 'a-z', charsText: 'small letters' });

  test('one message per rule, naming the field; required and null are worded apart', () => {
    expect(name.safeParse('a').error?.issues[0]?.message).toBe('Name: 2 to 4 small letters');
    expect(name.safeParse(12).error?.issues[0]?.message).toBe('Name: 2 to 4 small letters');
    expect(name.safeParse(undefined).error?.issues[0]?.message).toBe('Name: required');
    expect(name.safeParse(null).error?.issues[0]?.message).toBe('Name: cannot be cleared');
    const reasoned = text({ label: 'Login', min: 1, max: 3, chars: 'a-z', charsText: 'letters', notClearable: 'agents log in with it' });
    expect(reasoned.safeParse(null).error?.issues[0]?.message).toBe('Login: cannot be cleared (agents log in with it)');
  });

  test('the literal clear command is never a value, even where its characters are allowed', () => {
    const dashed = text({ label: 'Group', min: 2, max: 20, chars: 'A-Z\\-', charsText: 'letters or -' });
    expect(dashed.safeParse('---ALL---').success).toBe(true);
    expect(dashed.safeParse(BLANK).error?.issues[0]?.message).toBe(`Group: "${BLANK}" is VICIdial's clear command, not a value`);
  });

  test('flags are booleans', () => {
    expect(flag({ label: 'Active' }).safeParse('Y').error?.issues[0]?.message).toBe('Active: yes or no');
  });
});

describe('list query and response', () => {
  const query = listQuery(['name', 'id'], 'name', { active: queryFlag('Active').optional() });

  test('coerces the query string and fills defaults', () => {
    expect(query.parse({ page: '3', pageSize: '10', search: '  100 ', active: 'true', extra: 'ignored' })).toEqual({
      page: 3, pageSize: 10, search: '100', active: true, sort: 'name', order: 'asc',
    });
    expect(query.parse({})).toEqual({ page: 1, pageSize: 50, sort: 'name', order: 'asc' });
    expect(query.parse({ search: '   ' }).search).toBeUndefined();
  });

  test('refuses pages out of range and unknown sort fields with readable messages', () => {
    const messages = (input: object) => query.safeParse(input).error?.issues.map((i) => i.message);
    expect(messages({ page: '0' })).toEqual(['Page: a whole number from 1']);
    expect(messages({ pageSize: String(PAGE_SIZE_MAX + 1) })).toEqual([`Page size: a whole number from 1 to ${PAGE_SIZE_MAX}`]);
    expect(messages({ sort: 'secret' })).toEqual(['Sort: one of name, id']);
    expect(messages({ active: 'yes' })).toEqual(['Active: true or false']);
  });

  test('a response is rows plus the total', () => {
    const response = listResponse(z.object({ id: z.string() }));
    expect(response.parse({ rows: [{ id: 'a' }], total: 120, page: 1, pageSize: 50 })).toEqual({ rows: [{ id: 'a' }], total: 120, page: 1, pageSize: 50 });
    expect(response.safeParse({ rows: [], total: -1, page: 1, pageSize: 50 }).success).toBe(false);
  });
});

test('firstDuplicate ignores case, as VICIdial\'s database does', () => {
  expect(firstDuplicate(['100a', '100b', '100A'])).toBe('100A');
  expect(firstDuplicate(['100a', '100b'])).toBeUndefined();
});
