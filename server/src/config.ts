/** Process configuration, read once from the environment. */
import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  trustProxy: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  demoPassword: string | undefined;
  /** PostgreSQL stops a request's statement running longer than this (0: never). */
  statementTimeoutMs: number;
  /** Above this mean event-loop delay the server answers 503 at once (0: never). */
  maxEventLoopDelayMs: number;
  /** Evidence files in an S3-compatible bucket instead of ZHIFA_DATA_DIR/evidence. */
  s3: S3Config | undefined;
}

export interface S3Config {
  /** Absent: AWS S3 itself, by region. */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key`: what most S3-compatible servers expect. */
  forcePathStyle: boolean;
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
    statementTimeoutMs: readMilliseconds(
      'ZHIFA_STATEMENT_TIMEOUT_MS',
      env.ZHIFA_STATEMENT_TIMEOUT_MS,
      15_000,
    ),
    maxEventLoopDelayMs: readMilliseconds(
      'ZHIFA_MAX_EVENT_LOOP_DELAY_MS',
      env.ZHIFA_MAX_EVENT_LOOP_DELAY_MS,
      1_000,
    ),
    // The TLS-terminating proxy in front ('loopback', an address or CIDR list): its
    // X-Forwarded-Proto makes the session cookie Secure. Unset: the request's own protocol.
    trustProxy: env.ZHIFA_TRUST_PROXY || undefined,
    s3: readS3Config(env),
  };
}

/** A limit in milliseconds: unset gives the default, 0 turns it off, below 100 would stop everything. */
function readMilliseconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || (ms > 0 && ms < 100))
    throw new Error(`${name} 无效：${value}（毫秒，不小于 100；0 表示不限）`);
  return ms;
}

const s3Variables = [
  'ZHIFA_S3_BUCKET',
  'ZHIFA_S3_ENDPOINT',
  'ZHIFA_S3_REGION',
  'ZHIFA_S3_ACCESS_KEY_ID',
  'ZHIFA_S3_SECRET_ACCESS_KEY',
  'ZHIFA_S3_FORCE_PATH_STYLE',
] as const;

/** Undefined when no ZHIFA_S3_* variable is set; an error naming what is missing or wrong when incomplete. */
function readS3Config(env: NodeJS.ProcessEnv): S3Config | undefined {
  const value = (name: (typeof s3Variables)[number]) => env[name] || undefined;
  const set = s3Variables.filter((name) => value(name) !== undefined);
  if (set.length === 0) return undefined;
  const missing = (
    ['ZHIFA_S3_BUCKET', 'ZHIFA_S3_ACCESS_KEY_ID', 'ZHIFA_S3_SECRET_ACCESS_KEY'] as const
  ).filter((name) => value(name) === undefined);
  if (missing.length > 0) {
    throw new Error(`S3 证据存储配置不完整：已设置 ${set.join('、')}，缺少 ${missing.join('、')}`);
  }
  const bucket = value('ZHIFA_S3_BUCKET')!;
  // S3 bucket naming rules; the name goes into every request's URL.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new Error(`ZHIFA_S3_BUCKET 无效：${bucket}（3–63 个小写字母、数字、点或连字符）`);
  }
  const endpoint = value('ZHIFA_S3_ENDPOINT');
  if (endpoint !== undefined && !/^https?:\/\/[^/?#\s]+\/?$/.test(endpoint)) {
    throw new Error(`ZHIFA_S3_ENDPOINT 无效：${endpoint}（应为 http(s)://主机[:端口]）`);
  }
  const pathStyle = value('ZHIFA_S3_FORCE_PATH_STYLE') ?? 'true';
  if (pathStyle !== 'true' && pathStyle !== 'false') {
    throw new Error(`ZHIFA_S3_FORCE_PATH_STYLE 无效：${pathStyle}（应为 true 或 false）`);
  }
  return {
    endpoint,
    bucket,
    region: value('ZHIFA_S3_REGION') ?? 'us-east-1',
    accessKeyId: value('ZHIFA_S3_ACCESS_KEY_ID')!,
    secretAccessKey: value('ZHIFA_S3_SECRET_ACCESS_KEY')!,
    forcePathStyle: pathStyle === 'true',
  };
}
