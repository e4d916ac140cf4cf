import { describe, expect, it } from 'vitest';
import { PHONE_CLEARABLE, PHONE_NOT_CLEARABLE, updatePhoneRequestSchema } from '@vicidash/contracts/phone';
import {
  changeList,
  clearRule,
  type EditableField,
  normalGmtOffset,
  PHONE_FIELD_LABELS,
  type PhoneFormValues,
  phoneChanges,
  phoneFormValues,
  reapplyChanges,
} from './phone-changes';
import { phoneChangesResolver } from './phone-changes-resolver';
import { storedPhone } from './test-phone';


const loaded = phoneFormValues(storedPhone);
const edit = (changes: Partial<PhoneFormValues>): PhoneFormValues => ({ ...loaded, ...changes });

describe('phoneFormValues', () => {
  it('shows what is stored, nothing as empty, and never a secret', () => {
    expect(loaded).toMatchObject({ login: '1001a', outboundAltCallerId: '', ringTimeout: '60', active: true });
    expect(loaded.password).toBe('');
    expect(loaded.registrationPassword).toBe('');
    expect(loaded.clearRegistrationPassword).toBe(false);
  });

  it("shows a time zone in the list's spelling, so an untouched one is no change", () => {
    expect(loaded.gmtOffset).toBe('-6.00');
    expect(normalGmtOffset('5.5')).toBe('5.50');
    expect(normalGmtOffset(null)).toBe('');
    expect(normalGmtOffset('99')).toBe('99');
  });
});

describe('phoneChanges', () => {
  it('is empty for the loaded values', () => {
    expect(phoneChanges(loaded, loaded)).toEqual({});
    expect(changeList(loaded, loaded)).toEqual([]);
  });

  it('holds exactly the changed fields, with their new values', () => {
    const values = edit({ fullName: 'Ann Jones', active: false, ringTimeout: '45', protocol: 'IAX2' });
    expect(phoneChanges(loaded, values)).toEqual({ fullName: 'Ann Jones', active: false, ringTimeout: 45, protocol: 'IAX2' });
    expect(changeList(loaded, values)).toHaveLength(4);
  });

  it('stops counting a field returned to its original value', () => {
    const changed = edit({ fullName: 'Ann Jones', email: 'ann.jones@example.com' });
    expect(changeList(loaded, changed)).toHaveLength(2);
    const back = { ...changed, fullName: 'Ann Smith' };
    expect(phoneChanges(loaded, back)).toEqual({ email: 'ann.jones@example.com' });
    expect(changeList(loaded, { ...back, email: loaded.email })).toEqual([]);
    // A ring timeout typed back with spaces around it is the same number of seconds.
    expect(phoneChanges(loaded, edit({ ringTimeout: ' 60 ' }))).toEqual({});
  });

  it('asks to clear an emptied field (null)', () => {
    expect(phoneChanges(loaded, edit({ email: '' }))).toEqual({ email: null });
    expect(phoneChanges(loaded, edit({ templateId: '' }))).toEqual({ templateId: null });
    expect(phoneChanges(loaded, edit({ ringTimeout: '' }))).toEqual({ ringTimeout: null });
  });

  it('sends a secret only when a new one is typed, and clears the registration password only when asked', () => {
    expect(phoneChanges(loaded, edit({ password: 'Secret-2' }))).toEqual({ password: 'Secret-2' });
    expect(phoneChanges(loaded, edit({ clearRegistrationPassword: true }))).toEqual({ registrationPassword: null });
    // Clearing wins over a typed value: the check box says what happens.
    expect(phoneChanges(loaded, edit({ clearRegistrationPassword: true, registrationPassword: 'abc123' }))).toEqual({ registrationPassword: null });
    expect(phoneChanges(loaded, edit({ registrationPassword: 'abc123' }))).toEqual({ registrationPassword: 'abc123' });
  });
});

