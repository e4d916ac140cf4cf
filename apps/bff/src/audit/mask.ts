/** Field names whose values are SIP secrets or passwords, in VICIdial's and the API's spelling. */
const SECRET_KEYS = new Set([
  'pass',
  'password',
  'phone_pass',
  'phonePass',
  'registration_password',
  'registrationPassword',
  'conf_secret',
  'currentPassword',
  'newPassword',
  'temporaryPassword',
]);

export const MASK = '••••••';

/**
 * Nesting kept: records and requests go three levels deep. A refused body may nest as deep as the
 * body limit allows (tens of thousands of levels), which no recursion (JSON.stringify's included)
 * survives; below this depth the audit keeps CUT instead.
 */
const MAX_DEPTH = 32;
export const CUT = '(nested deeper: not kept)';

type Container = Record<string, unknown> | unknown[];

/**
 * A copy of `value` with every secret field, at any depth, replaced by MASK (a cleared secret stays
 * null), as JSON sees it (toJSON applied) and cut at MAX_DEPTH. Built with a stack of its own, not
 * by recursion.
 */
export function masked(value: unknown): unknown {
  const root: Record<string, unknown> = {};
  const pending: [source: unknown, into: Container, key: string | number, depth: number][] = [[value, root, 'value', 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [source, into, key, depth] = next;
    const v = typeof (source as { toJSON?: unknown } | null)?.toJSON === 'function' ? (source as { toJSON(key: string): unknown }).toJSON(String(key)) : source;
    let copy: unknown = v;
    if (typeof key === 'string' && SECRET_KEYS.has(key) && v !== null && v !== undefined) copy = MASK;
    else if (typeof v === 'object' && v !== null && depth >= MAX_DEPTH) copy = CUT;
    else if (Array.isArray(v)) {
      copy = new Array<unknown>(v.length);
      v.forEach((item, index) => pending.push([item, copy as unknown[], index, depth + 1]));
    } else if (typeof v === 'object' && v !== null) {
      const object: Record<string, unknown> = {};
      // The keys in their order first; their values are filled in as the stack reaches them.
      for (const [name, item] of Object.entries(v)) {
        object[name] = undefined;
        pending.push([item, object, name, depth + 1]);
      }
      copy = object;
    }
    (into as Record<string | number, unknown>)[key] = copy;
  }
  return root.value;
}

/** `value` as JSON, secrets masked and nesting cut (see masked). */
export const toMaskedJson = (value: unknown): string => JSON.stringify(masked(value));
