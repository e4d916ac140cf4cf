import { describe, expect, it } from 'vitest';
import { addItems, hasSeparator, listInWords, splitItems } from './chips';

describe('chip items', () => {
  it('splits a pasted list on commas and any whitespace, dropping empty items', () => {
    expect(splitItems(' 1001a, 1002a,,1003a\n1004a\t1005a ')).toEqual(['1001a', '1002a', '1003a', '1004a', '1005a']);
    expect(splitItems(' , ')).toEqual([]);
    expect(hasSeparator('1001a')).toBe(false);
    expect(hasSeparator('1001a 1002a')).toBe(true);
  });

  it('refuses items already listed, ignoring case, and repeats within what is added', () => {
    expect(addItems(['1001a', '1002a'], ['1003A', '1001A', '1003a', '1004a'])).toEqual({
      items: ['1001a', '1002a', '1003A', '1004a'],
      added: ['1003A', '1004a'],
      duplicates: ['1001A', '1003a'],
    });
  });

  it('names items in a sentence', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b'])).toBe('a and b');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
