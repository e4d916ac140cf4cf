import { randomInt } from 'node:crypto';

/** Lower-case letters and digits without 0/o, 1/l/i: read off a screen and typed in by another person. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** A one-time password: 16 random signs of 31 (79 bits) in groups of four, e.g. "k7pq-2mzx-h4ta-9wce". */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: GROUPS }, group).join('-');
}
