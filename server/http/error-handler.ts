/**
 * The one place failures become HTTP responses: `{error: {code, message, details}}` with the
 * status for the code. Unknown errors are logged and answered as a plain 500, never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, isAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** body-parser marks its own failures with a `type`; these are the client's fault. */
function fromBodyParser(error: { type?: string; message?: string }): AppError | undefined {
  if (error.type === 'entity.parse.failed') return new AppError('bad_request', 'the request body is not valid JSON');
  if (error.type === 'entity.too.large') return new AppError('too_large', 'the request body is too large');
  if (typeof error.type === 'string' && error.type.startsWith('entity.')) return new AppError('bad_request', error.message ?? 'bad request body');
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = isAppError(error) ? error : fromBodyParser(error ?? {});
    const appError = known ?? new AppError('internal', 'internal error');
    if (!known || appError.status >= 500) logger.error({ err: error, method: req.method, url: req.originalUrl }, appError.message);
    res.status(appError.status).json({ error: { code: appError.code, message: appError.message, details: appError.details } });
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `no route ${req.method} ${req.path}`));
};
