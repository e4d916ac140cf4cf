import { aliasRowSchema } from '@vicidash/contracts/alias';
import { phoneDetailSchema, phoneKeySchema, phoneListQuerySchema, phoneListResponseSchema } from '@vicidash/contracts/phone';
import { z } from 'zod';
import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';
import { aliasesListing } from '../vicidial/reader/aliases.js';
import { getPhone } from '../vicidial/reader/phones.js';
import { found, readRoute } from './read-route.js';

/**
 * A phone's path. Looser than the contract's key rule: a phone stored before any rule (an
 * extension with a dot, say) can still be looked at.
 */
export const storedPhoneKeySchema = z.object({
  serverIp: z.string().max(15, 'Server IP: at most 15 characters'),
  extension: phoneKeySchema.shape.extension,
});

const noPhone = ({ serverIp, extension }: z.infer<typeof storedPhoneKeySchema>) => `No phone ${extension} on server ${serverIp}.`;

export function phoneReadRoutes({ vicidialDb: db, lists, settings: { versionKey } }: AppServices): RouteSpec[] {
  return [
    readRoute({
      method: 'get',
      path: '/api/phones',
      tag: 'phones',
      summary: 'List phones: search (digits: start of extension or dialplan number; text: start of extension or login, or part of the name), filters, sort, page',
      permission: 'read:phones',
      query: phoneListQuerySchema,
      response: phoneListResponseSchema,
      handler: ({ query }) => lists.phones.page(query),
    }),
    readRoute({
      method: 'get',
      path: '/api/phones/:serverIp/:extension',
      tag: 'phones',
      summary: 'One phone (no secrets), the aliases listing its login, and its version (ETag)',
      permission: 'read:phones',
      params: storedPhoneKeySchema,
      response: phoneDetailSchema,
      handler: async ({ params }) => found(await getPhone(db, params, versionKey), noPhone(params)),
    }),
    readRoute({
      method: 'get',
      path: '/api/phones/:serverIp/:extension/aliases',
      tag: 'phones',
      summary: "The aliases whose list holds the phone's login",
      permission: 'read:phones',
      params: storedPhoneKeySchema,
      response: z.array(aliasRowSchema),
      async handler({ params }) {
        const phone = found(await getPhone(db, params, versionKey), noPhone(params));
        return phone.login ? aliasesListing(db, phone.login) : [];
      },
    }),
  ];
}
