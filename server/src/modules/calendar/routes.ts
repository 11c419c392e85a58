import {
  computableYears,
  parseHolidayNotice,
  shanghaiDateOf,
  statutoryHolidays,
  type WorkingDayCalendar,
  workingDayBounds,
  yearEnvelope,
} from '@zhifa/core';
import { z } from 'zod';
import { isoDate, text, year } from '../../http/fields.js';
import { defineRoute, type HandlerContext, mayTake } from '../../http/route.js';
import { tellOfMovedDeadlines } from '../cases/calendar-change.js';
import { calendarEntrySchema, parseCalendarFile } from './file-format.js';
import { importHolidayNotice, planNoticeImport } from './notice-import.js';
import {
  calendarDays,
  calendarStatus,
  calendarYears,
  importCalendar,
  loadCalendar,
  removeCalendarDay,
  setCalendarDay,
} from './service.js';

const dateParams = z.strictObject({ date: isoDate });

/**
 * A calendar change goes to the security audit trail and to the ledger's
 * `calendar` stream; the officers of every open case whose deadlines it moved
 * are told (the count is returned to the administrator).
 */
async function recordChange(
  ctx: Pick<HandlerContext<unknown, unknown, unknown, unknown>, 'audit' | 'record' | 'db' | 'app'>,
  before: WorkingDayCalendar,
  target: string,
  change: Record<string, string | number | boolean>,
) {
  await ctx.audit({ event: 'calendar_changed', outcome: 'success', target, detail: change });
  await ctx.record({
    streamId: 'calendar',
    agencyId: null,
    kind: 'calendar.changed',
    payload: { target, change },
  });
  return tellOfMovedDeadlines(ctx.db, before, `工作日历已更新（${target}）`, ctx.app.clock());
}

/**
 * A year without data as the law alone gives it (docs/decisions/0015): the statutory
 * holidays, and how many days around them the arrangement may still change.
 */
function estimateOf(year: number) {
  if (year < computableYears.first || year > computableYears.last) return null;
  const envelope = yearEnvelope(year);
  return {
    holidays: statutoryHolidays(year).map((h) => ({ date: h.date, kind: 'holiday' as const, name: h.name })),
    mayRest: [...envelope.mayRest].sort(),
    mayWork: [...envelope.mayWork].sort(),
  };
}

export const calendarRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/calendar',
    access: 'calendar.read',
    summary: '工作日历：已有数据的年份及某年的节假日与调休上班日',
    query: z.strictObject({ year: year.optional() }),
    handler: async ({ db, query, user, app }) => {
      const years = await calendarYears(db);
      const shown = query.year ?? app.clock().getUTCFullYear();
      const hasData = years.some((y) => y.year === shown);
      return {
        year: shown,
        hasData,
        years,
        days: await calendarDays(db, shown),
        ...(!hasData && { estimate: estimateOf(shown) }),
        actions: { edit: mayTake(user, 'calendar.edit') },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/calendar/status',
    access: 'calendar.read',
    summary: '工作日历覆盖的年份；次年节假日安排未导入时的提醒',
    handler: async ({ db, app }) => calendarStatus(db, shanghaiDateOf(app.clock())),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/calendar/workdays-after',
    access: 'calendar.read',
    summary: '计算某日之后第 N 个工作日',
    query: z.strictObject({ date: isoDate, count: z.coerce.number().int().min(0).max(366) }),
    handler: async ({ db, query }) => {
      const { earliest, latest, provisional } = workingDayBounds(
        await loadCalendar(db),
        query.date,
        query.count,
      );
      return {
        date: query.date,
        count: query.count,
        result: earliest,
        ...(provisional && { provisional: { earliest, latest, reason: provisional } }),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/calendar/years',
    access: 'calendar.edit',
    summary: '新增年度（随后逐日录入国务院公布的节假日安排）',
    body: z.strictObject({ year }),
    handler: async ({ db, body, user, app, reply, audit, record }) => {
      const before = await loadCalendar(db);
      const existing = (await calendarYears(db)).some((y) => y.year === body.year);
      const result = existing
        ? { years: [body.year], days: 0 }
        : await importCalendar(db, [], 'manual', { userId: user.id, now: app.clock() }, [body.year]);
      const told = existing
        ? undefined
        : await recordChange({ audit, record, db, app }, before, `${body.year}`, { created: true });
      reply.status(existing ? 200 : 201);
      return { ...result, ...(told && { told }) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/calendar/import',
    access: 'calendar.edit',
    summary: '导入日历文件（JSON 或 CSV），替换所涉年份的数据',
    body: z.strictObject({
      format: z.enum(['json', 'csv']),
      fileName: text(200).optional(),
      content: z.string().min(1).max(200_000),
    }),
    handler: async ({ db, body, user, app, audit, record }) => {
      const file = parseCalendarFile(body.content, body.format);
      const before = await loadCalendar(db);
      const source = `import:${body.fileName ?? body.format}`;
      const result = await importCalendar(
        db,
        file.days,
        source,
        { userId: user.id, now: app.clock() },
        file.years,
        'content',
      );
      const told = await recordChange({ audit, record, db, app }, before, result.years.join(','), {
        source,
        days: result.days,
      });
      return { ...result, told };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/calendar/import-notice',
    access: 'calendar.edit',
    summary: '导入国务院办公厅节假日安排通知的文本：不确认时只预览与现有数据的差异，确认后替换该年度',
    body: z.strictObject({
      content: z.string().min(1).max(200_000),
      fileName: text(200).optional(),
      confirm: z.boolean().optional(),
    }),
    handler: async ({ db, body, user, app, audit, record }) => {
      const notice = parseHolidayNotice(body.content);
      if (!body.confirm) return { ...(await planNoticeImport(db, notice)).preview, saved: false };
      const source = `notice:${body.fileName ?? notice.year}`;
      const before = await loadCalendar(db);
      const { preview, result } = await importHolidayNotice(db, notice, source, {
        userId: user.id,
        now: app.clock(),
      });
      const told = await recordChange({ audit, record, db, app }, before, result.years.join(','), {
        source,
        days: result.days,
      });
      return { ...preview, saved: true, imported: result, told };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/calendar/days/:date',
    access: 'calendar.edit',
    summary: '设置某日为法定节假日或调休上班日',
    params: dateParams,
    body: calendarEntrySchema.omit({ date: true }),
    handler: async ({ db, params, body, user, app, audit, record }) => {
      const entry = { date: params.date, ...body };
      const before = await loadCalendar(db);
      await setCalendarDay(db, entry, { userId: user.id, now: app.clock() });
      const told = await recordChange({ audit, record, db, app }, before, params.date, body);
      return { ...entry, told };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/calendar/days/:date',
    access: 'calendar.edit',
    summary: '恢复某日为普通日（按星期计算）',
    params: dateParams,
    handler: async ({ db, params, user, app, reply, audit, record }) => {
      const before = await loadCalendar(db);
      await removeCalendarDay(db, params.date, { userId: user.id, now: app.clock() });
      await recordChange({ audit, record, db, app }, before, params.date, { removed: true });
      reply.status(204);
      return null;
    },
  }),
];
