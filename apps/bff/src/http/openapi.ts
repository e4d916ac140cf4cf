import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { errorBodySchema } from '@vicidash/contracts/errors';
import { permissionDescriptions } from '@vicidash/contracts/permissions';
import type { z } from 'zod';
import type { RouteSpec } from './route.js';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

/** /api/phones/:serverIp/:extension → /api/phones/{serverIp}/{extension} */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** The OpenAPI 3.1 document of the API, generated from the same route specs that serve it. */
export function openApiDocument(specs: readonly RouteSpec[], info: { title: string; version: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'vicidash.sid',
    description: 'Session cookie from POST /api/auth/login; state-changing requests also send X-CSRF-Token.',
  });
  for (const spec of specs) {
    const status = spec.status ?? (spec.response === null ? 204 : 200);
    const config: RouteConfig = {
      method: spec.method,
      path: openApiPath(spec.path),
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.permission
        ? {
            security: [{ session: [] }],
            description:
              spec.permission === 'authenticated'
                ? 'Needs a logged-in session.'
                : `Needs the permission \`${spec.permission}\` (${permissionDescriptions[spec.permission]}).`,
          }
        : {}),
      request: {
        ...(spec.params ? { params: spec.params as z.ZodObject } : {}),
        ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
        ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
      },
      responses: {
        [status]: spec.response
          ? { description: 'Success', content: { 'application/json': { schema: spec.response } } }
          : { description: 'Done, no content' },
        400: errorResponse('A field breaks a rule, or VICIdial refused the change (code, field, message).'),
        ...(spec.permission ? { 401: errorResponse('Not logged in, or the session ended.'), 403: errorResponse('The role may not do this, or the CSRF token is missing.') } : {}),
        ...(spec.versioned ? { 409: errorResponse('Changed since it was loaded: details holds the current record.'), 428: errorResponse('If-Match missing.') } : {}),
      },
    };
    if (spec.versioned) {
      config.description = `${config.description ?? ''} Send the record's version in If-Match.`.trim();
    }
    registry.registerPath(config);
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({ openapi: '3.1.0', info });
}
