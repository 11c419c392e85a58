/** Process configuration, read once from the environment. */
import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  demoPassword: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT 无效：${env.PORT}`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: path.resolve(env.ZHIFA_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demoPassword: env.ZHIFA_DEMO_PASSWORD || undefined,
  };
}
