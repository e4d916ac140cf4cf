import { useMutation } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client';
import { clearAllDrafts } from '../../../lib/form-draft';
import { LOGIN_PATH } from '../../../lib/login-redirect';

/**
 * Logs out, forgets unsaved drafts, and reloads the app on the login page: nothing of this
 * session (cached records, drafts) stays in the browser for the next person.
 */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post('/api/auth/logout', { schema: null });
      } catch (error) {
        // Already logged out (the session had ended): the goal is reached.
        if (!isApiError(error, 'UNAUTHENTICATED')) throw error;
      }
    },
    onSuccess: () => {
      clearAllDrafts();
      window.location.assign(LOGIN_PATH);
    },
  });
}
