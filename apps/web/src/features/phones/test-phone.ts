import type { PhoneDetail } from '@vicidash/contracts/phone';
import { phoneRow } from '../../test/fixtures';

/** A stored phone for the tests, as the BFF's detail answers it: the listed one, with every setting. */
export const storedPhone: PhoneDetail = {
  ...phoneRow,
  // VICIdial's own spelling of -6.00: the form must show it in the list's.
  gmtOffset: '-6',
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
