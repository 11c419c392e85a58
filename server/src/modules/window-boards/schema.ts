/**
 * 窗口公示牌 (P8): the fields of a board as the console sends them — and as a
 * sheet row becomes once its names are resolved, so both are checked alike.
 */
import { enforcementItemTypes } from '@zhifa/core';
import { z } from 'zod';
import { text, uuid } from '../../http/fields.js';
import { profileBody } from '../agency-profiles/routes.js';

export const boardFields = {
  name: text(100),
  unitId: uuid.nullable(),
  enforcementTypes: z
    .array(z.enum(enforcementItemTypes))
    .min(1, { message: '至少选择一类执法行为' })
    .max(enforcementItemTypes.length)
    .refine((list) => new Set(list).size === list.length, { message: '执法类别重复' }),
  services: z.array(text(200)).min(1, { message: '至少列出一项服务事项' }).max(50),
  officeHours: text(200),
  phone: profileBody.shape.phone.pipe(z.string().min(1, { message: '不能为空' })),
  location: text(200, 0).default(''),
  sortOrder: z.number().int().min(0).max(999).default(0),
  staff: z
    .array(z.strictObject({ personId: uuid, duty: text(50, 0).default('') }))
    .max(30)
    .default([]),
};
