import { fieldIssues } from '@vicidash/contracts/errors';
import type { z } from 'zod';
import { AppError } from './errors.js';

/**
 * Parses input with a contract schema; on failure throws one VALIDATION AppError naming the first
 * field and rule, with every issue in `details.issues` so a form can mark all of its fields at once.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = fieldIssues(parsed.error);
  const [first] = issues;
  throw new AppError('VALIDATION', first?.message ?? 'Invalid input.', {
    ...(first?.field ? { field: first.field } : {}),
    details: { issues },
  });
}
