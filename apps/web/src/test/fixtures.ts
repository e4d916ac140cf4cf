import type { PhoneRow } from '@vicidash/contracts/phone';
import { json } from './fake-fetch';

/** A phone as the BFF lists it (tests only): Ann Smith's desk. */
export const phoneRow: PhoneRow = {
  extension: '1001',
  serverIp: '10.20.0.11',
  login: '1001a',
  fullName: 'Ann Smith',
  dialplanNumber: '1001',
  protocol: 'SIP',
  gmtOffset: '-6.00',
  userGroup: 'SALES',
  active: true,
  status: 'ACTIVE',
};

/** The BFF's phone-logins lookup over `logins`: those that start with the request's search. */
export function phoneLoginsAnswer(url: URL, logins: readonly string[]): Response {
  const search = url.searchParams.get('search') ?? '';
  return json(
    200,
    logins.filter((login) => login.startsWith(search)).map((login) => ({ login, extension: login.slice(0, 4), serverIp: '10.20.0.11', fullName: null })),
  );
}
