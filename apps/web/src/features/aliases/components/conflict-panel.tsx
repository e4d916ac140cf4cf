import type { Ref } from 'react';
import type { AliasDetail } from '@vicidash/contracts/alias';
import { ConflictNotice } from '../../../components/unsaved-changes';
import { type AliasEdit, editChanges, editOf, reapplyEdit } from '../alias-changes';
import { ChangeSummary } from './change-summary';
import { counted } from '../../../lib/words';

export interface ConflictPanelProps {
  /** The alias as the user loaded it, what they made of it, and the newer one someone else saved. */
  loaded: AliasEdit;
  edited: AliasEdit;
  newer: AliasDetail;
  onReapply: () => void;
  onDiscardMine: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * A save refused because someone else saved first: the newer list, what each side changed, and a
 * way to redo the user's additions and removals on the newer list (nothing the other person added
 * is dropped), or to give up the user's changes.
 */
export function ConflictPanel({ loaded, edited, newer, onReapply, onDiscardMine, headingRef }: ConflictPanelProps) {
  const newerEdit = editOf(newer);
  const theirs = editChanges(loaded, newerEdit);
  const mine = editChanges(loaded, edited);
  const result = reapplyEdit(loaded, edited, newerEdit);
  return (
    // Long (lists of logins): a region to move through, not read out at once; the page focuses its heading.
    <ConflictNotice
      record="alias"
      reapplyLabel="Apply my changes to the newer list"
      onReapply={onReapply}
      onDiscard={onDiscardMine}
      announce={false}
      headingRef={headingRef}
    >
      <p>
        It was saved by someone else after you opened it, so your changes were not saved. Nothing is lost: you can apply your
        changes to the newer list and review them again.
      </p>
      <p className="field-label">The newer list ({counted(newer.logins.length, 'login')})</p>
      <ul className="inline-list" aria-label="The newer list">
        {newer.logins.map((login) => (
          <li key={login}>{login}</li>
        ))}
      </ul>
      <div className="conflict-columns">
        <div>
          <h3>Changed by someone else</h3>
          <ChangeSummary changes={theirs} addedTitle="They added" removedTitle="They removed" />
        </div>
        <div>
          <h3>Your changes</h3>
          <ChangeSummary changes={mine} addedTitle="You add" removedTitle="You remove" />
        </div>
      </div>
      <p>
        With your changes applied, the list holds {counted(result.logins.length, 'login')}, everything the other person added included.
      </p>
    </ConflictNotice>
  );
}
