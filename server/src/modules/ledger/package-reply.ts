/**
 * Answers with a stream's self-verifying package (decision 0007): the ledger explorer's
 * download and a case's one-click archive export are this one reply. The caller has
 * checked that the stream is the user's to read; evidence of other agencies is refused, and
 * so is a stream whose documents the user may not download (SEC-14: the package carries them).
 */
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../http/context.js';
import { notFound, requireAgencyInScope } from '../../http/scope.js';
import type { CurrentUser } from '../../http/session.js';
import { exportStreamPackage } from '../../ledger/package.js';
import { attachment } from '../../xlsx/sheet.js';
import { requireDownload } from '../documents/service.js';

export async function replyWithStreamPackage(
  app: AppContext,
  user: CurrentUser,
  reply: FastifyReply,
  streamId: string,
) {
  const documents = await app.db
    .selectFrom('document')
    .selectAll()
    .where('stream_id', '=', streamId)
    .execute();
  for (const document of documents) await requireDownload(app.db, user, document);
  const exported = await exportStreamPackage(
    app.db,
    { signer: app.signer, store: app.evidence },
    {
      streamId,
      actorId: user.id,
      now: app.clock(),
      mayInclude: async (evidence) => {
        for (const agencyId of new Set(evidence.map((e) => e.agency_id)))
          await requireAgencyInScope(app.db, user, agencyId, '记录流');
      },
    },
  );
  if (!exported) throw notFound('记录流');
  reply
    .header('content-type', 'application/zip')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', attachment(exported.fileName.ascii, exported.fileName.chinese));
  return exported.zip;
}
