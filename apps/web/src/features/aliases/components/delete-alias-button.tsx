import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { AliasDetail } from '@vicidash/contracts/alias';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast';
import { useDeleteAlias } from '../api/aliases';
import { aliasPaths } from '../paths';

const LOGINS_NAMED = 10;

/**
 * Deletes an alias after a confirmation that says what stays: VICIdial removes the alias only, its
 * phones are not touched. Refused (409) if the alias changed since `alias.version` was read.
 */
export function DeleteAliasButton({ alias, onDeleted }: { alias: Pick<AliasDetail, 'aliasId' | 'logins' | 'version'>; onDeleted?: () => void }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteAlias(alias.aliasId);
  const navigate = useNavigate();
  const toast = useToast();
  const { logins } = alias;
  const more = logins.length - LOGINS_NAMED;

  const confirm = async () => {
    await remove.mutateAsync(alias.version);
    onDeleted?.();
    toast.success(`Alias ${alias.aliasId} deleted. Its phones are unchanged.`);
    navigate(aliasPaths.list);
  };

  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        Delete alias
      </button>
      {open && (
        <ConfirmDialog title={`Delete alias ${alias.aliasId}?`} confirmLabel="Delete alias" onConfirm={confirm} onClose={() => setOpen(false)}>
          <p>
            Only the alias goes: <strong>the phones stay</strong>. VICIdial does not change or delete any phone when an alias is
            deleted.
          </p>
          {logins.length > 0 && (
            <p>
              Its {logins.length === 1 ? 'phone login' : `${logins.length} phone logins`}: {logins.slice(0, LOGINS_NAMED).join(', ')}
              {more > 0 && ` and ${more} more`}.
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
