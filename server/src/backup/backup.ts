/**
 * `zhifa backup <file>`: the database (one consistent snapshot), the evidence
 * files its rows refer to, and the keys, in one zip. A checkpoint is signed
 * first when any stream head moved, so everything backed up is covered by a
 * signature and the restored deployment shows the same checkpoint root.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { AppError } from '@zhifa/core';
import { type Kysely, sql } from 'kysely';
import yazl from 'yazl';
import type { DB } from '../db/schema.js';
import { createCheckpoint } from '../ledger/checkpoint.js';
import type { Signer } from '../ledger/signing.js';
import { storedFiles } from '../ledger/verify.js';
import type { EvidenceStore } from '../storage/evidence-store.js';
import { firstBytes } from '../storage/verifying-reader.js';
import { version } from '../version.js';
import {
  applicationTables,
  type BackupManifest,
  backupFormat,
  backupFormatVersion,
  evidenceEntry,
  formatBytes,
  keyEntry,
  keyFiles,
  manifestEntry,
  type Progress,
  tableEntry,
} from './format.js';

export interface BackupSources {
  db: Kysely<DB>;
  databaseKind: string;
  dataDir: string;
  evidence: EvidenceStore;
  signer: Signer;
  now: () => Date;
  progress: Progress;
}

const rowsPerFetch = 2_000;

export async function createBackup(file: string, sources: BackupSources): Promise<BackupManifest> {
  const { db } = sources;
  await db.transaction().execute((trx) => createCheckpoint(trx, sources.signer, sources.now()));
  // Written under a temporary name and renamed when complete: a half-written backup is never mistaken for one.
  const partial = `${file}.part`;
  try {
    const manifest = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => writeArchive(trx, partial, sources));
    await rename(partial, file);
    return manifest;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function writeArchive(trx: Kysely<DB>, file: string, sources: BackupSources) {
  const { progress } = sources;
  const { rows: migrations } = await sql<{ name: string }>`
    SELECT name FROM kysely_migration ORDER BY name`.execute(trx);
  const checkpoint = await trx
    .selectFrom('checkpoint')
    .select(['tree_size', 'root'])
    .orderBy('tree_size', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Every file of the content-addressed store a row names, each once.
  const { rows: evidence } = await sql<{ sha256: string; size: number }>`
    SELECT DISTINCT sha256, size FROM ${storedFiles} AS stored ORDER BY sha256`.execute(trx);
  const manifest: BackupManifest = {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    zhifaVersion: version,
    createdAt: sources.now().toISOString(),
    databaseKind: sources.databaseKind,
    migrations: migrations.map((m) => m.name),
    tables: [],
    evidence: [],
    keys: [],
    checkpoint: checkpoint ? { treeSize: checkpoint.tree_size, root: checkpoint.root } : null,
  };

  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(file, { mode: 0o600 }));
  // A failed entry must fail the backup, not leave the pipeline waiting.
  const failure = new Promise<never>((_, reject) => zip.on('error', reject));
  failure.catch(() => {});

  for (const table of await applicationTables(trx)) {
    const entry = { name: table, rows: 0, entry: tableEntry(table), sha256: '' };
    manifest.tables.push(entry);
    addLazy(zip, entry.entry, { compress: true }, () =>
      Readable.from(tableLines(trx, table, entry, progress)),
    );
  }

  for (const name of keyFiles) {
    const content = readFileSync(path.join(sources.dataDir, 'keys', name));
    manifest.keys.push({ name, entry: keyEntry(name), sha256: sha256Hex(content) });
    zip.addBuffer(content, keyEntry(name), { compress: true });
  }

  // Evidence one file at a time, each added only once the store has verified it (SEC-15): a
  // file that fails its hash is left out and listed, and everything else is still backed up.
  const totalBytes = evidence.reduce((sum, e) => sum + e.size, 0);
  let doneBytes = 0;
  const corrupt: NonNullable<BackupManifest['corruptEvidence']> = [];
  for (const [index, item] of evidence.entries()) {
    const stream = await verifiedStream(sources.evidence, item).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === 'EVIDENCE_INTEGRITY_FAILED')) throw error;
      corrupt.push({ sha256: item.sha256, size: item.size, problem: error.message });
      progress(`证据文件 ${item.sha256} 已损坏，未备份：${error.message}`);
      return null;
    });
    if (!stream) continue;
    const entry = { sha256: item.sha256, size: item.size, entry: evidenceEntry(item.sha256) };
    manifest.evidence.push(entry);
    // yazl does not listen for errors on the stream it is given: forward them.
    stream.on('error', (error) => zip.emit('error', error));
    // Stored, not compressed: audio, video and photos are compressed already.
    zip.addReadStream(stream, entry.entry, { compress: false });
    await Promise.race([finished(stream), failure]);
    doneBytes += item.size;
    progress(
      `证据文件 ${index + 1}/${evidence.length}（${formatBytes(doneBytes)} / ${formatBytes(totalBytes)}）`,
    );
  }
  if (corrupt.length) manifest.corruptEvidence = corrupt;

  // Last, so every count and hash above is known by the time it is read.
  addLazy(zip, manifestEntry, { compress: true }, () =>
    Readable.from([Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]),
  );
  zip.end();
  await Promise.race([written, failure]);
  progress(
    `备份完成：${manifest.tables.length} 张表，${manifest.evidence.length} 个证据文件（${formatBytes(totalBytes)}）` +
      (corrupt.length ? `；${corrupt.length} 个已损坏的证据文件未备份` : ''),
  );
  return manifest;
}

/** Every row of a table as a JSON line, read through a cursor so no table is held in memory. */
async function* tableLines(
  trx: Kysely<DB>,
  table: string,
  entry: { rows: number; sha256: string },
  progress: Progress,
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  const cursor = sql.id(`backup_${table}`);
  await sql`DECLARE ${cursor} NO SCROLL CURSOR FOR
    SELECT row_to_json(t)::text AS line FROM ${sql.table(table)} t`.execute(trx);
  for (;;) {
    const { rows } = await sql<{
      line: string;
    }>`FETCH ${sql.raw(String(rowsPerFetch))} FROM ${cursor}`.execute(trx);
    if (rows.length === 0) break;
    const chunk = Buffer.from(`${rows.map((r) => r.line).join('\n')}\n`);
    hash.update(chunk);
    entry.rows += rows.length;
    yield chunk;
  }
  await sql`CLOSE ${cursor}`.execute(trx);
  entry.sha256 = hash.digest('hex');
  progress(`数据表 ${table}：${entry.rows} 行`);
}

/** The stored file, once the store has verified it (it fails before its first byte otherwise). */
async function verifiedStream(
  store: EvidenceStore,
  item: { sha256: string; size: number },
): Promise<Readable> {
  const stream = await store.read(item);
  await firstBytes(stream);
  return stream;
}

/** yazl opens lazy entries one at a time, so only one evidence file is open at once. */
function addLazy(
  zip: yazl.ZipFile,
  name: string,
  options: { compress: boolean },
  open: () => Readable | Promise<Readable>,
) {
  zip.addReadStreamLazy(name, options, (callback) => {
    Promise.resolve()
      .then(open)
      .then(
        (stream) => {
          // yazl does not listen for errors on the stream it is given: forward them.
          stream.on('error', (error) => zip.emit('error', error));
          callback(null, stream);
        },
        (error) => zip.emit('error', error),
      );
  });
}

export const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');
