import { describe, expect, it } from 'vitest';
import { isValidLocalGmt, LOCAL_GMT_OFFSETS } from './phone-timezones.js';

describe('isValidLocalGmt', () => {
  it('accepts every listed offset', () => {
    for (const offset of LOCAL_GMT_OFFSETS) expect(isValidLocalGmt(offset)).toBe(true);
  });

  it.each(['-5', '-5.0', '+5.5', '5.500', '0', '-0', '.0', '9.5', '012.75'])('compares %s numerically', (value) => {
    expect(isValidLocalGmt(value)).toBe(true);
  });

  it.each(['13', '13.00', '-5.25', '-12.5', '', '-', '.', '5.50-', '--5', '1.2.3', 'EST'])('refuses %j', (value) => {
    expect(isValidLocalGmt(value)).toBe(false);
  });
});
