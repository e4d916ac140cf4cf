import { expect, test } from 'vitest';
import { z } from 'zod';
import { errorBodySchema, fieldIssues, validationDetailsSchema } from './errors.js';

const schema = z
  .strictObject({
    name: z.string().min(2, 'Name: at least 2 characters').regex(/^[a-z]+$/, 'Name: small letters only'),
    routing: z.strictObject({ extension: z.string({ error: 'Extension: required' }) }),
    logins: z.array(z.string().min(1, 'Login: 1 to 15 characters')),
  })
  .refine((value) => value.name !== 'xx', 'Not this one');

test('one issue per field, the first message, nested paths dotted', () => {
  const result = schema.safeParse({ name: '1', routing: {}, logins: ['a', ''] });
  expect(fieldIssues(result.error!)).toEqual([
    { field: 'name', message: 'Name: at least 2 characters' },
    { field: 'routing.extension', message: 'Extension: required' },
    { field: 'logins.1', message: 'Login: 1 to 15 characters' },
  ]);
});

test('unknown fields are named; request-level problems have no field', () => {
  expect(fieldIssues(schema.safeParse({ name: 'ab', routing: { extension: '1', context: 'x' }, logins: [], pass: 'x' }).error!)).toEqual([
    { field: 'routing.context', message: 'context: unknown field' },
    { field: 'pass', message: 'pass: unknown field' },
  ]);
  expect(fieldIssues(schema.safeParse({ name: 'xx', routing: { extension: '1' }, logins: [] }).error!)).toEqual([
    { message: 'Not this one' },
  ]);
});

test('the error body the BFF sends parses, with its validation details', () => {
  const body = {
    code: 'VALIDATION',
    field: 'dialplanNumber',
    message: 'Dialplan number: 3 to 20 letters, digits, * or #',
    details: { issues: [{ field: 'dialplanNumber', message: 'Dialplan number: 3 to 20 letters, digits, * or #' }] },
  };
  expect(errorBodySchema.parse(body)).toEqual(body);
  expect(validationDetailsSchema.parse(body.details)).toEqual(body.details);
  expect(errorBodySchema.safeParse({ code: 'OOPS', message: 'x' }).success).toBe(false);
});
