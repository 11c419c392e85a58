/**
 * `npm start`: open (and if needed create) the database, migrate, seed the demo
 * jurisdiction on first start, and serve API, console and portal.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from './config.js';
import { createFieldCipher, loadOrCreateFieldKeys } from './crypto/field-cipher.js';
import { openDatabase } from './db/database.js';
import { initialiseDatabase } from './db/initialise.js';
import { buildApp } from './http/app.js';
import { publicUrlFromEnvironment } from './http/public-url.js';
import { loadOrCreateSigner } from './ledger/signing.js';
import { startCheckpointTimer } from './ledger/timer.js';
import { countUncountedClocks } from './modules/cases/clocks.js';
import { demoUsers, isSeeded, seedDemo } from './seed/demo.js';
import { openEvidenceStore } from './storage/open.js';
import { version } from './version.js';

const consoleDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main() {
  const started = performance.now();
  const config = readConfig();
  const target = config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir };
  const setup = openDatabase(target);
  const clock = () => new Date();
  const cipher = createFieldCipher(loadOrCreateFieldKeys(config.dataDir));
  const signer = loadOrCreateSigner(config.dataDir);
  const evidence = await openEvidenceStore(config);
  // Uploads cut off by a crash leave staging files; they were never visible as evidence.
  await evidence.sweepStaging();
  await initialiseDatabase(setup.db, clock());
  if (!(await isSeeded(setup.db))) {
    const password = await seedDemo(setup.db, { cipher, evidence }, clock(), config.demoPassword);
    console.log(
      '\n已载入演示数据：示例省交通运输厅 → 示例市交通运输局 → 示例县交通运输局，以及示例县司法局。',
    );
    console.log(`演示账号：${demoUsers.map((u) => u.username).join('、')}`);
    console.log(
      config.demoPassword
        ? '演示密码：ZHIFA_DEMO_PASSWORD 所设的值'
        : `演示密码（只显示这一次，请记下）：${password}`,
    );
  }
  // Cases an older version wrote have no clock rows yet (migration 0015): counted once, here.
  const counted = await countUncountedClocks(setup.db, clock());
  if (counted) console.log(`已计算 ${counted} 个未结案件的期限`);
  // Requests run under the statement timeout (PostgreSQL); the startup work above did not.
  let database = setup;
  if (setup.kind === 'postgresql' && config.statementTimeoutMs) {
    await setup.close();
    database = openDatabase(target, { statementTimeoutMs: config.statementTimeoutMs });
  }
  const app = await buildApp(
    {
      db: database.db,
      databaseKind: database.kind,
      clock,
      version,
      cipher,
      signer,
      evidence,
      publicUrl: publicUrlFromEnvironment(process.env, config.host, config.port),
    },
    {
      consoleDir,
      logger: false,
      overload: { maxEventLoopDelayMs: config.maxEventLoopDelayMs },
      ...(config.trustProxy && { trustProxy: config.trustProxy }),
    },
  );
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const where =
    database.kind === 'pglite' ? `嵌入式 PGlite（${path.join(config.dataDir, 'pglite')}）` : 'PostgreSQL';
  console.log(`\nzhifa ${version} 已启动（${Math.round(performance.now() - started)} ms），数据库：${where}`);
  console.log(`  公示平台  ${base}/`);
  console.log(`  工作台    ${base}/console/`);
  console.log(`  演示账号  ${demoUsers.map((u) => u.username).join(' ')}`);

  const stopCheckpoints = startCheckpointTimer(database.db, signer, clock);
  const shutdown = async () => {
    stopCheckpoints();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
