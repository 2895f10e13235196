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
  /** no session cookie or API token, or one that is expired, revoked or of a disabled account */
  unauthenticated: 401,
  /** signed in, but the role or account lacks the permission named in details.permission */
  forbidden: 403,
  /** too many sign-in attempts for the account or from the address */
  rate_limited: 429,
  not_found: 404,
  /** a hand-made record (POST/PATCH /api/nodes, /api/relationships) that the import schema refuses; details.issues */
  invalid_record: 400,
  /** a node or relationship deleted by hand: its tombstone is in the history (details: id, version, at, author) */
  gone: 410,
  /** a Source with no document file, or one that is not in SOURCE_DOCUMENTS_DIR */
  no_document: 404,
  conflict: 409,
  too_large: 413,
  timeout: 504,
  store_unavailable: 503,
  store_restarting: 503,
  /** another process (another scamnet on the same DATA_DIR) holds the embedded database file */
  store_locked: 503,
  /** PDF export without Chromium at /usr/bin/chromium */
  renderer_unavailable: 503,
  insufficient_storage: 507,
  /** OIDC sign-in could not reach the OpenID Provider (discovery, keys or the token endpoint) */
  identity_provider_unavailable: 502,
  /** a backup or restore refused (target not empty, manifest mismatch, store in use) */
  backup_refused: 409,
  /** a store copy refused or failed (target not empty, counts differ); the target is as it was */
  copy_refused: 409,
  /** the environment does not validate (server/config.ts); reported at startup, never over HTTP */
  invalid_config: 500,
  /** a built-in seed built a graph the schema rejects: a bug in seeds/, never user input */
  invalid_seed_graph: 500,
  /** a saved or built-in query file whose header does not parse */
  invalid_query_header: 500,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * Codes for a failure that may pass by itself: the same request, sent again a little later, can
 * succeed. Clients and CLIs read `retriable` rather than knowing this list.
 */
const RETRIABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'store_restarting',
  'store_unavailable',
  'store_locked',
  'identity_provider_unavailable',
]);

export function isRetriable(code: ErrorCode): boolean {
  return RETRIABLE.has(code);
}

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

  get retriable(): boolean {
    return isRetriable(this.code);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
