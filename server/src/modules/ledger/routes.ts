/**
 * The ledger explorer (audit administrator, supervisors): streams, events,
 * verification, signed checkpoints with export, inclusion and consistency
 * proofs. The public key is public: anyone may check an exported checkpoint.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { defineRoute, mayTake } from '../../http/route.js';
import { agencyScope, notFound, requireAgencyInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import {
  checkpointConsistency,
  createCheckpoint,
  eventInclusionProof,
  exportCheckpoint,
  presentEvent,
  verifyCheckpoints,
} from '../../ledger/checkpoint.js';
import { verifyLedger } from '../../ledger/verify.js';
import { replyWithStreamPackage } from './package-reply.js';

const streamParams = z.strictObject({ streamId: z.string().min(1).max(200) });
const idParams = z.strictObject({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** Streams of agencies in scope, and the deployment-wide ones (settings, calendar). */
async function streamVisible(db: Kysely<DB>, user: CurrentUser, streamId: string) {
  const stream = await db
    .selectFrom('ledger_stream')
    .selectAll()
    .where('stream_id', '=', streamId)
    .executeTakeFirst();
  if (!stream) throw notFound('记录流');
  if (stream.agency_id) await requireAgencyInScope(db, user, stream.agency_id, '记录流');
  return stream;
}

export const ledgerRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/ledger/public-key',
    access: 'public',
    summary: '本平台检查点签名公钥（SM2）',
    handler: async ({ app }) => ({ algorithm: 'SM2', publicKey: app.signer.publicKey }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/streams',
    access: 'ledger.read',
    summary: '全过程记录流（按机关范围）',
    query: z.strictObject({ prefix: z.string().max(100).optional() }),
    handler: async ({ db, user, query }) => {
      const scope = await agencyScope(db, user);
      let q = db
        .selectFrom('ledger_stream')
        .selectAll()
        .where((eb) => eb.or([eb('agency_id', 'in', scope), eb('agency_id', 'is', null)]))
        .orderBy('updated_at', 'desc')
        .limit(500);
      if (query.prefix) q = q.where('stream_id', 'like', `${query.prefix.replace(/[%_\\]/g, '\\$&')}%`);
      const rows = await q.execute();
      return {
        items: rows.map((r) => ({
          streamId: r.stream_id,
          agencyId: r.agency_id,
          headSeq: r.head_seq,
          headHash: r.head_hash,
          updatedAt: r.updated_at,
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/streams/:streamId/events',
    access: 'ledger.read',
    summary: '某记录流的事件（分页）及整条流的校验结果',
    params: streamParams,
    query: z.strictObject({
      page: z.coerce.number().int().min(1).max(1_000_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(1_000).default(100),
      order: z.enum(['asc', 'desc']).default('asc'),
    }),
    handler: async ({ db, user, params, query }) => {
      const stream = await streamVisible(db, user, params.streamId);
      const events = await db
        .selectFrom('ledger_event as e')
        .leftJoin('app_user as u', 'u.id', 'e.actor_id')
        .selectAll('e')
        .select(['u.username', 'u.display_name'])
        .where('e.stream_id', '=', params.streamId)
        .orderBy('e.seq', query.order)
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      // The whole chain is recomputed whatever page is shown: a page alone proves nothing.
      const verification = await verifyLedger(db, { streamId: params.streamId });
      return {
        streamId: params.streamId,
        verification,
        total: stream.head_seq,
        page: query.page,
        pageSize: query.pageSize,
        items: events.map((e) => ({
          id: e.id,
          ...presentEvent(e),
          actor: e.username ? { username: e.username, displayName: e.display_name } : null,
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/streams/:streamId/package',
    access: 'ledger.read',
    summary:
      '导出某记录流的校验包（zip：全部事件、所涉证据文件、签名检查点、包含证明、说明；导出记入全过程记录）',
    params: streamParams,
    // The export is recorded and a checkpoint signed in one short transaction of the
    // builder's; the zip then streams outside any, as the evidence files are read.
    transaction: false,
    handler: async ({ app, user, params, reply }) => {
      await streamVisible(app.db, user, params.streamId);
      return replyWithStreamPackage(app, user, reply, params.streamId);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/events/:id/proof',
    access: 'ledger.read',
    summary: '事件包含证明（可离线校验）',
    params: idParams,
    query: z.strictObject({ checkpointId: z.coerce.number().int().min(1).optional() }),
    handler: async ({ db, user, params, query }) => {
      const event = await db
        .selectFrom('ledger_event')
        .select(['stream_id'])
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (!event) throw notFound('事件');
      await streamVisible(db, user, event.stream_id);
      const bundle = await eventInclusionProof(db, params.id, query.checkpointId);
      if (!bundle) throw notFound('覆盖该事件的检查点');
      return bundle;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/checkpoints',
    access: 'ledger.read',
    summary: '已签名的检查点',
    handler: async ({ db, user }) => {
      const rows = await db.selectFrom('checkpoint').selectAll().orderBy('id', 'desc').limit(200).execute();
      return {
        items: rows.map((r) => ({ id: r.id, ...exportCheckpoint(r) })),
        actions: { create: mayTake(user, 'ledger.checkpoint') },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/ledger/checkpoints',
    access: 'ledger.checkpoint',
    summary: '立即签名一个检查点',
    handler: async ({ db, app, reply }) => {
      const row = await createCheckpoint(db, app.signer, app.clock());
      if (!row) {
        reply.status(200);
        return { created: false, message: '自上一检查点以来没有新的记录' };
      }
      reply.status(201);
      return { created: true, id: row.id, ...exportCheckpoint(row) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/checkpoints/:id/export',
    access: 'ledger.read',
    summary: '下载检查点（JSON，可交司法行政机关留存）',
    params: idParams,
    handler: async ({ db, params, reply }) => {
      const row = await db
        .selectFrom('checkpoint')
        .selectAll()
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (!row) throw notFound('检查点');
      void reply.header('content-disposition', `attachment; filename="zhifa-checkpoint-${row.id}.json"`);
      return exportCheckpoint(row);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/consistency',
    access: 'ledger.read',
    summary: '两个检查点之间的一致性证明',
    query: z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
    handler: async ({ db, query }) => {
      const proof = await checkpointConsistency(db, query.from, query.to);
      if (!proof) throw notFound('检查点（from 须早于 to）');
      return proof;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/ledger/verify',
    access: 'ledger.read',
    summary: '校验全部哈希链与检查点',
    handler: async ({ db }) => ({ ledger: await verifyLedger(db), checkpoints: await verifyCheckpoints(db) }),
  }),
];
