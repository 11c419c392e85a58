/**
 * Field schemas shared by every route. Text is NFC-normalised and may not hold
 * control characters or lone surrogates (not well-formed UTF-16): PostgreSQL cannot store NUL, and
 * invisible characters in a legal record are a way to make two texts look equal.
 */
import { isIsoDate } from '@zhifa/core';
import { z } from 'zod';

// Control characters except tab, newline and carriage return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function text(max: number, min = 1) {
  return z
    .string()
    .refine((value) => value.isWellFormed() && !controlCharacters.test(value), {
      message: '含有不允许的控制字符或无效的 Unicode 字符',
    })
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min, { message: min === 1 ? '不能为空' : `至少 ${min} 个字符` })
        .max(max),
    );
}

export const isoDate = z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD 且为有效日期' });

export const year = z.coerce.number().int().min(1949).max(2200);

export const uuid = z.uuid({ message: '应为有效的编号（UUID）' });

export const noInput = z.strictObject({});
