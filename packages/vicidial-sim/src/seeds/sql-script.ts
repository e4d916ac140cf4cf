import type { Dialect } from '../db/ddl.js';

/**
 * Runs VICIdial-style MySQL scripts (the conformance seed files) on either dialect: MySQL gets each
 * statement verbatim; SQLite gets it translated — MySQL's `INSERT … SET a=…` becomes a column list
 * with VALUES, backslash-escaped and double-quoted strings become standard literals, and `backticked`
 * names "quoted" ones.
 */
type Token =
  | { kind: 'string'; value: string; raw: string }
  | { kind: 'ident'; value: string; raw: string }
  | { kind: 'word' | 'space' | 'punct'; raw: string };

const MYSQL_ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

/** Reads a quoted literal starting at `start` (the quote); returns its value and the index after it. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  const q = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && q !== '`') {
      const next = text[i + 1] ?? '';
      // MySQL keeps the backslash before % and _ (they matter only to LIKE).
      value += MYSQL_ESCAPES[next] ?? (next === '%' || next === '_' ? `\\${next}` : next);
      i += 2;
    } else if (c === q) {
      if (text[i + 1] === q) {
        value += q;
        i += 2;
      } else return { value, end: i + 1 };
    } else {
      value += c;
      i += 1;
    }
  }
  throw new Error(`unterminated quote at ${start}`);
}

/** Splits a script into statements of tokens, dropping comments and empty statements. */
export function parseScript(text: string): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  let i = 0;
  const flush = () => {
    if (current.some((t) => t.kind !== 'space')) statements.push(current);
    current = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    const rest = text.slice(i, i + 3);
    if (c === "'" || c === '"' || c === '`') {
      const { value, end } = readQuoted(text, i);
      current.push({ kind: c === '`' ? 'ident' : 'string', value, raw: text.slice(i, end) });
      i = end;
    } else if (/^--\s/.test(rest) || rest === '--' || c === '#') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (rest.startsWith('/*')) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (c === ';') {
      flush();
      i += 1;
    } else {
      const run = /^(\w+|\s+)/.exec(text.slice(i))?.[0];
      if (run) current.push({ kind: /\s/.test(run) ? 'space' : 'word', raw: run });
      else current.push({ kind: 'punct', raw: c });
      i += run?.length ?? 1;
    }
  }
  flush();
  return statements;
}

const sqliteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

function sqliteText(tokens: Token[]): string {
  return tokens
    .map((t) => (t.kind === 'string' ? sqliteLiteral(t.value) : t.kind === 'ident' ? `"${t.value}"` : t.raw))
    .join('')
    .trim();
}

const isPunct = (t: Token | undefined, raw: string) => t?.kind === 'punct' && t.raw === raw;
const isWord = (t: Token | undefined, word: string) => t?.kind === 'word' && t.raw.toUpperCase() === word;

/** Splits tokens at commas that are not inside parentheses. */
function splitTopLevel(tokens: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (isPunct(t, '(')) depth += 1;
    if (isPunct(t, ')')) depth -= 1;
    if (isPunct(t, ',') && depth === 0) parts.push([]);
    else parts.at(-1)?.push(t);
  }
  return parts;
}

/** `INSERT [IGNORE] INTO t SET a=1, b='x'` → `INSERT [OR IGNORE] INTO "t" ("a","b") VALUES (1,'x')`. */
function insertSetToValues(tokens: Token[]): string | undefined {
  const solid = tokens.map((t, index) => ({ t, index })).filter(({ t }) => t.kind !== 'space');
  const ignore = isWord(solid[1]?.t, 'IGNORE') ? 1 : 0;
  const [insert, into, table, set] = [solid[0], solid[1 + ignore], solid[2 + ignore], solid[3 + ignore]];
  if (!isWord(insert?.t, 'INSERT') || !isWord(into?.t, 'INTO') || !table || !set || !isWord(set.t, 'SET')) return undefined;
  const columns: string[] = [];
  const values: string[] = [];
  for (const part of splitTopLevel(tokens.slice(set.index + 1))) {
    const eq = part.findIndex((t) => isPunct(t, '='));
    columns.push(`"${sqliteText(part.slice(0, eq)).replaceAll('"', '')}"`);
    values.push(sqliteText(part.slice(eq + 1)));
  }
  const name = table.t.kind === 'ident' ? table.t.value : table.t.raw;
  return `INSERT${ignore ? ' OR IGNORE' : ''} INTO "${name}" (${columns.join(',')}) VALUES (${values.join(',')})`;
}

/** The statements of a script ready for a dialect. */
export function scriptStatements(text: string, dialect: Dialect): string[] {
  return parseScript(text).map((tokens) =>
    dialect === 'mysql' ? tokens.map((t) => t.raw).join('').trim() : (insertSetToValues(tokens) ?? sqliteText(tokens)),
  );
}
