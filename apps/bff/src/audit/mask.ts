/** Field names whose values are SIP secrets or passwords, in VICIdial's and the API's spelling. */
const SECRET_KEYS = new Set([
  'pass',
  'password',
  'phone_pass',
  'phonePass',
  'registration_password',
  'registrationPassword',
  'conf_secret',
]);

export const MASK = '••••••';

/** A copy of `value` with every secret field replaced by MASK (a cleared secret stays null). */
export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(maskSecrets) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEYS.has(key) && v !== null && v !== undefined ? MASK : maskSecrets(v)]),
  ) as T;
}
