import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Permission } from '@vicidash/contracts/permissions';
import { Can } from '../lib/auth';

/** A list's "Add …" button, for the roles that may create. */
export function CreateLink({ permission, to, children }: { permission: Permission; to: string; children: ReactNode }) {
  return (
    <Can permission={permission}>
      <Link className="button button--primary" to={to}>
        {children}
      </Link>
    </Can>
  );
}
