import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { type FieldPath, useController, useFormContext, useWatch } from 'react-hook-form';
import { AGENT_SEARCH_METHODS, DID_ROUTE_LABELS, DID_ROUTES, type DidRoute } from '@vicidash/contracts/did';
import { phoneListResponseSchema } from '@vicidash/contracts/phone';
import { Value } from '../../../components/details';
import { SelectField, TextField } from '../../../components/form-field';
import { api } from '../../../lib/api-client';
import { lookupQueries } from '../../../lib/lookups';
import { AGENT_SEARCH_LABELS, ROUTE_DESCRIPTIONS, ROUTE_FIELD_LABELS } from '../labels';
import { type RouteField, type RoutingValues, isRequiredRouteField, visibleRouteFields } from '../form/routing-values';
import './did-form.css';

/**
 * The route picker and the chosen route's fields, for the DID form and the bulk change. Only the
 * chosen route's fields are on screen; what was typed for another route stays in the form (going
 * back finds it) but is never sent (see routingChange).
 */

type RoutingForm = { routing: RoutingValues };
type Name = FieldPath<RoutingForm>;

export interface RouteFieldsProps {
  /** Where the form started: a field VICIdial already holds cannot go back to empty. */
  before: RoutingValues;
  /** Bulk: a first choice that leaves each DID's route as it is. */
  keepLabel?: string;
  /** What the AGENT route notice says about the agent (the agent is never sent). */
  agentNote: ReactNode;
  /** VICIdial no longer has the phone, in-group or call menu `before` names (DidDetail.targetMissing). */
  targetMissing?: boolean;
}

export function RouteFields({ before, keepLabel, agentNote, targetMissing = false }: RouteFieldsProps) {
  const route = useWatch<RoutingForm, 'routing.route'>({ name: 'routing.route' });
  return (
    <>
      <RoutePicker keepLabel={keepLabel} />
      {route !== '' && (
        <div className="route-fields" aria-label={`${DID_ROUTE_LABELS[route]} settings`} role="group">
          {route === 'AGENT' ? <AgentNotice note={agentNote} /> : <TargetFields route={route} before={before} targetMissing={targetMissing} />}
        </div>
      )}
    </>
  );
}

function RoutePicker({ keepLabel }: { keepLabel: string | undefined }) {
  const { register, formState } = useFormContext<RoutingForm>();
  const id = useId();
  const choices: { value: DidRoute | ''; label: string; description: string }[] = [
    ...(keepLabel ? [{ value: '' as const, label: keepLabel, description: 'Only the settings chosen below change.' }] : []),
    ...DID_ROUTES.map((route) => ({ value: route, label: DID_ROUTE_LABELS[route], description: ROUTE_DESCRIPTIONS[route] })),
  ];
  // A missing route ("Where calls go: required") is put on routing.route (payload-resolver.ts).
  const error = formState.errors.routing?.route?.message;
  return (
    <fieldset className="route-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        Where calls go{!keepLabel && <span aria-hidden="true"> *</span>}
      </legend>
      <div className="route-choices">
        {choices.map((choice) => (
          <div key={choice.value} className="route-choice">
            <input
              type="radio"
              id={`${id}-${choice.value}`}
              value={choice.value}
              aria-describedby={`${id}-${choice.value}-hint`}
              aria-invalid={error ? true : undefined}
              {...register('routing.route')}
            />
            <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
            <p id={`${id}-${choice.value}-hint`} className="field-hint">
              {choice.description}
            </p>
          </div>
        ))}
      </div>
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
    </fieldset>
  );
}

function AgentNotice({ note }: { note: ReactNode }) {
  return (
    <div className="form-notice route-agent-notice" role="note">
      <p>
        <strong>The agent cannot be set here.</strong> VICIdial's API has no way to choose the agent of an Agent route: only
        VICIdial's own admin screen (Inbound, DIDs) can. The dashboard sends the route alone.
      </p>
      <div>{note}</div>
    </div>
  );
}

