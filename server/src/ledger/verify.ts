/**
 * Recomputes every chain: each event's hash from its stored fields, each link
 * to the previous hash, sequence numbers without gaps, and each stream's head.
 * Reads in keyset-paginated batches so memory stays flat however long the ledger.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ContentDigest, EvidenceStore } from '../storage/evidence-store.js';
import { eventHash, genesisHash } from './hash.js';

export interface BrokenLink {
  streamId: string;
  seq: number;
  problem: 'hash' | 'link' | 'sequence' | 'head';
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  streams: number;
  events: number;
  firstBreak: BrokenLink | null;
}

const batchSize = 5_000;

export async function verifyLedger(
  db: Kysely<DB>,
  options: { streamId?: string; onProgress?: (events: number) => void } = {},
): Promise<VerifyResult> {
  let headsQuery = db.selectFrom('ledger_stream').select(['stream_id', 'head_seq', 'head_hash']);
  if (options.streamId) headsQuery = headsQuery.where('stream_id', '=', options.streamId);
  const heads = new Map((await headsQuery.execute()).map((h) => [h.stream_id, h]));
  let events = 0;
  let current = { streamId: '', seq: 0, hash: genesisHash };
  const seen = new Set<string>();

  const closeStream = (): BrokenLink | null => {
    if (!current.streamId) return null;
    const head = heads.get(current.streamId);
    if (!head || head.head_seq !== current.seq || head.head_hash !== current.hash) {
      return {
        streamId: current.streamId,
        seq: current.seq,
        problem: 'head',
        detail: `流头记为序号 ${head?.head_seq ?? '-'}、哈希 ${head?.head_hash ?? '-'}，链实际止于序号 ${current.seq}、哈希 ${current.hash}`,
      };
    }
    return null;
  };
  const fail = (firstBreak: BrokenLink): VerifyResult => ({
    ok: false,
    streams: seen.size,
    events,
    firstBreak,
  });

  const fetchBatch = (after: { streamId: string; seq: number } | null) => {
    let query = db
      .selectFrom('ledger_event')
      .select([
        'stream_id',
        'seq',
        'occurred_at',
        'actor_id',
        'agency_id',
        'kind',
        'payload',
        'prev_hash',
        'hash',
      ])
      .orderBy('stream_id')
      .orderBy('seq')
      .limit(batchSize);
    if (options.streamId) query = query.where('stream_id', '=', options.streamId);
    if (after) {
      const { streamId, seq } = after;
      query = query.where((eb) =>
        eb.or([
          eb('stream_id', '>', streamId),
          eb.and([eb('stream_id', '=', streamId), eb('seq', '>', seq)]),
        ]),
      );
    }
    return query.execute();
  };

  // The next batch is fetched while this one is hashed.
  // (A batch still in flight when verification stops early must not become an unhandled rejection.)
  const prefetch = (after: { streamId: string; seq: number } | null) => {
    const promise = fetchBatch(after);
    promise.catch(() => {});
    return promise;
  };
  let pending = prefetch(null);
  for (;;) {
    const rows = await pending;
    const last = rows.at(-1);
    if (rows.length === batchSize && last) pending = prefetch({ streamId: last.stream_id, seq: last.seq });
    for (const row of rows) {
      if (row.stream_id !== current.streamId) {
        const broken = closeStream();
        if (broken) return fail(broken);
        current = { streamId: row.stream_id, seq: 0, hash: genesisHash };
        seen.add(row.stream_id);
      }
      const at = { streamId: row.stream_id, seq: row.seq };
      if (row.seq !== current.seq + 1) {
        return fail({
          ...at,
          problem: 'sequence',
          detail: `应为序号 ${current.seq + 1}，实为 ${row.seq}`,
        });
      }
      if (row.prev_hash !== current.hash) {
        return fail({
          ...at,
          problem: 'link',
          detail: `前一哈希 ${row.prev_hash} ≠ 序号 ${current.seq} 的哈希 ${current.hash}`,
        });
      }
      const recomputed = eventHash({
        streamId: row.stream_id,
        seq: row.seq,
        occurredAt: row.occurred_at,
        actorId: row.actor_id,
        agencyId: row.agency_id,
        kind: row.kind,
        payload: row.payload,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) {
        return fail({ ...at, problem: 'hash', detail: `存储的哈希 ${row.hash} ≠ 重新计算的 ${recomputed}` });
      }
      current = { streamId: row.stream_id, seq: row.seq, hash: row.hash };
      events += 1;
    }
    options.onProgress?.(events);
    if (rows.length < batchSize) break;
  }
  const broken = closeStream();
  if (broken) return fail(broken);
  for (const [streamId, head] of heads) {
    if (!seen.has(streamId) && head.head_seq !== 0) {
      return fail({
        streamId,
        seq: 1,
        problem: 'sequence',
        detail: `流头记为序号 ${head.head_seq}，但没有任何事件`,
      });
    }
  }
  return { ok: true, streams: seen.size, events, firstBreak: null };
}

export interface EvidenceProblem {
  evidenceId: string;
  sha256: string;
  problem: 'missing' | 'size' | 'sha256' | 'sm3';
  detail: string;
}

export interface EvidenceVerifyResult {
  ok: boolean;
  files: number;
  bytes: number;
  firstProblem: EvidenceProblem | null;
}

/**
 * Every file of the content-addressed store that a row names, with what the row recorded:
 * evidence by its id, rendered documents as `document:<id>`, the agencies' own document
 * templates as `template:<agency>:<kind>`.
 */
