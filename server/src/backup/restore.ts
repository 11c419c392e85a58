/**
 * `zhifa restore <file>`: into an empty deployment only (no users, no ledger
 * events) — a restore never merges into or overwrites live records. Every
 * entry is checked against the manifest's SHA-256 as it is read; the tables
 * load in one transaction, so a damaged backup leaves the database as it was.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import yauzl from 'yauzl';
import { migrateTo, migrateToLatest, migrationNames } from '../db/migrate.js';
import type { DB } from '../db/schema.js';
import type { EvidenceStore } from '../storage/evidence-store.js';
import {
  type BackupManifest,
  backupFormat,
  backupFormatVersion,
  formatBytes,
  keyFiles,
  manifestEntry,
  type Progress,
} from './format.js';

export interface RestoreTarget {
  db: Kysely<DB>;
  dataDir: string;
  evidence: EvidenceStore;
  progress: Progress;
}

const rowsPerInsert = 1_000;

export async function restoreBackup(file: string, target: RestoreTarget): Promise<BackupManifest> {
  const { db, progress } = target;
  const archive = await openArchive(file);
  try {
    const manifest = parseManifest(await archive.read(manifestEntry));
    const unknown = manifest.migrations.filter((name) => !migrationNames.includes(name));
    if (unknown.length > 0)
      throw new Error(`备份来自更新版本的 zhifa（未知迁移 ${unknown.join('、')}），请用该版本或更新版本恢复`);
    const last = manifest.migrations.at(-1);
    if (!last) throw new Error('备份清单没有迁移记录，无法恢复');
    await migrateTo(db as Kysely<unknown>, last);
    await requireEmptyTarget(db, manifest);

    const keys = new Map<string, Buffer>();
    for (const key of manifest.keys) {
      if (!keyFiles.includes(key.name)) throw new Error(`备份中有未知的密钥文件 ${key.name}`);
      keys.set(key.name, await archive.readVerified(key.entry, key.sha256));
    }

    const totalBytes = manifest.evidence.reduce((sum, e) => sum + e.size, 0);
    let doneBytes = 0;
    for (const [index, item] of manifest.evidence.entries()) {
      await restoreEvidenceFile(target.evidence, await archive.stream(item.entry), item);
      doneBytes += item.size;
      progress(
        `证据文件 ${index + 1}/${manifest.evidence.length}（${formatBytes(doneBytes)} / ${formatBytes(totalBytes)}）`,
      );
    }

    await db.transaction().execute(async (trx) => {
      await replicaMode(trx);
      for (const table of manifest.tables) {
        await sql`DELETE FROM ${sql.table(table.name)}`.execute(trx);
        const rows = await loadTable(trx, table.name, await archive.stream(table.entry), table.sha256);
        if (rows !== table.rows)
          throw new Error(`备份中数据表 ${table.name} 有 ${rows} 行，清单记为 ${table.rows} 行`);
        progress(`数据表 ${table.name}：${rows} 行`);
      }
      await resetSequences(trx);
    });

    // Keys last of all: until the rows are in, the target's own keys stay usable.
    const keyDir = path.join(target.dataDir, 'keys');
    mkdirSync(keyDir, { recursive: true, mode: 0o700 });
    for (const [name, content] of keys) writeFileSync(path.join(keyDir, name), content, { mode: 0o600 });

    await migrateToLatest(db as Kysely<unknown>);
    // Loaded as a replica, the rows bumped no version: a process keeping the old rules must see a change.
    await sql`UPDATE rule_data_version SET version = version + 1`.execute(db);
    progress(`恢复完成：${manifest.tables.length} 张表，${manifest.evidence.length} 个证据文件`);
    return manifest;
  } finally {
    archive.close();
  }
}

function parseManifest(content: Buffer): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(content.toString('utf8'));
  } catch {
    throw new Error('备份清单 manifest.json 不是有效的 JSON');
  }
  if (manifest?.format !== backupFormat) throw new Error('这不是 zhifa 备份文件（清单格式不符）');
  if (manifest.formatVersion !== backupFormatVersion)
    throw new Error(`不支持的备份格式版本 ${manifest.formatVersion}（本版本支持 ${backupFormatVersion}）`);
  return manifest;
}

/** A restore into a deployment that has records would mix two histories: refused. */
async function requireEmptyTarget(db: Kysely<DB>, manifest: BackupManifest) {
  const { rows: applied } = await sql<{
    name: string;
  }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  if (applied.length > manifest.migrations.length)
    throw new Error('目标数据库的结构比备份新：请恢复到一个新建的空数据库');
  const users = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  const events = await sql<{ id: number }>`SELECT id FROM ledger_event LIMIT 1`
    .execute(db)
    .then((r) => r.rows[0])
    .catch(() => undefined);
  if (users || events)
    throw new Error('目标已有用户或全过程记录：恢复只能在空的部署上进行（新的数据目录或新建的数据库）');
}

