import { expect, test } from 'vitest';
import { createRandom } from './random.js';

const draw = (seed: number) => {
  const random = createRandom(seed);
  return Array.from({ length: 50 }, () => random.next());
};

test('the same seed gives the same sequence, another seed another one', () => {
  expect(draw(42)).toEqual(draw(42));
  expect(draw(43)).not.toEqual(draw(42));
  expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
});

test('int covers both ends of its range and nothing outside', () => {
  const random = createRandom(7);
  const seen = new Set(Array.from({ length: 2_000 }, () => random.int(3, 6)));
  expect([...seen].sort()).toEqual([3, 4, 5, 6]);
});

test('tokens keep to the characters VICIdial keeps in passwords', () => {
  const random = createRandom(1);
  const token = random.token(200);
  expect(token).toHaveLength(200);
  expect(token).toMatch(/^[A-Za-z0-9]+$/);
  expect(() => random.pick([])).toThrow('empty');
});
