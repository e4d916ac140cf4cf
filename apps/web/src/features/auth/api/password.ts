import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@vicidash/contracts/users';
import { api } from '../../../lib/api-client';
import { sessionQueryOptions } from '../../../lib/auth';

/** Changes one's own password, then reads the session again (a one-time password no longer holds the person back). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post('/api/auth/password', { body, schema: null }),
    onSuccess: () => queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 }),
  });
}
