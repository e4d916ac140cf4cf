import { type RefObject, Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary';
import { useToast } from '../components/toast';
import { focusPageHeading } from '../components/page-header';
import { errorMessage, LoadingState } from '../components/states';
import { useLogout } from '../features/auth/api/logout';
import { PASSWORD_PATH } from '../features/auth/paths';
import { useUser } from '../lib/auth';
import { visibleNavItems } from './nav-items';
import { RouteError } from './route-error';

/** The frame of every page after login: skip link, banner with navigation and user, main content. */
export function AppLayout() {
  const user = useUser();
  const logout = useLogout();
  const toast = useToast();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main, pathname);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <Link to="/" className="app-title">
          VICIdial dashboard
        </Link>
        <nav className="app-nav" aria-label="Main">
          <ul>
            {visibleNavItems(user.permissions).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-user">
          <span>
            {user.displayName} <span className="app-user-role">({user.role})</span>
          </span>
          <Link to={PASSWORD_PATH}>Change password</Link>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => logout.mutate(undefined, { onError: (error) => toast.error(errorMessage(error)) })}
            disabled={logout.isPending}
          >
            Log out
          </button>
        </div>
      </header>
      <main id="main" ref={main} className="app-main" tabIndex={-1}>
        {/* A new page gets a fresh boundary: an error on one page does not stick to the next. */}
        <ErrorBoundary key={pathname} fallback={(error) => <RouteError error={error} />}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}

/** A move to another page (not the first load) puts focus on the new page's heading. */
function useFocusOnNavigation(main: RefObject<HTMLElement | null>, pathname: string) {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (main.current) focusPageHeading(main.current);
  }, [pathname, main]);
}
