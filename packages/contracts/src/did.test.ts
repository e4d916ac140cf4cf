import { describe, expect, test } from 'vitest';
import { BLANK, BULK_MAX, toVicidialParams } from './common.js';
import {
  bulkUpdateDidsRequestSchema,
  copyDidRequestSchema,
  createDidRequestSchema,
  DID_ROUTE_FIELDS,
  DID_ROUTES,
  didCopyFields,
  didDetailSchema,
  didFields,
  didKeySchema,
  didListQuerySchema,
  didRoutingSchema,
  didRules,
  didTarget,
  updateDidRequestSchema,
} from './did.js';
import { fieldIssues } from './errors.js';
import { testFieldRules } from './test-support.js';

describe('DID field rules', () => {
  testFieldRules(didRules, {
    didId: { label: 'DID ID', ok: [1, 50000], bad: [0, -1, 1.5, '1'] },
    pattern: {
      label: 'DID number',
      ok: ['3125552000', '+13125552002', '_1NXXNXXXXXX', '*9#9.:1', '12', '5'.repeat(50)],
      bad: ['1', '5'.repeat(51), '312-555-2004', '312 555', 'a,b', '', 3125552000],
    },
    description: {
      label: 'Description',
      ok: ['Sales main number', 'Main line new, v2.0', 'abcdef', 'D'.repeat(50)],
      bad: ['short', 'D'.repeat(51), 'IVR line!!', 'Main line (new)', BLANK],
    },
    active: { label: 'Active', ok: [true, false], bad: ['Y', 'n'] },
    recordCall: { label: 'Recording', ok: ['Y', 'N', 'Y_QUEUESTOP'], bad: ['X', 'y', ''] },
    filterCleanCidNumber: { label: 'Clean caller ID number', ok: ['R10', 'L1', '1'.repeat(20)], bad: ['', '1'.repeat(21), 'R10!', BLANK] },
    route: { label: 'Where calls go', ok: [...DID_ROUTES], bad: ['FOO', 'exten', ''] },
    extension: { label: 'Extension', ok: ['8300', '9998811112', 'x'.repeat(50)], bad: ['', '*8300#', 'x'.repeat(51), '83 00'] },
    context: { label: 'Context', ok: ['default', 'my-ctx', 'x'], bad: ['', 'ctx/x', 'x'.repeat(51)] },
    voicemailBox: { label: 'Voicemail box', ok: ['8500', '*85#.1_', '1234567890'], bad: ['', '12345678901', '85-00'] },
    phoneExtension: { label: 'Phone extension', ok: ['100', 'p'.repeat(100)], bad: ['', 'p'.repeat(101), '10 0'] },
    serverIp: { label: 'Server IP', ok: ['10.10.10.15'], bad: ['10.9.9', 'server1', ''] },
    inGroup: { label: 'In-group', ok: ['TEST_IN', 'AGENTDIRECT_CHAT', 'x'.repeat(20)], bad: ['', 'x'.repeat(21), 'TEST|IN', 'TEST IN'] },
    callHandleMethod: { label: 'Call handle method', ok: ['CID', 'CIDLOOKUP', 'x'.repeat(20)], bad: ['AB', 'x'.repeat(21), 'CID-LOOKUP', 'CID LOOKUP'] },
    agentSearchMethod: { label: 'Agent search method', ok: ['LB', 'LO', 'SO'], bad: ['XX', 'lo', 'L', ''] },
    listId: { label: 'List ID', ok: [100, 999, 99999999999999], bad: [99, 0, 100000000000000, 999.5, '999'] },
    entryListId: { label: 'Entry list ID', ok: [0, 998, 99999999999999], bad: [-1, 100000000000000, '0'] },
    campaignId: { label: 'Campaign', ok: ['TESTCAMP', 'X', 'NOSUCH'], bad: ['', 'TOOLONGCAMP', 'TEST CMP'] },
    phoneCode: { label: 'Phone code', ok: ['1', '44', '1234567890'], bad: ['', '12345678901', '+44', '1a'] },
    menuId: { label: 'Call menu', ok: ['MAIN_IVR', 'default---agent', '2FA_say_auth_code'], bad: ['', 'MAIN IVR', 'x'.repeat(51)] },
  });
});

