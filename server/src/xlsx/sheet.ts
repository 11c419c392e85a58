/**
 * Reading and writing .xlsx sheets (exceljs) for every list the platform
 * imports and exports — the power list now, the training ledger and other
 * registers later. A sheet is a header row and one record per row; columns are
 * matched by their header text, so extra columns (status, version) are ignored
 * on import and a reordered sheet still reads.
 *
 * Imports report problems per cell — row number (as Excel shows it), column
 * header, message — and the caller writes nothing unless there are none.
 * Uploads arrive base64-encoded in JSON (so the usual body limit, CSRF and
 * validation apply); the archive is inflated here, counting the bytes actually
 * produced, and handed to exceljs uncompressed, so a small zip cannot expand
 * without bound whatever sizes it declares.
 */
import { AppError, type ErrorDetail } from '@zhifa/core';
import type { CellValue } from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';

/** Loaded on first use: the spreadsheet library costs the resident server ~25 MB otherwise. */
const excel = async () => (await import('exceljs')).default;

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Most a sheet may expand to when unzipped. */
export const maxUnzippedBytes = 30 * 1024 * 1024;

export interface SheetColumn<K extends string = string> {
  key: K;
  header: string;
  width?: number;
  /** Must be present in an imported sheet. */
  required?: boolean;
  /** Written on export, ignored on import (status, version, dates). */
  exportOnly?: boolean;
}

export type CellOut = string | number | null;

export interface SheetSpec<K extends string> {
  name: string;
  columns: readonly SheetColumn<K>[];
  rows: readonly Record<K, CellOut>[];
}

/** One workbook of one or more sheets: bold frozen header, wrapped text, sensible widths. */
export async function writeWorkbook<K extends string>(
  sheets: readonly SheetSpec<K>[],
  meta: { creator: string; created: Date },
): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = meta.creator;
  workbook.created = meta.created;
  workbook.modified = meta.created;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
    sheet.eachRow((row, number) => {
      if (number > 1) row.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The text of a cell, whatever exceljs made of it: rich text, formula results, links, dates. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('error' in value) return '';
  }
  return '';
}

/** The values of a cell that holds several, as a person types them: apart by 、，,;； or white space. */
export const splitCell = (cell: string) => cell.split(/[、，,;；\s]+/).filter(Boolean);

