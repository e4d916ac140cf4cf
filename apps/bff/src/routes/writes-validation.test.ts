/**
 * Bad input for every field of every write form: 400 naming the field, nothing sent to VICIdial
 * (its tables and its admin log unchanged), and the refused attempt audited.
 */
import { createAliasRequestSchema, updateAliasRequestSchema } from '@vicidash/contracts/alias';
import {
  bulkUpdateDidsRequestSchema,
  copyDidRequestSchema,
  createDidRequestSchema,
  DID_ROUTE_FIELDS,
  type DidRoute,
  updateDidRequestSchema,
} from '@vicidash/contracts/did';
import { createPhoneRequestSchema, updatePhoneRequestSchema } from '@vicidash/contracts/phone';
import { expect, test } from 'vitest';
import type { z } from 'zod';
import { DEMO_PHONE, NEW_PHONE, phonePath, writeTestApp, type WriteTestApp } from './changes-test-support.js';

/** One bad value for every phone field (each breaks the field's rule in the contract). */
const BAD_PHONE: Record<string, unknown> = {
  extension: 'ext 1',
  serverIp: '10.20.0',
  dialplanNumber: '12',
  voicemailId: 'vm-1',
  login: 'log in',
  password: 'x',
  registrationPassword: 'pass word',
  protocol: 'PJSIP',
  fullName: 'Name; drop',
  gmtOffset: '-13.00',
  outboundCallerId: '12345',
  outboundAltCallerId: '12a456',
  email: 'nobody@',
  context: 'x',
  userGroup: 'x',
  active: 'Y',
  ringTimeout: 181,
  deleteVoicemailAfterEmail: 'N',
  templateId: '--BLANK--',
  webphone: 'YES',
  webphoneAutoAnswer: 1,
  useExternalServerIp: 'true',
  onHookAgent: null,
};
const BAD_ALIAS: Record<string, unknown> = { aliasId: 'a', name: 'x', logins: ['1001a', '1001A'] };
const BAD_DID: Record<string, unknown> = {
  pattern: '312 555',
  description: 'short',
  active: 'N',
  recordCall: 'ALWAYS',
  filterCleanCidNumber: 'x'.repeat(21),
  sourcePattern: 'a',
  newPatterns: ['3125558001', 'no good'],
  dids: [0],
};
/** One bad value per routing field, and a valid routing of each route. */
const BAD_ROUTING: Record<string, unknown> = {
  extension: 'ext 1',
  context: 'a/b',
  voicemailBox: '12345678901',
  phoneExtension: '',
  serverIp: '999.1.1.1',
  inGroup: 'a b',
  callHandleMethod: 'CI',
  agentSearchMethod: 'XX',
  listId: 12,
  entryListId: 1.5,
  campaignId: 'CAMPAIGN9',
  phoneCode: '+1',
  menuId: 'menu 1',
};
const ROUTINGS: Record<DidRoute, Record<string, unknown>> = {
  EXTEN: { route: 'EXTEN', extension: '8300', context: 'default' },
  VOICEMAIL: { route: 'VOICEMAIL', voicemailBox: '5001' },
  VMAIL_NO_INST: { route: 'VMAIL_NO_INST', voicemailBox: '5001' },
  PHONE: { route: 'PHONE', phoneExtension: '1001', serverIp: '10.20.0.11' },
  IN_GROUP: { route: 'IN_GROUP', inGroup: 'SALES_EN' },
  CALLMENU: { route: 'CALLMENU', menuId: 'MAIN_IVR' },
  AGENT: { route: 'AGENT' },
};

interface Case {
  /** The field the answer must name. */
  field: string;
  body: Record<string, unknown>;
}

/** A valid request with one field made bad, for every field of the schema (a field without a bad value fails the test). */
function fieldCases(schema: z.ZodObject, valid: Record<string, unknown>, bad: Record<string, unknown>): Case[] {
  return Object.keys(schema.shape)
    .filter((field) => field !== 'routing')
    .map((field) => {
      if (!(field in bad)) throw new Error(`no bad value for ${field}`);
      return { field, body: { ...valid, [field]: bad[field] } };
    });
}

