import { DID_ROUTE_LABELS, RECORDING_LABELS } from '@vicidash/contracts/did';
import { ROUTE_FIELD_LABELS } from '../labels';
import type { DidFormValues } from './did-values';
import { visibleRouteFields } from './routing-values';

/**
 * The DID form's values in words, compared field by field: what a save will change ("Route:
 * In-group → Call menu"), or what someone else changed meanwhile. Only the fields of the route
 * `after` shows count, as only those are sent.
 */

export interface FieldChange {
  label: string;
  from: string;
  to: string;
}

const NONE = 'none';

/** Each field's label and value in words; the route fields of every route, so any route can be compared. */
function inWords(values: DidFormValues): Map<string, { label: string; text: string }> {
  const words = new Map<string, { label: string; text: string }>([
    ['description', { label: 'Description', text: values.description.trim() }],
    ['active', { label: 'Active', text: values.active ? 'Yes' : 'No' }],
    ['recordCall', { label: 'Recording', text: values.recordCall === '' ? '' : (RECORDING_LABELS[values.recordCall] ?? values.recordCall) }],
    ['filterCleanCidNumber', { label: 'Clean caller ID number', text: values.filterCleanCidNumber.trim() }],
    ['routing.route', { label: 'Where calls go', text: values.routing.route === '' ? '' : DID_ROUTE_LABELS[values.routing.route] }],
  ]);
  for (const [field, label] of Object.entries(ROUTE_FIELD_LABELS)) {
    words.set(`routing.${field}`, { label, text: values.routing[field as keyof typeof ROUTE_FIELD_LABELS].trim() });
  }
  return words;
}

export function changeList(before: DidFormValues, after: DidFormValues): FieldChange[] {
  const from = inWords(before);
  const to = inWords(after);
  const compared = [
    'description',
    'active',
    'recordCall',
    'filterCleanCidNumber',
    'routing.route',
    ...visibleRouteFields(after.routing.route).map((field) => `routing.${field}`),
  ];
  return compared.flatMap((key) => {
    const old = from.get(key)?.text ?? '';
    const now = to.get(key);
    if (!now || now.text === old) return [];
    return [{ label: now.label, from: old || NONE, to: now.text || NONE }];
  });
}
