import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type LoginRequest, sessionResponseSchema } from '@vicidash/contracts/auth';
import { api } from '../../../lib/api-client';
import { sessionQueryKey } from '../../../lib/auth';

/** Logs in; the answer is the new session (user, permissions, CSRF token). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => api.post('/api/auth/login', { body: credentials, schema: sessionResponseSchema }),
    onSuccess: (session) => {
      // Whatever was cached belongs to the previous session (maybe another person, another role).
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
