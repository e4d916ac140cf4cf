import type { PhoneDetail, PhoneSecrets, UpdatePhoneRequest } from '@vicidash/contracts/phone';

/** The stored phone an update is compared with: its detail and, when the update touches them, its secrets. */
export type StoredPhone = PhoneDetail & Partial<PhoneSecrets>;

/** Whether a requested value equals the stored one, as VICIdial would store it. */
function same(field: string, wanted: unknown, stored: unknown): boolean {
  // Clearing stores '' (--BLANK--): an empty field is already clear.
  if (wanted === null) return stored === null || stored === '';
  // VICIdial compares offsets numerically: '-5.00' and '-5' are one time zone.
  if (field === 'gmtOffset') return typeof stored === 'string' && stored !== '' && Number(stored) === Number(wanted);
  return wanted === stored;
}

/**
 * The fields of an update that differ from the stored phone: only these are sent, because
 * VICIdial writes (and logs, and flags a rebuild for) whatever it is sent, changed or not.
 */
export function phoneChanges(request: UpdatePhoneRequest, stored: StoredPhone): UpdatePhoneRequest {
  return Object.fromEntries(
    Object.entries(request).filter(([field, wanted]) => wanted !== undefined && !same(field, wanted, stored[field as keyof StoredPhone])),
  ) as UpdatePhoneRequest;
}

/** The secret fields an update may carry; only then are the stored secrets read to compare. */
export const touchesSecrets = (request: UpdatePhoneRequest): boolean =>
  request.password !== undefined || request.registrationPassword !== undefined;
