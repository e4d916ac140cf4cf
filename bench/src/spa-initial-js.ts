import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { report } from './stats.js';

/** The target of issue 4: kilobytes of 1,000 bytes, gzip level 9. */
const TARGET_KB = 130;

export interface Chunk {
  /** Path inside the built app, e.g. assets/index-C6JCTZ5P.js */
  file: string;
  bytes: number;
  gzipBytes: number;
}

const ENTRY_SCRIPT = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g;

/**
 * The JavaScript the browser must fetch before any page's own chunk: the entry scripts of
 * index.html and, transitively, every module they import statically (what Vite also lists as
 * modulepreload links). Dynamic imports (the lazy pages) are not followed.
 */
export async function initialChunks(distDir: string): Promise<Chunk[]> {
  await init;
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const fromHtml = [...html.matchAll(ENTRY_SCRIPT), ...html.matchAll(MODULE_PRELOAD)].map((match) => join(distDir, match[1] as string));
  if (fromHtml.length === 0) throw new Error(`${distDir}/index.html loads no module script: is the SPA built?`);

  const seen = new Set<string>();
  const queue = [...fromHtml];
  const chunks: Chunk[] = [];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const source = readFileSync(path);
    chunks.push({ file: relative(distDir, path), bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length });
    const [imports] = parse(source.toString('utf8'));
    for (const { n: specifier, d } of imports) {
      // d === -1: a static import or re-export (dynamic imports have their position, import.meta -2).
      if (d !== -1 || !specifier) continue;
      queue.push(specifier.startsWith('/') ? join(distDir, specifier) : resolve(dirname(path), specifier));
    }
  }
  return chunks;
}

/** Prints the initial JavaScript, chunk by chunk, and whether it is within the target. */
export async function initialJavaScript(distDir: string): Promise<boolean> {
  const chunks = await initialChunks(distDir);
  const total = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  const met = report('initial JavaScript, gzip -9', total / 1000, 'KB', { op: '<=', value: TARGET_KB });
  console.log(`        ${total.toLocaleString('en')} bytes gzip (1 KB = 1,000 bytes) in ${chunks.length} chunk(s):`);
  for (const chunk of chunks) {
    console.log(`        ${chunk.file}: ${chunk.gzipBytes.toLocaleString('en')} bytes gzip (${chunk.bytes.toLocaleString('en')} raw)`);
  }
  return met;
}
