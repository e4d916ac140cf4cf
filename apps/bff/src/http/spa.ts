import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import compression from 'compression';
import express, { Router } from 'express';
import { COMPRESS_FROM_BYTES } from './answer.js';
import { ConfigError } from '../config.js';

/** Vite puts content-hashed files here: a changed file gets a new name, so they never go stale. */
const HASHED_PREFIX = '/assets/';
const FOREVER = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: the browser must check it on every load. */
const ALWAYS_CHECK = 'no-cache';

/**
 * Serves the built SPA from `dir`: its files, and index.html for every other page path so the
 * client-side router can take over on a reload or a shared link. /api is never answered here, and
 * a missing hashed asset is a 404 (not index.html, which a browser would cache as the script).
 */
export function serveSpa(dir: string): Router {
  const root = resolve(dir);
  const indexHtml = join(root, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new ConfigError([`WEB_DIST_DIR has no index.html in ${root}: build the SPA (apps/web) or unset it`]);
  }
  const router = Router();
  // Browsers ask for gzip: the SPA's scripts shrink several times over the wire (API answers are gzipped by sendAnswer).
  router.use(compression({ threshold: COMPRESS_FROM_BYTES }));
  router.use(
    express.static(root, {
      index: false,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', path.startsWith(join(root, 'assets') + '/') ? FOREVER : ALWAYS_CHECK);
      },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    if (req.path === '/api' || req.path.startsWith('/api/') || req.path.startsWith(HASHED_PREFIX)) return next();
    res.setHeader('Cache-Control', ALWAYS_CHECK);
    res.sendFile(indexHtml);
  });
  return router;
}
