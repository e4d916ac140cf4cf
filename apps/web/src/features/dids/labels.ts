import { type AGENT_SEARCH_METHODS, DID_ROUTE_LABELS, type DID_ROUTE_FIELDS, type DidRoute } from '@vicidash/contracts/did';

/** What each route does with a call, for the route picker. */
export const ROUTE_DESCRIPTIONS: Record<DidRoute, string> = {
  EXTEN: 'Sends calls to an extension of the dialplan (a conference bridge, a fax line, a test number).',
  VOICEMAIL: 'Sends calls to a voicemail box, which plays its greeting and instructions.',
  VMAIL_NO_INST: 'Sends calls to a voicemail box that records the message without playing the instructions.',
  AGENT: 'Rings one agent directly.',
  PHONE: 'Rings one phone.',
  IN_GROUP: 'Queues calls for the agents of an in-group.',
  CALLMENU: 'Plays a call menu ("press 1 for sales").',
};

export const routeLabel = (route: string | null): string | null =>
  route === null ? null : (DID_ROUTE_LABELS as Record<string, string>)[route] ?? route;

type RouteField = (typeof DID_ROUTE_FIELDS)[DidRoute][number];

/** The route fields' names for people. */
export const ROUTE_FIELD_LABELS: Record<RouteField, string> = {
  extension: 'Extension',
  context: 'Context',
  voicemailBox: 'Voicemail box',
  phoneExtension: 'Phone extension',
  serverIp: 'Server IP',
  inGroup: 'In-group',
  callHandleMethod: 'Call handle method',
  agentSearchMethod: 'Agent search method',
  listId: 'List ID',
  entryListId: 'Entry list ID',
  campaignId: 'Campaign',
  phoneCode: 'Phone code',
  menuId: 'Call menu',
};

/** How VICIdial looks for a free agent of the in-group, in words. */
export const AGENT_SEARCH_LABELS: Record<(typeof AGENT_SEARCH_METHODS)[number], string> = {
  LB: 'Load balanced: the next free agent on any server',
  LO: 'Load balanced overflow: free agents on the server that took the call first, then on the other servers',
  SO: 'Server only: only agents on the server that took the call',
};
