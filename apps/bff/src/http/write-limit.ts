import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors.js';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Caps the changes one logged-in person sends per minute (mounted on /api, after authentication):
 * a runaway script or a stuck button cannot flood VICIdial. Keyed by account, not IP, so a whole
 * office behind one NAT is not throttled together. Logged-out requests are left to the permission
 * guard (401); `exempt` paths (login, logout) have their own rules.
 *
 * Counted by each worker of a cluster on its own: asking the primary on every change would add a
 * round trip to every write, and the limit is a guard against floods, not a quota (a script mostly
 * keeps one connection, so one worker). With WORKERS=N a person is stopped after the limit through
 * one worker, and after at most N times the limit in all.
 */
export function writeRateLimit(perMinute: number, exempt: readonly string[]): RequestHandler {
  const limit = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => !req.user || exempt.includes(req.path),
    keyGenerator: (req) => `user:${req.user?.id}`,
    handler: () => {
      throw new AppError('RATE_LIMITED', `Too many changes in a short time (at most ${perMinute} a minute). Wait a minute and try again.`);
    },
  });
  // Reads never count: they do not even enter the limiter.
  return (req, res, next) => (CHANGES.has(req.method) ? limit(req, res, next) : next());
}
