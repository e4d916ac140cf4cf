import { expect, test } from 'vitest';
import type { z } from 'zod';

/** Values one field rule must accept (unchanged) and refuse (with a message naming the field). */
export interface FieldCases {
  label: string;
  ok: readonly unknown[];
  bad: readonly unknown[];
}

/** One test per field of `rules`; every field must have its cases. */
export function testFieldRules(rules: Readonly<Record<string, z.ZodType>>, cases: Readonly<Record<string, FieldCases>>): void {
  test('every field rule has accepted and refused examples', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(rules).sort());
  });
  for (const [name, { label, ok, bad }] of Object.entries(cases)) {
    test(`${name}: accepts ${ok.length} values, refuses ${bad.length}`, () => {
      const rule = rules[name] as z.ZodType;
      for (const value of ok) {
        expect(rule.safeParse(value), `accepts ${JSON.stringify(value)}`).toEqual({ success: true, data: value });
      }
      for (const value of bad) {
        const result = rule.safeParse(value);
        expect(result.success, `refuses ${JSON.stringify(value)}`).toBe(false);
        expect(result.error?.issues[0]?.message).toMatch(new RegExp(`^${label}: `));
      }
    });
  }
}
