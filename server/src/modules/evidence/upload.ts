/**
 * Reads an evidence upload: multipart/form-data with one part `file` and the
 * capture metadata as text fields. The file streams straight into the store's
 * staging area while it is hashed; nothing is committed here, so a refused
 * upload (bad metadata, too large, cut off) leaves no file behind.
 */
import { AppError } from '@zhifa/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { validationError } from '../../http/errors.js';
import { text } from '../../http/fields.js';
import { type EvidenceStore, EvidenceStoreError, type StagedContent } from '../../storage/evidence-store.js';

const maxDurationSeconds = 7 * 24 * 3600;

export const captureFields = z.strictObject({
  /** Who recorded or collected it (name, and badge number where there is one). */
  capturedBy: text(100),
  /** When it was recorded, with its UTC offset, e.g. 2026-11-24T09:30:00+08:00. */
  capturedAt: z.iso.datetime({ offset: true, message: '应为带时区的时间，如 2026-11-24T09:30:00+08:00' }),
  location: text(200).optional(),
  deviceId: text(100).optional(),
  durationSeconds: z
    .string()
    .regex(/^\d{1,7}(\.\d{1,3})?$/, { message: '应为秒数，最多三位小数' })
    .transform(Number)
    .pipe(z.number().max(maxDurationSeconds, { message: '时长不能超过 7 天' }))
    .optional(),
});
export type CaptureFields = z.output<typeof captureFields>;

export interface ReceivedUpload {
  staged: StagedContent;
  fields: CaptureFields;
  originalName: string | null;
}

const streamBufferBytes = 1024 * 1024;

/** Room for the multipart framing and the text fields around the file. */
const framingAllowance = 64 * 1024;

/** Device clocks drift; a capture time this far past the upload is still believed. */
const clockSkewMs = 10 * 60 * 1000;

export async function receiveUpload(
  request: FastifyRequest,
  store: EvidenceStore,
  maxBytes: number,
  now: Date,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传，文件字段名为 file', {
      field: 'body',
    });
  }
  // A declared length over the limit is refused before a byte is read.
  const declared = Number(request.headers['content-length']);
  if (declared > maxBytes + framingAllowance) throw tooLarge(maxBytes);

  // A Map, so field names such as `constructor` are plain names.
  const values = new Map<string, unknown>();
  let staged: StagedContent | null = null;
  let originalName: string | null = null;
  try {
    // Busboy's own limit is one byte over ours, so the store sees the excess and refuses.
    // Buffers of 1 MiB rather than busboy's 16 KiB: fewer pauses of the socket per megabyte.
    const parts = request.parts({
      limits: { fileSize: maxBytes + 1 },
      highWaterMark: streamBufferBytes,
      fileHwm: streamBufferBytes,
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (values.has(part.fieldname) || part.valueTruncated) {
          throw new AppError('VALIDATION_FAILED', '字段重复或过长', { field: `body.${part.fieldname}` });
        }
        // Empty optional fields, as an HTML form sends them, count as absent.
        if (part.value !== '') values.set(part.fieldname, part.value);
        continue;
      }
      if (part.fieldname !== 'file' || staged) {
        throw new AppError('VALIDATION_FAILED', '只能上传一个文件，字段名为 file', {
          field: `body.${part.fieldname}`,
        });
      }
      staged = await store.stage(part.file, { maxBytes });
      if (part.file.truncated) throw tooLarge(maxBytes);
      originalName = fileName(part.filename);
    }
    if (!staged) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', { field: 'body.file' });
    if (staged.size === 0) throw new AppError('VALIDATION_FAILED', '文件为空', { field: 'body.file' });
    const parsed = captureFields.safeParse(Object.fromEntries(values));
    if (!parsed.success) throw validationError(parsed.error, 'body');
    if (new Date(parsed.data.capturedAt).getTime() > now.getTime() + clockSkewMs) {
      throw new AppError('VALIDATION_FAILED', '采集时间不能晚于上传时间', { field: 'body.capturedAt' });
    }
    return { staged, fields: parsed.data, originalName };
  } catch (error) {
    await staged?.discard();
    throw asClientError(error, maxBytes);
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `证据文件超过上传上限（${maxBytes} 字节）`, {
    field: 'body.file',
  });
}

/** The client's name, kept as metadata only: control characters dropped, length bounded. */
function fileName(name: string | undefined): string | null {
  const clean = (name ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
    .replace(/[\u0000-\u001F\u007F]/g, '')
    .normalize('NFC')
    .trim();
  if (clean === '' || !clean.isWellFormed()) return null;
  // By code point, as the database counts, so a pair is never split.
  return Array.from(clean).slice(0, 255).join('');
}

/**
 * Errors of the multipart parser are the client's (malformed or cut-off body,
 * too many parts); errors with a system call (disk full) or of the store remain the server's.
 */
function asClientError(error: unknown, maxBytes: number): unknown {
  if (
    error instanceof AppError ||
    error instanceof EvidenceStoreError ||
    (error as NodeJS.ErrnoException).syscall
  )
    return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT')
    return new AppError('VALIDATION_FAILED', '只能上传一个文件', { field: 'body.file' });
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return new AppError('VALIDATION_FAILED', '表单字段过多', { field: 'body' });
  return new AppError('VALIDATION_FAILED', '上传内容不完整或不是有效的 multipart/form-data', {
    field: 'body',
  });
}
