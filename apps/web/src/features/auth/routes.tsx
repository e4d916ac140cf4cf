import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';
import { LOGIN_PATH } from '../../lib/login-redirect';

const LoginPage = lazyPage(() => import('./components/login-page'), (m) => m.LoginPage);

/** The pages open without a session. */
export const authRoutes: RouteObject[] = [{ path: LOGIN_PATH, element: <LoginPage /> }];
