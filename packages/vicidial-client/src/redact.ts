export const REDACTED = '[REDACTED]';

/** VICIdial keeps only these characters of `pass` before it echoes it (bad-login line). */
const VICIDIAL_PASS_FILTER = /[^A-Za-z0-9_-]/g;

/**
 * Every form in which a secret (the API password, a phone's password) could come back in a body:
 * as sent, as VICIdial filters it, percent-encoded (either hex case, `%20` or `+` for spaces).
 * Longest first, so a form that contains another is replaced whole.
 */
export function secretForms(...secrets: string[]): string[] {
  const forms = secrets.flatMap((secret) => {
    const encoded = encodeURIComponentSafe(secret);
    const own = [secret, secret.replace(VICIDIAL_PASS_FILTER, '')];
    if (encoded !== undefined) {
      const lowerHex = encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
      own.push(encoded, lowerHex, encoded.replaceAll('%20', '+'), lowerHex.replaceAll('%20', '+'));
    }
    return own;
  });
  return [...new Set(forms)].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

/** Replace every occurrence of every secret form. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.replaceAll(secret, REDACTED), text);
}

/** The bad-login line echoes the password in its second field: blank it whatever its form. */
export function maskLoginEcho(text: string): string {
  return text.replace(/(Login incorrect[^|\n]*\|[^|\n]*\|)[^|\n]*/g, `$1${REDACTED}`);
}

function encodeURIComponentSafe(value: string): string | undefined {
  try {
    return encodeURIComponent(value);
  } catch {
    return undefined; // lone surrogate: such a password could not be sent either
  }
}
