import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreateUserRequest,
  temporaryPasswordResponseSchema,
  type UpdateUserRequest,
  userListResponseSchema,
  userSchema,
} from '@vicidash/contracts/users';
import { api, segment } from '../../../lib/api-client';

export const userKeys = { all: ['users'] as const };

export const userListQueryOptions = queryOptions({
  queryKey: userKeys.all,
  queryFn: ({ signal }) => api.get('/api/users', { schema: userListResponseSchema, signal }),
});

/** Every change answers the account as it now is; the list is read again. */
function useUserMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }) });
}

export const useCreateUser = () =>
  useUserMutation((body: CreateUserRequest) => api.post('/api/users', { body, schema: temporaryPasswordResponseSchema }));

export const useUpdateUser = () =>
  useUserMutation(({ username, ...body }: UpdateUserRequest & { username: string }) =>
    api.patch(`/api/users/${segment(username)}`, { body, schema: userSchema }),
  );

export const useResetPassword = () =>
  useUserMutation((username: string) => api.post(`/api/users/${segment(username)}/password-reset`, { schema: temporaryPasswordResponseSchema }));
