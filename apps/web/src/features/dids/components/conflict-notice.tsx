import type { DidDetail } from '@vicidash/contracts/did';
import { ConflictNotice } from '../../../components/unsaved-changes';
import { changeList } from '../form/change-list';
import { type DidFormValues, storedDidValues } from '../form/did-values';
import { ChangeItems } from './change-summary';

/**
 * A save refused because someone changed the DID meanwhile (409): what they changed. The person's
 * own changes stay in the form until they choose.
 */
export function DidConflictNotice({
  before,
  current,
  onReapply,
  onDiscard,
}: {
  before: DidFormValues;
  current: DidDetail;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const theirs = changeList(before, storedDidValues(current));
  return (
    <ConflictNotice record="DID" reapplyLabel="Apply my changes to the current DID" onReapply={onReapply} onDiscard={onDiscard}>
      <p>Nothing was saved. Since you opened this page, the DID changed:</p>
      {theirs.length > 0 ? <ChangeItems changes={theirs} /> : <p>(in settings this form does not show)</p>}
      <p>Your changes are still in the form.</p>
    </ConflictNotice>
  );
}
