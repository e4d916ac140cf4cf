import type { FormDraft } from '../../../lib/form-draft';

/** Says that the form came back from a draft (e.g. after logging in again), with a way to drop it. */
export function DraftNotice({ draft }: { draft: FormDraft }) {
  if (!draft.restored) return null;
  return (
    <div className="form-notice" role="status">
      <p>Your unsaved changes were restored.</p>
      <button type="button" className="button" onClick={draft.discard}>
        Discard them
      </button>
    </div>
  );
}
