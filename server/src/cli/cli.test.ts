/**
 * The `zhifa` commands on a real data directory (or a fresh PostgreSQL database when
 * DATABASE_URL is set): run in this process, and as a real process where only a process
 * shows it (exit codes, the two streams, a command that opens no database).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { appendEvent } from '../ledger/append.js';
import { loadOrCreateSigner } from '../ledger/signing.js';
import { runZhifa, spawnZhifa } from '../test/cli.js';
import { freshPostgresDatabase } from '../test/harness.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'zhifa-cli-'));
let env: NodeJS.ProcessEnv = {
  ...process.env,
  ZHIFA_DATA_DIR: dataDir,
  ZHIFA_DEMO_PASSWORD: 'Demo-Pass-2026',
};
let dropDatabase = async () => {};

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const fresh = await freshPostgresDatabase(process.env.DATABASE_URL);
    env = { ...env, DATABASE_URL: fresh.url };
    dropDatabase = fresh.drop;
  }
});
afterAll(async () => {
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
});

const zhifa = (...args: string[]) => runZhifa(env, ...args);

describe('zhifa CLI', () => {
  it('migrates, then reports the schema is current', async () => {
    const first = await zhifa('migrate');
    expect(first.code).toBe(0);
    const second = await zhifa('migrate');
    expect(second).toMatchObject({ code: 0 });
    expect(second.stdout).toContain('已是最新');
  });

  it('seeds the demo once', async () => {
    const first = await zhifa('seed', '--demo');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('supervisor1');
    const again = await zhifa('seed', '--demo');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('未重复载入');
  });

  it('calendar workdays-after 2026-09-28 7 prints 2026-10-13', async () => {
    const result = await zhifa('calendar', 'workdays-after', '2026-09-28', '7');
    expect(result).toMatchObject({ code: 0, stdout: '2026-10-13\n' });
  });

  it('counting into a year with no data prints both plausible ends, marked 暂定 (issue 13)', async () => {
    // 国庆 2031: 1–3 October statutory; the arrangement may bridge to 8 October or make 28 September work.
    const result = await zhifa('calendar', 'workdays-after', '2031-09-26', '5');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2031-10-0\d 至 2031-10-\d\d（暂定：2031 年节假日安排尚未导入/);
  });

  it('counting into a year the law cannot be computed for fails with exit 1 and names the year', async () => {
    // A real process: the exit code and one line on standard error are what a script sees.
    const result = await spawnZhifa(env, 'calendar', 'workdays-after', '2099-12-30', '3');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2100');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('calendar status lists the years and exits 1 once next year is missing after the warning day (issue 13)', async () => {
    const before = await zhifa('calendar', 'status', '--today', '2026-10-31');
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('2019、2020、2021、2022、2023、2024、2025、2026');
    expect(before.stdout).toContain('缺少的年份：2027');
    const after = await zhifa('calendar', 'status', '--today', '2026-11-01');
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('工作日历缺少 2027 年的节假日安排');
  });

  it('a usage error exits 2', async () => {
    expect((await zhifa('calendar', 'workdays-after', '2026-02-30', '7')).code).toBe(2);
    expect((await zhifa('calendar', 'workdays-after', '2026-09-28', 'seven')).code).toBe(2);
    const unknown = await spawnZhifa(env, 'no-such-command');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-command');
    expect((await zhifa('user', 'create', '--username', 'x')).code).toBe(2);
  });

  it('imports a calendar CSV; the year then counts', async () => {
    const file = path.join(dataDir, '2031.csv');
    writeFileSync(file, 'date,kind,name\n2031-06-02,holiday,端午节\n');
    const imported = await zhifa('calendar', 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('2031');
    expect((await zhifa('calendar', 'workdays-after', '2031-05-30', '1')).stdout).toBe('2031-06-03\n');
  });

  it('calendar notices (issue 13): import-notice --dry-run prints the 2025 arrangement as CSV without opening a database', async () => {
    const file = fileURLToPath(
      new URL('../../../core/src/fixtures/holiday-notices/2025.txt', import.meta.url),
    );
    // A data directory that does not exist and a database nobody listens on: opening either would show.
    const nowhere = path.join(dataDir, 'not-created');
    // A real process: its standard output is the CSV, its standard error empty.
    const { code, stdout, stderr } = await spawnZhifa(
      { ...env, ZHIFA_DATA_DIR: nowhere, DATABASE_URL: 'postgres://127.0.0.1:1/none' },
      'calendar',
      'import-notice',
      file,
      '--dry-run',
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(existsSync(nowhere)).toBe(false);
    const [header, ...lines] = stdout.trimEnd().split('\n');
    expect(header).toBe('date,kind,name');
    expect(lines).toEqual([...lines].sort());
    const bundled = createRequire(import.meta.url)('chinese-days/dist/years/2025.json') as Record<
      'holidays' | 'workdays',
      Record<string, string>
    >;
    expect(lines.map((line) => line.split(',').slice(0, 2).join(','))).toEqual(
      [
        ...Object.keys(bundled.holidays).map((date) => `${date},holiday`),
        ...Object.keys(bundled.workdays).map((date) => `${date},workday`),
      ].sort(),
    );
    expect(lines).toContain('2025-01-28,holiday,春节');
    expect(lines).toContain('2025-10-06,holiday,国庆节、中秋节');
    expect(lines).toContain('2025-09-28,workday,国庆节、中秋节调休');
  });

  it('calendar import-notice imports the 2024 notice, with 元旦’s December 2023 weekend into 2023', async () => {
    const file = fileURLToPath(
      new URL('../../../core/src/fixtures/holiday-notices/2024.txt', import.meta.url),
    );
    const imported = await zhifa('calendar', 'import-notice', file);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/^已导入 2023、2024 年.*2023 年新增 2、删除 0、修改 0 天/);
    expect((await zhifa('calendar', 'workdays-after', '2024-09-13', '1')).stdout).toBe('2024-09-14\n');
  });

  it('creates a user, refusing a second administrator role and a weak password', async () => {
    const created = await zhifa(
      'user',
      'create',
      '--username',
      'officer9',
      '--name',
      '测试执法员',
      '--agency',
      '示例县交通运输局',
      '--role',
      'officer',
      '--unit',
      '执法二中队',
      '--password',
      'Strong-Pass-9',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('officer9');
    const twoAdmins = await zhifa(
      'user',
      'create',
      '--username',
      'root2',
      '--name',
      '兼任',
      '--agency',
      '示例县交通运输局',
      '--role',
      'system_admin',
      'audit_admin',
      '--password',
      'Strong-Pass-9',
    );
    expect(twoAdmins.code).toBe(1);
    expect(twoAdmins.stderr).toContain('三员分立');
    const weak = await zhifa(
      'user',
      'create',
      '--username',
      'weak1',
      '--name',
      '弱密码',
      '--agency',
      '示例县交通运输局',
      '--role',
      'officer',
      '--password',
      'password',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码');
  });

  it('R7: export-package writes a package verify-package passes; nothing is recorded for an export that cannot be written', async () => {
    // A stream to export, written as a route would (the CLI itself records no events yet).
    const database = openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir });
    try {
      await database.db.transaction().execute((trx) =>
        appendEvent(
          trx,
          {
            streamId: 'note:cli',
            agencyId: null,
            actorId: null,
            kind: 'test.note',
            payload: { text: '导出测试' },
          },
          new Date(),
        ),
      );
    } finally {
      await database.close();
    }
    const out = path.join(dataDir, 'note.zip');
    // Only the deployment's own key signs: none in the data directory yet (the server makes it on first start).
    const keyless = await zhifa('export-package', '--stream', 'note:cli', '--out', out);
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toContain('找不到签名私钥');
    const signer = loadOrCreateSigner(dataDir);
    const exported = await zhifa('export-package', '--stream', 'note:cli', '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('已导出记录流 note:cli');
    const verified = await zhifa('verify-package', out, '--public-key', signer.publicKey);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('校验通过');
    const events = async () =>
      /(\d+) 条事件/.exec((await zhifa('verify', '--stream', 'note:cli')).stdout)?.[1];
    const before = await events();
    expect((await zhifa('export-package', '--stream', 'note:cli', '--out', out)).code).toBe(1);
    const nowhere = path.join(dataDir, 'no-such.zip');
    expect((await zhifa('export-package', '--stream', 'no-such', '--out', nowhere)).code).toBe(1);
    expect(existsSync(nowhere)).toBe(false);
    expect(await events()).toBe(before);
  });
});
