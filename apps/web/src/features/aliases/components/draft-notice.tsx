/** Says that the form holds unsaved input kept from before (a session that ended, an earlier visit). */
export function DraftNotice({ onDiscard }: { onDiscard: () => void }) {
  return (
    <p className="form-notice" role="status">
      Your unsaved changes were restored.
      <button type="button" className="button" onClick={onDiscard}>
        Discard them
      </button>
    </p>
  );
}
