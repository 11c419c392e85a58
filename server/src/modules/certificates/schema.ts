/** The certificate fields as typed in forms and sheets: one validation for both. */
import { enforcementCategories } from '@zhifa/core';
import { z } from 'zod';

/** 证件编号: digits, capital letters and hyphens; typed lower case, stored upper case. */
export const certificateNumberPattern = /^[0-9A-Z][0-9A-Z-]{3,39}$/;
export const certificateNumber = z
  .string()
  .max(100)
  .transform((value) => value.trim().toUpperCase())
  .pipe(
    z.string().regex(certificateNumberPattern, { message: '证件编号应为 4–40 位数字、大写字母或连字符' }),
  );
export const categories = z
  .array(z.enum(enforcementCategories))
  .min(1, { message: '至少选择一个执法类别' })
  .max(enforcementCategories.length)
  .refine((list) => new Set(list).size === list.length, { message: '执法类别重复' });
export const regionCode = z.string().regex(/^\d{6}$/, { message: '行政区划代码应为 6 位数字（GB/T 2260）' });
