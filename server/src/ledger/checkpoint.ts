/**
 * Checkpoints: a signed Merkle root over the log of stream heads. Creating one
 * appends a leaf for every stream whose head moved since the last checkpoint,
 * then signs {treeSize, root, createdAt} with the deployment's SM2 key.
 * The exported JSON is small enough for a justice bureau to keep.
 */
import canonicalize from 'canonicalize';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { eventHash } from './hash.js';
import { consistencyProof, inclusionProof, leafHash, rootOf, verifyInclusion } from './merkle.js';
import { type Signer, verifySignature } from './signing.js';

const checkpointLockKey = 7_002;

export interface CheckpointStatement {
  v: 1;
  treeSize: number;
  root: string;
  createdAt: string;
  publicKey: string;
}

export interface ExportedCheckpoint extends CheckpointStatement {
  signature: string;
  algorithm: 'SM2-SM3 (GM/T 0003, user ID 1234567812345678, DER signature)';
  hashing: 'RFC 6962 Merkle tree with SM3: leaf = SM3(0x00 || data), node = SM3(0x01 || left || right)';
  leafData: 'RFC 8785 canonical JSON {"hash","seq","stream"} of a stream head';
}

export const leafData = (leaf: { stream_id: string; seq: number; event_hash: string }) =>
  canonicalize({ stream: leaf.stream_id, seq: leaf.seq, hash: leaf.event_hash })!;

export const statementText = (s: CheckpointStatement) => canonicalize(s)!;

async function leafHashes(db: Kysely<DB>, size?: number): Promise<Buffer[]> {
  let query = db
    .selectFrom('checkpoint_leaf')
    .select(['stream_id', 'seq', 'event_hash'])
    .orderBy('leaf_index');
  if (size !== undefined) query = query.where('leaf_index', '<', size);
  return (await query.execute()).map((leaf) => leafHash(leafData(leaf)));
}

export function exportCheckpoint(row: {
  tree_size: number;
  root: string;
  created_at: Date;
  public_key: string;
  signature: string;
}): ExportedCheckpoint {
  return {
    v: 1,
    treeSize: row.tree_size,
    root: row.root,
    createdAt: row.created_at.toISOString(),
    publicKey: row.public_key,
    signature: row.signature,
    algorithm: 'SM2-SM3 (GM/T 0003, user ID 1234567812345678, DER signature)',
    hashing: 'RFC 6962 Merkle tree with SM3: leaf = SM3(0x00 || data), node = SM3(0x01 || left || right)',
    leafData: 'RFC 8785 canonical JSON {"hash","seq","stream"} of a stream head',
  };
}

export function checkpointSignatureValid(c: ExportedCheckpoint): boolean {
  const { v, treeSize, root, createdAt, publicKey } = c;
  return verifySignature(statementText({ v, treeSize, root, createdAt, publicKey }), c.signature, publicKey);
}

