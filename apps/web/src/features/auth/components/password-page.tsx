import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { type ChangePasswordRequest, changePasswordRequestSchema } from '@vicidash/contracts/users';
import { FormError, TextField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { useToast } from '../../../components/toast';
import { useUser } from '../../../lib/auth';
import { setServerErrors } from '../../../lib/form-errors';
import { useChangePassword } from '../api/password';

/** One's own password; the only page open to someone who logged in with a one-time password. */
export function PasswordPage() {
  const user = useUser();
  const change = useChangePassword();
  const toast = useToast();
  const navigate = useNavigate();
  const form = useForm<ChangePasswordRequest>({
    resolver: zodResolver(changePasswordRequestSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (body) => {
    try {
      await change.mutateAsync(body);
      toast.success('Your password is changed. Your other sessions have been logged out.');
      form.reset();
      if (user.mustChangePassword) void navigate('/', { replace: true });
    } catch (error) {
      setServerErrors(form.setError, error);
    }
  });

  return (
    <>
      <PageHeader
        title="Change your password"
        description={
          user.mustChangePassword
            ? 'You logged in with a one-time password. Choose your own to continue.'
            : 'At least 10 characters, not your username, and not easy to guess: a few unrelated words work well.'
        }
      />
      <form aria-label="Change your password" onSubmit={(event) => void submit(event)} noValidate>
        <FormError message={errors.root?.server?.message} />
        {/* The username lets password managers file the new password under the right account. */}
        <input type="text" autoComplete="username" value={user.username} readOnly hidden />
        <TextField
          label={user.mustChangePassword ? 'One-time password' : 'Current password'}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          required
          {...form.register('currentPassword')}
        />
        <TextField label="New password" type="password" autoComplete="new-password" error={errors.newPassword?.message} required {...form.register('newPassword')} />
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Change password'}
        </button>
      </form>
    </>
  );
}
