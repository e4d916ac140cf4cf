import { describe, expect, test } from 'vitest';
import {
  ALIAS_LOGINS_BUDGET,
  aliasDetailSchema,
  aliasFields,
  aliasListQuerySchema,
  aliasLoginsLength,
  aliasRules,
  createAliasRequestSchema,
  updateAliasRequestSchema,
} from './alias.js';
import { BLANK, toVicidialParams } from './common.js';
import { fieldIssues } from './errors.js';
import { testFieldRules } from './test-support.js';

/** `count` distinct logins of exactly 15 characters. */
const longLogins = (count: number) => Array.from({ length: count }, (_, i) => `budgetlogin${String(i).padStart(4, '0')}`);

describe('alias field rules', () => {
  testFieldRules(aliasRules, {
    aliasId: {
      label: 'Alias ID',
      ok: ['alias300', 'ab', 'al-ias_1', 'I'.repeat(20)],
      bad: ['a', 'I'.repeat(21), 'al.ias!', 'my alias', BLANK, ''],
    },
    name: {
      label: 'Name',
      ok: ['Alias 300', 'Sales: a/b@c.d+e_f-g', 'ab', 'N'.repeat(50)],
      bad: ['a', 'N'.repeat(51), 'Alias!', 'Zoë', BLANK, ''],
    },
    logins: {
      label: 'Logins?',
      ok: [['100a', '100b'], ['100A'], ['a', 'b'], longLogins(16)],
      bad: [[], ['100a', '100A'], ['100a', '100a'], ['a'], longLogins(17), 'not a list'],
    },
  });
});

describe('alias logins', () => {
  test('the budget counts the comma-joined list, exactly as VICIdial stores it', () => {
    expect(aliasLoginsLength(longLogins(16))).toBe(ALIAS_LOGINS_BUDGET);
    expect(aliasRules.logins.safeParse(longLogins(16)).success).toBe(true);
    expect(aliasRules.logins.safeParse(longLogins(17)).error?.issues[0]?.message).toBe(
      'Logins: the list takes 271 of 255 characters (logins joined by commas)',
    );
  });

  test('duplicates are refused ignoring case, as VICIdial\'s database compares', () => {
    expect(aliasRules.logins.safeParse(['100a', '100b', '100A']).error?.issues[0]?.message).toBe(
      'Logins: 100A is listed twice (VICIdial compares logins ignoring case)',
    );
  });

  test('empty, spaced or filtered items are refused one by one', () => {
    const issues = fieldIssues(createAliasRequestSchema.safeParse({ aliasId: 'a1', name: 'xx', logins: ['100a', '', ' 100b', '100a;100b'] }).error!);
    expect(issues.map((i) => i.field)).toEqual(['logins.1', 'logins.2', 'logins.3']);
    expect(issues[0]?.message).toBe('Login: 1 to 15 letters, digits, - or _');
  });

  test('encodes to phone_logins, comma-joined', () => {
    const input = createAliasRequestSchema.parse({ aliasId: 'alias300', name: 'Alias 300', logins: ['100a', '100b'] });
    expect(toVicidialParams(aliasFields, input)).toEqual({ alias_id: 'alias300', alias_name: 'Alias 300', phone_logins: '100a,100b' });
  });
});

describe('alias requests and responses', () => {
  test('create needs id, name and logins', () => {
    expect(fieldIssues(createAliasRequestSchema.safeParse({}).error!).map((i) => i.message)).toEqual([
      'Alias ID: required',
      'Name: required',
      'Logins: a list of phone logins',
    ]);
  });

  test('update changes the name, the list or both, never the id', () => {
    expect(updateAliasRequestSchema.safeParse({ name: 'Renamed alias' }).success).toBe(true);
    expect(updateAliasRequestSchema.safeParse({ logins: ['100b', '100a'] }).success).toBe(true);
    expect(updateAliasRequestSchema.safeParse({}).success).toBe(false);
    expect(updateAliasRequestSchema.safeParse({ aliasId: 'other' }).success).toBe(false);
    expect(fieldIssues(updateAliasRequestSchema.safeParse({ name: null }).error!)).toEqual([
      { field: 'name', message: 'Name: cannot be cleared (every alias has a name)' },
    ]);
  });

  test('detail takes a stored list as it is (cut, or naming deleted phones)', () => {
    const detail = { aliasId: 'alias260', name: 'Long list', logins: ['100a', ''], userGroup: '---ALL---', unknownLogins: [''], phones: [{ login: '100a', extension: '100', serverIp: '10.10.10.15' }], version: '3' };
    expect(aliasDetailSchema.parse(detail)).toEqual(detail);
  });

  test('list query filters by login', () => {
    expect(aliasListQuerySchema.parse({ login: ' 100a ', order: 'desc' })).toMatchObject({ login: '100a', order: 'desc', sort: 'aliasId' });
  });
});
