import type { HandlerContext } from './context.js';
import { templateExists } from './phone-db.js';
import { readParam } from './phone-params.js';
import { refuse } from './phone-refusal.js';
import { error } from './reply.js';

/** The optional settings add_phone and update_phone both accept, in the order VICIdial writes them. */
const SETTINGS = ['is_webphone', 'webphone_auto_answer', 'use_external_server_ip', 'template_id', 'on_hook_agent'] as const;
type Setting = (typeof SETTINGS)[number];

/** Flags outside their list are ignored, not refused; the case of the letters does not matter. */
const FLAG_VALUES: Record<Exclude<Setting, 'template_id'>, RegExp> = {
  is_webphone: /^(Y|N|Y_API_LAUNCH)$/i,
  webphone_auto_answer: /^(Y|N)$/i,
  use_external_server_ip: /^(Y|N)$/i,
  on_hook_agent: /^(Y|N)$/i,
};

export interface PhoneSettings {
  /** Column values to write (each setting's column has the parameter's name). */
  values: Partial<Record<Setting, string>>;
  /** What VICIdial's statement carries after its fixed part: ' <setting>' per slot, empty slots too. */
  sql: string;
}

/**
 * Reads the optional settings. A template_id of 2+ characters must exist, unless it is '--BLANK--'
 * (any case), which clears it; a 1-character one is ignored.
 */
export async function readPhoneSettings(ctx: HandlerContext, fn: string): Promise<PhoneSettings> {
  const values: PhoneSettings['values'] = {};
  for (const setting of SETTINGS) {
    const value = readParam(ctx, setting);
    if (setting === 'template_id') {
      if (value.length < 2) continue;
      if (/^--BLANK--$/i.test(value)) {
        values.template_id = '';
      } else if (await templateExists(ctx.db, value)) {
        values.template_id = value;
      } else {
        const login = readParam(ctx, 'phone_login');
        refuse(error(fn, 'TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD', ctx.user.user, `${login}|${value}`));
      }
    } else if (FLAG_VALUES[setting].test(value)) {
      values[setting] = value;
    }
  }
  const sql = SETTINGS.map((setting) => {
    const value = values[setting];
    return value === undefined ? ' ' : ` ,${setting}='${value}'`;
  }).join('');
  return { values, sql };
}
