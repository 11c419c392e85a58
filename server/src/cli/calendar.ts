/** `zhifa calendar …`: import holidays (a file or the State Council's notice), count working days, check coverage. */
import path from 'node:path';
import { parseHolidayNotice, shanghaiDateOf, workingDayBounds } from '@zhifa/core';
import { type Command, Option } from 'commander';
import type { Database } from '../db/database.js';
import { type CalendarFileFormat, parseCalendarFile } from '../modules/calendar/file-format.js';
import { describeNoticeImport, importHolidayNotice } from '../modules/calendar/notice-import.js';
import { calendarStatus, importCalendar, loadCalendar } from '../modules/calendar/service.js';
import { tellOfMovedDeadlines } from '../modules/cases/calendar-change.js';
import { type CliContext, count, isoDateArgument, readText, withDatabase } from './shared.js';

async function importTelling<T extends { years: number[] }>(
  out: CliContext['out'],
  db: Database['db'],
  work: (trx: Database['db'], now: Date) => Promise<T>,
): Promise<T> {
  const now = new Date();
  const { result, told } = await db.transaction().execute(async (trx) => {
    const before = await loadCalendar(trx);
    const result = await work(trx, now);
    const reason = `工作日历已导入（${result.years.join('、')} 年）`;
    return { result, told: await tellOfMovedDeadlines(trx, before, reason, now) };
  });
  if (told.cases) out(`${told.cases} 个案件的期限有变化，已通知承办人员 ${told.notices} 人次`);
  return result;
}

export function addCalendarCommands(program: Command, { env, out, err }: CliContext): void {
  const calendar = program.command('calendar').description('工作日历');
  calendar
    .command('import <file>')
    .description('导入节假日与调休上班日（JSON 或 CSV，表头 date,kind,name），替换所涉年份')
    .addOption(new Option('--format <format>', '文件格式，默认按扩展名').choices(['json', 'csv']))
    .action((file: string, options: { format?: CalendarFileFormat }) =>
      withDatabase(env, async ({ db }) => {
        const format = options.format ?? (path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'json');
        const parsed = parseCalendarFile(readText(file), format);
        const result = await importTelling(out, db, (trx, now) =>
          importCalendar(
            trx,
            parsed.days,
            `import:${path.basename(file)}`,
            { userId: null, now },
            parsed.years,
          ),
        );
        out(`已导入 ${result.years.join('、')} 年，共 ${result.days} 个特殊日期`);
      }),
    );
  calendar
    .command('import-notice <file>')
    .description(
      '导入国务院办公厅节假日安排通知（文本文件），替换该年度；--dry-run 只打印解析出的日期（CSV）',
    )
    .option('--dry-run', '只解析并打印 date,kind,name，不写数据库')
    .action((file: string, options: { dryRun?: boolean }) => {
      const notice = parseHolidayNotice(readText(file));
      if (options.dryRun) {
        out(['date,kind,name', ...notice.entries.map((e) => `${e.date},${e.kind},${e.name}`)].join('\n'));
        for (const section of notice.sections.filter((s) => s.extendedTo))
          err(`${section.name}假期延长至 ${section.extendedTo}（导入时按已有数据补齐）\n`);
        return;
      }
      return withDatabase(env, async ({ db }) => {
        const { preview, result } = await importTelling(out, db, async (trx, now) => {
          const imported = await importHolidayNotice(trx, notice, `notice:${path.basename(file)}`, {
            userId: null,
            now,
          });
          return { ...imported, years: imported.result.years };
        });
        out(describeNoticeImport(preview, result));
      });
    });
  calendar
    .command('workdays-after <date> <n>')
    .description('打印某日之后第 n 个工作日；次年安排未导入时打印最早与最迟的可能日期（暂定）')
    .action((date: string, n: string) => {
      const start = isoDateArgument(date);
      const days = count(n);
      return withDatabase(env, async ({ db }) => {
        const { earliest, latest, provisional } = workingDayBounds(await loadCalendar(db), start, days);
        out(provisional ? `${earliest} 至 ${latest}（暂定：${provisional}）` : earliest);
      });
    });
  calendar
    .command('status')
    .description('列出已有节假日数据的年份与缺少的年份；提醒日之后仍缺次年数据时退出码为 1')
    .option('--today <date>', '按这一天判断（默认今天，北京时间）')
    .action((options: { today?: string }) => {
      const today = options.today ? isoDateArgument(options.today) : shanghaiDateOf(new Date());
      return withDatabase(env, async ({ db }) => {
        const status = await calendarStatus(db, today);
        out(`已有数据的年份：${status.years.join('、') || '无'}`);
        out(`缺少的年份：${status.missing.join('、') || '无'}（${today}，提醒日 ${status.warnFrom}）`);
        if (status.warning) throw new Error(status.message);
      });
    });
}
