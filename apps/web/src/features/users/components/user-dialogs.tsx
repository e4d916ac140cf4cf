import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { roleSchema } from '@vicidash/contracts/permissions';
import { type CreateUserRequest, createUserRequestSchema, type User } from '@vicidash/contracts/users';
import { Dialog } from '../../../components/dialog';
import { FormError, SelectField, TextField } from '../../../components/form-field';
import { setServerErrors } from '../../../lib/form-errors';
import { useCreateUser, useUpdateUser } from '../api/users';

const ROLES = roleSchema.options;

/** The account form: a new one (username, name, role), or the name and role of one that exists. */
export function UserFormDialog({ user, onClose, onCreated }: { user?: User; onClose: () => void; onCreated: (username: string, password: string) => void }) {
  const create = useCreateUser();
  const update = useUpdateUser();
  const form = useForm<CreateUserRequest>({
    resolver: zodResolver(createUserRequestSchema),
    defaultValues: { username: user?.username ?? '', displayName: user?.displayName ?? '', role: user?.role ?? 'viewer' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ username, displayName, role }) => {
    try {
      if (user) {
        await update.mutateAsync({ username: user.username, displayName, role });
        onClose();
      } else {
        const created = await create.mutateAsync({ username, displayName, role });
        onCreated(created.user.username, created.temporaryPassword);
      }
    } catch (error) {
      setServerErrors(form.setError, error);
    }
  });
  const formId = user ? 'edit-user' : 'add-user';
  return (
    <Dialog
      title={user ? `Edit ${user.username}` : 'Add a user'}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : user ? 'Save' : 'Add user'}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
        <FormError message={errors.root?.server?.message} />
        <TextField
          label="Username"
          hint="Lower-case letters, digits, dot, dash or underscore"
          autoComplete="off"
          readOnly={user !== undefined}
          error={errors.username?.message}
          required
          {...form.register('username')}
        />
        <TextField label="Name" autoComplete="off" error={errors.displayName?.message} required {...form.register('displayName')} />
        <SelectField label="Role" error={errors.role?.message} required {...form.register('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </SelectField>
      </form>
    </Dialog>
  );
}

/** A one-time password, shown once: nobody can see it again (the server keeps only its hash). */
export function OneTimePasswordDialog({ username, password, onClose }: { username: string; password: string; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(password);
    setCopied(true);
  };
  return (
    <Dialog
      title={`One-time password for ${username}`}
      onClose={onClose}
      actions={
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <p>Give it to {username} in person or by phone. It is shown only now; at the first login they choose their own.</p>
      <p>
        <code aria-label="One-time password">{password}</code>{' '}
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </p>
      <p role="status">{copied ? 'Copied to the clipboard.' : ''}</p>
    </Dialog>
  );
}
