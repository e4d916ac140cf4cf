import type { ErrorRequestHandler } from 'express';
import type { ErrorBody, ErrorCode } from '@vicidash/contracts/errors';

export type { ErrorCode };

/** The HTTP status of each error code (the codes themselves are the contract's). */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_REQUIRED: 428,
  RATE_LIMITED: 429,
  VICIDIAL_REJECTED: 400,
  VICIDIAL_DENIED: 502,
  VICIDIAL_UNAVAILABLE: 502,
  VICIDIAL_TIMEOUT: 504,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/**
 * The one error type of the BFF. `message` is for people and safe to show; `field` names the form
 * field it concerns; `details` carries extra data for the client (e.g. the current record on 409).
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { field?: string; details?: unknown; status?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = options.status ?? errorStatus[code];
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.options.field ? { field: this.options.field } : {}),
      ...(this.options.details !== undefined ? { details: this.options.details } : {}),
    };
  }
}

const MB = 1024 * 1024;
/** 64 KB, 10 MB. */
const sizeText = (bytes: number) => (bytes >= MB ? `${Math.floor(bytes / MB)} MB` : `${Math.floor(bytes / 1024)} KB`);

/** Last middleware: AppErrors become their JSON body; anything else is logged and hidden. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  if (error instanceof AppError) {
    res.status(error.status).json(error.toBody());
    return;
  }
  // body-parser's errors (malformed JSON, too large) carry a status and are the client's fault.
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) req.log?.error({ err: error }, 'unhandled error');
  const body: ErrorBody =
    status === 500 ? { code: 'INTERNAL', message: 'Something went wrong on the server; it has been logged.' }
    : status === 413 ? { code: 'VALIDATION', message: `The request is too large: at most ${sizeText(Number(error.limit))}.` }
    : { code: 'VALIDATION', message: 'The request body is not valid JSON.' };
  res.status(status).json(body);
};
