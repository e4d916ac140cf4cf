import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { errorBodySchema } from '@vicidash/contracts/errors';
import { permissionDescriptions } from '@vicidash/contracts/permissions';
import { z } from 'zod';
import type { RouteSpec } from './route.js';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

/** /api/phones/:serverIp/:extension → /api/phones/{serverIp}/{extension} */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const pathParameterNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);

const CHANGES = new Set(['post', 'put', 'patch', 'delete']);

const describePermission = (permission: NonNullable<RouteSpec['permission']>) =>
  permission === 'authenticated'
    ? 'Needs a logged-in session.'
    : `Needs the permission \`${permission}\` (${permissionDescriptions[permission]}).`;

/** The headers a route needs besides the cookie: the CSRF token on changes, the version on versioned ones. */
function requestHeaders(spec: RouteSpec) {
  const headers: Record<string, z.ZodType> = {};
  if (spec.permission && CHANGES.has(spec.method)) {
    headers['X-CSRF-Token'] = z.string().describe('The csrfToken from login or GET /api/auth/session.');
  }
  if (spec.versioned) headers['If-Match'] = z.string().describe("The record's version, as read (its ETag).");
  return Object.keys(headers).length > 0 ? { headers: z.object(headers) } : {};
}

function routeConfig(spec: RouteSpec): RouteConfig {
  const status = spec.status ?? (spec.response === null ? 204 : 200);
  const description = [spec.permission ? describePermission(spec.permission) : 'Public.', spec.versioned ? "Send the record's version in If-Match." : '']
    .join(' ')
    .trim();
  return {
    method: spec.method,
    path: openApiPath(spec.path),
    summary: spec.summary,
    description,
    tags: [spec.tag],
    ...(spec.permission ? { security: [{ session: [] }] } : {}),
    request: {
      ...(spec.params ? { params: spec.params as z.ZodObject } : {}),
      ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
      ...requestHeaders(spec),
      ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
      ...(spec.csvBody ? { body: { required: true, content: { 'text/csv': { schema: z.string() } } } } : {}),
    },
    responses: {
      [status]: spec.csvAnswer
        ? { description: 'A CSV file', content: { 'text/csv': { schema: z.string() } } }
        : spec.response
        ? { description: 'Success', content: { 'application/json': { schema: spec.response } } }
        : { description: 'Done, no content' },
      400: errorResponse('A field breaks a rule, or VICIdial refused the change (code, field, message).'),
      ...(spec.permission
        ? {
            401: errorResponse('Not logged in, or the session ended.'),
            403: errorResponse('The role may not do this (the message says why), or the CSRF token is missing.'),
          }
        : {}),
      ...(spec.versioned
        ? { 409: errorResponse('Changed since it was loaded: details holds the current record.'), 428: errorResponse('If-Match missing.') }
        : {}),
      ...(CHANGES.has(spec.method) && spec.permission ? { 429: errorResponse('Too many requests: wait, then try again.') } : {}),
      ...Object.fromEntries(Object.entries(spec.errors ?? {}).map(([status, description]) => [status, errorResponse(description)])),
    },
  };
}

type Operation = { parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[] };

/**
 * Every `{name}` of a path must be a required path parameter (OpenAPI 3.1 §4.8.12): a schema that
 * accepts undefined on input (z.coerce) would otherwise come out optional, and a route without a
 * params schema would leave the template undeclared.
 */
function completePathParameters(paths: Record<string, Record<string, Operation>>, specs: readonly RouteSpec[]) {
  for (const spec of specs) {
    const operation = paths[openApiPath(spec.path)]?.[spec.method];
    if (!operation) continue;
    const parameters = (operation.parameters ??= []);
    for (const name of pathParameterNames(spec.path)) {
      const declared = parameters.find((p) => p.in === 'path' && p.name === name);
      if (declared) declared.required = true;
      else parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
    }
  }
}

/**
 * The OpenAPI 3.1 document of the API, generated from the same route specs that serve it. Request
 * schemas are documented as what they accept (input); response schemas hold plain types, so their
 * input and output are the same.
 */
export function openApiDocument(specs: readonly RouteSpec[], info: { title: string; version: string; sessionCookie: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: info.sessionCookie,
    description: 'Session cookie from POST /api/auth/login; state-changing requests also send X-CSRF-Token.',
  });
  for (const spec of specs) registry.registerPath(routeConfig(spec));
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: info.title, version: info.version },
  });
  completePathParameters(document.paths as Record<string, Record<string, Operation>>, specs);
  return document;
}
