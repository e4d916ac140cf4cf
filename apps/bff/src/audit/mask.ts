/** Field names whose values are SIP secrets or passwords, in VICIdial's and the API's spelling. */
const SECRET_KEYS = new Set([
  'pass',
  'password',
  'phone_pass',
  'phonePass',
  'registration_password',
  'registrationPassword',
  'conf_secret',
  'currentPassword',
  'newPassword',
  'temporaryPassword',
]);

export const MASK = '••••••';

/**
 * `value` as JSON with every secret field, at any depth, replaced by MASK (a cleared secret stays
 * null). One pass while serialising: the audit writes a row for every DID of a bulk change.
 */
export const toMaskedJson = (value: unknown): string =>
  JSON.stringify(value, (key, v: unknown) => (SECRET_KEYS.has(key) && v !== null && v !== undefined ? MASK : v));
