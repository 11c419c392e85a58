/**
 * Every failure the platform reports carries a stable code. The server maps each
 * code to an HTTP status once (server/src/http/errors.ts); the message is Chinese
 * because people read it; `field` is the path of the input at fault, if any.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ACCOUNT_LOCKED',
  'INVALID_CREDENTIALS',
  'TOTP_REQUIRED',
  'PASSWORD_CHANGE_REQUIRED',
  'TOTP_SETUP_REQUIRED',
  'CALENDAR_YEAR_MISSING',
  'RULE_VIOLATION',
  'RANGE_NOT_SATISFIABLE',
  'EVIDENCE_INTEGRITY_FAILED',
  'SERVICE_BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetail {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, options: { field?: string; details?: ErrorDetail[] } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.details = options.details ?? (options.field ? [{ field: options.field, message }] : []);
  }
}
