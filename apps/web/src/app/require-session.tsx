import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../components/states';
import { useSession } from '../lib/auth';
import { loginPath } from '../lib/login-redirect';
import { PASSWORD_PATH } from '../features/auth/paths';

/**
 * The gate of every page but login. Without a session (never logged in, or a request just got 401)
 * it sends the user to the login page with the way back (path and list state) in `next`.
 * After a login with a one-time password it sends them to choose their own.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <main id="main">
        <LoadingState label="Checking your session…" />
      </main>
    );
  }
  if (session.isError) {
    return (
      <main id="main">
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  if (!session.data) return <Navigate to={loginPath(location)} replace />;
  // A one-time password (new account, reset) opens nothing but the page to choose one's own.
  if (session.data.user.mustChangePassword && location.pathname !== PASSWORD_PATH) return <Navigate to={PASSWORD_PATH} replace />;
  return <Outlet />;
}
