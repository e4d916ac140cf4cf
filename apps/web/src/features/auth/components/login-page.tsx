import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Navigate, useSearchParams } from 'react-router';
import { type LoginRequest, loginRequestSchema } from '@vicidash/contracts/auth';
import { FormError, TextField } from '../../../components/form-field';
import { LoadingState } from '../../../components/states';
import { useSession } from '../../../lib/auth';
import { setServerErrors } from '../../../lib/form-errors';
import { afterLoginPath } from '../../../lib/login-redirect';
import { useLogin } from '../api/login';

export function LoginPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const next = afterLoginPath(params.get('next'));
  const login = useLogin();
  const form = useForm<LoginRequest>({ resolver: zodResolver(loginRequestSchema), defaultValues: { username: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (credentials) => {
    try {
      // Success stores the session, and the redirect below takes the user on.
      await login.mutateAsync(credentials);
    } catch (error) {
      setServerErrors(form.setError, error);
    }
  });

  // Logged in: just now, or already (a bookmark, the Back button).
  if (session.data) return <Navigate to={next} replace />;

  return (
    <main id="main" className="login">
      <title>Log in · VICIdial dashboard</title>
      <div className="panel">
        <h1>VICIdial dashboard</h1>
        {params.has('next') && <p className="form-notice">Log in to continue where you were.</p>}
        {session.isPending ? (
          <LoadingState label="Checking your session…" />
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <FormError message={errors.root?.server?.message} />
            <TextField label="Username" autoComplete="username" autoFocus error={errors.username?.message} required {...form.register('username')} />
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              error={errors.password?.message}
              required
              {...form.register('password')}
            />
            <button type="submit" className="button button--primary" disabled={isSubmitting}>
              {isSubmitting ? 'Logging in…' : 'Log in'}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