/** The route's target and, for an in-group, its extras. */
function TargetFields({ route, before, targetMissing }: { route: Exclude<DidRoute, 'AGENT'>; before: RoutingValues; targetMissing: boolean }) {
  return (
    <>
      {route === 'PHONE' ? (
        <PhoneFields gone={targetMissing && before.route === 'PHONE' ? before : undefined} />
      ) : route === 'IN_GROUP' ? (
        <>
          <InGroupPicker />
          <fieldset className="route-extras">
            <legend>In-group options</legend>
            <p className="field-hint">
              Only the options you change are sent; left empty, VICIdial uses its defaults. VICIdial's API cannot empty an option once it
              is set.
            </p>
            <InGroupExtras before={before} />
          </fieldset>
        </>
      ) : route === 'CALLMENU' ? (
        <CallMenuPicker />
      ) : (
        visibleRouteFields(route).map((field) => <RouteTextField key={field} route={route} field={field} />)
      )}
    </>
  );
}

const TEXT_HINTS: Partial<Record<RouteField, string>> = {
  extension: 'The dialplan extension that takes the calls, e.g. 8300.',
  context: 'The dialplan context of that extension, usually "default".',
  voicemailBox: 'The voicemail box number, e.g. 5001.',
  callHandleMethod: 'How VICIdial finds the lead for a call: CID (a new lead each call), CIDLOOKUP (the caller’s lead when one exists), CIDLOOKUPRL or CIDLOOKUPRC (the same, in the list or campaign below only), CLOSER…',
  listId: 'The list new leads go into: 3 to 14 digits (VICIdial’s default is 999).',
  entryListId: 'The list recorded as where the call came in: 1 to 14 digits (default 0).',
  phoneCode: 'The country calling code given to new leads, e.g. 1 (digits).',
};

/** Common call handle methods, offered while typing (any 3 to 20 letters, digits or _ are accepted). */
const CALL_HANDLE_METHODS = ['CID', 'CIDLOOKUP', 'CIDLOOKUPRL', 'CIDLOOKUPRC', 'ANI', 'ANILOOKUP', 'ANILOOKUPRL', 'CLOSER', 'XDIGITID', 'VIDPROMPT'];

function RouteTextField({ route, field, hint = TEXT_HINTS[field], list, inputMode }: { route: DidRoute; field: RouteField; hint?: string | undefined; list?: string; inputMode?: 'numeric' }) {
  const { register, formState } = useFormContext<RoutingForm>();
  return (
    <TextField
      label={ROUTE_FIELD_LABELS[field]}
      hint={hint}
      required={isRequiredRouteField(route, field)}
      error={formState.errors.routing?.[field]?.message}
      autoComplete="off"
      list={list}
      inputMode={inputMode}
      {...register(`routing.${field}`)}
    />
  );
}

interface Choice {
  value: string;
  label: string;
}

/** A select over a lookup list. The form's value is always one of its options, even before the list arrives or when the list no longer holds it. */
function ChoiceSelect({ route, field, choices, loading, emptyLabel, hint }: { route: DidRoute; field: RouteField; choices: Choice[]; loading: boolean; emptyLabel?: string; hint?: ReactNode }) {
  const { field: control, fieldState } = useController<RoutingForm, Name>({ name: `routing.${field}` });
  const value = String(control.value);
  const listed = choices.some((choice) => choice.value === value);
  const required = isRequiredRouteField(route, field);
  return (
    <SelectField
      label={ROUTE_FIELD_LABELS[field]}
      hint={hint}
      required={required}
      error={fieldState.error?.message}
      name={control.name}
      ref={control.ref}
      value={value}
      onChange={control.onChange}
      onBlur={control.onBlur}
    >
      {(value === '' || emptyLabel !== undefined) && <option value="">{emptyLabel ?? (loading ? 'Loading…' : 'Choose…')}</option>}
      {value !== '' && !listed && <option value={value}>{loading ? value : `${value} (not found in VICIdial)`}</option>}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </SelectField>
  );
}

const named = (id: string, name: string | null, active = true) => `${id}${name ? ` – ${name}` : ''}${active ? '' : ' (inactive)'}`;

function InGroupPicker() {
  const inGroups = useQuery(lookupQueries.inGroups());
  const choices = (inGroups.data ?? []).map((group) => ({ value: group.groupId, label: named(group.groupId, group.name, group.active) }));
  return (
    <ChoiceSelect
      route="IN_GROUP"
      field="inGroup"
      choices={choices}
      loading={inGroups.isPending}
      hint="The queue whose agents take the calls. Inactive in-groups are marked: VICIdial accepts them, but nobody answers."
    />
  );
}

function CallMenuPicker() {
  const menus = useQuery(lookupQueries.callMenus());
  const choices = (menus.data ?? []).map((menu) => ({ value: menu.menuId, label: named(menu.menuId, menu.name) }));
  return <ChoiceSelect route="CALLMENU" field="menuId" choices={choices} loading={menus.isPending} hint="The menu callers hear." />;
}

