/**
 * Typed errors with a stable `code`; one table maps codes to HTTP statuses so handlers throw
 * domain errors and never build responses for failures themselves.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_error: 400,
  invalid_batch: 400,
  missing_endpoint: 400,
  invalid_import: 400,
  unsupported_format: 415,
  /** a request body that is neither JSON nor the import's multipart (forms, text/plain) */
  unsupported_content_type: 415,
  query_error: 400,
  multiple_statements: 400,
  unsupported_query: 400,
  write_not_allowed: 403,
  file_access: 403,
  settings_not_allowed: 403,
  transaction_not_allowed: 403,
  procedure_not_allowed: 403,
  operation_not_allowed: 403,
  unsafe_query: 403,
  /** an unsafe method from a page of another origin, or that cannot show it is not one */
  cross_origin: 403,
  /** a Host header this server does not answer to (DNS rebinding) */
  misdirected_request: 421,
  /** WORKSPACE_MAX_COUNT reached */
  workspace_limit: 409,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  timeout: 504,
  store_unavailable: 503,
  store_restarting: 503,
  insufficient_storage: 507,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details ?? null;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
