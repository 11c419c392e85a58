/**
 * The one place where error codes become HTTP statuses, and where every error
 * — ours, Fastify's, the database's — becomes `{ code, message, field, details }`.
 * Bad input never yields a 5xx: database errors caused by input are mapped here.
 */
import { AppError, type ErrorCode, type ErrorDetail } from '@zhifa/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

export const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ACCOUNT_LOCKED: 423,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  TOTP_SETUP_REQUIRED: 403,
  CALENDAR_YEAR_MISSING: 422,
  RULE_VIOLATION: 422,
  RANGE_NOT_SATISFIABLE: 416,
  // The stored file no longer matches its recorded hashes: the server's fault, never the request's.
  EVIDENCE_INTEGRITY_FAILED: 500,
  // Too much at once (a statement past its timeout): try again shortly, or ask for less.
  SERVICE_BUSY: 503,
  INTERNAL: 500,
};

export function validationError(error: z.ZodError, source: string): AppError {
  const details: ErrorDetail[] = error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [source, ...base, key].join('.'),
        message: `不允许的字段：${key}`,
      }));
    }
    return [{ field: [source, ...base].join('.'), message: issue.message }];
  });
  return detailsError(details, source);
}

/** What is wrong with the input, fields named as it names them (`unitId`), as a 400 naming `<source>.<field>`. */
export function problemsError(problems: readonly ErrorDetail[], source: string): AppError {
  return detailsError(
    problems.map((p) => ({ field: `${source}.${p.field}`, message: p.message })),
    source,
  );
}

function detailsError(details: ErrorDetail[], source: string): AppError {
  const first = details[0] ?? { field: source, message: '输入无效' };
  return new AppError('VALIDATION_FAILED', `输入无效：${first.field}：${first.message}`, {
    field: first.field,
    details,
  });
}

/** PostgreSQL SQLSTATEs that only bad input can cause. */
const inputSqlStates: Record<string, ErrorCode> = {
  '22001': 'VALIDATION_FAILED', // string too long
  '22007': 'VALIDATION_FAILED', // invalid datetime format
  '22008': 'VALIDATION_FAILED', // datetime out of range
  '22021': 'VALIDATION_FAILED', // invalid byte sequence
  '22P02': 'VALIDATION_FAILED', // invalid text representation
  '22P05': 'VALIDATION_FAILED', // untranslatable character (NUL)
  '23514': 'VALIDATION_FAILED', // check constraint
  '23505': 'CONFLICT', // unique violation
  '23503': 'CONFLICT', // foreign key violation
};

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError> & { code?: string };
  const sqlCode = inputSqlStates[fastifyError.code ?? ''];
  if (sqlCode) {
    const message = sqlCode === 'CONFLICT' ? '与已有记录冲突（重复或仍被引用）' : '输入值不符合数据约束';
    return new AppError(sqlCode, message);
  }
  // query_canceled: PostgreSQL stopped a statement at the request's statement timeout.
  if (fastifyError.code === '57014')
    return new AppError('SERVICE_BUSY', '查询用时超过上限，已停止：请缩小筛选范围，或稍后再试');
  const status = fastifyError.statusCode;
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', '请求体过大');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型');
  if (status === 400 && (fastifyError.code ?? '').startsWith('FST_ERR_CTP')) {
    return new AppError('INVALID_JSON', '请求体不是有效的 JSON', { field: 'body' });
  }
  if (status === 400 && error instanceof SyntaxError) {
    return new AppError('INVALID_JSON', '请求体不是有效的 JSON', { field: 'body' });
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return new AppError('VALIDATION_FAILED', '请求无效');
  }
  return undefined;
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  // The body is JSON even if the route had already set another type (a file it was about to stream).
  void reply.type('application/json; charset=utf-8');
  if (!appError) {
    request.log.error({ err: error }, 'unhandled error');
    void reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试或联系系统管理员' });
    return;
  }
  if (appError.code === 'SERVICE_BUSY') void reply.header('retry-after', '5');
  void reply.status(statusByCode[appError.code]).send({
    code: appError.code,
    message: appError.message,
    field: appError.field,
    details: appError.details,
  });
}
