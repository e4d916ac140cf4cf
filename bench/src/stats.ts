/** The p-th percentile (0-100) of samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** One line per figure: name, measured value, target, and whether it is met. */
export function report(name: string, value: number, unit: string, target: { op: '<=' | '>='; value: number }): boolean {
  const met = target.op === '<=' ? value <= target.value : value >= target.value;
  const shown = value >= 100 ? value.toFixed(0) : value.toFixed(2);
  console.log(`${met ? 'PASS' : 'MISS'}  ${name}: ${shown} ${unit}   (target ${target.op} ${target.value} ${unit})`);
  return met;
}
