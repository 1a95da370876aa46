import { ERROR_STATUS, type ErrorCode, type ErrorDetail } from '../../shared/errors';

/** The one error type: thrown anywhere, turned into the envelope once, in app.onError. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'Record') => new AppError('not_found', `${what} not found`);
