import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The closed set of error codes the API answers with, and the status each one carries. Clients
 * branch on the code, people read the message; adding a code is an API change (docs/api.md).
 */
export const ERRORS = {
  BAD_JSON: 400,
  INVALID_BODY: 400,
  INVALID_QUERY: 400,
  INVALID_CURSOR: 400,
  INVALID_HEADER: 400,
  INVALID_ENTRY: 400,
  DEVICE_MISMATCH: 400,
  DUPLICATE_ENTRY_ID: 400,
  TOO_MANY_ENTRIES: 400,
  TOO_MANY_PASSES: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  EVENT_NOT_FOUND: 404,
  PASS_NOT_FOUND: 404,
  KEY_NOT_FOUND: 404,
  DEVICE_NOT_FOUND: 404,
  ENROLLMENT_CODE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  SEQ_CONFLICT: 409,
  ENTRY_ID_CONFLICT: 409,
  LAST_ACTIVE_KEY: 409,
  ENROLLMENT_CODE_USED: 410,
  ENROLLMENT_CODE_EXPIRED: 410,
  BODY_TOO_LARGE: 413,
  INTERNAL: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERRORS;

/** Thrown anywhere below the routes; the app's error handler turns it into the JSON error shape. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERRORS[code];
  }
}

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}
