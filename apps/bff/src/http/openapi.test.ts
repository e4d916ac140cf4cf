import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { SESSION_COOKIE } from '../app.js';
import { apiRoutes } from '../routes/index.js';
import { createTestApp } from '../test/app.js';
import { openApiDocument } from './openapi.js';
import type { RouteSpec } from './route.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, { in: string; name: string }> };
}

const info = { title: 'test', version: '1', sessionCookie: SESSION_COOKIE };
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const CHANGES = new Set(['post', 'put', 'patch', 'delete']);

/** Checks a document against the OpenAPI 3.1 JSON schema; answers the errors (none when valid). */
async function problemsOf(document: unknown): Promise<unknown> {
  const result = await new Validator().validate(document as Record<string, unknown>);
  return result.valid ? [] : result.errors;
}

describe('GET /api/openapi.json', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let document: Document;
  let routes: RouteSpec[];
  beforeAll(async () => {
    t = await createTestApp();
    routes = apiRoutes(t.services);
    const res = await request(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    document = res.body as Document;
  });
  afterAll(async () => t.close());

  test('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    expect(await problemsOf(document)).toEqual([]);
    expect(document.components?.securitySchemes?.session).toMatchObject({ in: 'cookie', name: SESSION_COOKIE });
  });

  test('documents every route of the table with its method, inputs, answers and security', () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const spec of routes) {
      const where = `${spec.method.toUpperCase()} ${spec.path}`;
      const operation = document.paths[openApiPath(spec.path)]?.[spec.method];
      expect(operation, where).toBeDefined();
      if (!operation) continue;
      expect(operation.summary, where).toBe(spec.summary);
      expect(operation.tags, where).toEqual([spec.tag]);
      const parameters = operation.parameters ?? [];
      for (const [, name] of spec.path.matchAll(/:(\w+)/g)) {
        expect(parameters.find((p) => p.in === 'path' && p.name === name), `${where}: path parameter ${name}`).toMatchObject({ required: true });
      }
      if (spec.query instanceof z.ZodObject) {
        const names = Object.keys(spec.query.shape);
        expect(parameters.filter((p) => p.in === 'query').map((p) => p.name), where).toEqual(names);
      }
      expect(Boolean(operation.requestBody?.content['application/json']), `${where}: request body`).toBe(Boolean(spec.body));
      expect(Object.keys(operation.responses), where).toContain(String(spec.status ?? (spec.response === null ? 204 : 200)));
      if (spec.permission === null) {
        expect(operation.security, `${where} is public`).toBeUndefined();
      } else {
        expect(operation.security, `${where} needs the session`).toEqual([{ session: [] }]);
        expect(Object.keys(operation.responses), where).toEqual(expect.arrayContaining(['401', '403']));
      }
      const headers = parameters.filter((p) => p.in === 'header').map((p) => p.name);
      expect(headers.includes('If-Match'), `${where}: If-Match`).toBe(Boolean(spec.versioned));
      expect(headers.includes('X-CSRF-Token'), `${where}: X-CSRF-Token`).toBe(spec.permission !== null && CHANGES.has(spec.method));
    }
  });

  test('lists no operation that the table does not have', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(routes.map((spec) => `${spec.method} ${openApiPath(spec.path)}`).sort());
  });
});

describe('the generator', () => {
  const base = { method: 'post', tag: 't', summary: 's', permission: 'read:dids', response: null, handler: async () => {} } as const;

  test("handles every schema of the contracts (transforms, unions, discriminated unions) as body, query and response", async () => {
    const contractsDir = fileURLToPath(new URL('../../../../packages/contracts/src/', import.meta.url));
    const modules = readdirSync(contractsDir)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'test-support.ts')
      .map((file) => file.replace(/\.ts$/, ''));
    expect(modules).toEqual(expect.arrayContaining(['phone', 'alias', 'did', 'lookups', 'common', 'errors', 'audit', 'auth']));
    const specs: RouteSpec[] = [];
    for (const name of modules) {
      const exports = (await import(`@vicidash/contracts/${name}`)) as Record<string, unknown>;
      for (const [exported, schema] of Object.entries(exports)) {
        if (!(schema instanceof z.ZodType)) continue;
        const path = `/api/${name}/${exported}`;
        specs.push({ ...base, path: `${path}/body`, body: schema } as RouteSpec);
        specs.push({ ...base, method: 'get', path: `${path}/response`, response: schema } as RouteSpec);
        if (schema instanceof z.ZodObject) specs.push({ ...base, method: 'get', path: `${path}/query`, query: schema } as RouteSpec);
      }
    }
    expect(specs.length).toBeGreaterThan(50);
    const document = openApiDocument(specs, info);
    expect(await problemsOf(document)).toEqual([]);
    expect(Object.keys(document.paths ?? {})).toHaveLength(specs.length);
  });

  test('path parameters are always declared and required, even when coerced or not described', async () => {
    const document = openApiDocument(
      [
        { ...base, method: 'get', path: '/api/things/:thingId', params: z.object({ thingId: z.coerce.number().int() }) } as RouteSpec,
        { ...base, method: 'delete', path: '/api/others/:otherId/:part' } as RouteSpec,
      ],
      info,
    ) as unknown as Document;
    expect(await problemsOf(document)).toEqual([]);
    expect(document.paths['/api/things/{thingId}']?.get?.parameters).toEqual([expect.objectContaining({ name: 'thingId', in: 'path', required: true })]);
    expect(document.paths['/api/others/{otherId}/{part}']?.delete?.parameters?.filter((p) => p.in === 'path')).toEqual([
      { name: 'otherId', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'part', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });
});
