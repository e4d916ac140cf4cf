import { useQueries } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import type { ServerLookup, TemplateLookup, TimeZoneLookup, UserGroupLookup } from '@vicidash/contracts/lookups';
import { PROTOCOLS, WEBPHONE_MODES } from '@vicidash/contracts/phone';
import { SelectField } from '../../../components/form-field';
import { lookupQueries } from '../../../lib/lookups';

/** The choices of the phone forms' selects, from the contract's lists and VICIdial's database. */

export interface Choice {
  value: string;
  label: string;
}

export const ALL_USER_GROUPS = '---ALL---';

export const protocolChoices: Choice[] = PROTOCOLS.map((protocol) => ({ value: protocol, label: protocol }));

const WEBPHONE_LABELS: Record<(typeof WEBPHONE_MODES)[number], string> = {
  Y: 'Yes',
  N: 'No',
  Y_API_LAUNCH: 'Yes, launched through the API',
};
export const webphoneChoices: Choice[] = WEBPHONE_MODES.map((mode) => ({ value: mode, label: WEBPHONE_LABELS[mode] }));

const serverChoices = (servers: ServerLookup): Choice[] =>
  servers.map((server) => ({
    value: server.serverIp,
    label: `${server.serverId} (${server.serverIp})${server.description ? ` – ${server.description}` : ''}${server.active ? '' : ' – inactive'}`,
  }));

const timeZoneChoices = (zones: TimeZoneLookup): Choice[] => zones.map((zone) => ({ value: zone.offset, label: `${zone.offset} (${zone.label})` }));

const userGroupChoices = (groups: UserGroupLookup): Choice[] => [
  { value: ALL_USER_GROUPS, label: `All user groups (${ALL_USER_GROUPS})` },
  ...groups.filter((group) => group.userGroup !== ALL_USER_GROUPS).map((group) => ({ value: group.userGroup, label: group.name ? `${group.userGroup} – ${group.name}` : group.userGroup })),
];

const templateChoices = (templates: TemplateLookup): Choice[] => [
  { value: '', label: 'No template' },
  ...templates.map((template) => ({ value: template.templateId, label: template.name ? `${template.templateId} – ${template.name}` : template.templateId })),
];

export interface PhoneChoices {
  servers: Choice[];
  timeZones: Choice[];
  userGroups: Choice[];
  templates: Choice[];
}

/**
 * The pickers' lists, all loaded before a form is shown: a select registered before its options
 * exist would lose its value.
 */
export function usePhoneChoices() {
  const [servers, timeZones, userGroups, templates] = useQueries({
    queries: [lookupQueries.servers(), lookupQueries.timeZones(), lookupQueries.userGroups(), lookupQueries.templates()],
  });
  const all = [servers, timeZones, userGroups, templates];
  const failed = all.find((query) => query.isError);
  const choices: PhoneChoices | undefined =
    servers.data && timeZones.data && userGroups.data && templates.data
      ? {
          servers: serverChoices(servers.data),
          timeZones: timeZoneChoices(timeZones.data),
          userGroups: userGroupChoices(userGroups.data),
          templates: templateChoices(templates.data),
        }
      : undefined;
  return {
    choices,
    error: failed?.error,
    retry: () => {
      for (const query of all) if (query.isError) void query.refetch();
    },
  };
}

type ChoiceFieldProps = ComponentProps<typeof SelectField> & {
  choices: readonly Choice[];
  /** A stored value to offer even when the list lacks it (an old protocol, a deleted template), so leaving it alone is no change. */
  keep?: string | undefined;
  /** The first, empty choice ("Choose a server"), when there is one. */
  placeholder?: string;
};

/** A select over `choices`; spread react-hook-form's `register(name)` into it. */
export function ChoiceField({ choices, keep, placeholder, ...select }: ChoiceFieldProps) {
  const offered =
    keep === undefined || choices.some((choice) => choice.value === keep)
      ? choices
      : [{ value: keep, label: keep === '' ? 'None stored' : `${keep} (as stored)` }, ...choices];
  return (
    <SelectField {...select}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {offered.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </SelectField>
  );
}
