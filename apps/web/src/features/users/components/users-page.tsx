import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { User } from '@vicidash/contracts/users';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable, listColumns } from '../../../components/data-table/data-table';
import { whenText } from '../../../components/history/format';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { ErrorState } from '../../../components/states';
import { useToast } from '../../../components/toast';
import { useUser } from '../../../lib/auth';
import { userListQueryOptions, useResetPassword, useUpdateUser } from '../api/users';
import { OneTimePasswordDialog, UserFormDialog } from './user-dialogs';

/** What the page is showing over the list: one dialog at a time. */
type Open =
  | { kind: 'add' }
  | { kind: 'edit'; user: User }
  | { kind: 'access'; user: User }
  | { kind: 'reset'; user: User }
  | { kind: 'password'; username: string; password: string };

const column = listColumns<User>();
/** A short list, in username order: no column sorts. */
const NO_SORT: readonly 'username'[] = [];

export function UsersPage() {
  return (
    <RequirePermission permission="manage:users">
      <UserList />
    </RequirePermission>
  );
}

function UserList() {
  const me = useUser();
  const users = useQuery(userListQueryOptions);
  const update = useUpdateUser();
  const reset = useResetPassword();
  const toast = useToast();
  const [open, setOpen] = useState<Open | undefined>();
  const close = () => setOpen(undefined);

  const columns = [
    column.accessor('username', { header: 'Username' }),
    column.accessor('displayName', { header: 'Name' }),
    column.accessor('role', { header: 'Role' }),
    column.accessor('active', {
      header: 'Access',
      cell: ({ getValue }) => (getValue() ? <span className="badge badge--on">Active</span> : <span className="badge badge--off">Disabled</span>),
    }),
    column.accessor('lastLoginAt', {
      header: 'Last login',
      cell: ({ getValue }) => {
        const at = getValue();
        return at ? <time dateTime={at}>{whenText(at)}</time> : 'Never';
      },
    }),
    column.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row: { original: user } }) => (
        <div>
          <button type="button" className="button button--quiet" onClick={() => setOpen({ kind: 'edit', user })} aria-label={`Edit ${user.username}`}>
            Edit
          </button>
          {/* One's own access stays: another supervisor must change it. */}
          {user.username !== me.username && (
            <button type="button" className="button button--quiet" onClick={() => setOpen({ kind: 'access', user })} aria-label={`${user.active ? 'Disable' : 'Enable'} ${user.username}`}>
              {user.active ? 'Disable' : 'Enable'}
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={() => setOpen({ kind: 'reset', user })} aria-label={`Reset the password of ${user.username}`}>
            Reset password
          </button>
        </div>
      ),
    }),
  ];

  return (
    <>
      <PageHeader
        title="Users"
        description="Dashboard accounts. A new account or a reset gets a one-time password, shown once."
        actions={
          <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'add' })}>
            Add user
          </button>
        }
      />
      {users.isError && !users.data ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <DataTable
          caption="Dashboard users"
          columns={columns}
          getRowId={(user) => user.username}
          rows={users.data?.users}
          total={users.data?.users.length ?? 0}
          page={1}
          pageSize={Math.max(users.data?.users.length ?? 0, 1)}
          sortFields={NO_SORT}
          sort="username"
          order="asc"
          onSortChange={() => {}}
          onPageChange={() => {}}
          empty="No accounts."
        />
      )}
      {open?.kind === 'add' && <UserFormDialog onClose={close} onCreated={(username, password) => setOpen({ kind: 'password', username, password })} />}
      {open?.kind === 'edit' && <UserFormDialog user={open.user} onClose={close} onCreated={close} />}
      {open?.kind === 'access' && (
        <ConfirmDialog
          title={`${open.user.active ? 'Disable' : 'Enable'} ${open.user.username}?`}
          confirmLabel={open.user.active ? 'Disable' : 'Enable'}
          destructive={open.user.active}
          onConfirm={async () => {
            await update.mutateAsync({ username: open.user.username, active: !open.user.active });
            toast.success(`${open.user.username} is ${open.user.active ? 'disabled' : 'enabled'}.`);
          }}
          onClose={close}
        >
          <p>
            {open.user.active
              ? `${open.user.displayName} will be logged out at once and cannot log in until enabled again.`
              : `${open.user.displayName} can log in again with their password.`}
          </p>
        </ConfirmDialog>
      )}
      {open?.kind === 'reset' && (
        <ConfirmDialog
          title={`Reset the password of ${open.user.username}?`}
          confirmLabel="Reset password"
          onConfirm={async () => {
            const { temporaryPassword } = await reset.mutateAsync(open.user.username);
            // Shown instead of the confirmation (its onClose comes after and must not hide it).
            setOpen({ kind: 'password', username: open.user.username, password: temporaryPassword });
          }}
          onClose={() => setOpen((current) => (current?.kind === 'password' ? current : undefined))}
        >
          <p>{open.user.displayName} will be logged out at once and must log in with a one-time password, then choose their own.</p>
        </ConfirmDialog>
      )}
      {open?.kind === 'password' && <OneTimePasswordDialog username={open.username} password={open.password} onClose={close} />}
    </>
  );
}
