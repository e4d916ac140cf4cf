import type { PhoneDetail } from '@vicidash/contracts/phone';

/** A stored phone for the tests, as the BFF's detail answers it. */
export const storedPhone: PhoneDetail = {
  extension: '1001',
  serverIp: '10.20.0.11',
  login: '1001a',
  fullName: 'Ann Smith',
  dialplanNumber: '1001',
  protocol: 'SIP',
  gmtOffset: '-6',
  userGroup: 'SALES',
  active: true,
  status: 'ACTIVE',
  voicemailId: '1001',
  outboundCallerId: '3125550100',
  outboundAltCallerId: '',
  email: 'ann.smith@example.com',
  context: 'default',
  ringTimeout: 60,
  deleteVoicemailAfterEmail: false,
  templateId: 'SIP_generic',
  webphone: 'N',
  webphoneAutoAnswer: true,
  useExternalServerIp: false,
  onHookAgent: false,
  listedInAliases: ['sales_pod1'],
  version: 'v1',
};