describe('changeList', () => {
  it('lists old → new in the form order, with words for flags and clears', () => {
    const values = edit({ active: false, email: '', fullName: 'Ann Jones', outboundAltCallerId: '3125550199' });
    expect(changeList(loaded, values)).toEqual([
      { field: 'fullName', label: 'Full name', from: 'Ann Smith', to: 'Ann Jones' },
      { field: 'outboundAltCallerId', label: 'Alternate outbound caller ID', from: 'empty', to: '3125550199' },
      { field: 'email', label: 'Email', from: 'ann.smith@example.com', to: 'cleared' },
      { field: 'active', label: 'Active', from: 'Yes', to: 'No' },
    ]);
  });

  it('never holds a secret', () => {
    const list = changeList(loaded, edit({ password: 'Secret-2', registrationPassword: 'Other-3' }));
    expect(list.map(({ from, to }) => [from, to])).toEqual([
      ['hidden', 'new value (hidden)'],
      ['hidden', 'new value (hidden)'],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/Secret-2|Other-3/);
    expect(changeList(loaded, edit({ clearRegistrationPassword: true }))[0]).toMatchObject({ from: 'hidden', to: 'cleared' });
  });

  it('names the time zone with its offset', () => {
    expect(changeList(loaded, edit({ gmtOffset: '5.50' }))[0]).toMatchObject({ from: '-6.00 (GMT-06:00)', to: '5.50 (GMT+05:30)' });
  });
});

describe('clearRule', () => {
  const editable = Object.keys(PHONE_FIELD_LABELS) as EditableField[];

  it('gives every editable field a rule: clearable, or a reason why not', () => {
    for (const field of editable) {
      const rule = clearRule(field);
      if (rule.clearable) expect(PHONE_CLEARABLE).toContain(field);
      else expect(rule.reason).toBe(PHONE_NOT_CLEARABLE[field as keyof typeof PHONE_NOT_CLEARABLE]);
      expect(rule.clearable || rule.reason.length > 0).toBe(true);
    }
    expect(editable.filter((field) => clearRule(field).clearable).sort()).toEqual([...PHONE_CLEARABLE].sort());
  });

  it('covers exactly the fields the update request takes', () => {
    expect(editable.sort()).toEqual(Object.keys(updatePhoneRequestSchema.shape).sort());
  });

  it('matches what the contract accepts: null for the clearable fields, refused with the reason for the others', () => {
    for (const field of editable) {
      const result = updatePhoneRequestSchema.safeParse({ [field]: null });
      const rule = clearRule(field);
      if (rule.clearable) expect(result.success).toBe(true);
      else expect(result.error?.issues[0]?.message).toContain(rule.reason);
    }
  });
});

describe('reapplyChanges (after a 409)', () => {
  it("puts the user's changes on top of the current phone, keeping the other person's", () => {
    const mine = edit({ fullName: 'Ann Jones', password: 'Secret-2' });
    const now = phoneFormValues({ ...storedPhone, email: 'ann@example.com', fullName: 'Ann B. Smith', version: 'v2' });
    const merged = reapplyChanges(loaded, mine, now);
    expect(merged).toEqual({ ...now, fullName: 'Ann Jones', password: 'Secret-2' });
    expect(phoneChanges(now, merged)).toEqual({ fullName: 'Ann Jones', password: 'Secret-2' });
  });

  it('a change the other person already made stops counting', () => {
    const mine = edit({ email: 'ann@example.com' });
    const now = phoneFormValues({ ...storedPhone, email: 'ann@example.com', version: 'v2' });
    expect(phoneChanges(now, reapplyChanges(loaded, mine, now))).toEqual({});
  });
});

describe('phoneChangesResolver', () => {
  const resolve = (values: PhoneFormValues) =>
    phoneChangesResolver(() => loaded)(values, undefined, { fields: {}, shouldUseNativeValidation: false });

  it('does not check fields left as loaded, even when VICIdial holds a value older than the rules', async () => {
    // The stored alternate caller ID ('') breaks today's rule (6 to 18 digits), but it is not sent.
    expect((await resolve(edit({ fullName: 'Ann Jones' }))).errors).toEqual({});
  });

  it("puts the contract's message on a changed field, the reason on a field that cannot be cleared", async () => {
    const { errors } = await resolve(edit({ fullName: 'Ann!', login: '' }));
    expect(errors.fullName?.message).toBe("Full name: 2 to 30 letters without accents, digits, spaces or + . _ - (VICIdial drops any other character, such as ' or é)");
    expect(errors.login?.message).toBe(`Login: cannot be cleared (${PHONE_NOT_CLEARABLE.login})`);
    expect(Object.keys(errors).sort()).toEqual(['fullName', 'login']);
  });

  it('refuses a ring timeout that is not a whole number of seconds in range', async () => {
    for (const ringTimeout of ['abc', '1', '181', '2.5']) {
      expect((await resolve(edit({ ringTimeout }))).errors.ringTimeout?.message).toBe('Ring timeout: a whole number from 2 to 180 seconds');
    }
  });

  it('accepts a clear where VICIdial supports it', async () => {
    expect((await resolve(edit({ email: '', clearRegistrationPassword: true }))).errors).toEqual({});
  });
});
