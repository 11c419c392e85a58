/**
 * HTTP Range (RFC 9110 §14) for one byte range: `bytes=a-b`, `bytes=a-`, `bytes=-n`.
 * Several ranges are refused rather than answered with the whole file, which
 * for a video may be gigabytes the client did not ask for.
 */
import { AppError } from '@zhifa/core';
import type { ByteRange } from '../../storage/evidence-store.js';

/** null: no (or an ignorable) Range header, send everything. */
export function parseRange(header: string | undefined, size: number): ByteRange | null {
  if (header === undefined) return null;
  const value = header.trim();
  // A unit other than bytes must be ignored, not refused.
  if (!/^bytes\s*=/i.test(value)) return null;
  const match = /^bytes\s*=\s*(\d{0,16})\s*-\s*(\d{0,16})$/i.exec(value);
  const unsatisfiable = () =>
    new AppError('RANGE_NOT_SATISFIABLE', `请求的字节范围无效或超出文件大小（${size} 字节）`, {
      field: 'headers.range',
    });
  if (!match || (match[1] === '' && match[2] === '')) throw unsatisfiable();
  const [, first, last] = match as unknown as [string, string, string];
  let range: ByteRange;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) throw unsatisfiable();
    range = { start: Math.max(0, size - suffix), end: size - 1 };
  } else {
    const start = Number(first);
    const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
    range = { start, end };
  }
  if (range.start >= size || range.start > range.end) throw unsatisfiable();
  return range;
}
