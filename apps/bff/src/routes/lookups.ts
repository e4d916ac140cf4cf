import {
  callMenuLookupSchema,
  campaignLookupSchema,
  inGroupLookupSchema,
  phoneLoginLookupQuerySchema,
  phoneLoginLookupSchema,
  serverLookupSchema,
  templateLookupSchema,
  timeZoneLookupSchema,
  userGroupLookupSchema,
} from '@vicidash/contracts/lookups';
import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';
import { callMenus, campaigns, inGroups, phoneLogins, templates, timeZones, userGroups } from '../vicidial/reader/lookups.js';
import { listServers } from '../vicidial/reader/servers.js';
import { readRoute } from './read-route.js';

/** What the forms' pickers are filled with. */
export function lookupRoutes({ vicidialDb: db }: AppServices): RouteSpec[] {
  const lookup = (name: string, summary: string) => ({ method: 'get', path: `/api/lookups/${name}`, tag: 'lookups', summary, permission: 'read:lookups' }) as const;
  return [
    readRoute({ ...lookup('servers', 'Servers (phone form)'), response: serverLookupSchema, handler: () => listServers(db) }),
    readRoute({ ...lookup('in-groups', 'In-groups, inactive ones flagged (DID form)'), response: inGroupLookupSchema, handler: () => inGroups(db) }),
    readRoute({ ...lookup('call-menus', 'Call menus (DID form)'), response: callMenuLookupSchema, handler: () => callMenus(db) }),
    readRoute({ ...lookup('campaigns', 'Campaigns (DID form, in-group route)'), response: campaignLookupSchema, handler: () => campaigns(db) }),
    readRoute({ ...lookup('templates', 'Phone templates (phone form)'), response: templateLookupSchema, handler: () => templates(db) }),
    readRoute({ ...lookup('user-groups', 'User groups (phone form)'), response: userGroupLookupSchema, handler: () => userGroups(db) }),
    readRoute({
      ...lookup('phone-logins', "Phone logins starting with the search, for the alias form's chip picker"),
      query: phoneLoginLookupQuerySchema,
      response: phoneLoginLookupSchema,
      handler: ({ query }) => phoneLogins(db, query),
    }),
    readRoute({ ...lookup('time-zones', 'The GMT offsets a phone can have'), response: timeZoneLookupSchema, handler: async () => timeZones() }),
  ];
}
