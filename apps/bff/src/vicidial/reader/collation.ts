import type { Dialect } from '@vicidash/database';

/**
 * How VICIdial's database compares text, for the lists answered from memory (list-model.ts): they
 * must find and order rows as the database would.
 * - MariaDB (VICIdial's utf8mb3_unicode_ci): case and accents ignored; spaces and punctuation
 *   before digits before letters (the Unicode collation's order); trailing spaces ignored by = and
 *   ORDER BY (PAD SPACE), not by LIKE.
 * - SQLite (the embedded VICIdial's COLLATE NOCASE): the case of A-Z ignored, otherwise code order.
 */
export interface Collation {
  /** As LIKE sees text: `a LIKE '%b%'` ⇔ `like(a).includes(like(b))` (NULL matches nothing). */
  like(text: string): string;
  like(text: string | null): string | null;
  /** As = sees text: equal keys ⇔ equal text (NULL equals nothing). */
  equal(text: string): string;
  equal(text: string | null): string | null;
  /** As ORDER BY sees text (NULL first): keys compare with < and > as the database orders the text. */
  order(text: string | null): string;
}

const ASCII_UPPER = /[A-Z]/g;
const lowerAscii = (text: string) => text.replace(ASCII_UPPER, (c) => c.toLowerCase());

type Nullable = Collation['like'] & Collation['equal'];
const keepingNull = (key: (text: string) => string) => ((text: string | null) => (text === null ? null : key(text))) as Nullable;

/** NULL sorts before every text, '' included. */
const orderKey = (key: (text: string) => string) => (text: string | null) => (text === null ? '' : `\u0001${key(text)}`);

const nocase: Collation = {
  like: keepingNull(lowerAscii),
  equal: keepingNull(lowerAscii),
  order: orderKey(lowerAscii),
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ASCII = /[^\x00-\x7f]/;
/** Lower case without accents: é is e, as the Unicode collation compares letters. */
const foldUnicode = (text: string) => (NOT_ASCII.test(text) ? text.normalize('NFD').replace(COMBINING_MARKS, '') : text).toLowerCase();
const TRAILING_SPACES = / +$/;

/**
 * The ASCII characters other than letters and digits in the Unicode collation's order (control
 * characters other than these whitespaces are ignored by it). Mapped below '0' in that order, so
 * that keys made of digits and letters stay as they are.
 */
const UCA_PUNCTUATION = '\t\n\v\f\r _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const PUNCTUATION_WEIGHT = new Map([...UCA_PUNCTUATION].map((c, i) => [c, String.fromCharCode(2 + i)]));
const NOT_DIGIT_OR_LETTER = /[\x00-\x2f\x3a-\x60\x7b-\x7f]/g;
const ucaOrder = (text: string) =>
  foldUnicode(text)
    .replace(TRAILING_SPACES, '')
    .replace(NOT_DIGIT_OR_LETTER, (c) => PUNCTUATION_WEIGHT.get(c) ?? '');

const unicodeCi: Collation = {
  like: keepingNull(foldUnicode),
  equal: keepingNull((text) => foldUnicode(text).replace(TRAILING_SPACES, '')),
  order: orderKey(ucaOrder),
};

export const collationOf = (dialect: Dialect): Collation => (dialect === 'mysql' ? unicodeCi : nocase);

/** A VICIdial Y/N flag as `= 'Y'` reads it (NULL and '' are off). */
export const flagOn = (c: Collation, value: string | null): boolean => c.equal(value) === c.equal('Y');
