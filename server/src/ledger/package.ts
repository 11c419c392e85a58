/**
 * Builds the ledger package of one stream (format: package-format.ts). The export
 * is recorded first — each evidence file as a download on its chain of custody,
 * then `ledger.exported` on the stream — and a checkpoint covering the new head is
 * signed, so the package carries and proves its own export. The zip is streamed:
 * evidence files are read from the store (which re-verifies them) as it is consumed.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppError } from '@zhifa/core';
import type { Kysely } from 'kysely';
import yazl from 'yazl';
import type { DB } from '../db/schema.js';
import { recordEvidenceAccess, storedRecord } from '../modules/evidence/service.js';
import type { EvidenceStore } from '../storage/evidence-store.js';
import { appendEvent } from './append.js';
import { checkpointCovering, eventInclusionProof, exportCheckpoint, presentEvent } from './checkpoint.js';
import { referencedEvidenceIds } from './kinds.js';
import {
  documentPath,
  evidencePath,
  type PackageProof,
  packageFiles,
  packageFormat,
  readmeText,
  type SignedEvidence,
  signedEvidenceFields,
  sumsFile,
} from './package-format.js';
import type { Signer } from './signing.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface EvidenceRef {
  id: string;
  agency_id: string;
}

export interface PackageRequest {
  streamId: string;
  /** Who exports (null: the operator at the command line). */
  actorId: string | null;
  now: Date;
  /** Throws if the exporter may not have one of these (the route: NOT_FOUND outside the scope). */
  mayInclude?: (evidence: readonly EvidenceRef[]) => Promise<void>;
}

export interface StreamPackage {
  streamId: string;
  events: number;
  evidenceFiles: number;
  /** 执法文书 rendered on the stream (`document.rendered`), carried under documents/. */
  documentFiles: number;
  checkpointId: number;
  /** `zhifa-package-<stream>-<time>.zip` (ASCII) and the Chinese name. */
  fileName: { ascii: string; chinese: string };
  /** The zip. A file failing its hash check as it is read destroys this stream with the error. */
  zip: Readable;
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
const digest = (algorithm: 'sha256' | 'sm3', data: Buffer) =>
  createHash(algorithm).update(data).digest('hex');
/** A stream id in a file name: `evidence:…` has a colon, which some systems refuse. */
const fileSafe = (text: string) => text.replace(/[^\w.-]+/g, '_');

/**
 * The documents rendered on the stream: those its `document.rendered` events name,
 * stored with this stream. Their hashes and signatures are in the events, so the
 * package carries the files and the verifier checks them against the chain.
 */
async function renderedDocuments(
  db: Kysely<DB>,
  streamId: string,
  payloads: readonly { payload: unknown }[],
) {
  const ids = payloads
    .map(({ payload }) => (payload as { documentId?: unknown } | null)?.documentId)
    .filter((id): id is string => typeof id === 'string' && uuidPattern.test(id));
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom('document')
    .select(['id', 'number', 'sha256', 'sm3', 'size', 'stream_id'])
    .where('id', 'in', unique)
    .where('stream_id', '=', streamId)
    .orderBy('id')
    .execute();
  return rows;
}

/** Refuses to export evidence whose row no longer says what its `evidence.stored` event (if any) recorded. */
async function sameAsStored(db: Kysely<DB>, signed: readonly SignedEvidence[]) {
  if (signed.length === 0) return;
  const stored = await db
    .selectFrom('ledger_event')
    .select(['stream_id', 'payload'])
    .where(
      'stream_id',
      'in',
      signed.map((e) => `evidence:${e.id}`),
    )
    .where('kind', '=', 'evidence.stored')
    .execute();
  for (const entry of signed) {
    const event = stored.find((row) => row.stream_id === `evidence:${entry.id}`);
    if (!event) continue;
    const payload = event.payload as Record<string, unknown>;
    const differs = signedEvidenceFields.find((field) => payload[field] !== entry[field]);
    if (differs)
      throw new AppError(
        'EVIDENCE_INTEGRITY_FAILED',
        `证据 ${entry.id} 的记录与其存证事件（evidence.stored）的 ${differs} 不符，不能导出`,
      );
  }
}

/** Records the export, signs a covering checkpoint, and returns the package; null if the stream does not exist. */
export async function exportStreamPackage(
  db: Kysely<DB>,
  deps: { signer: Signer; store: EvidenceStore },
  request: PackageRequest,
): Promise<StreamPackage | null> {
  const { streamId, actorId, now } = request;
  const stream = await db
    .selectFrom('ledger_stream')
    .selectAll()
    .where('stream_id', '=', streamId)
    .executeTakeFirst();
  if (!stream) return null;

  // The evidence the stream refers to, as of now (the export's own events name none).
  const payloads = await db
    .selectFrom('ledger_event')
    .select('payload')
    .where('stream_id', '=', streamId)
    .execute();
  const ids = referencedEvidenceIds(streamId, payloads).sort();
  const wellFormed = ids.filter((id) => uuidPattern.test(id));
  const rows = wellFormed.length
    ? await db
        .selectFrom('evidence')
        .select([
          'id',
          'agency_id',
          'sha256',
          'sm3',
          'size',
          'media_type',
          'original_name',
          'captured_by',
          'captured_at',
          'location',
          'device_id',
          'duration_seconds',
        ])
        .where('id', 'in', wellFormed)
        .orderBy('id')
        .execute()
    : [];
  const missing = ids.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length)
    throw new AppError(
      'EVIDENCE_INTEGRITY_FAILED',
      `记录流 ${streamId} 所引用的证据 ${missing.join('、')} 不存在`,
    );
  await request.mayInclude?.(rows);
  // What the export event signs of each file (SEC-1): the row, which must still say what its
  // `evidence.stored` event recorded, or a changed row could bind a swapped file.
  const signed: SignedEvidence[] = rows.map((row) => ({ id: row.id, ...storedRecord(row) }));
  await sameAsStored(db, signed);
  const files = new Map(rows.map((row) => [row.sha256, row]));
  const documents = await renderedDocuments(db, streamId, payloads);
  // Every file must be there before any download is recorded: a recorded access always had a file to serve.
  for (const row of files.values()) (await deps.store.read(row)).destroy();
  for (const row of documents) (await deps.store.read(row)).destroy();