describe('DID routing: a union on the route', () => {
  const valid = {
    EXTEN: { route: 'EXTEN', extension: '8300', context: 'default' },
    VOICEMAIL: { route: 'VOICEMAIL', voicemailBox: '8500' },
    VMAIL_NO_INST: { route: 'VMAIL_NO_INST', voicemailBox: '8501' },
    PHONE: { route: 'PHONE', phoneExtension: '100', serverIp: '10.10.10.15' },
    IN_GROUP: { route: 'IN_GROUP', inGroup: 'SALESLINE' },
    CALLMENU: { route: 'CALLMENU', menuId: 'MAIN_IVR' },
    AGENT: { route: 'AGENT' },
  } as const;

  test.each(DID_ROUTES)('%s carries its own target fields', (route) => {
    expect(didRoutingSchema.parse(valid[route])).toEqual(valid[route]);
    expect(Object.keys(valid[route]).filter((k) => k !== 'route')).toEqual(
      DID_ROUTE_FIELDS[route].filter((field) => field in valid[route]),
    );
  });

  test('a route without its target is refused, naming the missing field', () => {
    expect(fieldIssues(didRoutingSchema.safeParse({ route: 'EXTEN', extension: '8300' }).error!)).toEqual([
      { field: 'context', message: 'Context: required' },
    ]);
    expect(fieldIssues(didRoutingSchema.safeParse({ route: 'PHONE', serverIp: '10.10.10.15' }).error!)).toEqual([
      { field: 'phoneExtension', message: 'Phone extension: required' },
    ]);
  });

  test("another route's fields are refused", () => {
    expect(fieldIssues(didRoutingSchema.safeParse({ route: 'VOICEMAIL', voicemailBox: '8500', inGroup: 'TEST_IN' }).error!)).toEqual([
      { field: 'inGroup', message: 'inGroup: unknown field' },
    ]);
  });

  test("AGENT cannot set its agent: VICIdial's API has no parameter for it", () => {
    expect(didRoutingSchema.safeParse({ route: 'AGENT', agentUser: '6666' }).success).toBe(false);
    expect(didFields.agentUser.param).toBeNull();
  });

  test('IN_GROUP takes its extras, and refuses what VICIdial would store differently', () => {
    const extras = { callHandleMethod: 'CIDLOOKUP', agentSearchMethod: 'LO', listId: 999, entryListId: 0, campaignId: 'TESTCAMP', phoneCode: '1' };
    expect(didRoutingSchema.parse({ route: 'IN_GROUP', inGroup: 'TEST_IN', ...extras })).toEqual({ route: 'IN_GROUP', inGroup: 'TEST_IN', ...extras });
    // agent_search_method XX is stored as '', list_id=abc as 0.
    expect(fieldIssues(didRoutingSchema.safeParse({ route: 'IN_GROUP', inGroup: 'TEST_IN', agentSearchMethod: 'XX', listId: 'abc' }).error!)).toEqual([
      { field: 'agentSearchMethod', message: 'Agent search method: one of LB, LO, SO' },
      { field: 'listId', message: 'List ID: a number of 3 to 14 digits' },
    ]);
  });

  test('an unknown or missing route is named', () => {
    const routes = 'EXTEN, VOICEMAIL, AGENT, PHONE, IN_GROUP, CALLMENU, VMAIL_NO_INST';
    expect(fieldIssues(createDidRequestSchema.safeParse({ pattern: '3125552005', routing: { route: 'FOO' } }).error!)).toEqual([
      { field: 'routing.route', message: `Where calls go: one of ${routes}` },
    ]);
    expect(fieldIssues(createDidRequestSchema.safeParse({ pattern: '3125552005' }).error!)).toEqual([
      { field: 'routing', message: 'Where calls go: required' },
    ]);
  });
});

