/**
 * The one HTTP client of the console: JSON in and out, the session cookie, the
 * CSRF header on every non-GET request, and errors as `ApiError` carrying the
 * server's code, Chinese message and field paths. A 401 on any call other than
 * login tells the auth context that the session is gone; PASSWORD_CHANGE_REQUIRED
 * or TOTP_SETUP_REQUIRED tells it to reload the user, whose restriction then shows.
 */
import type { ErrorBody, ErrorDetail } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: ErrorDetail[];
  /** What the server's Retry-After asked for (a busy server, 503). */
  retryAfterMs: number | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.details = body.details ?? [];
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;
let onRestricted: (() => void) | null = null;

/** Codes by which the server says the session must first change its password or enable TOTP. */
const restrictionCodes = new Set(['PASSWORD_CHANGE_REQUIRED', 'TOTP_SETUP_REQUIRED']);

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export function setRestrictedHandler(handler: (() => void) | null): void {
  onRestricted = handler;
}

type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readError(response: Response): Promise<ErrorBody> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    if (typeof body.code === 'string' && typeof body.message === 'string') return body as ErrorBody;
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic message.
  }
  const message =
    response.status >= 500 ? '服务器暂时无法处理请求，请稍后重试' : `请求失败（HTTP ${response.status}）`;
  return { code: response.status >= 500 ? 'INTERNAL' : 'HTTP_ERROR', message, details: [] };
}

/** How often a request refused as SERVICE_BUSY is sent again, and the longest wait before it. */
const busyRetries = 3;
const longestBusyWaitMs = 3_000;

/**
 * A request the server refused as busy (503 SERVICE_BUSY: refused before any work, or rolled back)
 * is sent again after the Retry-After it names: a moment of load — a large export finishing beside
 * it — is not the user's error to retry by hand.
 */
export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await requestOnce<T>(method, path, body, query);
    } catch (error) {
      const busy = error instanceof ApiError && error.status === 503 && error.code === 'SERVICE_BUSY';
      if (!busy || attempt > busyRetries) throw error;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(error.retryAfterMs ?? 1_000, longestBusyWaitMs)),
      );
    }
  }
}

async function requestOnce<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await readError(response));
    const retryAfter = Number(response.headers.get('retry-after'));
    if (retryAfter > 0) error.retryAfterMs = retryAfter * 1_000;
    if (response.status === 401 && path !== '/api/auth/login') onUnauthenticated?.();
    if (restrictionCodes.has(error.code)) onRestricted?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * A multipart upload with XMLHttpRequest, because fetch reports no upload progress. Same
 * session, CSRF header and errors as `request`.
 */
export function upload<T>(path: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300) {
        response.json().then(resolve, reject);
        return;
      }
      readError(response).then((body) => {
        if (xhr.status === 401) onUnauthenticated?.();
        reject(new ApiError(xhr.status, body));
      }, reject);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' }));
    xhr.send(form);
  });
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return '发生未知错误';
}
