import type { FormDraft } from '../../../lib/form-draft';

/** Says that unsaved input came back (after a session ended mid-edit), with a way to drop it. */
export function DraftNotice({ draft }: { draft: FormDraft }) {
  if (!draft.restored) return null;
  return (
    <div className="form-notice" role="status">
      <span>Your unsaved changes were restored.</span>
      <button type="button" className="button" onClick={draft.discard}>
        Discard them
      </button>
    </div>
  );
}
