/**
 * Calendar import files. JSON: an array of {date, kind, name} or an object
 * {days: [...]}, optionally with {years: [...]} to declare a year that has no
 * special days. CSV: a header line `date,kind,name`, then one day per line.
 * `kind` is `holiday` (休) or `workday` (调休上班).
 */
import { AppError, type CalendarEntry } from '@zhifa/core';
import Papa from 'papaparse';
import { z } from 'zod';
import { validationError } from '../../http/errors.js';
import { isoDate, text, year } from '../../http/fields.js';

const kindAliases: Record<string, 'holiday' | 'workday'> = {
  holiday: 'holiday',
  休: 'holiday',
  休息: 'holiday',
  workday: 'workday',
  班: 'workday',
  上班: 'workday',
  调休上班: 'workday',
};

export const calendarEntrySchema = z.strictObject({
  date: isoDate,
  kind: z.preprocess(
    (v) => (typeof v === 'string' ? (kindAliases[v.trim()] ?? v) : v),
    z.enum(['holiday', 'workday']),
  ),
  name: text(50),
});

export const calendarFileSchema = z.union([
  z.array(calendarEntrySchema).max(1000),
  z.strictObject({ years: z.array(year).max(50).optional(), days: z.array(calendarEntrySchema).max(1000) }),
]);

export type CalendarFileFormat = 'json' | 'csv';

export function parseCalendarFile(
  content: string,
  format: CalendarFileFormat,
): { days: CalendarEntry[]; years: number[] } {
  let raw: unknown;
  if (format === 'json') {
    try {
      raw = JSON.parse(content);
    } catch {
      throw new AppError('INVALID_JSON', '日历文件不是有效的 JSON', { field: 'content' });
    }
  } else {
    const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
      transformHeader: (h) => h.trim().toLowerCase(),
    });
    const missing = ['date', 'kind', 'name'].find((h) => !parsed.meta.fields?.includes(h));
    if (missing)
      throw new AppError('VALIDATION_FAILED', `CSV 缺少列：${missing}（表头应为 date,kind,name）`, {
        field: 'content',
      });
    if (parsed.errors.length > 0) {
      const first = parsed.errors[0]!;
      throw new AppError('VALIDATION_FAILED', `CSV 第 ${(first.row ?? 0) + 2} 行格式错误：${first.message}`, {
        field: 'content',
      });
    }
    raw = parsed.data;
  }
  const result = calendarFileSchema.safeParse(raw);
  if (!result.success) throw validationError(result.error, 'content');
  const data = result.data;
  return Array.isArray(data) ? { days: data, years: [] } : { days: data.days, years: data.years ?? [] };
}