export const storedFiles = sql<{ id: string; sha256: string; sm3: string; size: number }>`(
  SELECT id::text AS id, sha256, sm3, size FROM evidence
  UNION ALL SELECT 'document:' || id::text, sha256, sm3, size FROM document
  UNION ALL SELECT 'template:' || agency_id::text || ':' || kind, sha256, sm3, size FROM document_template)`;

/**
 * Re-hashes every stored file (evidence, documents, templates) (SHA-256 and SM3) against what its rows
 * recorded, in address order so content shared by several rows is read once.
 * Stops at the first missing or altered file.
 */
export async function verifyEvidence(
  db: Kysely<DB>,
  store: Pick<EvidenceStore, 'rehash'>,
  options: { evidenceId?: string; onProgress?: (files: number, bytes: number) => void } = {},
): Promise<EvidenceVerifyResult> {
  let files = 0;
  let bytes = 0;
  let currentSha256 = '';
  let digest: ContentDigest | null = null;
  let after: { sha256: string; id: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom(storedFiles.as('stored'))
      .select(['id', 'sha256', 'sm3', 'size'])
      .orderBy('sha256')
      .orderBy('id')
      .limit(batchSize);
    if (options.evidenceId) query = query.where('id', '=', options.evidenceId);
    if (after) {
      const { sha256, id } = after;
      query = query.where((eb) =>
        eb.or([eb('sha256', '>', sha256), eb.and([eb('sha256', '=', sha256), eb('id', '>', id)])]),
      );
    }
    const rows = await query.execute();
    for (const row of rows) {
      if (row.sha256 !== currentSha256) {
        currentSha256 = row.sha256;
        digest = await store.rehash(row.sha256);
        if (digest) {
          files += 1;
          bytes += digest.size;
          options.onProgress?.(files, bytes);
        }
      }
      const problem = compare(row, digest);
      if (problem) {
        return {
          ok: false,
          files,
          bytes,
          firstProblem: { evidenceId: row.id, sha256: row.sha256, ...problem },
        };
      }
    }
    if (rows.length < batchSize) break;
    const last = rows.at(-1)!;
    after = { sha256: last.sha256, id: last.id };
  }
  return { ok: true, files, bytes, firstProblem: null };
}

function compare(
  recorded: { sha256: string; sm3: string; size: number },
  actual: ContentDigest | null,
): Pick<EvidenceProblem, 'problem' | 'detail'> | null {
  if (!actual) return { problem: 'missing', detail: '证据存储中找不到该文件' };
  if (actual.size !== recorded.size)
    return { problem: 'size', detail: `记录为 ${recorded.size} 字节，文件实为 ${actual.size} 字节` };
  if (actual.sha256 !== recorded.sha256)
    return { problem: 'sha256', detail: `记录的 SHA-256 为 ${recorded.sha256}，文件实为 ${actual.sha256}` };
  if (actual.sm3 !== recorded.sm3)
    return { problem: 'sm3', detail: `记录的 SM3 为 ${recorded.sm3}，文件实为 ${actual.sm3}` };
  return null;
}