/** Foreign keys and the append-only triggers are set aside for the load, inside this transaction only. */
async function replicaMode(trx: Kysely<DB>) {
  try {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
  } catch {
    throw new Error(
      '恢复需要能设置 session_replication_role 的数据库角色（超级用户，或 GRANT SET ON PARAMETER session_replication_role）',
    );
  }
}

async function loadTable(trx: Kysely<DB>, table: string, source: Readable, sha256: string) {
  const hash = createHash('sha256');
  let batch: string[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    // The database converts each JSON value back to its column's type, as row_to_json wrote it.
    await sql`INSERT INTO ${sql.table(table)}
      SELECT * FROM json_populate_recordset(NULL::${sql.table(table)}, ${`[${batch.join(',')}]`}::json)`.execute(
      trx,
    );
    rows += batch.length;
    batch = [];
  };
  // Chunk by chunk (the stream waits while a batch is inserted), split into lines by hand.
  let rest = '';
  const decoder = new TextDecoder();
  for await (const chunk of source) {
    hash.update(chunk as Buffer);
    const lines = (rest + decoder.decode(chunk as Buffer, { stream: true })).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      if (line === '') continue;
      batch.push(line);
      if (batch.length === rowsPerInsert) await flush();
    }
  }
  if (rest !== '') batch.push(rest);
  await flush();
  if (hash.digest('hex') !== sha256) throw new Error(`备份中数据表 ${table} 的内容与清单的 SHA-256 不符`);
  return rows;
}

/** Serial columns continue after the restored rows. */
async function resetSequences(trx: Kysely<DB>) {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`.execute(trx);
  for (const { table_name, column_name } of rows) {
    await sql`SELECT setval(pg_get_serial_sequence(${table_name}, ${column_name}),
      COALESCE((SELECT max(${sql.ref(column_name)}) FROM ${sql.table(table_name)}), 0) + 1, false)`.execute(
      trx,
    );
  }
}

async function restoreEvidenceFile(
  store: EvidenceStore,
  source: Readable,
  item: { sha256: string; size: number },
) {
  const staged = await store.stage(source, { maxBytes: item.size });
  if (staged.sha256 !== item.sha256 || staged.size !== item.size) {
    await staged.discard();
    throw new Error(`备份中的证据文件 ${item.sha256.slice(0, 12)}… 内容与其哈希不符`);
  }
  await staged.commit();
}

/** The entries of a zip by name, opened on demand. */
async function openArchive(file: string) {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { autoClose: false });
  } catch (error) {
    throw new Error(`无法读取备份文件 ${file}：${(error as Error).message}`);
  }
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
  const stream = async (name: string): Promise<Readable> => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`备份文件缺少 ${name}`);
    return zip.openReadStreamPromise(entry);
  };
  const read = async (name: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await stream(name)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  return {
    stream,
    read,
    readVerified: async (name: string, sha256: string) => {
      const content = await read(name);
      if (createHash('sha256').update(content).digest('hex') !== sha256)
        throw new Error(`备份中的 ${name} 与清单的 SHA-256 不符`);
      return content;
    },
    close: () => zip.close(),
  };
}
