import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PhoneDetail } from '@vicidash/contracts/phone';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast';
import { errorMessage } from '../../../components/states';
import { useCan } from '../../../lib/auth';
import { phoneAliasesQueryOptions, useDeletePhone } from '../api/phones';
import { phonePaths } from '../paths';
import { saveOutcomeState } from './save-outcome';

/** The Delete button of a phone (for the roles that may), with its confirmation. */
export function DeletePhoneButton({ phone }: { phone: PhoneDetail }) {
  const [confirming, setConfirming] = useState(false);
  if (!useCan('delete:phones')) return null;
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        Delete phone
      </button>
      {confirming && <DeletePhoneDialog phone={phone} onClose={() => setConfirming(false)} />}
    </>
  );
}

function DeletePhoneDialog({ phone, onClose }: { phone: PhoneDetail; onClose: () => void }) {
  const remove = useDeletePhone(phone);
  const navigate = useNavigate();
  const toast = useToast();
  const name = `phone ${phone.extension} on ${phone.serverIp}`;

  const confirm = async () => {
    const answer = await remove.mutateAsync(phone.version);
    toast.success(`Deleted ${name}.`);
    void navigate(phonePaths.list, {
      state: saveOutcomeState({
        summary: `Deleted ${name}.`,
        serversAwaitingRebuild: answer.serversAwaitingRebuild,
        stillListedInAliases: answer.stillListedInAliases,
      }),
    });
  };

  return (
    <ConfirmDialog title={`Delete ${name}?`} confirmLabel="Delete phone" onConfirm={confirm} onClose={onClose}>
      <p>The phone is removed from VICIdial. This cannot be undone.</p>
      <ListingAliases phone={phone} />
    </ConfirmDialog>
  );
}

/** The aliases that will still list the login: VICIdial does not remove it from them. */
function ListingAliases({ phone }: { phone: PhoneDetail }) {
  const aliases = useQuery(phoneAliasesQueryOptions(phone));
  if (!phone.login) return null;
  if (aliases.isPending) return <p>Looking for aliases that list login {phone.login}…</p>;
  // The detail's list (as loaded) still names them when the fresh look-up fails.
  const listing = aliases.isError
    ? phone.listedInAliases.map((aliasId) => ({ aliasId, name: null }))
    : aliases.data.map(({ aliasId, name }) => ({ aliasId, name }));
  if (listing.length === 0) return <p>No alias lists its login {phone.login}.</p>;
  return (
    <>
      <p>
        These aliases list its login <strong>{phone.login}</strong> and will keep it (VICIdial does not remove it; edit the
        aliases to take it out):
      </p>
      <ul aria-label="Aliases that still list the login">
        {listing.map((alias) => (
          <li key={alias.aliasId}>
            {alias.aliasId}
            {alias.name ? ` – ${alias.name}` : ''}
          </li>
        ))}
      </ul>
      {aliases.isError && <p className="field-hint">{errorMessage(aliases.error)}</p>}
    </>
  );
}
