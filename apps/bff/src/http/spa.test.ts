import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, expect, test } from 'vitest';
import { ConfigError } from '../config.js';
import { createTestApp } from '../test/app.js';
import { serveSpa } from './spa.js';

const INDEX = '<!doctype html><title>dashboard</title><script type="module" src="/assets/index-a1b2c3.js"></script>';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A built SPA the way Vite lays it out: index.html, hashed assets, and files from public/. */
function builtSpa() {
  const dir = mkdtempSync(join(tmpdir(), 'bff-web-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-a1b2c3.js'), 'console.log("app")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

const appServing = async (dir: string) => {
  const t = await createTestApp({ env: { WEB_DIST_DIR: dir } });
  cleanups.push(t.close);
  return t.app;
};

test('hashed assets are served with a year-long immutable cache', async () => {
  const app = await appServing(builtSpa());
  const res = await request(app).get('/assets/index-a1b2c3.js');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/javascript/);
  expect(res.text).toBe('console.log("app")');
  expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('index.html answers / and every page path (client-side routing), never cached, under the strict CSP', async () => {
  const app = await appServing(builtSpa());
  for (const path of ['/', '/dids', '/phones/10.20.0.11/1001', '/index.html']) {
    const res = await request(app).get(path);
    expect(res.status, path).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  }
});

test('other files are served but revalidated; a missing hashed asset is a 404, not index.html', async () => {
  const app = await appServing(builtSpa());
  const favicon = await request(app).get('/favicon.svg');
  expect(favicon.status).toBe(200);
  expect(favicon.headers['cache-control']).toBe('no-cache');
  const missing = await request(app).get('/assets/index-old999.js');
  expect(missing.status).toBe(404);
  expect(missing.text).not.toContain('<title>dashboard</title>');
});

test('/api stays JSON: an unknown API path is a JSON 404, not the SPA', async () => {
  const app = await appServing(builtSpa());
  const res = await request(app).get('/api/nope');
  expect(res.status).toBe(404);
  expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'No such API endpoint.' });
  expect((await request(app).get('/api/health')).body).toEqual({ status: 'ok' });
});

test('without WEB_DIST_DIR nothing but the API is served', async () => {
  const t = await createTestApp();
  cleanups.push(t.close);
  expect((await request(t.app).get('/')).status).toBe(404);
});

test('a WEB_DIST_DIR without index.html stops the start with a clear message', () => {
  const empty = mkdtempSync(join(tmpdir(), 'bff-web-empty-'));
  cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
  expect(() => serveSpa(empty)).toThrow(ConfigError);
  expect(() => serveSpa(empty)).toThrow(/WEB_DIST_DIR has no index.html/);
});

test('scripts and JSON are gzipped for browsers that ask, plain for clients that do not', async () => {
  const dir = builtSpa();
  writeFileSync(join(dir, 'assets', 'big-d4e5f6.js'), `export const x = ${JSON.stringify('dashboard '.repeat(500))};`);
  const app = await appServing(dir);
  const gz = await request(app).get('/assets/big-d4e5f6.js').set('Accept-Encoding', 'gzip');
  expect(gz.headers['content-encoding']).toBe('gzip');
  const plain = await request(app).get('/assets/big-d4e5f6.js').set('Accept-Encoding', 'identity');
  expect(plain.headers['content-encoding']).toBeUndefined();
});
