import { pino, type Logger } from 'pino';

/** Paths never written to a log: credentials, cookies, secrets, wherever they appear. */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.pass',
  '*.phone_pass',
  '*.phonePass',
  '*.registration_password',
  '*.registrationPassword',
  '*.conf_secret',
  '*.secret',
  '*.VICIDIAL_API_PASS',
  '*.SESSION_SECRET',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: '[redacted]' } }, destination as never);
}