/** Runs in the caller's transaction; returns null when no head moved since the last checkpoint. */
export async function createCheckpoint(db: Kysely<DB>, signer: Signer, now: Date) {
  await sql`SELECT pg_advisory_xact_lock(${checkpointLockKey})`.execute(db);
  const moved = await db
    .selectFrom('ledger_stream as s')
    .leftJoin(
      db
        .selectFrom('checkpoint_leaf')
        .select(['stream_id', (eb) => eb.fn.max('seq').as('seq')])
        .groupBy('stream_id')
        .as('l'),
      'l.stream_id',
      's.stream_id',
    )
    .select(['s.stream_id', 's.head_seq', 's.head_hash'])
    .where('s.head_seq', '>', 0)
    .where((eb) => eb.or([eb('l.seq', 'is', null), eb('l.seq', '<', eb.ref('s.head_seq'))]))
    .orderBy('s.stream_id')
    .execute();
  if (moved.length === 0) return null;
  const { count } = await db
    .selectFrom('checkpoint_leaf')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  await db
    .insertInto('checkpoint_leaf')
    .values(
      moved.map((m, i) => ({
        leaf_index: count + i,
        stream_id: m.stream_id,
        seq: m.head_seq,
        event_hash: m.head_hash,
      })),
    )
    .execute();
  const treeSize = count + moved.length;
  const root = rootOf(await leafHashes(db)).toString('hex');
  const createdAt = new Date(Math.floor(now.getTime()));
  const statement: CheckpointStatement = {
    v: 1,
    treeSize,
    root,
    createdAt: createdAt.toISOString(),
    publicKey: signer.publicKey,
  };
  const signature = signer.sign(statementText(statement));
  return db
    .insertInto('checkpoint')
    .values({ tree_size: treeSize, root, created_at: createdAt, public_key: signer.publicKey, signature })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The newest checkpoint if it has a leaf for this stream at `seq`; otherwise a new
 * one is signed first (checkpoints are append-only and cheap). In the caller's transaction.
 */
export async function checkpointCovering(
  db: Kysely<DB>,
  signer: Signer,
  head: { streamId: string; seq: number },
  now: Date,
) {
  const covering = async () => {
    const latest = await db
      .selectFrom('checkpoint')
      .selectAll()
      .orderBy('tree_size', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!latest) return null;
    const leaf = await db
      .selectFrom('checkpoint_leaf')
      .select('leaf_index')
      .where('stream_id', '=', head.streamId)
      .where('seq', '=', head.seq)
      .where('leaf_index', '<', latest.tree_size)
      .executeTakeFirst();
    return leaf ? latest : null;
  };
  const existing = await covering();
  if (existing) return existing;
  // Null only when a checkpoint signed meanwhile already took this head.
  const created = (await createCheckpoint(db, signer, now)) ?? (await covering());
  if (!created) throw new Error(`no checkpoint covers stream ${head.streamId} at seq ${head.seq}`);
  return created;
}

/**
 * Proof that an event is in a checkpoint: the stream's events from it up to the
 * checkpointed head (their hashes link forward), and the head leaf's Merkle path.
 */
export async function eventInclusionProof(db: Kysely<DB>, eventId: number, checkpointId?: number) {
  const event = await db.selectFrom('ledger_event').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!event) return null;
  let checkpointQuery = db.selectFrom('checkpoint').selectAll().orderBy('tree_size', 'desc').limit(1);
  if (checkpointId !== undefined)
    checkpointQuery = db.selectFrom('checkpoint').selectAll().where('id', '=', checkpointId);
  const checkpoint = await checkpointQuery.executeTakeFirst();
  if (!checkpoint) return null;
  const leaf = await db
    .selectFrom('checkpoint_leaf')
    .selectAll()
    .where('stream_id', '=', event.stream_id)
    .where('seq', '>=', event.seq)
    .where('leaf_index', '<', checkpoint.tree_size)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  if (!leaf) return null;
  const events = await db
    .selectFrom('ledger_event')
    .selectAll()
    .where('stream_id', '=', event.stream_id)
    .where('seq', '>=', event.seq)
    .where('seq', '<=', leaf.seq)
    .orderBy('seq')
    .execute();
  const leaves = await leafHashes(db, checkpoint.tree_size);
  return {
    eventId,
    // The event and every later event of its stream up to the checkpointed head,
    // in full, so each hash is recomputed rather than trusted.
    events: events.map(presentEvent),
    leafIndex: leaf.leaf_index,
    merklePath: inclusionProof(leaf.leaf_index, leaves).map((h) => h.toString('hex')),
    checkpoint: exportCheckpoint(checkpoint),
  };
}

export type InclusionBundle = NonNullable<Awaited<ReturnType<typeof eventInclusionProof>>>;

