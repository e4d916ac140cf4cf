import type { AliasDetail } from '@vicidash/contracts/alias';
import { addItems, itemKey } from '../../components/chip-input/chips';

/**
 * What an edit of an alias changes. VICIdial replaces the whole list on update, so the form sends
 * a whole list; these tell people what that list adds and removes, and, when someone else saved
 * first, carry their additions and removals over to the newer list instead of overwriting it.
 * Logins are compared ignoring case, as VICIdial does.
 */

/** The editable part of an alias: what the edit form holds. */
export interface AliasEdit {
  name: string;
  logins: string[];
}

export interface LoginChanges {
  added: string[];
  removed: string[];
}

export const editOf = (alias: Pick<AliasDetail, 'name' | 'logins'>): AliasEdit => ({ name: alias.name ?? '', logins: [...alias.logins] });

/** The logins `after` has that `before` had not, and those it lost. */
export function loginChanges(before: readonly string[], after: readonly string[]): LoginChanges {
  const beforeKeys = new Set(before.map(itemKey));
  const afterKeys = new Set(after.map(itemKey));
  return {
    added: after.filter((login) => !beforeKeys.has(itemKey(login))),
    removed: before.filter((login) => !afterKeys.has(itemKey(login))),
  };
}

export const hasLoginChanges = ({ added, removed }: LoginChanges): boolean => added.length > 0 || removed.length > 0;

/**
 * `changes` made on top of `newer`: its logins minus the removed ones, then the added ones it does
 * not hold yet. Everything else in `newer` stays, whoever added it, in its order.
 */
export function applyLoginChanges(newer: readonly string[], changes: LoginChanges): string[] {
  const removed = new Set(changes.removed.map(itemKey));
  return addItems(
    newer.filter((login) => !removed.has(itemKey(login))),
    changes.added,
  ).items;
}

/**
 * The user's edit, made against `loaded`, redone on `newer` (someone saved in between): the same
 * logins added and removed, and their name if they changed it (else the newer name).
 */
export function reapplyEdit(loaded: AliasEdit, edited: AliasEdit, newer: AliasEdit): AliasEdit {
  return {
    name: edited.name !== loaded.name ? edited.name : newer.name,
    logins: applyLoginChanges(newer.logins, loginChanges(loaded.logins, edited.logins)),
  };
}

/** What saving `edited` over `base` changes: the request body holds only these. */
export interface AliasEditChanges {
  logins: LoginChanges;
  /** The name before and after, when it changes. */
  name: { from: string; to: string } | undefined;
}

export function editChanges(base: AliasEdit, edited: AliasEdit): AliasEditChanges {
  return {
    logins: loginChanges(base.logins, edited.logins),
    name: edited.name === base.name ? undefined : { from: base.name, to: edited.name },
  };
}

export const hasEditChanges = (changes: AliasEditChanges): boolean => changes.name !== undefined || hasLoginChanges(changes.logins);
