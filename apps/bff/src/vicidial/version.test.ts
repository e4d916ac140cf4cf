import { expect, test } from 'vitest';
import { rowVersion } from './version.js';

test('same values, same version, whatever the key order or number-vs-text', () => {
  expect(rowVersion({ a: '1', b: null })).toBe(rowVersion({ b: null, a: 1 }));
});

test('any change of value, including null vs empty, changes the version', () => {
  const base = rowVersion({ alias_id: 'sales', logins_list: '100a,100b' });
  expect(rowVersion({ alias_id: 'sales', logins_list: '100a,100b,100c' })).not.toBe(base);
  expect(rowVersion({ a: null })).not.toBe(rowVersion({ a: '' }));
  expect(base).toMatch(/^[\w-]{22}$/);
});
