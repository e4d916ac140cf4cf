import type { DidDetail } from '@vicidash/contracts/did';

/** A DID as the BFF answers for it (tests only): a sales line queued for an in-group. */
export const storedDid: DidDetail = {
  didId: 12,
  pattern: '3125550101',
  description: 'Sales line 1',
  active: true,
  recordCall: 'N',
  filterCleanCidNumber: null,
  userGroup: 'SALES',
  route: 'IN_GROUP',
  extension: '9998811112',
  context: 'default',
  voicemailBox: null,
  phoneExtension: null,
  serverIp: null,
  agentUser: null,
  inGroup: 'SALES_EN',
  callHandleMethod: 'CID',
  agentSearchMethod: 'LB',
  listId: 10001,
  entryListId: 0,
  campaignId: 'OUTSALES',
  phoneCode: '1',
  menuId: '',
  targetMissing: false,
  version: 'v1',
};
