/**
 * Phones whose extension holds characters VICIdial's admin screen allows but its API removes
 * (EXTERNAL phones: `sip/1001@host`). They list, open and reveal; a change is refused before it
 * is sent, since the API would strip the extension and address another phone.
 */
import request from 'supertest';
import { expect, test } from 'vitest';
import { DEMO_PHONE, phonePath, writeTestApp, type WriteTestApp } from './changes-test-support.js';

const SERVER = DEMO_PHONE.serverIp;
/** Once the API's filter deleted its dot, this extension is the demo phone 1001's. */
const DOTTED = { serverIp: SERVER, extension: '10.01' };
const EXTERNAL = { serverIp: SERVER, extension: 'sip/1001@pbx.example.com:5060*#' };

async function withOddPhones() {
  const t = await writeTestApp();
  for (const [key, pass] of [[DOTTED, 'Dotted-Pass-1'], [EXTERNAL, 'External-Pass-2']] as const) {
    await t.vicidial.db
      .insertInto('phones')
      .values({ extension: key.extension, server_ip: key.serverIp, login: `odd${pass.at(-1)}`, pass, conf_secret: `${pass}-reg`, fullname: 'Odd extension', protocol: 'EXTERNAL', template_id: '' })
      .execute();
  }
  return t;
}

const demoPhone = (t: WriteTestApp) => t.vicidial.db.selectFrom('phones').selectAll().where('extension', '=', '1001').where('server_ip', '=', SERVER).executeTakeFirst();

test('they open and reveal their secrets', async () => {
  const t = await withOddPhones();
  const agent = (await t.loginAs('supervisor')).agent;
  for (const key of [DOTTED, EXTERNAL]) {
    const detail = await agent.get(phonePath(key));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ extension: key.extension, serverIp: SERVER });
  }
  const revealed = await t.send('post', `${phonePath(EXTERNAL)}/secrets`);
  expect(revealed.status).toBe(200);
  expect(revealed.body).toEqual({ password: 'External-Pass-2', registrationPassword: 'External-Pass-2-reg' });
  expect((await request(t.app).get('/api/health')).status).toBe(200);
});

test.each([
  { what: 'an edit', method: 'patch' as const, body: { fullName: 'Renamed' } },
  { what: 'a delete', method: 'delete' as const, body: undefined },
])('$what is refused before anything is sent, saying why; no other phone is touched', async ({ method, body }) => {
  const t = await withOddPhones();
  const before = await demoPhone(t);
  const logged = (await t.adminLog()).length;
  for (const [key, removed] of [[DOTTED, '.'], [EXTERNAL, '/ @ . : * #']] as const) {
    const version = (await t.records.phone(key))?.version;
    const res = await t.send(method, phonePath(key), body, { version });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'VALIDATION',
      message: `VICIdial's API cannot address this phone: its extension holds characters the API removes (${removed}). Change it in VICIdial's admin screen.`,
    });
  }
  expect(await t.adminLog()).toHaveLength(logged);
  expect(await demoPhone(t)).toEqual(before);
  expect(await t.records.phone(DOTTED)).toBeDefined();
});
