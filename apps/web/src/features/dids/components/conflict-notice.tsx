import { useEffect, useRef } from 'react';
import type { DidDetail } from '@vicidash/contracts/did';
import { changeList } from '../form/change-list';
import { type DidFormValues, storedDidValues } from '../form/did-values';
import { ChangeItems } from './change-summary';

/**
 * A save refused because someone changed the DID meanwhile (409): what they changed, and two ways
 * on. The person's own changes stay in the form either way until they choose.
 */
export function ConflictNotice({
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
  const heading = useRef<HTMLHeadingElement>(null);
  // The Save button that was pressed is now disabled: the focus moves here, where the choice is.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="form-notice conflict-notice" role="alert" aria-labelledby="did-conflict-title">
      <h2 id="did-conflict-title" ref={heading} tabIndex={-1}>
        Someone else changed this DID
      </h2>
      <p>Nothing was saved. Since you opened this page, the DID changed:</p>
      {theirs.length > 0 ? <ChangeItems changes={theirs} /> : <p>(in settings this form does not show)</p>}
      <p>Your changes are still in the form.</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={onReapply}>
          Apply my changes to the current DID
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          Discard my changes
        </button>
      </div>
    </section>
  );
}
