import type { DidRoute } from '@vicidash/contracts/did';

/** Each route in words, for lists, filters and pickers. */
export const ROUTE_LABELS: Record<DidRoute, string> = {
  EXTEN: 'Extension',
  VOICEMAIL: 'Voicemail',
  VMAIL_NO_INST: 'Voicemail, no instructions',
  AGENT: 'Agent',
  PHONE: 'Phone',
  IN_GROUP: 'In-group',
  CALLMENU: 'Call menu',
};

export const routeLabel = (route: string | null): string | null =>
  route === null ? null : (ROUTE_LABELS as Record<string, string>)[route] ?? route;

/** VICIdial's record_call values in words. */
export const RECORDING_LABELS: Record<string, string> = {
  Y: 'Recorded',
  N: 'Not recorded',
  Y_QUEUESTOP: 'Recorded until queued',
};
