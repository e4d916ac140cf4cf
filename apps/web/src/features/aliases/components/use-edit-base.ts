import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { type AliasDetail, aliasDetailSchema } from '@vicidash/contracts/alias';
import { useUser } from '../../../lib/auth';
import { draftKey } from '../../../lib/form-draft';

/**
 * The alias an edit started from, kept beside the form's draft. A draft restored after a new login
 * (or a later visit) is then still measured against, and saved over, the version it was made on:
 * if the alias changed meanwhile, the form meets a conflict to resolve instead of silently dropping
 * what someone else saved. Stored under the draft's key, so logging out forgets it too.
 */
export function useEditBase(loaded: AliasDetail): [AliasDetail, (base: AliasDetail) => void] {
  const { username } = useUser();
  const { pathname } = useLocation();
  const draft = draftKey(username, pathname);
  const key = `${draft}:base`;
  const [base, setBase] = useState(() => (sessionStorage.getItem(draft) === null ? undefined : storedBase(key)) ?? loaded);
  useEffect(() => sessionStorage.setItem(key, JSON.stringify(base)), [key, base]);
  return [base, setBase];
}

function storedBase(key: string): AliasDetail | undefined {
  try {
    const parsed = aliasDetailSchema.safeParse(JSON.parse(sessionStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
