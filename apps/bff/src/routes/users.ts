import {
  createUserRequestSchema,
  temporaryPasswordResponseSchema,
  updateUserRequestSchema,
  userKeySchema,
  userListResponseSchema,
  type User,
} from '@vicidash/contracts/users';
import type { AppServices } from '../app.js';
import { auditTargets } from '../audit/write-audit.js';
import { type RawInput, textOf, writeRoute } from '../audit/write-route.js';
import type { Account } from '../auth/accounts.js';
import { temporaryPassword } from '../auth/temporary-password.js';
import { AppError } from '../errors.js';
import { route } from '../http/route.js';

const PATH = '/api/users/:username';
const toUser = ({ username, displayName, role, active, mustChangePassword, lastLoginAt }: Account): User => ({
  username,
  displayName,
  role,
  active,
  mustChangePassword,
  lastLoginAt,
});
const pathTarget = ({ params }: RawInput) => auditTargets.user(params.username ?? '');

/** Dashboard accounts, for supervisors: every change audited; a one-time password is shown once and never kept. */
export function userRoutes({ accounts, sessionStore, audit }: AppServices) {
  /** Ends every session of the account at once (disabled, role changed, password reset). */
  const endSessions = (account: Account) => sessionStore.destroyForUser(account.id);
  return [
    route({
      method: 'get',
      path: '/api/users',
      tag: 'users',
      summary: 'Every dashboard account (never a password)',
      permission: 'manage:users',
      response: userListResponseSchema,
      handler: async () => ({ users: (await accounts.list()).map(toUser) }),
    }),
    writeRoute(audit, {
      method: 'post',
      path: '/api/users',
      tag: 'users',
      summary: 'Add an account: answers its one-time password, to be changed at its first login',
      permission: 'manage:users',
      action: 'create:users',
      body: createUserRequestSchema,
      response: temporaryPasswordResponseSchema,
      status: 201,
      errors: { 409: 'An account of that username exists.' },
      target: ({ body }) => auditTargets.user(textOf(body.username)),
      async handler({ body, attempt }) {
        const password = temporaryPassword();
        const account = await accounts.create({ ...body, password, temporary: true });
        attempt.after = toUser(account);
        return { user: toUser(account), temporaryPassword: password };
      },
    }),
    writeRoute(audit, {
      method: 'patch',
      path: PATH,
      tag: 'users',
      summary: "Change an account's name, role or whether it may log in; a new role or disabling ends its sessions",
      permission: 'manage:users',
      action: 'update:users',
      params: userKeySchema,
      body: updateUserRequestSchema,
      response: temporaryPasswordResponseSchema.shape.user,
      errors: {
        404: 'No such account.',
        409: 'Your own role or access (ask another supervisor), or the last active supervisor: refused.',
      },
      target: pathTarget,
      async handler({ user, params: { username }, body: { displayName, role, active }, attempt }) {
        const before = await accounts.byUsername(username);
        attempt.before = toUser(before);
        if (username === user.username && ((role !== undefined && role !== before.role) || active === false)) {
          throw new AppError('CONFLICT', 'You cannot change your own role or disable yourself: ask another supervisor.', {
            field: active === false ? 'active' : 'role',
          });
        }
        const after = await accounts.change(username, { displayName, role, active });
        attempt.after = toUser(after);
        if (after.role !== before.role || (before.active && !after.active)) await endSessions(after);
        return toUser(after);
      },
    }),
    writeRoute(audit, {
      method: 'post',
      path: `${PATH}/password-reset`,
      tag: 'users',
      summary: "Reset an account's password: answers a one-time password and ends the account's sessions",
      permission: 'manage:users',
      action: 'reset:user-password',
      params: userKeySchema,
      response: temporaryPasswordResponseSchema,
      errors: { 404: 'No such account.' },
      target: pathTarget,
      async handler({ params: { username } }) {
        const password = temporaryPassword();
        const account = await accounts.resetPassword(username, password, { temporary: true });
        await endSessions(account);
        return { user: toUser(account), temporaryPassword: password };
      },
    }),
  ];
}
