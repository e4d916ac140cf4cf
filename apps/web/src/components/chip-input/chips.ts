/**
 * The chip list's rules, apart from the widget: how typed or pasted text becomes items, and which
 * items are refused as duplicates. Items are compared ignoring case (VICIdial compares logins so).
 */

/** Commas and any whitespace separate items: a pasted "1001a, 1002a\n1003a" is three. */
const SEPARATOR = /[\s,]+/;

export const hasSeparator = (text: string): boolean => SEPARATOR.test(text);

/** The items in `text`, without empty ones. */
export const splitItems = (text: string): string[] => text.split(SEPARATOR).filter((item) => item !== '');

/** The identity of an item: two items with the same key are the same item. */
export const itemKey = (item: string): string => item.toLowerCase();

export const sameItem = (a: string, b: string): boolean => itemKey(a) === itemKey(b);

export interface AddedItems {
  /** The list with the new items appended (in the order given). */
  items: string[];
  added: string[];
  /** Items refused because the list (or an earlier new item) already holds them. */
  duplicates: string[];
}

/** Appends `candidates` to `items`, refusing any that the list already holds, ignoring case. */
export function addItems(items: readonly string[], candidates: readonly string[]): AddedItems {
  const keys = new Set(items.map(itemKey));
  const added: string[] = [];
  const duplicates: string[] = [];
  for (const candidate of candidates) {
    const key = itemKey(candidate);
    if (keys.has(key)) {
      duplicates.push(candidate);
    } else {
      keys.add(key);
      added.push(candidate);
    }
  }
  return { items: [...items, ...added], added, duplicates };
}

/** "a", "a and b", "a, b and c": a list in a sentence. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
