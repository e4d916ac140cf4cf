import type { ReactNode } from 'react';
import { type Permission, refusalReason } from '@vicidash/contracts/permissions';
import { useCan, useUser } from '../lib/auth';

/** A page only some roles may use: others read why instead (the BFF would refuse them anyway). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useUser();
  if (useCan(permission)) return children;
  return (
    <div className="state state--error" role="alert">
      <p>{refusalReason(user.role, permission)}</p>
    </div>
  );
}
