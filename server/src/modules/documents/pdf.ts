/**
 * PDF through LibreOffice headless, where it is installed (Debian:
 * libreoffice-writer-nogui and fonts-noto-cjk). Found on PATH at each use, so
 * installing it needs no restart; when absent, documents report `pdf: unavailable`
 * and the PDF route refuses clearly. The PDF is a print copy derived on demand:
 * the signed, hashed record is the .docx.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AppError } from '@zhifa/core';
import { LRUCache } from 'lru-cache';

const run = promisify(execFile);
const names = ['soffice', 'libreoffice'];

/** The LibreOffice executable on `searchPath` (default: PATH), or null. */
export function findSoffice(searchPath = process.env.PATH ?? ''): string | null {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {}
    }
  }
  return null;
}

export type PdfAvailability = 'available' | 'unavailable';

export const pdfAvailability = (searchPath?: string): PdfAvailability =>
  findSoffice(searchPath) ? 'available' : 'unavailable';

export function pdfUnavailable(): AppError {
  return new AppError('RULE_VIOLATION', 'PDF 不可用：服务器未安装 LibreOffice（soffice），请下载 .docx 文书');
}

/** Converts a .docx to PDF with `soffice --headless`, in a private temporary directory. */
export async function convertToPdf(docx: Buffer, searchPath?: string): Promise<Buffer> {
  const soffice = findSoffice(searchPath);
  if (!soffice) throw pdfUnavailable();
  const dir = await mkdtemp(path.join(tmpdir(), 'zhifa-pdf-'));
  try {
    const input = path.join(dir, 'document.docx');
    await writeFile(input, docx, { mode: 0o600 });
    // A profile of its own: concurrent conversions must not share (and lock) one.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    try {
      await run(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: 120_000, env: { ...process.env, HOME: dir } },
      );
      return await readFile(path.join(dir, 'document.pdf'));
    } catch {
      throw new AppError('INTERNAL', 'PDF 转换失败：LibreOffice 未能生成 PDF，请下载 .docx 文书');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A signed document never changes (a correction is a new document), so neither does its print
 * copy: each is converted once per server process and kept by the .docx's SHA-256, up to
 * 64 MiB of PDFs. A conversion takes LibreOffice seconds; concurrent requests for one
 * document share it.
 */
const printCopies = new LRUCache<string, Buffer, Buffer>({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (pdf) => pdf.length,
  fetchMethod: (_sha256, _stale, { context: docx }) => convertToPdf(docx),
});

/** The PDF of a .docx whose SHA-256 the caller has just verified. */
export async function printCopyOf(docx: Buffer, sha256: string): Promise<Buffer> {
  if (!findSoffice()) throw pdfUnavailable();
  const pdf = await printCopies.fetch(sha256, { context: docx });
  if (!pdf) throw new Error(`no PDF for ${sha256}`);
  return pdf;
}
