import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { BLANK, toVicidialParams } from './common.js';
import { fieldIssues } from './errors.js';
import { GMT_OFFSETS } from './gmt.js';
import {
  createPhoneRequestSchema,
  PHONE_CLEARABLE,
  PHONE_NOT_CLEARABLE,
  phoneDetailSchema,
  phoneFields,
  phoneListQuerySchema,
  phoneRules,
  updatePhoneRequestSchema,
} from './phone.js';
import { testFieldRules } from './test-support.js';
import { displayNameSchema } from './users.js';

describe('phone field rules', () => {
  testFieldRules(phoneRules, {
    extension: {
      label: 'Extension',
      ok: ['300', 'ab', 'ext_1-2', 'x'.repeat(100)],
      bad: ['1', 'x'.repeat(101), '3*0#5', '30 5', 'ext!', 'é1', '', 300],
    },
    serverIp: {
      label: 'Server',
      ok: ['10.10.10.15', '192.168.0.1', '0.0.0.0', '255.255.255.255'],
      bad: ['10.10.10', '10.10.10.256', '10.10.10.15 ', '010.1.1.1', 'a.b.c.d', ''],
    },
    dialplanNumber: {
      label: 'Dialplan number',
      ok: ['300', '*305#', 'abc', '1'.repeat(20)],
      bad: ['12', '1'.repeat(21), '312-555', '3 00', BLANK, ''],
    },
    voicemailId: {
      label: 'Voicemail box',
      ok: ['30', '1234567890', 'BLANK'],
      bad: ['1', '12345678901', '30_5', BLANK, ''],
    },
    login: {
      label: 'Login',
      ok: ['a', '100a', '30-5_a', 'abcdefghijklmno'],
      bad: ['', 'abcdefghijklmnop', '30-5_a!', 'a b', BLANK],
    },
    password: {
      label: 'Password',
      ok: ['ab', 'p-ss_w', 'x'.repeat(30)],
      bad: ['a', 'x'.repeat(31), 'p@ss', 'p ss', ''],
    },
    registrationPassword: {
      label: 'Registration password',
      ok: ['ab', 'reg300', 'x'.repeat(30)],
      bad: ['a', 'x'.repeat(31), 'r$g', BLANK],
    },
    protocol: { label: 'Protocol', ok: ['SIP', 'IAX2', 'Zap', 'EXTERNAL'], bad: ['PJSIP', 'sip', 'ZAP', ''] },
    fullName: {
      label: 'Full name',
      ok: ['Phone 300', 'Ph +.x_y-z', 'ab', 'x'.repeat(30)],
      bad: ['a', 'x'.repeat(31), 'Name!', 'Zoë', BLANK],
    },
    gmtOffset: { label: 'Time zone', ok: [...GMT_OFFSETS], bad: ['-5', '-5.0', '13.00', '-5.25', '+5.50', 'EST', ''] },
    outboundCallerId: {
      label: 'Outbound caller ID',
      ok: ['312555', '3125550300', '1'.repeat(18)],
      bad: ['12345', '1'.repeat(19), '(312) 555-0305', 'BLANK1', ''],
    },
    outboundAltCallerId: {
      label: 'Alternate outbound caller ID',
      ok: ['312555', '1'.repeat(18)],
      bad: ['12345', '1'.repeat(19), 'BLANK1', BLANK],
    },
    email: {
      label: 'Email',
      ok: ['x@y.com', 'ok@ok.com', 'first.last_1@mail.example.org'],
      bad: ['a@b', 'a+b@x.com', 'x y@z.com', 'abcde', '@x.com', `x@${'a'.repeat(100)}.com`, "o'neil@x.com", BLANK],
    },
    context: { label: 'Context', ok: ['default', 'ab', 'x'.repeat(20)], bad: ['x', 'x'.repeat(21), 'ctx/x', BLANK] },
    userGroup: { label: 'User group', ok: ['ADMIN', '---ALL---', 'x'.repeat(20)], bad: ['A', 'x'.repeat(21), 'NO GROUP', BLANK] },
    active: { label: 'Active', ok: [true, false], bad: ['Y', 'N', 1] },
    ringTimeout: { label: 'Ring timeout', ok: [2, 60, 180], bad: [1, 181, 2.5, '60', Number.NaN] },
    deleteVoicemailAfterEmail: { label: 'Delete voicemail after email', ok: [true, false], bad: ['Y'] },
    templateId: { label: 'Template', ok: ['SIP_generic', 'ab', 'x'.repeat(15)], bad: ['a', 'x'.repeat(16), 'SIP generic', BLANK] },
    webphone: { label: 'Webphone', ok: ['Y', 'N', 'Y_API_LAUNCH'], bad: ['y', 'X', ''] },
    webphoneAutoAnswer: { label: 'Webphone auto-answer', ok: [true, false], bad: ['N'] },
    useExternalServerIp: { label: 'Use external server IP', ok: [true, false], bad: ['Y'] },
    onHookAgent: { label: 'On-hook agent', ok: [true, false], bad: ['Y'] },
  });

  test('messages name the field and the rule', () => {
    expect(phoneRules.dialplanNumber.safeParse('12').error?.issues[0]?.message).toBe(
      'Dialplan number: 3 to 20 letters, digits, * or #',
    );
    expect(phoneRules.outboundCallerId.safeParse('(312)').error?.issues[0]?.message).toBe('Outbound caller ID: 6 to 18 digits');
    expect(phoneRules.ringTimeout.safeParse(200).error?.issues[0]?.message).toBe(
      'Ring timeout: a whole number from 2 to 180 seconds',
    );
  });
});

