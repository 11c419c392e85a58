/**
 * The HTTP side of every sheet: an export leaves as an .xlsx download that is
 * never cached; an import arrives as a base64 file in a JSON body (so the body
 * limit, CSRF and validation apply), with the choice to only check it.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { text } from '../http/fields.js';
import { attachment, base64File, decodeBase64, xlsxMediaType } from './sheet.js';

/** The fields of an import body; a route that takes more spreads them into its own. */
export const sheetUploadFields = {
  fileName: text(200, 0).optional(),
  content: base64File,
  /** Only check the sheet: the same report, nothing written. */
  dryRun: z.boolean().default(false),
};

export const sheetUpload = z.strictObject(sheetUploadFields);

/** The workbook an import body carries, and whether only to check it. */
export const uploadOf = (body: { content: string; dryRun: boolean }) => ({
  data: decodeBase64(body.content),
  dryRun: body.dryRun,
});

/** Sends an exported workbook, saved under an ASCII and a Chinese file name. */
export function sendWorkbook(reply: FastifyReply, data: Buffer, ascii: string, chinese: string): Buffer {
  reply
    .header('content-type', xlsxMediaType)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', attachment(ascii, chinese));
  return data;
}
