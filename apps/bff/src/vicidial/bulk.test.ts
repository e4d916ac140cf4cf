import { expect, test } from 'vitest';
import { mapBounded } from './bulk.js';

test('runs every item, never more than the limit at once, results in item order', async () => {
  let running = 0;
  let most = 0;
  const results = await mapBounded([30, 5, 20, 1, 10, 15, 2, 8, 25, 3], 3, async (ms, index) => {
    running += 1;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, ms));
    running -= 1;
    return `${index}:${ms}`;
  });
  expect(most).toBe(3);
  expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:15', '6:2', '7:8', '8:25', '9:3']);
});

test('fewer items than the limit, and none', async () => {
  expect(await mapBounded([1, 2], 8, async (n) => n * 2)).toEqual([2, 4]);
  expect(await mapBounded([], 8, async (n: number) => n)).toEqual([]);
});
