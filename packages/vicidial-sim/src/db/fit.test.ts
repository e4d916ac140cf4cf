import { describe, expect, test } from 'vitest';
import { fitValue } from './fit.js';
import { phones, vicidial_inbound_dids } from './tables.js';

describe('fitValue stores what MariaDB with sql_mode="" stores', () => {
  test('VARCHAR is cut to its length', () => {
    expect(fitValue(phones.login, 'abcdefghijklmnopq')).toBe('abcdefghijklmno');
    expect(fitValue(phones.login, null)).toBeNull();
  });

  test('ENUM matches case-insensitively, otherwise stores an empty string', () => {
    expect(fitValue(vicidial_inbound_dids.agent_search_method, 'so')).toBe('SO');
    expect(fitValue(vicidial_inbound_dids.agent_search_method, 'XX')).toBe('');
  });

  // Observed on MariaDB 10.11 (bigint(14) unsigned list_id, smallint(3) phone_ring_timeout).
  test.each([
    ['999', 999],
    ['abc', 0],
    ['12abc', 12],
    ['1e5', 100000],
    ['12e3abc', 12000],
    ['1E2', 100],
    ['1e-2', 0],
    ['2.5', 3],
    ['0x10', 0],
    ['1-2', 1],
    ['-5', 0],
    ['1e20', '18446744073709551615'],
    ['12345678901234567890123', '18446744073709551615'],
  ])('list_id %s → %s', (input, stored) => {
    expect(fitValue(vicidial_inbound_dids.list_id, input)).toBe(stored);
  });

  test('signed types clamp at both ends', () => {
    expect(fitValue(phones.phone_ring_timeout, '99999')).toBe(32767);
    expect(fitValue(phones.phone_ring_timeout, '-99999')).toBe(-32768);
    expect(fitValue(phones.phone_ring_timeout, '-2.5')).toBe(-3);
  });
});
