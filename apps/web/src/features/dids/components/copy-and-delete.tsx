import { Link } from 'react-router';
import type { DidDetail } from '@vicidash/contracts/did';
import { Can } from '../../../lib/auth';
import { didPaths } from '../paths';
import { DeleteDidButton } from './delete-did-button';

/** The DID pages' Copy and Delete actions, for the roles that may. */
export function CopyAndDelete({ did }: { did: DidDetail }) {
  return (
    <>
      <Can permission="copy:dids">
        <Link className="button" to={didPaths.copy(did.didId)}>
          Copy DID
        </Link>
      </Can>
      <Can permission="delete:dids">
        <DeleteDidButton did={did} />
      </Can>
    </>
  );
}
