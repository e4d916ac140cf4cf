import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { SessionResponse } from '@vicidash/contracts/auth';
import { type Role, rolePermissions } from '@vicidash/contracts/permissions';
import { ToastProvider } from '../components/toast';
import { connectApiClient, sessionQueryKey } from '../lib/auth';

export const sessionOf = (role: Role, username: string = role): SessionResponse => ({
  user: { username, displayName: `${username} (test)`, role, permissions: [...rolePermissions[role]], mustChangePassword: false },
  csrfToken: `csrf-${username}`,
  expiresAt: Date.now() + 3_600_000,
});

/** Renders `ui` with the app's providers at `route`, logged in as `session` (null: logged out; undefined: not yet known). */
export function renderWithApp(ui: ReactNode, { route = '/', session }: { route?: string; session?: SessionResponse | null } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  connectApiClient(queryClient);
  if (session !== undefined) queryClient.setQueryData(sessionQueryKey, session);
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
