/**
 * The `zhifa` commands, built for one run with the environment and output they are given:
 * the entry (main.ts) hands them the process's own, the tests their own. Exit 0 on success,
 * 1 on failure, 2 on a usage error; every error is one readable line.
 */
import { existsSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError, passwordPolicyViolation, type Role, roles } from '@zhifa/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createBackup } from '../backup/backup.js';
import { restoreBackup } from '../backup/restore.js';
import { readConfig } from '../config.js';
import { initialiseDatabase } from '../db/initialise.js';
import { verifyCheckpoints } from '../ledger/checkpoint.js';
import { exportStreamPackage } from '../ledger/package.js';
import { loadOrCreateSigner } from '../ledger/signing.js';
import { verifyEvidence, verifyLedger } from '../ledger/verify.js';
import { describeVerdict, verifyPackage } from '../ledger/verify-package.js';
import { generatePassword } from '../modules/auth/passwords.js';
import { currentSettings } from '../modules/settings/service.js';
import { createUser, resolveAgencyAndUnit } from '../modules/users/service.js';
import { demoUsers, isSeeded, seedDemo } from '../seed/demo.js';
import { version } from '../version.js';
import { addCalendarCommands } from './calendar.js';
import {
  type CliContext,
  configuredEvidenceStore,
  withDatabase,
  withUninitialisedDatabase,
} from './shared.js';