  // Evidence streams are locked in id order, the exported stream last: concurrent exports cannot deadlock.
  const { checkpoint, headSeq } = await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      await recordEvidenceAccess(trx, row, { actorId, access: 'download', range: null }, now);
    }
    const head = await appendEvent(
      trx,
      {
        streamId,
        agencyId: stream.agency_id,
        actorId,
        kind: 'ledger.exported',
        payload: { format: packageFormat, evidenceFiles: files.size, evidence: signed },
      },
      now,
    );
    return { checkpoint: await checkpointCovering(trx, deps.signer, head, now), headSeq: head.seq };
  });

  // Events are append-only: read after the commit, up to the checkpointed head, they are the same.
  const events = await db
    .selectFrom('ledger_event')
    .selectAll()
    .where('stream_id', '=', streamId)
    .where('seq', '<=', headSeq)
    .orderBy('seq')
    .execute();
  const head = events.at(-1)!;
  const inclusion = await eventInclusionProof(db, head.id, checkpoint.id);
  if (!inclusion) throw new Error(`checkpoint ${checkpoint.id} does not cover ${streamId} at seq ${headSeq}`);
  const proof: PackageProof = {
    streamId,
    seq: head.seq,
    hash: head.hash,
    leafIndex: inclusion.leafIndex,
    treeSize: checkpoint.tree_size,
    merklePath: inclusion.merklePath,
  };
  const exported = exportCheckpoint(checkpoint);
  const small = new Map<string, Buffer>([
    [
      packageFiles.readme,
      Buffer.from(
        readmeText({
          streamId,
          exportedAt: now.toISOString(),
          events: events.length,
          headHash: head.hash,
          evidenceFiles: files.size,
          documentFiles: documents.length,
          treeSize: exported.treeSize,
          root: exported.root,
          checkpointAt: exported.createdAt,
          publicKey: exported.publicKey,
        }),
      ),
    ],
    [packageFiles.events, json(events.map(presentEvent))],
    [packageFiles.evidence, json(signed.map((e) => ({ ...e, file: evidencePath(e.sha256) })))],
    [packageFiles.checkpoint, json(exported)],
    [packageFiles.proof, json(proof)],
    [packageFiles.publicKey, Buffer.from(`${exported.publicKey}\n`)],
  ]);
  // Evidence sums are the recorded hashes: the store refuses to finish a file that differs.
  const sums = (algorithm: 'sha256' | 'sm3') =>
    Buffer.from(
      sumsFile([
        ...[...small].map(([name, data]) => ({ name, hash: digest(algorithm, data) })),
        ...[...files.values()].map((row) => ({ name: evidencePath(row.sha256), hash: row[algorithm] })),
        ...documents.map((row) => ({ name: documentPath(row.number, row.id), hash: row[algorithm] })),
      ]),
    );

  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  zip.on('error', (error: Error) => output.destroy(error));
  // A client gone mid-download closes the zip: the file being read must close too.
  let reading: Readable | null = null;
  output.once('close', () => reading?.destroy());
  const options = { mtime: now };
  for (const [name, data] of small) zip.addBuffer(data, name, options);
  for (const row of files.values()) {
    // Opened only when its turn comes, so one file at a time is read, never held.
    zip.addReadStreamLazy(
      evidencePath(row.sha256),
      { ...options, compress: false, size: row.size },
      (callback) => {
        deps.store.read(row).then(
          (content) => {
            // yazl pipes a lazy stream without listening for its errors: a failed hash check ends the zip here.
            content.once('error', (error) => output.destroy(error));
            reading = content;
            callback(null, content);
          },
          (error: unknown) => callback(error, undefined as never),
        );
      },
    );
  }
  for (const row of documents) {
    zip.addReadStreamLazy(
      documentPath(row.number, row.id),
      { ...options, compress: false, size: row.size },
      (callback) => {
        deps.store.read(row).then(
          (content) => {
            content.once('error', (error) => output.destroy(error));
            reading = content;
            callback(null, content);
          },
          (error: unknown) => callback(error, undefined as never),
        );
      },
    );
  }
  zip.addBuffer(sums('sha256'), packageFiles.sha256sums, options);
  zip.addBuffer(sums('sm3'), packageFiles.sm3sums, options);
  zip.end();

  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return {
    streamId,
    events: events.length,
    evidenceFiles: files.size,
    documentFiles: documents.length,
    checkpointId: checkpoint.id,
    fileName: {
      ascii: `zhifa-package-${fileSafe(streamId)}-${stamp}.zip`,
      chinese: `全过程记录校验包-${fileSafe(streamId)}-${stamp}.zip`,
    },
    zip: output,
  };
}
