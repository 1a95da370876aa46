/** The error codes of the one error envelope (../shared/design/api.md) and their HTTP statuses. */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorDetail = { path: string; issue: string };

export type ErrorEnvelope = {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId?: string };
};
