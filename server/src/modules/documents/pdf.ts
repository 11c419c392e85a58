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
    await run(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 120_000, env: { ...process.env, HOME: dir } },
    );
    return await readFile(path.join(dir, 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
