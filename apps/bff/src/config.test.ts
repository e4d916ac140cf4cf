import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const valid = {
  VICIDIAL_API_URL: 'https://vicidial.example.com/vicidial/non_agent_api.php',
  VICIDIAL_API_USER: 'dashapi',
  VICIDIAL_API_PASS: 's3cret-pass',
  VICIDIAL_DB_URL: 'mysql://reader:pw@db:3306/asterisk',
  SESSION_SECRET: 'x'.repeat(32),
};

const problemsOf = (env: Record<string, string | undefined>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  test('fills defaults around the required values', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      VICIDIAL_API_SOURCE: 'dashboard',
      VICIDIAL_API_TIMEOUT_MS: 10_000,
      DASHBOARD_DB_URL: '.data/dashboard.sqlite',
    });
  });

  test('names every missing variable on its own line', () => {
    expect(problemsOf({})).toEqual([
      'VICIDIAL_API_URL is required',
      'VICIDIAL_API_USER is required',
      'VICIDIAL_API_PASS is required',
      'VICIDIAL_DB_URL is required',
      'SESSION_SECRET is required',
    ]);
  });

  test('an empty variable counts as unset', () => {
    expect(problemsOf({ ...valid, VICIDIAL_API_USER: '' })).toEqual(['VICIDIAL_API_USER is required']);
  });

  test.each([
    ['PORT', 'eighty', 'PORT must be a whole number from 1 to 65535'],
    ['PORT', '70000', 'PORT must be a whole number from 1 to 65535'],
    ['VICIDIAL_API_URL', 'not a url', 'VICIDIAL_API_URL must be a URL (the non_agent_api.php endpoint)'],
    ['VICIDIAL_API_PASS', 'pa ss', 'VICIDIAL_API_PASS must be letters, digits, - or _ (VICIdial strips anything else)'],
    ['VICIDIAL_API_SOURCE', 'x', 'VICIDIAL_API_SOURCE must be 2 to 20 letters or digits'],
    ['VICIDIAL_DB_URL', 'postgres://h/db', 'VICIDIAL_DB_URL must be a file path or a mysql:// URL'],
    ['SESSION_SECRET', 'short', 'SESSION_SECRET must be at least 32 characters'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
  ])('%s=%s is refused with a readable reason', (name, value, problem) => {
    expect(problemsOf({ ...valid, [name]: value })).toEqual([problem]);
  });

  test('the message never repeats a secret value', () => {
    const error = (() => {
      try {
        loadConfig({ ...valid, VICIDIAL_API_PASS: 'bad pass!' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain('bad pass!');
  });
});
