import { createHash } from 'node:crypto';

/**
 * The version of a record for lost-update protection: a hash of what the dashboard reads of it
 * (phones and aliases: the columns of their row; DIDs: the fields of their detail). Not
 * modify_stamp: it has one-second resolution and phones and aliases have no stamp at all. Key order
 * does not matter; values are compared as text so both dialects agree.
 */
export function rowVersion(row: Readonly<Record<string, unknown>>): string {
  const canonical = Object.keys(row)
    .sort()
    .map((key) => `${key}=${row[key] === null || row[key] === undefined ? '\u0000' : String(row[key])}`)
    .join('\u0001');
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}
