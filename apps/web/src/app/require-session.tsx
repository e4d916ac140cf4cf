import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../components/states';
import { useSession } from '../lib/auth';
import { loginPath } from '../lib/login-redirect';

/**
 * The gate of every page but login. Without a session (never logged in, or a request just got 401)
 * it sends the user to the login page with the way back (path and list state) in `next`.
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
  return <Outlet />;
}
