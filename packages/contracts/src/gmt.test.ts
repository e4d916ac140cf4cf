import { expect, test } from 'vitest';
import { GMT_OFFSETS, gmtOffsetLabel } from './gmt.js';

test('33 offsets from -12 to +12:45, each once, in VICIdial spelling (two decimals)', () => {
  expect(GMT_OFFSETS).toHaveLength(33);
  const hours = GMT_OFFSETS.map(Number);
  expect(hours).toEqual([...hours].sort((a, b) => a - b));
  expect(new Set(hours).size).toBe(33);
  for (const offset of GMT_OFFSETS) expect(offset).toMatch(/^-?\d{1,2}\.\d\d$/);
  // The transcript: 12.75 and 5.50 pass, 13.00 and -5.25 are refused.
  expect(GMT_OFFSETS).toEqual(expect.arrayContaining(['12.75', '5.50', '-5.00']));
  expect(GMT_OFFSETS).not.toEqual(expect.arrayContaining(['13.00']));
  expect(GMT_OFFSETS).not.toEqual(expect.arrayContaining(['-5.25']));
});

test('labels read as hours and minutes', () => {
  expect(gmtOffsetLabel('-3.50')).toBe('GMT-03:30');
  expect(gmtOffsetLabel('12.75')).toBe('GMT+12:45');
  expect(gmtOffsetLabel('5.75')).toBe('GMT+05:45');
  expect(gmtOffsetLabel('0.00')).toBe('GMT+00:00');
  expect(gmtOffsetLabel('-12.00')).toBe('GMT-12:00');
});