describe('DID requests', () => {
  test('create encodes to add_did parameters, + kept for the client to encode', () => {
    const input = createDidRequestSchema.parse({
      pattern: '+13125552002',
      description: 'New sales DID',
      active: true,
      recordCall: 'Y_QUEUESTOP',
      routing: { route: 'IN_GROUP', inGroup: 'TEST_IN', listId: 999 },
    });
    expect(toVicidialParams(didFields, input)).toEqual({
      did_pattern: '+13125552002',
      did_description: 'New sales DID',
      active: 'Y',
      record_call: 'Y_QUEUESTOP',
      did_route: 'IN_GROUP',
      group: 'TEST_IN',
      list_id: '999',
    });
  });

  test('update sends only what changes; the description cannot be cleared', () => {
    expect(toVicidialParams(didFields, updateDidRequestSchema.parse({ active: false }))).toEqual({ active: 'N' });
    expect(updateDidRequestSchema.safeParse({}).success).toBe(false);
    expect(fieldIssues(updateDidRequestSchema.safeParse({ description: null }).error!)).toEqual([
      { field: 'description', message: 'Description: cannot be cleared (VICIdial has no way to clear a DID description)' },
    ]);
    expect(updateDidRequestSchema.safeParse({ pattern: '3125552009' }).success).toBe(false);
  });

  test('copy: one or more new patterns, none twice, not the source', () => {
    const copy = { sourcePattern: '3125551000', newPatterns: ['3125553000', '+13125553001'], description: 'Copied DID desc' };
    expect(toVicidialParams(didCopyFields, copyDidRequestSchema.parse(copy))).toEqual({
      source_did_pattern: '3125551000',
      new_dids: '3125553000,+13125553001',
      did_description: 'Copied DID desc',
    });
    const refused = (patch: object) => fieldIssues(copyDidRequestSchema.safeParse({ ...copy, ...patch }).error!);
    expect(refused({ newPatterns: [] })).toEqual([{ field: 'newPatterns', message: 'New numbers: at least one' }]);
    expect(refused({ newPatterns: ['3125553000', ''] })).toEqual([{ field: 'newPatterns.1', message: 'DID number: 2 to 50 letters, digits or : + * # . _' }]);
    expect(refused({ newPatterns: ['abc12', 'ABC12'] })).toEqual([{ field: 'newPatterns', message: 'New numbers: ABC12 is listed twice' }]);
    expect(refused({ newPatterns: ['3125551000'] })).toEqual([{ field: 'newPatterns', message: 'New numbers: 3125551000 is the source DID' }]);
    expect(refused({ description: 'abc' })).toEqual([{ field: 'description', message: 'Description: 6 to 50 letters, digits, spaces or . , _ -' }]);
    const tooLong = Array.from({ length: 40 }, (_, i) => `${'5'.repeat(48)}${String(i).padStart(2, '0')}`);
    expect(refused({ newPatterns: tooLong })[0]?.message).toMatch(/^New numbers: 2039 characters joined by commas/);
  });

  test('bulk update: many DIDs by id or pattern, one change', () => {
    const bulk = { dids: [6, '3125552001', '+13125552002'], routing: { route: 'IN_GROUP', inGroup: 'SALESLINE' }, recordCall: 'Y' };
    expect(bulkUpdateDidsRequestSchema.parse(bulk)).toEqual(bulk);
    expect(bulkUpdateDidsRequestSchema.safeParse({ dids: [6] }).error?.issues[0]?.message).toBe('Nothing to change: send at least one field');
    expect(fieldIssues(bulkUpdateDidsRequestSchema.safeParse({ dids: [6, 6], active: true }).error!)).toEqual([
      { field: 'dids', message: 'DIDs: DID ID 6 is listed twice' },
    ]);
    // The id 12 and the pattern '12' are different DIDs.
    expect(bulkUpdateDidsRequestSchema.safeParse({ dids: [12, '12'], active: true }).success).toBe(true);
    expect(bulkUpdateDidsRequestSchema.safeParse({ dids: [], active: true }).success).toBe(false);
    expect(bulkUpdateDidsRequestSchema.safeParse({ dids: Array.from({ length: BULK_MAX + 1 }, (_, i) => i + 1), active: true }).success).toBe(false);
  });
});

test('a DID path parameter is text in plain digits, read as a number', () => {
  expect(didKeySchema.parse({ didId: '6' })).toEqual({ didId: 6 });
  // Each of these would read as a number too: only one spelling may name a DID (its audit identity).
  for (const didId of ['0', 'abc', '', '1.5', '06', '6.0', '+6', ' 6', '6 ', '0x6', '6e0', '1'.repeat(11)]) {
    expect(didKeySchema.safeParse({ didId }).error?.issues[0]?.message, didId).toBe('DID ID: a whole number from 1, in plain digits');
  }
});

describe('DID responses', () => {
  const detail = {
    didId: 6, pattern: '3125552000', description: null, active: true, recordCall: 'N', filterCleanCidNumber: '',
    userGroup: '---ALL---', route: 'EXTEN', extension: '8300', context: 'default', voicemailBox: '8500', phoneExtension: null,
    serverIp: null, agentUser: null, inGroup: 'SALESLINE', callHandleMethod: 'NOSUCHMETHOD', agentSearchMethod: '',
    listId: 0, entryListId: 0, campaignId: null, phoneCode: '1', menuId: '', targetMissing: false, version: '2026-11-22 06:00:20',
  };

  test('detail takes what the database holds (an ENUM stored as \'\', list_id 0)', () => {
    expect(didDetailSchema.parse(detail)).toEqual(detail);
  });

  test("the target describes the chosen route's fields only", () => {
    expect(didTarget(detail)).toBe('8300@default');
    expect(didTarget({ ...detail, route: 'IN_GROUP' })).toBe('SALESLINE');
    expect(didTarget({ ...detail, route: 'PHONE', phoneExtension: '100', serverIp: '10.10.10.15' })).toBe('100 on 10.10.10.15');
    expect(didTarget({ ...detail, route: 'PHONE' })).toBeNull();
    expect(didTarget({ ...detail, route: 'AGENT' })).toBeNull();
    expect(didTarget({ ...detail, route: 'CALLMENU' })).toBeNull();
  });

  test('list query filters by route, activity and in-group', () => {
    expect(didListQuerySchema.parse({ route: 'IN_GROUP', active: 'true', inGroup: 'TEST_IN', pageSize: '25' })).toEqual({
      route: 'IN_GROUP', active: true, inGroup: 'TEST_IN', sort: 'pattern', order: 'asc', page: 1, pageSize: 25,
    });
    expect(didListQuerySchema.safeParse({ route: 'exten' }).success).toBe(false);
  });
});