const newPhone = {
  extension: '300',
  serverIp: '10.10.10.15',
  dialplanNumber: '300',
  voicemailId: '300',
  login: '300a',
  password: 'test300',
  registrationPassword: 'reg300',
  protocol: 'SIP',
  fullName: 'Phone 300',
  gmtOffset: '-5.00',
  outboundCallerId: '3125550300',
};

describe('create phone', () => {
  test('accepts add_phone required fields, with or without the optional ones', () => {
    expect(createPhoneRequestSchema.safeParse(newPhone).success).toBe(true);
    const full = { ...newPhone, context: 'custom', email: 'x@y.com', userGroup: 'ADMIN', templateId: 'SIP_generic', webphone: 'Y_API_LAUNCH', webphoneAutoAnswer: false, useExternalServerIp: true, onHookAgent: true };
    expect(createPhoneRequestSchema.safeParse(full).success).toBe(true);
  });

  test('names every missing field', () => {
    const result = createPhoneRequestSchema.safeParse({ extension: '300' });
    expect(fieldIssues(result.error!)).toContainEqual({ field: 'dialplanNumber', message: 'Dialplan number: required' });
    expect(fieldIssues(result.error!)).toHaveLength(10);
  });

  test('refuses fields add_phone does not take and unknown fields', () => {
    for (const extra of [{ active: false }, { ringTimeout: 30 }, { dialplan_number: '300' }]) {
      const result = createPhoneRequestSchema.safeParse({ ...newPhone, ...extra });
      expect(fieldIssues(result.error!)).toEqual([{ field: Object.keys(extra)[0], message: `${Object.keys(extra)[0]}: unknown field` }]);
    }
  });

  test('encodes to add_phone parameters', () => {
    const input = createPhoneRequestSchema.parse({ ...newPhone, webphoneAutoAnswer: false });
    expect(toVicidialParams(phoneFields, input)).toEqual({
      extension: '300',
      server_ip: '10.10.10.15',
      dialplan_number: '300',
      voicemail_id: '300',
      phone_login: '300a',
      phone_pass: 'test300',
      registration_password: 'reg300',
      protocol: 'SIP',
      phone_full_name: 'Phone 300',
      local_gmt: '-5.00',
      outbound_cid: '3125550300',
      webphone_auto_answer: 'N',
    });
  });
});

