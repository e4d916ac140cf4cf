import { type Request, Router } from 'express';
import { requireLogin, requirePermission } from '../auth/middleware.js';
import { AppError } from '../errors.js';
import { parseInput } from '../validate.js';
import { sendAnswer } from './answer.js';
import type { RouteSpec } from './route.js';

/** If-Match carries the version; quotes (an ETag's form) are optional. */
export const versionOf = (req: Request): string | undefined => req.get('if-match')?.replace(/^W\/|"/g, '') || undefined;

/** UTF-8 only: a byte that is not is refused, not replaced. A BOM is kept for the import to tell of. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A CSV body as text (app.ts reads text/csv bodies as bytes); anything else is refused. */
function csvOf(req: Request): string {
  if (!Buffer.isBuffer(req.body)) throw new AppError('VALIDATION', 'File: send it as CSV (Content-Type text/csv).', { field: 'file' });
  try {
    return utf8.decode(req.body);
  } catch {
    throw new AppError('VALIDATION', 'File: it is not UTF-8 text; save it as "CSV UTF-8" in the spreadsheet.', { field: 'file' });
  }
}

/**
 * An Express router for route specs (guard, parse, call, shape the answer), to be mounted at
 * `mountPath`: each spec's path is written whole (as OpenAPI shows it) and served relative to it.
 */
export function mountRoutes(specs: readonly RouteSpec[], mountPath: string): Router {
  const router = Router();
  for (const spec of specs) {
    if (!spec.path.startsWith(`${mountPath}/`)) throw new Error(`route ${spec.path} is not under ${mountPath}`);
    const guard =
      spec.permission === null ? null : spec.permission === 'authenticated' ? requireLogin : requirePermission(spec.permission);
    router[spec.method](spec.path.slice(mountPath.length), ...(guard ? [guard] : []), async (req, res) => {
      const version = versionOf(req);
      let input;
      try {
        if (spec.versioned && !version) {
          throw new AppError('VERSION_REQUIRED', 'Reload the record before changing it: the request did not say which version it changes.');
        }
        input = {
          params: spec.params ? parseInput(spec.params, req.params) : undefined,
          query: spec.query ? parseInput(spec.query, req.query) : undefined,
          body: spec.body ? parseInput(spec.body, req.body ?? {}) : undefined,
          csv: spec.csvBody ? csvOf(req) : '',
        };
      } catch (error) {
        if (error instanceof AppError) await spec.onRefused?.(req, error);
        throw error;
      }
      const result = await spec.handler({ req, res, user: req.user as NonNullable<Request['user']>, ...input, version });
      if (spec.csvAnswer) return;
      if (spec.response === null) {
        res.status(spec.status ?? 204).end();
        return;
      }
      await sendAnswer(req, res, spec.response, spec.statusOf?.(result) ?? spec.status ?? 200, result);
    });
  }
  return router;
}