/** Every routing field of every route made bad in turn, and an unknown route. */
function routingCases(valid: Record<string, unknown>): Case[] {
  const perField = Object.entries(DID_ROUTE_FIELDS).flatMap(([route, fields]) =>
    fields.map((field) => ({ field: `routing.${field}`, body: { ...valid, routing: { ...ROUTINGS[route as DidRoute], [field]: BAD_ROUTING[field] } } })),
  );
  return [...perField, { field: 'routing', body: { ...valid, routing: { route: 'NOWHERE' } } }];
}

/** The whole of VICIdial's data the forms could touch, to prove nothing changed. */
const snapshot = async (t: WriteTestApp) =>
  JSON.stringify(
    await Promise.all([
      t.vicidial.db.selectFrom('phones').selectAll().orderBy('extension').orderBy('server_ip').execute(),
      t.vicidial.db.selectFrom('phones_alias').selectAll().orderBy('alias_id').execute(),
      t.vicidial.db.selectFrom('vicidial_inbound_dids').selectAll().orderBy('did_id').execute(),
      t.vicidial.db.selectFrom('vicidial_admin_log').selectAll().execute(),
    ]),
  );

test('every field of every form: a bad value is 400 naming it, nothing reaches VICIdial, the refusal is audited', async () => {
  const t = await writeTestApp();
  const phone = await t.records.phone(DEMO_PHONE);
  const alias = await t.records.alias('front_desk');
  const did = await t.records.didByPattern('3125550101');
  const forms = [
    { method: 'post', path: '/api/phones', cases: fieldCases(createPhoneRequestSchema, NEW_PHONE, BAD_PHONE) },
    { method: 'patch', path: phonePath(DEMO_PHONE), version: phone?.version, cases: fieldCases(updatePhoneRequestSchema as unknown as z.ZodObject, {}, BAD_PHONE) },
    { method: 'post', path: '/api/aliases', cases: fieldCases(createAliasRequestSchema, { aliasId: 'night', name: 'Night', logins: ['1001a'] }, BAD_ALIAS) },
    { method: 'put', path: '/api/aliases/front_desk', version: alias?.version, cases: fieldCases(updateAliasRequestSchema as unknown as z.ZodObject, {}, BAD_ALIAS) },
    {
      method: 'post',
      path: '/api/dids',
      cases: [
        ...fieldCases(createDidRequestSchema, { pattern: '3125559100', routing: ROUTINGS.AGENT }, BAD_DID),
        ...routingCases({ pattern: '3125559100' }),
      ],
    },
    {
      method: 'patch',
      path: `/api/dids/${did?.didId}`,
      version: did?.version,
      cases: [...fieldCases(updateDidRequestSchema as unknown as z.ZodObject, {}, BAD_DID), ...routingCases({})],
    },
    {
      method: 'post',
      path: `/api/dids/${did?.didId}/copy`,
      cases: fieldCases(copyDidRequestSchema as unknown as z.ZodObject, { sourcePattern: '3125550101', newPatterns: ['3125558001'] }, BAD_DID),
    },
    {
      method: 'post',
      path: '/api/dids/bulk',
      cases: [
        ...fieldCases(bulkUpdateDidsRequestSchema as unknown as z.ZodObject, { dids: ['3125550101'], active: true }, BAD_DID),
        ...routingCases({ dids: ['3125550101'] }),
      ],
    },
  ] as const;

  const before = await snapshot(t);
  const named: string[] = [];
  for (const form of forms) {
    for (const { field, body } of form.cases) {
      const res = await t.send(form.method, form.path, body, 'version' in form ? { version: form.version } : {});
      const where = `${form.method} ${form.path} with bad ${field}: ${JSON.stringify(res.body)}`;
      expect(res.status, where).toBe(400);
      expect(res.body.code, where).toBe('VALIDATION');
      expect(res.body.field === field || res.body.field?.startsWith(`${field}.`), where).toBe(true);
      expect(res.body.message, where).toMatch(/^[A-Z][\w -]*: /);
      named.push(res.body.field);
    }
  }
  expect(await snapshot(t)).toBe(before);

  const audit = await t.auditRows();
  expect(audit).toHaveLength(named.length);
  expect(audit.every((row) => row.outcome === 'failure' && (row.result as { code: string }).code === 'VALIDATION')).toBe(true);
  expect(audit.map((row) => (row.result as { field?: string }).field)).toEqual(named);
});
