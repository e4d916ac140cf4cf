import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { DidDetail } from '@vicidash/contracts/did';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast';
import { useDeleteDid } from '../api/did-changes';
import { didPaths } from '../paths';

/** Deletes the DID after a confirmation (render it for roles that may delete). Sent with the loaded version. */
export function DeleteDidButton({ did }: { did: DidDetail }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteDid(did.didId);
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        Delete DID
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Delete DID ${did.pattern}?`}
          confirmLabel="Delete DID"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await remove.mutateAsync(did.version);
            toast.success(`DID ${did.pattern} deleted.`);
            void navigate(didPaths.list);
          }}
        >
          <p>
            VICIdial will no longer route calls to {did.pattern}
            {did.description ? ` (${did.description})` : ''}. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
