import { DID_ROUTE_LABELS, type DidRef, type RECORD_CALL_MODES, RECORDING_LABELS } from '@vicidash/contracts/did';
import { ROUTE_FIELD_LABELS } from '../labels';
import { definedFields } from './defined';
import { EMPTY_ROUTING, type RoutingValues, routingChange, visibleRouteFields } from './routing-values';

/**
 * The bulk change form: one change for many DIDs. Each part can be left as it is on every DID
 * ('' = keep), so the request carries only what the person chose.
 */

export interface BulkFormValues {
  routing: RoutingValues;
  active: '' | 'yes' | 'no';
  recordCall: (typeof RECORD_CALL_MODES)[number] | '';
}

export const KEEP_ALL: BulkFormValues = { routing: EMPTY_ROUTING, active: '', recordCall: '' };

export const bulkRequest = (dids: readonly DidRef[], values: BulkFormValues): Record<string, unknown> =>
  definedFields({
    dids: [...dids],
    routing: routingChange(values.routing),
    active: values.active === '' ? undefined : values.active === 'yes',
    recordCall: values.recordCall || undefined,
  });

/** What the change sets on each chosen DID, in words, for the confirmation ("Where calls go: Call menu"). */
export function bulkChangeList(values: BulkFormValues): string[] {
  const { route } = values.routing;
  return [
    ...(route === ''
      ? []
      : [
          `Where calls go: ${DID_ROUTE_LABELS[route]}`,
          ...visibleRouteFields(route).flatMap((field) => {
            const text = values.routing[field].trim();
            return text === '' ? [] : [`${ROUTE_FIELD_LABELS[field]}: ${text}`];
          }),
        ]),
    ...(values.active === '' ? [] : [`Active: ${values.active === 'yes' ? 'Yes' : 'No'}`]),
    ...(values.recordCall === '' ? [] : [`Recording: ${RECORDING_LABELS[values.recordCall] ?? values.recordCall}`]),
  ];
}
