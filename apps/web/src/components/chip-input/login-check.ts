import { type QueryClient, useQueries, useQueryClient } from '@tanstack/react-query';
import type { PhoneLoginLookup } from '@vicidash/contracts/lookups';
import { phoneLoginSchema } from '@vicidash/contracts/phone';
import { errorMessage } from '../states';
import { lookupQueries } from '../../lib/lookups';
import type { ChipState } from './chip-input';
import { itemKey, listInWords, sameItem } from './chips';

/**
 * Whether each chosen login belongs to a phone, checked against the phone-login lookup (VICIdial
 * refuses an alias listing a login no phone has). A login seen in any lookup answer already (the
 * suggestions) is known at once; others are looked up, one small request each.
 */

/** How many logins a lookup returns: the suggestions and the checks share these cached answers. */
export const LOGIN_LOOKUP_LIMIT = 10;

export const NO_PHONE = 'no phone has this login';

/** What a loaded alias already says about its logins. */
export interface LoadedLogins {
  logins: readonly string[];
  /** Listed logins no phone has (the detail's `unknownLogins`). */
  unknownLogins: readonly string[];
}

export interface LoginCheck {
  state: (login: string) => ChipState;
  /** Why the list cannot be saved yet (logins no phone has, checks still running), or undefined. */
  blocker: string | undefined;
}

const VALID: ChipState = {};
const UNKNOWN: ChipState = { invalid: NO_PHONE };

/** The logins in every cached lookup answer: each is some phone's login. */
function loginsInCache(queryClient: QueryClient): Set<string> {
  const known = new Set<string>();
  for (const [, rows] of queryClient.getQueriesData<PhoneLoginLookup>({ queryKey: lookupQueries.phoneLogins('').queryKey.slice(0, 2) })) {
    for (const row of rows ?? []) known.add(itemKey(row.login));
  }
  return known;
}

function formatProblem(login: string): ChipState | undefined {
  const parsed = phoneLoginSchema.safeParse(login);
  if (parsed.success) return undefined;
  const message = parsed.error.issues[0]?.message ?? 'Login: not valid';
  return { invalid: message.replace(/^Login: /, 'not a login: ') };
}

export function useLoginCheck(logins: readonly string[], loaded?: LoadedLogins): LoginCheck {
  const queryClient = useQueryClient();
  const unknown = new Set(loaded?.unknownLogins.map(itemKey));
  const known = loginsInCache(queryClient);
  for (const login of loaded?.logins ?? []) if (!unknown.has(itemKey(login))) known.add(itemKey(login));

  const states = new Map<string, ChipState>();
  const toLookUp: string[] = [];
  for (const login of logins) {
    const key = itemKey(login);
    const problem = formatProblem(login) ?? (unknown.has(key) ? UNKNOWN : undefined);
    if (problem) states.set(key, problem);
    else if (known.has(key)) states.set(key, VALID);
    else toLookUp.push(login);
  }

  const answers = useQueries({ queries: toLookUp.map((login) => lookupQueries.phoneLogins(login, LOGIN_LOOKUP_LIMIT)) });
  toLookUp.forEach((login, index) => {
    const answer = answers[index];
    const state: ChipState =
      answer?.data ? (answer.data.some((row) => sameItem(row.login, login)) ? VALID : UNKNOWN)
      : answer?.isError ? { invalid: `could not be checked: ${errorMessage(answer.error)}` }
      : { pending: true };
    states.set(itemKey(login), state);
  });

  const state = (login: string) => states.get(itemKey(login)) ?? VALID;
  const invalid = logins.filter((login) => state(login).invalid !== undefined);
  const pending = logins.filter((login) => state(login).pending);
  const blocker =
    invalid.length > 0 ? `Remove ${listInWords(invalid)} to save: see the marked ${invalid.length === 1 ? 'login' : 'logins'}.`
    : pending.length > 0 ? `Still checking ${listInWords(pending)}: try again in a moment.`
    : undefined;
  return { state, blocker };
}
