import { describe, expect, it } from 'vitest';
import { DID_ROUTES, didRoutingSchema } from '@vicidash/contracts/did';
import { EMPTY_ROUTING, type RoutingValues, routingChange, storedRouting, visibleRouteFields } from './routing-values';
import { storedDid } from '../test-did';

const routing = (values: Partial<RoutingValues>): RoutingValues => ({ ...EMPTY_ROUTING, ...values });

/** Every field of every route filled in, as after visiting each route and typing. */
const everythingTyped = routing({
  extension: '8300',
  context: 'default',
  voicemailBox: '5001',
  phoneExtension: '1001',
  serverIp: '10.20.0.11',
  inGroup: 'SALES_EN',
  callHandleMethod: 'CIDLOOKUP',
  agentSearchMethod: 'SO',
  listId: '10001',
  entryListId: '7',
  campaignId: 'OUTSALES',
  phoneCode: '44',
  menuId: 'MAIN_IVR',
});

describe('which route fields are shown', () => {
  it('shows nothing before a route is chosen, then exactly the chosen route’s fields', () => {
    expect(visibleRouteFields('')).toEqual([]);
    expect(visibleRouteFields('EXTEN')).toEqual(['extension', 'context']);
    expect(visibleRouteFields('VOICEMAIL')).toEqual(['voicemailBox']);
    expect(visibleRouteFields('VMAIL_NO_INST')).toEqual(['voicemailBox']);
    expect(visibleRouteFields('PHONE')).toEqual(['phoneExtension', 'serverIp']);
    expect(visibleRouteFields('IN_GROUP')).toEqual(['inGroup', 'callHandleMethod', 'agentSearchMethod', 'listId', 'entryListId', 'campaignId', 'phoneCode']);
    expect(visibleRouteFields('CALLMENU')).toEqual(['menuId']);
    expect(visibleRouteFields('AGENT')).toEqual([]);
  });
});

describe('the routing block of a request', () => {
  it('carries the chosen route’s fields only, whatever else was typed', () => {
    expect(routingChange({ ...everythingTyped, route: 'CALLMENU' })).toEqual({ route: 'CALLMENU', menuId: 'MAIN_IVR' });
    expect(routingChange({ ...everythingTyped, route: 'PHONE' })).toEqual({ route: 'PHONE', phoneExtension: '1001', serverIp: '10.20.0.11' });
    expect(routingChange({ ...everythingTyped, route: 'AGENT' })).toEqual({ route: 'AGENT' });
    // Every route's block passes the contract: it is exactly one member of the union.
    for (const route of DID_ROUTES) expect(didRoutingSchema.safeParse(routingChange({ ...everythingTyped, route })).success).toBe(true);
  });

  it('a new in-group route sends its extras as numbers where they are numbers, and leaves empty ones out', () => {
    expect(routingChange({ ...everythingTyped, route: 'IN_GROUP' })).toEqual({
      route: 'IN_GROUP',
      inGroup: 'SALES_EN',
      callHandleMethod: 'CIDLOOKUP',
      agentSearchMethod: 'SO',
      listId: 10001,
      entryListId: 7,
      campaignId: 'OUTSALES',
      phoneCode: '44',
    });
    expect(routingChange(routing({ route: 'IN_GROUP', inGroup: 'BILLING', listId: ' ' }))).toEqual({ route: 'IN_GROUP', inGroup: 'BILLING' });
  });

  it('sends nothing while the route and its fields are as they were', () => {
    const before = storedRouting(storedDid);
    expect(routingChange(before, before)).toBeUndefined();
    // Fields of other routes do not count.
    expect(routingChange({ ...before, menuId: 'SALES_IVR', extension: '43' }, before)).toBeUndefined();
    expect(routingChange(routing({}))).toBeUndefined();
  });

  it('on an edit, sends the target with the changed extras only', () => {
    const before = storedRouting(storedDid);
    expect(routingChange({ ...before, listId: '10009' }, before)).toEqual({ route: 'IN_GROUP', inGroup: 'SALES_EN', listId: 10009 });
    expect(routingChange({ ...before, route: 'EXTEN', extension: '8300', context: 'default' }, before)).toEqual({
      route: 'EXTEN',
      extension: '8300',
      context: 'default',
    });
  });

  it('a missing target and an emptied extra reach the contract, which names the field', () => {
    const before = storedRouting(storedDid);
    const emptied = routingChange({ ...before, inGroup: '', campaignId: '' }, before);
    expect(emptied).toEqual({ route: 'IN_GROUP', inGroup: undefined, campaignId: null });
    const issues = didRoutingSchema.safeParse(emptied).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['inGroup', 'In-group: required'],
      ['campaignId', 'Campaign: cannot be cleared'],
    ]);
    const notANumber = didRoutingSchema.safeParse(routingChange({ ...before, listId: '12a' }, before));
    expect(notANumber.error?.issues.map((issue) => issue.message)).toEqual(['List ID: a number of 3 to 14 digits']);
  });

  it('reads a stored DID as text, an unknown route as none', () => {
    expect(storedRouting(storedDid)).toMatchObject({ route: 'IN_GROUP', inGroup: 'SALES_EN', listId: '10001', menuId: '', extension: '9998811112' });
    expect(storedRouting({ ...storedDid, route: '' }).route).toBe('');
  });
});
