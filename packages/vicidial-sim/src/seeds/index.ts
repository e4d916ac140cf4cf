import type { Kysely } from 'kysely';
import type { Dialect } from '../db/ddl.js';
import type { VicidialDatabase } from '../db/schema.js';
import { seedConformance } from './conformance.js';
import type { DemoSeedOptions } from './demo.js';

export const SEED_NAMES = ['conformance', 'demo', 'scale'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export const isSeedName = (name: string): name is SeedName => (SEED_NAMES as readonly string[]).includes(name);

/**
 * Fills a freshly created schema with one of the data sets. The generated ones (demo, scale) take the
 * API user's name; the conformance seed is the recording's and has its own users.
 */
export async function seedDatabase(
  db: Kysely<VicidialDatabase>,
  dialect: Dialect,
  name: SeedName,
  options: DemoSeedOptions = {},
): Promise<void> {
  switch (name) {
    case 'conformance':
      return seedConformance(db, dialect);
    // The generated data sets are loaded only when asked for.
    case 'demo':
      return (await import('./demo.js')).seedDemo(db, options);
    case 'scale':
      return (await import('./scale.js')).seedScale(db, options);
  }
}