function createProgram(context: CliContext): Command {
  const { env, out } = context;
  const printProgress = (line: string) => context.err(`${line}\n`);
  const program = new Command('zhifa')
    .description('zhifa 行政执法平台命令行')
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: (text) => out(text.replace(/\n$/, '')), writeErr: context.err });

  program
    .command('migrate')
    .description('创建或升级数据库结构')
    .action(() =>
      withDatabase(env, async ({ db }) => {
        const { migrations } = await initialiseDatabase(db, new Date());
        out(migrations.length ? `已执行迁移：${migrations.join('、')}` : '数据库已是最新结构');
      }),
    );

  program
    .command('seed')
    .description('载入演示数据（仅当数据库为空）')
    .requiredOption('--demo', '载入演示辖区：示例省、市、县交通运输部门及示例县司法局')
    .action(() =>
      withDatabase(env, async ({ db, cipher }) => {
        if (await isSeeded(db)) {
          out('数据库中已有执法主体，未重复载入演示数据');
          return;
        }
        const given = readConfig(env).demoPassword;
        const evidence = await configuredEvidenceStore(env);
        const password = await seedDemo(db, { cipher, evidence }, new Date(), given);
        out(`已载入演示数据，账号：${demoUsers.map((u) => u.username).join('、')}`);
        out(given ? '密码：ZHIFA_DEMO_PASSWORD 所设的值' : `密码（只显示这一次）：${password}`);
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
        withDatabase(env, async ({ db }) => {
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
          out(`已创建用户 ${created.username}（${created.agencyName}）`);
          if (!options.password) out(`初始密码（只显示这一次）：${password}`);
        }),
    );

  /**
   * A calendar import in one transaction, then every open case recounted: the officers of
   * those whose deadlines moved are told (站内消息), and the operator sees how many.
   */
  addCalendarCommands(program, context);

  program
    .command('verify')
    .description('重新计算全部哈希链、检查点签名和证据文件哈希；发现问题时指出第一个断点（退出码 1）')
    .option('--stream <id>', '只校验一个流（如 case:…）')
    .action((options: { stream?: string }) =>
      withDatabase(env, async ({ db }) => {
        const started = performance.now();
        const progress = (events: number) => {
          if (context.progressShown) context.err(`\r已校验 ${events} 条事件……`);
        };
        const result = await verifyLedger(db, {
          ...(options.stream && { streamId: options.stream }),
          onProgress: progress,
        });
        if (context.progressShown) context.err('\r');
        const checkpoints = await verifyCheckpoints(db);
        // Evidence files: all of them, or the one a stream evidence:<id> names.
        const evidenceId = /^evidence:([0-9a-f-]{36})$/.exec(options.stream ?? '')?.[1];
        const evidence =
          options.stream && !evidenceId
            ? null
            : await verifyEvidence(db, await configuredEvidenceStore(env), {
                ...(evidenceId && { evidenceId }),
              });
        const seconds = (performance.now() - started) / 1000;
        const files = evidence
          ? `，${evidence.files} 个证据文件（${(evidence.bytes / 1024 ** 2).toFixed(1)} MB）`
          : '';
        const summary = `${result.streams} 个流，${result.events} 条事件，${checkpoints.checkpoints} 个检查点${files}，用时 ${seconds.toFixed(2)} 秒`;
        if (result.ok && !checkpoints.problem && !evidence?.firstProblem) {
          out(`校验通过：${summary}`);
          return;
        }
        if (!result.ok) {
          const b = result.firstBreak!;
          out(`校验失败：${summary}（至第一个断点）`);
          throw new Error(`第一个断点：流 ${b.streamId} 序号 ${b.seq}（${b.problem}）：${b.detail}`);
        }
        out(`校验失败：${summary}`);
        if (checkpoints.problem) throw new Error(checkpoints.problem);
        const p = evidence!.firstProblem!;
        throw new Error(
          `第一个有问题的证据：${p.evidenceId}（sha256 ${p.sha256}，${p.problem}）：${p.detail}`,
        );
      }),
    );

  program
    .command('backup <file>')
    .description('备份数据库、证据文件和密钥到一个 zip 文件（先签名检查点；嵌入式数据库须先停止服务）')
    .action((file: string) =>
      withDatabase(env, async ({ db, kind }) => {
        const { dataDir } = readConfig(env);
        const manifest = await createBackup(path.resolve(file), {
          db,
          databaseKind: kind,
          dataDir,
          evidence: await configuredEvidenceStore(env),
          signer: loadOrCreateSigner(dataDir),
          now: () => new Date(),
          progress: printProgress,
        });
        const root = manifest.checkpoint ? `检查点根 ${manifest.checkpoint.root}` : '尚无检查点';
        out(`已备份到 ${path.resolve(file)}（${root}）`);
        // The backup is complete and usable, but without these files: exit 3 so scripts notice (SEC-15).
        const corrupt = manifest.corruptEvidence ?? [];
        if (corrupt.length)
          throw new ExitError(
            `警告：${corrupt.length} 个证据文件已损坏，未备份（其余均已备份）：\n${corrupt.map((c) => `  ${c.sha256}（${c.size} 字节）：${c.problem}`).join('\n')}\n请运行 zhifa verify 查明所涉证据，并从更早的备份恢复这些文件`,
            3,
          );
      }),
    );

  program
    .command('restore <file>')
    .description('从备份恢复到空的部署（新的数据目录或新建的数据库），恢复后全部校验')
    .action((file: string) =>
      withUninitialisedDatabase(env, async ({ db }) => {
        const { dataDir } = readConfig(env);
        const evidence = await configuredEvidenceStore(env);
        const manifest = await restoreBackup(path.resolve(file), {
          db,
          dataDir,
          evidence,
          progress: printProgress,
        });
        const ledger = await verifyLedger(db);
        const checkpoints = await verifyCheckpoints(db);
        const files = await verifyEvidence(db, evidence);
        if (!ledger.ok || checkpoints.problem || files.firstProblem)
          throw new Error('恢复后校验未通过：请运行 zhifa verify 查看第一个断点');
        const latest = await db
          .selectFrom('checkpoint')
          .select('root')
          .orderBy('tree_size', 'desc')
          .limit(1)
          .executeTakeFirst();
        if ((latest?.root ?? null) !== (manifest.checkpoint?.root ?? null))
          throw new Error('恢复后的最新检查点根与备份时不同');
        out(
          `恢复并校验通过：${ledger.streams} 个流，${ledger.events} 条事件，${checkpoints.checkpoints} 个检查点，${files.files} 个证据文件；检查点根 ${latest?.root ?? '（无）'}，与备份时一致`,
        );
      }),
    );

  const publicKeyArgument = (value: string) => {
    if (!/^04[0-9a-fA-F]{128}$/.test(value.trim()))
      throw new InvalidArgumentError(
        '应为 SM2 公钥：04 开头的 130 位十六进制（门户网站“防篡改校验”页面所列）',
      );
    return value.trim().toLowerCase();
  };

  program
    .command('export-package')
    .description(
      '导出一个记录流的校验包（zip）：全部事件、所涉证据文件、签名检查点、包含证明与说明；导出记入全过程记录',
    )
    .requiredOption('--stream <id>', '记录流（如 evidence:…）')
    .requiredOption('--out <file>', '输出的 zip 文件（不得已存在）')
    .action((options: { stream: string; out: string }) =>
      withDatabase(env, async ({ db }) => {
        const config = readConfig(env);
        // The deployment's key only: a key made up here would sign checkpoints nobody published.
        if (!existsSync(path.join(config.dataDir, 'keys', 'sm2-private.key')))
          throw new Error(
            `找不到签名私钥 ${path.join(config.dataDir, 'keys', 'sm2-private.key')}（ZHIFA_DATA_DIR 是否与服务器相同？）`,
          );
        // The file is created first: an export is recorded only if it has somewhere to go.
        const output = await open(options.out, 'wx').catch((error: NodeJS.ErrnoException) => {
          throw new Error(`无法创建 ${options.out}（${error.code ?? error.message}）`);
        });
        let exported: Awaited<ReturnType<typeof exportStreamPackage>>;
        try {
          exported = await exportStreamPackage(
            db,
            { signer: loadOrCreateSigner(config.dataDir), store: await configuredEvidenceStore(env) },
            { streamId: options.stream, actorId: null, now: new Date() },
          );
          if (!exported) throw new Error(`记录流 ${options.stream} 不存在`);
          await pipeline(exported.zip, output.createWriteStream());
        } catch (error) {
          await output.close().catch(() => {});
          rmSync(options.out, { force: true });
          throw error;
        }
        out(
          `已导出记录流 ${exported.streamId}：${exported.events} 个事件，${exported.evidenceFiles} 个证据文件，检查点 ${exported.checkpointId} → ${options.out}`,
        );
      }),
    );

  program
    .command('verify-package <file>')
    .description(
      '不连数据库校验一个记录流校验包：事件哈希与链条、Merkle 包含证明、检查点 SM2 签名、证据文件哈希、SHA256SUMS（通过 0，有问题 1，无法读取 2）',
    )
    .option('--public-key <hex>', '执法机关公布的 SM2 公钥；给出时核对检查点确由它签名', publicKeyArgument)
    .action(async (file: string, options: { publicKey?: string }) => {
      const verdict = await verifyPackage(file, options.publicKey ? { publicKey: options.publicKey } : {});
      for (const line of describeVerdict(verdict)) out(line);
      if (verdict.status === 'unusable') throw new ExitError(verdict.problem, 2);
      if (verdict.status === 'broken') throw new Error(`第一个问题：${verdict.problem}`);
    });

  return program;
}

/** An error that ends the command with its own exit code. */
class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Runs one command line (the arguments after the program's name); resolves to its exit code. */
export async function run(args: string[], context: CliContext): Promise<number> {
  const fail = (message: string) => context.err(`zhifa：${message}\n`);
  try {
    await createProgram(context).parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ExitError) {
      fail(error.message);
      return error.exitCode;
    }
    if (error instanceof InvalidArgumentError) {
      fail(error.message);
      return 2;
    }
    const field = error instanceof AppError && error.field ? `（${error.field}）` : '';
    fail(`${error instanceof Error ? error.message : String(error)}${field}`);
    return 1;
  }
}