function InGroupExtras({ before }: { before: RoutingValues }) {
  const campaigns = useQuery(lookupQueries.campaigns());
  const listId = useId();
  // An extra VICIdial holds already cannot be emptied; one it does not hold may stay empty (its default).
  const emptyLabel = (field: RouteField, label: string) => (before[field] === '' ? label : undefined);
  return (
    <>
      <RouteTextField route="IN_GROUP" field="callHandleMethod" list={listId} />
      <datalist id={listId}>
        {CALL_HANDLE_METHODS.map((method) => (
          <option key={method} value={method} />
        ))}
      </datalist>
      <ChoiceSelect
        route="IN_GROUP"
        field="agentSearchMethod"
        choices={AGENT_SEARCH_METHODS.map((method) => ({ value: method, label: `${method} – ${AGENT_SEARCH_LABELS[method]}` }))}
        loading={false}
        emptyLabel={emptyLabel('agentSearchMethod', 'VICIdial’s default (LB, load balanced)')}
        hint="Where VICIdial looks for a free agent when a call arrives."
      />
      <RouteTextField route="IN_GROUP" field="listId" inputMode="numeric" />
      <RouteTextField route="IN_GROUP" field="entryListId" inputMode="numeric" />
      <ChoiceSelect
        route="IN_GROUP"
        field="campaignId"
        choices={(campaigns.data ?? []).map((campaign) => ({ value: campaign.campaignId, label: named(campaign.campaignId, campaign.name, campaign.active) }))}
        loading={campaigns.isPending}
        emptyLabel={emptyLabel('campaignId', 'None')}
        hint="The campaign whose lists a lead lookup searches."
      />
      <RouteTextField route="IN_GROUP" field="phoneCode" inputMode="numeric" />
    </>
  );
}

const PHONE_CHOICES_SHOWN = 20;

/**
 * A server, then one of its phones: the extension box suggests the server's phones as you type.
 * `gone`: the stored phone VICIdial no longer has, marked while it is still the one chosen (the
 * selects mark a stored in-group, call menu or server that is gone themselves).
 */
function PhoneFields({ gone }: { gone: RoutingValues | undefined }) {
  const servers = useQuery(lookupQueries.servers());
  const serverIp = useWatch<RoutingForm, 'routing.serverIp'>({ name: 'routing.serverIp' });
  const typed = useWatch<RoutingForm, 'routing.phoneExtension'>({ name: 'routing.phoneExtension' });
  const search = useDebounced(typed.trim(), 250);
  const phones = useQuery({
    queryKey: ['dids', 'phone-choices', serverIp, search],
    queryFn: ({ signal }) =>
      api.get('/api/phones', {
        schema: phoneListResponseSchema,
        query: { serverIp, search, pageSize: PHONE_CHOICES_SHOWN },
        signal,
      }),
    enabled: serverIp !== '',
    staleTime: 30_000,
  });
  const listId = useId();
  return (
    <>
      <ChoiceSelect
        route="PHONE"
        field="serverIp"
        choices={(servers.data ?? []).map((server) => ({
          value: server.serverIp,
          label: `${server.serverIp} – ${server.serverId}${server.description ? ` (${server.description})` : ''}${server.active ? '' : ' (inactive)'}`,
        }))}
        loading={servers.isPending}
        hint="The server the phone is registered on."
      />
      <RouteTextField
        route="PHONE"
        field="phoneExtension"
        list={listId}
        hint={
          gone && typed === gone.phoneExtension && serverIp === gone.serverIp
            ? `No such phone: VICIdial no longer has extension ${typed} on ${serverIp}. Type the start of another to see the server's phones.`
            : serverIp
              ? 'Type the start of the extension to see the phones of that server.'
              : 'Choose the server first to see its phones.'
        }
      />
      <datalist id={listId}>
        {(phones.data?.rows ?? []).map((phone) => (
          <option key={phone.extension} value={phone.extension}>
            {[phone.fullName, phone.login].filter(Boolean).join(', ')}
          </option>
        ))}
      </datalist>
    </>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The agent an AGENT route rings now, read-only. */
export function CurrentAgent({ agent }: { agent: string | null }) {
  return (
    <p>
      Current agent: <Value value={agent} />
    </p>
  );
}
