export type FormValue = string | number | readonly string[] | undefined;

/**
 * application/x-www-form-urlencoded body. encodeURIComponent turns `+` into %2B and a space into
 * %20, so PHP decodes exactly the value sent (a raw `+` would arrive as a space). Undefined values
 * are left out; lists are comma-joined, as VICIdial expects. Throws URIError on a lone surrogate.
 */
export function encodeForm(fields: Iterable<readonly [string, FormValue]>): string {
  const pairs: string[] = [];
  for (const [name, value] of fields) {
    if (value === undefined) continue;
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : value.join(',');
    pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
  }
  return pairs.join('&');
}
