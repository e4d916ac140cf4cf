import { describe, expect, it } from 'vitest';
import { bulkUpdateDidsRequestSchema, copyDidRequestSchema, createDidRequestSchema, updateDidRequestSchema } from '@vicidash/contracts/did';
import { storedDid } from '../test-did';
import { bulkRequest, KEEP_ALL } from './bulk-values';
import { changeList } from './change-list';
import { copyRequest } from './copy-values';
import { type DidFormValues, didChanges, NEW_DID_VALUES, newDidRequest, storedDidValues } from './did-values';

const loaded = storedDidValues(storedDid);
const edited = (change: (values: DidFormValues) => void): DidFormValues => {
  const values = structuredClone(loaded);
  change(values);
  return values;
};

describe('the update request', () => {
  it('holds only what changed', () => {
    expect(didChanges(loaded, loaded)).toEqual({});
    const values = edited((v) => {
      v.description = 'Sales line one';
      v.active = false;
    });
    expect(didChanges(loaded, values)).toEqual({ description: 'Sales line one', active: false });
    expect(updateDidRequestSchema.parse(didChanges(loaded, values))).toEqual({ description: 'Sales line one', active: false });
  });

  it('re-routing to a call menu after typing in-group extras sends the menu alone', () => {
    const values = edited((v) => {
      v.routing.listId = '20002';
      v.routing.campaignId = 'WINBACK';
      v.routing.route = 'CALLMENU';
      v.routing.menuId = 'MAIN_IVR';
    });
    expect(didChanges(loaded, values)).toEqual({ routing: { route: 'CALLMENU', menuId: 'MAIN_IVR' } });
    expect(changeList(loaded, values)).toEqual([
      { label: 'Where calls go', from: 'In-group', to: 'Call menu' },
      { label: 'Call menu', from: 'none', to: 'MAIN_IVR' },
    ]);
  });

  it('a field put back to what it was is no change', () => {
    const values = edited((v) => {
      v.description = ' Sales line 1 ';
      v.routing.route = 'EXTEN';
      v.routing.route = 'IN_GROUP';
    });
    expect(didChanges(loaded, values)).toEqual({});
    expect(changeList(loaded, values)).toEqual([]);
  });

  it('an emptied description is sent as a clear, which the contract refuses with the reason', () => {
    const request = didChanges(
      loaded,
      edited((v) => {
        v.description = '';
      }),
    );
    expect(request).toEqual({ description: null });
    expect(updateDidRequestSchema.safeParse(request).error?.issues[0]?.message).toBe(
      'Description: cannot be cleared (VICIdial has no way to clear a DID description)',
    );
  });
});

describe('the add request', () => {
  it('holds the pattern, the route, and what differs from VICIdial’s defaults', () => {
    const values: DidFormValues = {
      ...NEW_DID_VALUES,
      pattern: ' +13125559001 ',
      description: 'New sales line',
      routing: { ...NEW_DID_VALUES.routing, route: 'IN_GROUP', inGroup: 'SALES_EN', agentSearchMethod: 'LO', menuId: 'MAIN_IVR' },
    };
    expect(createDidRequestSchema.parse(newDidRequest(values))).toEqual({
      pattern: '+13125559001',
      description: 'New sales line',
      routing: { route: 'IN_GROUP', inGroup: 'SALES_EN', agentSearchMethod: 'LO' },
    });
  });

  it('without a route the contract says the route is required', () => {
    const issues = createDidRequestSchema.safeParse(newDidRequest({ ...NEW_DID_VALUES, pattern: '3125559001' })).error?.issues;
    expect(issues?.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['routing', 'Where calls go: required']]);
  });
});

describe('the bulk request', () => {
  it('names the DIDs and carries only the parts chosen', () => {
    expect(bulkRequest(['3125550101', '+13125550120'], { ...KEEP_ALL, recordCall: 'Y' })).toEqual({
      dids: ['3125550101', '+13125550120'],
      recordCall: 'Y',
    });
    const request = bulkRequest(['3125550101'], {
      routing: { ...loaded.routing, route: 'CALLMENU', menuId: 'SALES_IVR' },
      active: 'no',
      recordCall: '',
    });
    expect(bulkUpdateDidsRequestSchema.parse(request)).toEqual({ dids: ['3125550101'], routing: { route: 'CALLMENU', menuId: 'SALES_IVR' }, active: false });
  });

  it('keeping everything is refused as nothing to change', () => {
    expect(bulkUpdateDidsRequestSchema.safeParse(bulkRequest(['3125550101'], KEEP_ALL)).error?.issues[0]?.message).toMatch(/^Nothing to change/);
  });
});

describe('the copy request', () => {
  it('splits the typed numbers on lines, commas and spaces', () => {
    expect(copyDidRequestSchema.parse(copyRequest('3125550101', { newPatterns: '3125559001\n3125559002, +13125559003 ', description: '' }))).toEqual({
      sourcePattern: '3125550101',
      newPatterns: ['3125559001', '3125559002', '+13125559003'],
    });
  });
});
