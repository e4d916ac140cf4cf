import { z } from 'zod';
import { permissionDescriptions, roleSchema } from './permissions.js';

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, 'Username: required').max(64, 'Username: at most 64 characters'),
  password: z.string().min(1, 'Password: required').max(200, 'Password: at most 200 characters'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

const permissionSchema = z.enum(Object.keys(permissionDescriptions) as [keyof typeof permissionDescriptions]);

/** Who is logged in, what they may do, and the token every state-changing request must echo. */
export const sessionResponseSchema = z.object({
  user: z.object({
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    permissions: z.array(permissionSchema),
    /** Logged in with a one-time password: every other request is refused until a new one is chosen. */
    mustChangePassword: z.boolean(),
  }),
  csrfToken: z.string(),
  /** Epoch ms at which the session ends whatever the activity. */
  expiresAt: z.number(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
