/**
 * Evidence (证据): upload with capture metadata, metadata, and the content
 * itself with HTTP ranges. Every upload, view and download is a ledger event
 * on the stream evidence:<id> — the chain of custody a court asks for.
 */
import { z } from 'zod';
import { uuid } from '../../http/fields.js';
import { defineRoute } from '../../http/route.js';
import { firstBytes } from '../../storage/verifying-reader.js';
import { currentSettings } from '../settings/service.js';
import { detectMediaType, showsInline } from './media-type.js';
import { parseRange } from './range.js';
import { loadEvidence, presentEvidence, recordEvidence, recordEvidenceAccess } from './service.js';
import { receiveUpload } from './upload.js';

const idParams = z.strictObject({ id: uuid });

export const evidenceRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/evidence',
    access: 'evidence.upload',
    summary: '上传证据文件（multipart：file 与采集信息；边接收边计算 SM3 与 SHA-256）',
    // An upload streams for as long as it takes; a transaction open that long would hold
    // PGlite's only connection. The row and its ledger event commit in one short
    // transaction once the file is stored.
    transaction: false,
    handler: async ({ app, user, request, reply }) => {
      const { evidence: limits } = await currentSettings(app.db);
      const upload = await receiveUpload(request, app.evidence, limits.maxUploadBytes, app.clock()).catch(
        (error: unknown) => {
          // The rest of a refused body is not worth reading: close after answering.
          reply.header('connection', 'close');
          throw error;
        },
      );
      const { staged, fields, originalName } = upload;
      let mediaType: string;
      try {
        mediaType = await detectMediaType(staged.head);
        // Stored before the row: a crash in between leaves an unreferenced file, never a
        // row without its file. Content is shared by address, so it is not removed on failure.
        await staged.commit();
      } finally {
        await staged.discard();
      }
      const id = await app.db.transaction().execute((trx) =>
        recordEvidence(
          trx,
          user,
          {
            digest: { sha256: staged.sha256, sm3: staged.sm3, size: staged.size },
            mediaType,
            originalName,
            fields,
          },
          app.clock(),
        ),
      );
      reply.status(201);
      return presentEvidence(await loadEvidence(app.db, user, id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/evidence/:id',
    access: 'evidence.read',
    summary: '证据信息（哈希、采集信息；查看记入全过程记录）',
    params: idParams,
    // The access event is a write; appending it needs the stream's row lock.
    transaction: true,
    handler: async ({ app, db, user, params }) => {
      const row = await loadEvidence(db, user, params.id);
      await recordEvidenceAccess(db, row, { actorId: user.id, access: 'metadata', range: null }, app.clock());
      return presentEvidence(row);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/evidence/:id/content',
    access: 'evidence.read',
    summary: '证据文件内容（支持 Range；边读边校验哈希；查看与下载记入全过程记录）',
    params: idParams,
    query: z.strictObject({ disposition: z.enum(['inline', 'attachment']).optional() }),
    // The file is opened first, then the access recorded in its own short transaction:
    // a recorded access always had a file to serve.
    transaction: false,
    handler: async ({ app, user, params, query, request, reply }) => {
      const row = await loadEvidence(app.db, user, params.id);
      let range: ReturnType<typeof parseRange>;
      try {
        range = parseRange(request.headers.range, row.size);
      } catch (error) {
        reply.header('content-range', `bytes */${row.size}`);
        throw error;
      }
      const download = query.disposition === 'attachment' || !showsInline(row.media_type);
      const content = await app.evidence.read(row, range ?? undefined);
      // Wait for the first verified bytes: a file that fails before then gets a plain error
      // (not the file's headers), and no access is recorded for it.
      await firstBytes(content);
      try {
        await app.db.transaction().execute((trx) =>
          recordEvidenceAccess(
            trx,
            row,
            {
              actorId: user.id,
              access: download ? 'download' : 'view',
              // The range served, not the header as sent: the ledger keeps no client text.
              range: range ? `bytes=${range.start}-${range.end}` : null,
            },
            app.clock(),
          ),
        );
      } catch (error) {
        content.destroy();
        throw error;
      }
      const served = range ?? { start: 0, end: row.size - 1 };
      reply
        .status(range ? 206 : 200)
        .header('content-type', row.media_type)
        .header('content-length', String(served.end - served.start + 1))
        .header('accept-ranges', 'bytes')
        .header('etag', `"${row.sha256}"`)
        // Each access must reach the server to be recorded.
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(download, row.id, row.original_name));
      if (range) reply.header('content-range', `bytes ${range.start}-${range.end}/${row.size}`);
      return content;
    },
  }),
];

/** RFC 6266: an ASCII name for old clients, the original (UTF-8) name for the rest. */
function contentDisposition(download: boolean, id: string, originalName: string | null): string {
  const kind = download ? 'attachment' : 'inline';
  const fallback = `filename="evidence-${id}"`;
  if (!originalName) return `${kind}; ${fallback}`;
  const encoded = encodeURIComponent(originalName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; ${fallback}; filename*=UTF-8''${encoded}`;
}