export interface ReadRow<K extends string> {
  /** The row number Excel shows. */
  row: number;
  values: Record<K, string>;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** Problems as an error: 400 with one detail per cell, field `第3行/列名`. */
export function rowProblemsError(problems: readonly RowProblem[], what = '数据'): AppError {
  const details: ErrorDetail[] = problems.map((p) => ({
    field: `第${p.row}行/${p.column}`,
    message: p.message,
  }));
  return new AppError('VALIDATION_FAILED', `导入文件有 ${problems.length} 处问题，未导入任何${what}`, {
    field: details[0]?.field ?? 'body.content',
    details,
  });
}

const unreadable = (message: string) => new AppError('VALIDATION_FAILED', message, { field: 'body.content' });

/** Bytes inflated by imports since the process started (tests read it: nothing inflates past the cap). */
export const unzipStats = { inflatedBytes: 0 };

/**
 * Every member of the archive, inflated here and counted as it is produced (SEC-12):
 * declared sizes are only a first, cheap refusal. What comes back is the same
 * workbook stored without compression, so exceljs inflates nothing itself.
 */
function inflateBounded(data: Buffer): Promise<Buffer> {
  const tooLarge = () => unreadable('工作簿解压后过大（或与声明的大小不符），请拆分后分批导入');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(unreadable('文件不是有效的 .xlsx 工作簿'));
      const members: { name: string; content: Buffer }[] = [];
      let declared = 0;
      let inflated = 0;
      const fail = (failure: AppError) => {
        zip.close();
        reject(failure);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (declared > maxUnzippedBytes) return fail(tooLarge());
        zip.openReadStream(entry, (failed, stream) => {
          if (failed) return fail(unreadable('文件不是有效的 .xlsx 工作簿'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            unzipStats.inflatedBytes += chunk.length;
            if (inflated > maxUnzippedBytes) {
              stream.destroy();
              fail(tooLarge());
            } else chunks.push(chunk);
          });
          // yauzl stops an entry that inflates past its declared size: the same refusal.
          stream.on('error', () => fail(tooLarge()));
          stream.on('end', () => {
            members.push({ name: entry.fileName, content: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => {
        const stored = new yazl.ZipFile();
        try {
          for (const m of members)
            if (m.name.endsWith('/')) stored.addEmptyDirectory(m.name);
            else stored.addBuffer(m.content, m.name, { compress: false });
        } catch {
          return reject(unreadable('文件不是有效的 .xlsx 工作簿'));
        }
        stored.end();
        const out: Buffer[] = [];
        stored.outputStream.on('data', (chunk: Buffer) => out.push(chunk));
        stored.outputStream.on('end', () => resolve(Buffer.concat(out)));
      });
      zip.on('error', () => fail(unreadable('文件不是有效的 .xlsx 工作簿')));
      zip.readEntry();
    });
  });
}

/**
 * Reads the first sheet (or the one named): its header row names the columns,
 * each later non-empty row is a record. A missing required column, an
 * unreadable file or too many rows is an error naming body.content.
 */
export async function readSheet<K extends string>(
  data: Buffer,
  columns: readonly SheetColumn<K>[],
  options: { maxRows: number; sheetName?: string },
): Promise<ReadRow<K>[]> {
  const stored = await inflateBounded(data);
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(stored as unknown as ArrayBuffer);
  } catch {
    throw unreadable('文件不是有效的 .xlsx 工作簿');
  }
  const sheet =
    (options.sheetName ? workbook.getWorksheet(options.sheetName) : undefined) ?? workbook.worksheets[0];
  if (!sheet) throw unreadable('工作簿中没有工作表');
  const header = sheet.getRow(1);
  const positions = new Map<K, number>();
  header.eachCell({ includeEmpty: false }, (cell, column) => {
    const text = cellText(cell.value).replace(/\s+/g, '');
    const match = columns.find((c) => c.header.replace(/\s+/g, '') === text);
    if (match && !positions.has(match.key)) positions.set(match.key, column);
  });
  const missing = columns.filter((c) => c.required && !positions.has(c.key)).map((c) => `“${c.header}”`);
  if (missing.length > 0)
    throw new AppError('VALIDATION_FAILED', `第1行（表头）缺少列：${missing.join('、')}`, {
      field: '第1行/表头',
      details: missing.map((m) => ({ field: '第1行/表头', message: `缺少列${m}` })),
    });
  const rows: ReadRow<K>[] = [];
  for (let number = 2; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const values = {} as Record<K, string>;
    let empty = true;
    for (const column of columns) {
      const position = positions.get(column.key);
      const text = position === undefined || column.exportOnly ? '' : cellText(row.getCell(position).value);
      values[column.key] = text;
      if (text) empty = false;
    }
    if (empty) continue;
    rows.push({ row: number, values });
    if (rows.length > options.maxRows)
      throw unreadable(`一次最多导入 ${options.maxRows} 行，请拆分后分批导入`);
  }
  if (rows.length === 0) throw unreadable('工作表中没有数据行');
  return rows;
}

/** An uploaded file in a JSON body: standard base64, at most what the body limit lets through. */
export const base64File = z
  .string()
  .min(1, { message: '请选择文件' })
  .max(1_048_576)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: '文件内容应为 base64 编码' });

export const decodeBase64 = (content: string) => Buffer.from(content, 'base64');

/** Content-Disposition for a download with a Chinese name (RFC 6266, with an ASCII fallback). */
export function attachment(ascii: string, chinese: string): string {
  const encoded = encodeURIComponent(chinese).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
