import { z } from 'zod';
import { roleSchema } from './permissions.js';

/** The length rule of every password a person chooses (how guessable it is, the BFF checks). */
export const newPasswordSchema = z
  .string()
  .min(10, 'New password: at least 10 characters')
  .max(200, 'New password: at most 200 characters');

/** POST /api/auth/password: one's own password. */
export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Current password: required').max(200, 'Current password: at most 200 characters'),
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9._-]{3,64}$/, 'Username: 3 to 64 lower-case letters, digits, dot, dash or underscore');
const roleFieldSchema = z.enum(roleSchema.options, { error: `Role: one of ${roleSchema.options.join(', ')}` });
export const displayNameSchema = z.string().trim().min(1, 'Name: required').max(100, 'Name: at most 100 characters');

/** A dashboard account as supervisors see it (never its password). */
export const userSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  /** Set by a new account or a reset: the person must choose a password at the next login. */
  mustChangePassword: z.boolean(),
  /** ISO time of the last login; null before the first. */
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const userListResponseSchema = z.object({ users: z.array(userSchema) });
export type UserListResponse = z.infer<typeof userListResponseSchema>;

export const userKeySchema = z.object({ username: z.string() });

/** POST /api/users: the password is chosen by the server, shown once, and changed at the first login. */
export const createUserRequestSchema = z.object({ username: usernameSchema, displayName: displayNameSchema, role: roleFieldSchema });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** A one-time password: shown once, never stored or audited in clear. */
export const temporaryPasswordResponseSchema = z.object({ user: userSchema, temporaryPassword: z.string() });
export type TemporaryPasswordResponse = z.infer<typeof temporaryPasswordResponseSchema>;

/** PATCH /api/users/:username: any of name, role, active. */
export const updateUserRequestSchema = z
  .object({ displayName: displayNameSchema.optional(), role: roleFieldSchema.optional(), active: z.boolean({ error: 'Active: yes or no' }).optional() })
  .refine((body) => Object.values(body).some((v) => v !== undefined), { message: 'Nothing to change: send a name, a role or active.' });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;
