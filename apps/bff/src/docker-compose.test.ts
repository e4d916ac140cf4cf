import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { configKeys, loadConfig } from './config.js';

interface ComposeFile {
  services: Record<string, { environment?: Record<string, string | number> }>;
}
const compose = parse(readFileSync(new URL('../../../docker-compose.yml', import.meta.url), 'utf8'), {
  merge: true,
}) as ComposeFile;
const dashboardEnv = compose.services.dashboard?.environment ?? {};

/** Compose's interpolation: ${VAR:-default} takes the default, ${VAR:?message} the operator's value. */
const interpolate = (value: string, operator: Record<string, string>): string =>
  value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_all, name: string, kind?: string, rest?: string) => {
    if (operator[name] !== undefined) return operator[name];
    if (kind === '-') return rest ?? '';
    throw new Error(`${name} must be set by the operator: ${rest}`);
  });

describe('docker-compose.yml', () => {
  test('the dashboard sets only variables the BFF understands', () => {
    const unknown = Object.keys(dashboardEnv).filter((name) => !(configKeys as string[]).includes(name));
    expect(unknown).toEqual([]);
  });

  test('with the required secrets given, its environment passes the BFF configuration check', () => {
    const operator = { VICIDIAL_API_PASS: 'demo-pass', SESSION_SECRET: 's'.repeat(40) };
    const env = Object.fromEntries(
      Object.entries(dashboardEnv).map(([name, value]) => [name, interpolate(String(value), operator)]),
    );
    const config = loadConfig(env);
    expect(config.DASHBOARD_DB_URL).toMatch(/^mysql:\/\/.*@dashboard-db:3306\/dashboard$/);
    expect(config.HOST).toBe('0.0.0.0');
  });

  test('secrets have no default: compose refuses to start without them', () => {
    for (const secret of ['VICIDIAL_API_PASS', 'SESSION_SECRET']) {
      expect(String(dashboardEnv[secret])).toMatch(new RegExp(`^\\$\\{${secret}:\\?`));
    }
  });
});
