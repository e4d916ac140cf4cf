import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazy-route';
import { LOGIN_PATH } from '../../lib/login-redirect';
import { PASSWORD_PATH } from './paths';

const LoginPage = lazyPage(() => import('./components/login-page'), (m) => m.LoginPage);
const PasswordPage = lazyPage(() => import('./components/password-page'), (m) => m.PasswordPage);

/** The pages open without a session. */
export const authRoutes: RouteObject[] = [{ path: LOGIN_PATH, element: <LoginPage /> }];

/** One's own account, inside the layout. */
export const accountRoutes: RouteObject[] = [{ path: PASSWORD_PATH, element: <PasswordPage /> }];