export function presentEvent(row: {
  stream_id: string;
  seq: number;
  occurred_at: Date;
  actor_id: string | null;
  agency_id: string | null;
  kind: string;
  payload: unknown;
  prev_hash: string;
  hash: string;
}) {
  return {
    streamId: row.stream_id,
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    agencyId: row.agency_id,
    kind: row.kind,
    payload: row.payload,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Checks a bundle with no database: hashes recomputed, links followed, Merkle path and signature verified. */
export function verifyInclusionBundle(bundle: InclusionBundle): string | null {
  if (!checkpointSignatureValid(bundle.checkpoint)) return '检查点签名无效';
  const [first, ...rest] = bundle.events;
  if (!first) return '缺少事件';
  let previous: (typeof bundle.events)[number] | null = null;
  for (const event of [first, ...rest]) {
    const recomputed = eventHash({ ...event, occurredAt: new Date(event.occurredAt) });
    if (recomputed !== event.hash) return `流 ${event.streamId} 序号 ${event.seq} 的哈希与内容不符`;
    if (
      previous &&
      (event.streamId !== previous.streamId ||
        event.seq !== previous.seq + 1 ||
        event.prevHash !== previous.hash)
    ) {
      return `流 ${event.streamId} 序号 ${event.seq} 未接续上一事件`;
    }
    previous = event;
  }
  const head = previous!;
  const data = leafData({ stream_id: head.streamId, seq: head.seq, event_hash: head.hash });
  const { treeSize, root } = bundle.checkpoint;
  const path = bundle.merklePath.map((h) => Buffer.from(h, 'hex'));
  return verifyInclusion(leafHash(data), bundle.leafIndex, treeSize, path, Buffer.from(root, 'hex'))
    ? null
    : 'Merkle 包含证明无效';
}

export async function checkpointConsistency(db: Kysely<DB>, fromId: number, toId: number) {
  const [from, to] = await Promise.all(
    [fromId, toId].map((id) =>
      db.selectFrom('checkpoint').selectAll().where('id', '=', id).executeTakeFirst(),
    ),
  );
  if (!from || !to || from.tree_size > to.tree_size) return null;
  const leaves = await leafHashes(db, to.tree_size);
  return {
    from: exportCheckpoint(from),
    to: exportCheckpoint(to),
    proof: consistencyProof(from.tree_size, leaves).map((h) => h.toString('hex')),
  };
}

/** Every checkpoint: signature valid, root equal to the leaves', and each leaf equal to its ledger event. */
export async function verifyCheckpoints(
  db: Kysely<DB>,
): Promise<{ checkpoints: number; problem: string | null }> {
  const checkpoints = await db.selectFrom('checkpoint').selectAll().orderBy('tree_size').execute();
  const leaves = await db.selectFrom('checkpoint_leaf').selectAll().orderBy('leaf_index').execute();
  for (const [i, leaf] of leaves.entries()) {
    if (leaf.leaf_index !== i)
      return {
        checkpoints: checkpoints.length,
        problem: `检查点叶子编号不连续：应为 ${i}，实为 ${leaf.leaf_index}`,
      };
    const event = await db
      .selectFrom('ledger_event')
      .select('hash')
      .where('stream_id', '=', leaf.stream_id)
      .where('seq', '=', leaf.seq)
      .executeTakeFirst();
    if (event?.hash !== leaf.event_hash) {
      return {
        checkpoints: checkpoints.length,
        problem: `检查点叶子 ${i}（流 ${leaf.stream_id} 序号 ${leaf.seq}）与账本事件不符`,
      };
    }
  }
  const hashes = leaves.map((leaf) => leafHash(leafData(leaf)));
  for (const checkpoint of checkpoints) {
    const exported = exportCheckpoint(checkpoint);
    if (!checkpointSignatureValid(exported))
      return { checkpoints: checkpoints.length, problem: `检查点 ${checkpoint.id} 的 SM2 签名无效` };
    if (rootOf(hashes.slice(0, checkpoint.tree_size)).toString('hex') !== checkpoint.root) {
      return { checkpoints: checkpoints.length, problem: `检查点 ${checkpoint.id} 的根哈希与叶子不符` };
    }
  }
  return { checkpoints: checkpoints.length, problem: null };
}
