/**
 * The `zhifa` command. Exit 0 on success, 1 on failure, 2 on a usage error;
 * every error is one readable line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AppError,
  addWorkingDays,
  parseIsoDate,
  passwordPolicyViolation,
  type Role,
  roles,
} from '@zhifa/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readConfig } from '../config.js';
import { createFieldCipher, type FieldCipher, loadOrCreateFieldKeys } from '../crypto/field-cipher.js';
import { type Database, openDatabase } from '../db/database.js';
import { initialiseDatabase } from '../db/initialise.js';
import { verifyCheckpoints } from '../ledger/checkpoint.js';
import { verifyEvidence, verifyLedger } from '../ledger/verify.js';
import { generatePassword } from '../modules/auth/passwords.js';
import { type CalendarFileFormat, parseCalendarFile } from '../modules/calendar/file-format.js';
import { importCalendar, loadCalendar } from '../modules/calendar/service.js';
import { currentSettings } from '../modules/settings/service.js';
import { createUser, resolveAgencyAndUnit } from '../modules/users/service.js';
import { demoUsers, isSeeded, seedDemo } from '../seed/demo.js';
import { LocalEvidenceStore } from '../storage/local.js';
import { version } from '../version.js';

async function withDatabase<T>(
  work: (database: Database & { cipher: FieldCipher }) => Promise<T>,
): Promise<T> {
  const config = readConfig();
  const cipher = createFieldCipher(loadOrCreateFieldKeys(config.dataDir));
  const database = openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await initialiseDatabase(database.db, new Date());
    return await work({ ...database, cipher });
  } finally {
    await database.close();
  }
}

const count = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('应为非负整数');
  return Number(value);
};
const isoDateArgument = (value: string) => {
  try {
    return parseIsoDate(value);
  } catch {
    throw new InvalidArgumentError('应为 YYYY-MM-DD 格式的有效日期');
  }
};

const program = new Command('zhifa')
  .description('zhifa 行政执法平台命令行')
  .version(version)
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('migrate')
  .description('创建或升级数据库结构')
  .action(() =>
    withDatabase(async ({ db }) => {
      const { migrations } = await initialiseDatabase(db, new Date());
      console.log(migrations.length ? `已执行迁移：${migrations.join('、')}` : '数据库已是最新结构');
    }),
  );

program
  .command('seed')
  .description('载入演示数据（仅当数据库为空）')
  .requiredOption('--demo', '载入演示辖区：示例省、市、县交通运输部门及示例县司法局')
  .action(() =>
    withDatabase(async ({ db, cipher }) => {
      if (await isSeeded(db)) {
        console.log('数据库中已有执法主体，未重复载入演示数据');
        return;
      }
      const given = readConfig().demoPassword;
      const password = await seedDemo(db, cipher, new Date(), given);
      console.log(`已载入演示数据，账号：${demoUsers.map((u) => u.username).join('、')}`);
      console.log(given ? '密码：ZHIFA_DEMO_PASSWORD 所设的值' : `密码（只显示这一次）：${password}`);
    }),
  );

const user = program.command('user').description('用户管理');
user
  .command('create')
  .description('创建用户')
  .requiredOption('--username <name>', '登录名（小写字母开头，3–32 位）')
  .requiredOption('--name <displayName>', '姓名')
  .requiredOption('--agency <name>', '所属执法主体的名称或编号')
  .addOption(new Option('--role <role...>', '角色，可多个').choices([...roles]).makeOptionMandatory())
  .option('--unit <name>', '所属承办机构名称')
  .option('--password <password>', '初始密码（不给则生成并显示一次）')
  .action(
    (options: {
      username: string;
      name: string;
      agency: string;
      role: Role[];
      unit?: string;
      password?: string;
    }) =>
      withDatabase(async ({ db }) => {
        const password = options.password ?? generatePassword();
        const { security } = await currentSettings(db);
        const weak = passwordPolicyViolation(password, options.username, {
          minLength: security.passwordMinLength,
        });
        if (weak) throw new AppError('VALIDATION_FAILED', weak, { field: 'password' });
        const created = await db.transaction().execute(async (trx) => {
          const { agency, unitId } = await resolveAgencyAndUnit(trx, options.agency, options.unit);
          const user = await createUser(
            trx,
            {
              agencyId: agency.id,
              unitId,
              personId: null,
              username: options.username,
              displayName: options.name,
              roles: options.role,
              password,
              mustChangePassword: !options.password,
            },
            new Date(),
          );
          return { ...user, agencyName: agency.name };
        });
        console.log(`已创建用户 ${created.username}（${created.agencyName}）`);
        if (!options.password) console.log(`初始密码（只显示这一次）：${password}`);
      }),
  );

const calendar = program.command('calendar').description('工作日历');
calendar
  .command('import <file>')
  .description('导入节假日与调休上班日（JSON 或 CSV，表头 date,kind,name），替换所涉年份')
  .addOption(new Option('--format <format>', '文件格式，默认按扩展名').choices(['json', 'csv']))
  .action((file: string, options: { format?: CalendarFileFormat }) =>
    withDatabase(async ({ db }) => {
      const format = options.format ?? (path.extname(file).toLowerCase() === '.csv' ? 'csv' : 'json');
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (error) {
        throw new Error(`无法读取文件 ${file}：${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      const parsed = parseCalendarFile(content, format);
      const result = await db
        .transaction()
        .execute((trx) =>
          importCalendar(
            trx,
            parsed.days,
            `import:${path.basename(file)}`,
            { userId: null, now: new Date() },
            parsed.years,
          ),
        );
      console.log(`已导入 ${result.years.join('、')} 年，共 ${result.days} 个特殊日期`);
    }),
  );
calendar
  .command('workdays-after <date> <n>')
  .description('打印某日之后第 n 个工作日')
  .action((date: string, n: string) => {
    const start = isoDateArgument(date);
    const days = count(n);
    return withDatabase(async ({ db }) => {
      console.log(addWorkingDays(await loadCalendar(db), start, days));
    });
  });

program
  .command('verify')
  .description('重新计算全部哈希链、检查点签名和证据文件哈希；发现问题时指出第一个断点（退出码 1）')
  .option('--stream <id>', '只校验一个流（如 case:…）')
  .action((options: { stream?: string }) =>
    withDatabase(async ({ db }) => {
      const started = performance.now();
      const progress = (events: number) => {
        if (process.stderr.isTTY) process.stderr.write(`\r已校验 ${events} 条事件……`);
      };
      const result = await verifyLedger(db, {
        ...(options.stream && { streamId: options.stream }),
        onProgress: progress,
      });
      if (process.stderr.isTTY) process.stderr.write('\r');
      const checkpoints = await verifyCheckpoints(db);
      // Evidence files: all of them, or the one a stream evidence:<id> names.
      const evidenceId = /^evidence:([0-9a-f-]{36})$/.exec(options.stream ?? '')?.[1];
      const evidence =
        options.stream && !evidenceId
          ? null
          : await verifyEvidence(db, new LocalEvidenceStore(path.join(readConfig().dataDir, 'evidence')), {
              ...(evidenceId && { evidenceId }),
            });
      const seconds = (performance.now() - started) / 1000;
      const files = evidence
        ? `，${evidence.files} 个证据文件（${(evidence.bytes / 1024 ** 2).toFixed(1)} MB）`
        : '';
      const summary = `${result.streams} 个流，${result.events} 条事件，${checkpoints.checkpoints} 个检查点${files}，用时 ${seconds.toFixed(2)} 秒`;
      if (result.ok && !checkpoints.problem && !evidence?.firstProblem) {
        console.log(`校验通过：${summary}`);
        return;
      }
      if (!result.ok) {
        const b = result.firstBreak!;
        console.log(`校验失败：${summary}（至第一个断点）`);
        throw new Error(`第一个断点：流 ${b.streamId} 序号 ${b.seq}（${b.problem}）：${b.detail}`);
      }
      console.log(`校验失败：${summary}`);
      if (checkpoints.problem) throw new Error(checkpoints.problem);
      const p = evidence!.firstProblem!;
      throw new Error(`第一个有问题的证据：${p.evidenceId}（sha256 ${p.sha256}，${p.problem}）：${p.detail}`);
    }),
  );

async function run(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof InvalidArgumentError) {
      console.error(`zhifa：${error.message}`);
      return 2;
    }
    const field = error instanceof AppError && error.field ? `（${error.field}）` : '';
    console.error(`zhifa：${error instanceof Error ? error.message : String(error)}${field}`);
    return 1;
  }
}

// Exit explicitly: worker threads (the SM3 hasher) or open handles must not keep a finished command alive.
process.exit(await run(process.argv));
