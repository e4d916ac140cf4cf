import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * Every setting of the BFF, from environment variables. Validated once at start; each missing or bad
 * value gets its own line naming the variable, so an operator can fix them all in one go.
 */
const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });
const url = (what: string) =>
  z.string().refine((v) => URL.canParse(v), { message: `must be a URL (${what})` });
/** A SQLite file path, or a mysql:// URL for MariaDB/MySQL. */
const database = z
  .string()
  .refine((v) => !v.includes('://') || /^mysql:\/\//.test(v), { message: 'must be a file path or a mysql:// URL' });

export const configSchema = z.object({
  NODE_ENV: oneOf(['development', 'production', 'test']).default('production'),
  HOST: z.string().default('127.0.0.1'),
  PORT: wholeNumber(1, 65535).default(8080),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** VICIdial's Non-Agent API endpoint, e.g. https://vicidial.example.com/vicidial/non_agent_api.php */
  VICIDIAL_API_URL: url('the non_agent_api.php endpoint'),
  /** A dedicated VICIdial API account (user_level 8+, API access); never sent to the browser. */
  VICIDIAL_API_USER: z.string().regex(/^[A-Za-z0-9_-]{2,20}$/, 'must be 2 to 20 letters, digits, - or _'),
  VICIDIAL_API_PASS: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be letters, digits, - or _ (VICIdial strips anything else)'),
  /** The `source` VICIdial records for every call (2 to 20 letters or digits). */
  VICIDIAL_API_SOURCE: z.string().regex(/^[A-Za-z0-9]{2,20}$/, 'must be 2 to 20 letters or digits').default('dashboard'),
  VICIDIAL_API_TIMEOUT_MS: wholeNumber(100, 120_000).default(10_000),
  /** VICIdial's database, read-only user: mysql://reader:secret@host:3306/asterisk */
  VICIDIAL_DB_URL: database,
  /** The dashboard's own database (users, sessions, audit): a SQLite file or mysql:// URL. */
  DASHBOARD_DB_URL: database.default('.data/dashboard.sqlite'),
  /** Signs session cookies: at least 32 random characters. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** A session ends after this many idle minutes… */
  SESSION_IDLE_MINUTES: wholeNumber(1, 24 * 60).default(30),
  /** …and after this many hours whatever the activity. */
  SESSION_ABSOLUTE_HOURS: wholeNumber(1, 24 * 7).default(12),
  /** Behind a TLS-terminating proxy: how many proxy hops to trust for the client IP and https. */
  TRUST_PROXY_HOPS: wholeNumber(0, 10).default(0),
  /** First start of a production install: creates this supervisor when no account exists yet. */
  BOOTSTRAP_SUPERVISOR_USERNAME: z.string().optional(),
  BOOTSTRAP_SUPERVISOR_PASSWORD: z.string().optional(),
  /** Where the built SPA lives (a folder with index.html); the BFF serves it when set. */
  WEB_DIST_DIR: z.string().optional(),
  /** Changes (POST, PUT, PATCH, DELETE) one person may send per minute through one worker, before 429. */
  WRITE_RATE_LIMIT: wholeNumber(1, 100_000).default(600),
  /** How long a save waits while another save of the same record finishes, before 409 "try again". */
  RECORD_LOCK_WAIT_MS: wholeNumber(100, 60_000).default(5_000),
  /**
   * Processes serving requests (a cluster on one port). Default: one per CPU core, at most 4: each
   * keeps its own copy of the lists and its own pool of VICIdial database connections, and beyond
   * that VICIdial itself is what limits.
   */
  WORKERS: wholeNumber(1, 32).default(Math.min(4, availableParallelism())),
  /** On SIGTERM: how long open requests may take to finish before their connections are cut. */
  SHUTDOWN_GRACE_SECONDS: wholeNumber(0, 600).default(25),
});

export type Config = z.infer<typeof configSchema>;

/** The variable names the BFF understands (docker-compose.yml is checked against them). */
export const configKeys = Object.keys(configSchema.shape) as (keyof Config)[];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set": docker-compose passes `FOO=` for unset ${FOO}.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return present[name] === undefined ? `${name} is required` : `${name} ${issue.message}`;
    }),
  );
}
