import express from 'express';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { sendAnswer } from './answer.js';

/** An app answering GET /answer with whatever `answer` holds, through sendAnswer and a schema that counts its parses. */
function answering(answer: () => unknown) {
  const parses = { count: 0 };
  const schema = z
    .object({ rows: z.array(z.object({ name: z.string() })), version: z.string().optional() })
    .transform((body) => {
      parses.count += 1;
      return body;
    });
  const app = express();
  app.set('etag', false);
  app.get('/answer', (req, res) => sendAnswer(req, res, schema, 200, answer()));
  return { app, parses };
}

const rowsOf = (count: number, extra: object = {}) => Array.from({ length: count }, (_, i) => ({ name: `row ${i}`, ...extra }));

describe('sendAnswer', () => {
  test('an answer is parsed with its schema (nothing unlisted leaves) and a version becomes the ETag', async () => {
    const { app, parses } = answering(() => ({ rows: rowsOf(2, { secret: 'hunter2' }), version: 'v1' }));
    const first = await request(app).get('/answer');
    expect(first.body).toEqual({ rows: rowsOf(2), version: 'v1' });
    expect(first.headers.etag).toBe('"v1"');
    expect(first.text).not.toContain('hunter2');
    await request(app).get('/answer');
    expect(parses.count).toBe(2);
  });

  test('a frozen answer handed out again is parsed and serialized once, and answers the same', async () => {
    const page = Object.freeze({ rows: rowsOf(3, { secret: 'hunter2' }) });
    const { app, parses } = answering(() => page);
    const answers = [await request(app).get('/answer'), await request(app).get('/answer')];
    expect(parses.count).toBe(1);
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toEqual({ rows: rowsOf(3) });
      expect(res.headers.etag).toBeUndefined();
    }
  });

  test('a large frozen answer is gzipped once for the clients that accept it; others get plain JSON', async () => {
    const page = Object.freeze({ rows: rowsOf(200) });
    const { app } = answering(() => page);
    // supertest unzips the body; Content-Length tells what went over the wire.
    const gzipped = await request(app).get('/answer').set('Accept-Encoding', 'gzip, deflate, br');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    const json = JSON.stringify({ rows: rowsOf(200) });
    expect(Number(gzipped.headers['content-length'])).toBeLessThan(json.length / 4);

    const plain = await request(app).get('/answer').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.text).toBe(json);
    expect(gzipped.text).toBe(json);
  });

  test('any large answer is gzipped for the clients that accept it, none without Accept-Encoding', async () => {
    const { app } = answering(() => ({ rows: rowsOf(200) }));
    const gzipped = await request(app).get('/answer').set('Accept-Encoding', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body).toEqual({ rows: rowsOf(200) });
    const none = await request(app).get('/answer').set('Accept-Encoding', '');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toEqual({ rows: rowsOf(200) });
  });

  test('a small frozen answer is never compressed', async () => {
    const { app } = answering(() => Object.freeze({ rows: rowsOf(1) }));
    const res = await request(app).get('/answer').set('Accept-Encoding', 'gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toEqual({ rows: rowsOf(1) });
  });
});