describe('update phone', () => {
  const editable = Object.keys(updatePhoneRequestSchema.shape);

  test('every editable field is either clearable or says why it is not', () => {
    expect([...PHONE_CLEARABLE, ...Object.keys(PHONE_NOT_CLEARABLE)].sort()).toEqual([...editable].sort());
  });

  test('null clears exactly the fields VICIdial can clear (sent as --BLANK--)', () => {
    for (const field of PHONE_CLEARABLE) {
      const input = updatePhoneRequestSchema.parse({ [field]: null });
      expect(toVicidialParams(phoneFields, input)).toEqual({ [phoneFields[field].param]: BLANK });
    }
    for (const [field, reason] of Object.entries(PHONE_NOT_CLEARABLE)) {
      const issues = fieldIssues(updatePhoneRequestSchema.safeParse({ [field]: null }).error!);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.field).toBe(field);
      expect(issues[0]?.message).toMatch(/: cannot be cleared \(/);
      expect(issues[0]?.message).toContain(reason);
    }
  });

  test('a partial update sends only what changed', () => {
    const input = updatePhoneRequestSchema.parse({ fullName: 'Renamed 300', ringTimeout: 45, active: false });
    expect(toVicidialParams(phoneFields, input)).toEqual({ phone_full_name: 'Renamed 300', phone_ring_timeout: '45', active: 'N' });
  });

  test('refuses an empty update and the phone key', () => {
    expect(fieldIssues(updatePhoneRequestSchema.safeParse({}).error!)).toEqual([
      { message: 'Nothing to change: send at least one field' },
    ]);
    expect(updatePhoneRequestSchema.safeParse({ extension: '301' }).success).toBe(false);
  });
});

describe('phone responses and list query', () => {
  test('the mapping covers every request field', () => {
    const requestFields = new Set([
      ...Object.keys(createPhoneRequestSchema.shape),
      ...Object.keys(updatePhoneRequestSchema.shape),
    ]);
    for (const field of requestFields) expect(phoneFields).toHaveProperty(field);
  });

  test('detail takes what the database holds, rules or not', () => {
    const detail = {
      extension: '300', serverIp: '10.10.10.15', login: '300a', fullName: null, dialplanNumber: '12345678901234567890',
      protocol: 'PJSIP', gmtOffset: '-5', userGroup: 'NOSUCHGROUP', active: true, status: 'ACTIVE', voicemailId: 'BLANK',
      outboundCallerId: null, outboundAltCallerId: 'BLANK1', email: '', context: '', ringTimeout: 60,
      deleteVoicemailAfterEmail: false, templateId: '', webphone: 'N', webphoneAutoAnswer: true,
      useExternalServerIp: false, onHookAgent: false, listedInAliases: ['seedalias'], version: 'v1',
    };
    expect(phoneDetailSchema.parse(detail)).toEqual(detail);
  });

  test('list query coerces the query string and applies defaults', () => {
    expect(phoneListQuerySchema.parse({ page: '2', active: 'false', protocol: 'PJSIP' })).toEqual({
      page: 2, pageSize: 50, sort: 'extension', order: 'asc', active: false, protocol: 'PJSIP',
    });
    expect(phoneListQuerySchema.safeParse({ sort: 'pass' }).success).toBe(false);
  });
});

describe('messages in the words of the forms', () => {
  test('the server picker left empty asks for a server, not for a format', () => {
    expect(phoneRules.serverIp.safeParse('').error?.issues.map((issue) => issue.message)).toEqual(['Server: required']);
    expect(phoneRules.serverIp.safeParse('10.1').error?.issues.map((issue) => issue.message)).toEqual(["Server: a server's IP address, like 10.10.10.15"]);
  });

  test('a reason in parentheses holds none of its own', () => {
    for (const field of Object.keys(PHONE_NOT_CLEARABLE) as (keyof typeof PHONE_NOT_CLEARABLE)[]) {
      const rule = (phoneRules as Record<string, z.ZodType>)[field];
      const message = rule?.safeParse(null).error?.issues[0]?.message ?? '';
      expect(message, field).not.toMatch(/\([^)]*\(/);
    }
  });

  test("a dashboard account's name is the dashboard's own: kept as typed, apostrophes and accents too", () => {
    expect(displayNameSchema.parse(" Siobhán O'Brien ")).toBe("Siobhán O'Brien");
  });

  test('a full name: VICIdial drops apostrophes and accents from it, so the rule says so', () => {
    const refused = phoneRules.fullName.safeParse("Siobhán O'Brien").error?.issues[0]?.message;
    expect(refused).toBe("Full name: 2 to 30 letters without accents, digits, spaces or + . _ - (VICIdial drops any other character, such as ' or é)");
  });
});
