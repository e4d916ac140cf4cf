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
