/**
 * Whether a request to VICIdial is one of the BFF's checks of its API user (update_did and
 * update_phone without the record's key, vicidial/api-account.ts) rather than a write.
 */
export const isAccountCheck = (form: URLSearchParams): boolean =>
  (form.get('function') === 'update_did' && !form.get('did_pattern')) || (form.get('function') === 'update_phone' && !form.get('extension'));
