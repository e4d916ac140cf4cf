import { aliasFields } from '@vicidash/contracts/alias';
import type { FieldMap } from '@vicidash/contracts/common';
import { DID_ROUTE_FIELDS, didCopyFields, didFields } from '@vicidash/contracts/did';
import { phoneFields } from '@vicidash/contracts/phone';
import type { VicidialFailureResult } from '@vicidash/vicidial-client';
import { AppError } from '../errors.js';

/** VICIdial parameter → the API-level field a form shows it under. */
export type FieldNames = ReadonlyMap<string, string>;

/**
 * The reverse of a contract field map. Fields listed in `nested` live inside an object of the
 * request (a DID's `routing`), so they are named with its prefix: 'routing.inGroup'.
 */
function fieldNames(map: FieldMap, nested?: { prefix: string; fields: readonly string[] }): FieldNames {
  const names = new Map<string, string>();
  for (const [field, { param }] of Object.entries(map)) {
    if (param) names.set(param, nested?.fields.includes(field) ? `${nested.prefix}.${field}` : field);
  }
  return names;
}

const routingFields = ['route', ...Object.values(DID_ROUTE_FIELDS).flat()];

/** The field names of each resource's requests. */
export const FIELD_NAMES = {
  phone: fieldNames(phoneFields),
  alias: fieldNames(aliasFields),
  did: fieldNames(didFields, { prefix: 'routing', fields: routingFields }),
  didCopy: fieldNames(didCopyFields),
  server: fieldNames({}),
} as const;

/** The record the call addresses is gone (or hidden from the API user): 404, not a refusal. */
const GONE = new Set(['PHONE_DOES_NOT_EXIST_ON_SERVER', 'PHONE_ALIAS_DOES_NOT_EXIST', 'DID_DOES_NOT_EXIST', 'SOURCE_DID_DOES_NOT_EXIST']);

/** What the request would create exists already: 409. NO_DIDS_ADDED means every new pattern exists. */
const TAKEN = new Set([
  'PHONE_ALREADY_EXISTS',
  'PHONE_LOGIN_ALREADY_EXISTS',
  'LOGIN_ALREADY_EXISTS',
  'PHONE_ALIAS_ALREADY_EXISTS',
  'DID_ALREADY_EXISTS',
  'NO_DIDS_ADDED',
]);

/** The first clause of the client's sentence, without its own guess about what happened. */
const firstClause = (message: string) => message.replace(/[;.].*$/, '');

/**
 * The one translation of a failed VICIdial call into the BFF's error: code and status for the
 * client, the API-level field, a sentence for people. Only the client's catalogue messages are
 * used — never a raw VICIdial line (which could echo the API password) nor a diagnostic.
 */
export function translateFailure(result: VicidialFailureResult, names: FieldNames): AppError {
  switch (result.kind) {
    case 'vicidial_error':
    case 'vicidial_notice': {
      const field = result.field === undefined ? undefined : names.get(result.field) ?? result.field;
      const options = {
        ...(field ? { field } : {}),
        // The echoed value says which item is at fault (the missing login, the taken pattern); never a secret.
        ...(result.value ? { details: { value: result.value } } : {}),
      };
      if (GONE.has(result.code)) return new AppError('NOT_FOUND', result.message, options);
      if (TAKEN.has(result.code)) return new AppError('CONFLICT', result.message, options);
      if (result.code === 'NO_FUNCTION_SPECIFIED') {
        return new AppError('VICIDIAL_UNAVAILABLE', `${result.message} Nothing was changed.`);
      }
      return new AppError('VICIDIAL_REJECTED', result.message, options);
    }
    case 'auth':
      return new AppError(
        'VICIDIAL_DENIED',
        `${result.message} Nothing was changed. An administrator must fix the dashboard's VICIdial API account.`,
      );
    case 'transport': {
      const outcome = result.maybeApplied
        ? 'The change may or may not have been made: reload the record and check before trying again.'
        : 'Nothing was sent, so nothing was changed.';
      const code = result.code === 'TIMEOUT' ? 'VICIDIAL_TIMEOUT' : 'VICIDIAL_UNAVAILABLE';
      return new AppError(code, `${firstClause(result.message)}. ${outcome}`, { details: { maybeApplied: result.maybeApplied } });
    }
  }
}
