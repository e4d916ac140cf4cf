import type { PhoneDetail } from '@vicidash/contracts/phone';
import { expect, test } from 'vitest';
import { phoneChanges, touchesSecrets } from './phone-diff.js';

const stored: PhoneDetail = {
  extension: '1001',
  serverIp: '10.20.0.11',
  login: '1001a',
  fullName: 'Desk 1001',
  dialplanNumber: '1001',
  protocol: 'SIP',
  gmtOffset: '-6.00',
  userGroup: 'SALES',
  active: true,
  status: 'ACTIVE',
  voicemailId: '1001',
  outboundCallerId: '3125550100',
  outboundAltCallerId: '',
  email: '',
  context: 'default',
  ringTimeout: 60,
  deleteVoicemailAfterEmail: false,
  templateId: '',
  webphone: 'N',
  webphoneAutoAnswer: true,
  useExternalServerIp: false,
  onHookAgent: false,
  listedInAliases: ['sales_pod1'],
  version: 'v1',
};

test('keeps only the fields whose value differs from the stored phone', () => {
  expect(
    phoneChanges({ fullName: 'Desk 1001', dialplanNumber: '1002', active: true, ringTimeout: 45, webphoneAutoAnswer: false, userGroup: 'SALES' }, stored),
  ).toEqual({ dialplanNumber: '1002', ringTimeout: 45, webphoneAutoAnswer: false });
});

test('clearing an empty field is no change; clearing a filled one is', () => {
  expect(phoneChanges({ email: null, templateId: null, context: null }, stored)).toEqual({ context: null });
  expect(phoneChanges({ fullName: null }, { ...stored, fullName: null })).toEqual({});
});

test('time zones compare as numbers, as VICIdial does', () => {
  expect(phoneChanges({ gmtOffset: '-6.00' }, { ...stored, gmtOffset: '-6' })).toEqual({});
  expect(phoneChanges({ gmtOffset: '-5.00' }, stored)).toEqual({ gmtOffset: '-5.00' });
  expect(phoneChanges({ gmtOffset: '0.00' }, { ...stored, gmtOffset: '' })).toEqual({ gmtOffset: '0.00' });
});

test('secrets compare with the stored secrets, read only when sent', () => {
  expect(touchesSecrets({ fullName: 'x' })).toBe(false);
  expect(touchesSecrets({ password: 'abc' })).toBe(true);
  expect(phoneChanges({ password: 'same-pass', registrationPassword: 'new-secret' }, { ...stored, password: 'same-pass', registrationPassword: 'old' })).toEqual({
    registrationPassword: 'new-secret',
  });
});
