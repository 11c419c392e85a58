/**
 * A case's 执法文书: rendered from the case (fields it holds are filled, never
 * typed again), only of a kind a stage the case reached produces (PROCESS),
 * signed by the caller, in the same transaction as its `document.rendered`
 * event on the case's stream; the plan of what the case fills and what is
 * still needed for each kind; and the file standard checked before 归档.
 */
import { AppError } from '@zhifa/core';
import { z } from 'zod';
import { validationError } from '../../http/errors.js';
import { uuid } from '../../http/fields.js';
import { defineRoute } from '../../http/route.js';
import { notFound } from '../../http/scope.js';
import { documentKindNames } from '../documents/kinds.js';
import { dataSchema } from '../documents/render.js';
import { renderDocument } from '../documents/service.js';
import { replyWithStreamPackage } from '../ledger/package-reply.js';
import { ruleContext } from '../settings/rule-context.js';
import { type CaseRecordRow, caseFields, mergeCaseData, recordKindOf } from './case-fields.js';
import { documentPlan } from './document-plan.js';
import { archiveCheck, requireProducible } from './documents.js';
import { loadCaseFacts } from './facts.js';
import { idParams, loadOne } from './load.js';
import { caseStream, lockCase } from './service.js';

const documentBody = z.strictObject({
  kind: z.enum(documentKindNames, { message: '文书种类无效' }),
  /** For 询问笔录 and 现场笔录: the structured 笔录 of the case the document is made from. */
  recordId: uuid.optional(),
  /** Only what the case does not hold (checked against the kind's fields). */
  data: z.record(z.string(), z.unknown()).optional(),
});

export const caseDocumentRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/documents',
    access: 'document.render',
    summary: '制作案件文书：只能制作已到达环节的文书，案件已有的内容自动填写，本人签署，记入案件全过程记录',
    params: idParams,
    body: documentBody,
    handler: async ({ db, app, user, params, body, reply }) => {
      const now = app.clock();
      // The case is locked first, then (in renderDocument) its stream, then the number counter.
      const row = await lockCase(db, user, params.id);
      // Documents are made in the case's own agency; a supervisor reads them, never makes them.
      if (row.agency_id !== user.agencyId) throw notFound('案件');
      const loaded = (await loadCaseFacts(db, [row])).get(row.id)!;
      requireProducible(loaded, body.kind);
      let record: CaseRecordRow | undefined;
      if (body.recordId) {
        const wanted = recordKindOf[body.kind];
        record = await db
          .selectFrom('case_record')
          .select(['kind', 'content', 'made_at'])
          .where('id', '=', body.recordId)
          .where('case_id', '=', row.id)
          .executeTakeFirst();
        if (!record) throw notFound('笔录');
        if (!wanted || record.kind !== wanted)
          throw new AppError('VALIDATION_FAILED', '该笔录不能制作这种文书', { field: 'body.recordId' });
      }
      const rule = await ruleContext(db, now);
      const filled = await caseFields(body.kind, loaded, { db, cipher: app.cipher, rule }, record);
      const data = dataSchema(body.kind).safeParse(mergeCaseData(filled, body.data));
      if (!data.success) throw validationError(data.error, 'body.data');
      const id = await renderDocument(
        db,
        app,
        {
          agencyId: row.agency_id,
          kind: body.kind,
          streamId: caseStream(row.id),
          data: data.data,
          signerId: user.id,
          actorId: user.id,
        },
        now,
      );
      const document = await db
        .selectFrom('document')
        .select(['id', 'kind', 'title', 'number', 'signer_id', 'signer_name', 'signed_at', 'sha256', 'sm3'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      reply.status(201);
      return {
        id: document.id,
        kind: document.kind,
        title: document.title,
        number: document.number,
        signer: { id: document.signer_id, name: document.signer_name },
        signedAt: document.signed_at.toISOString(),
        sha256: document.sha256,
        sm3: document.sm3,
        filled: Object.keys(filled),
        contentUrl: `/api/documents/${document.id}/content`,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/:id/documents/kinds',
    access: 'document.render',
    summary:
      '本案现在可制作的文书：每种文书由案件自动填写的内容（只读，不可另行填写）和仍需填写的字段，以及本人能否签署',
    params: idParams,
    handler: async ({ db, app, user, params }) => {
      const loaded = await loadOne(db, user, params.id);
      // As for rendering: documents are made in the case's own agency, never by a supervisor.
      if (loaded.row.agency_id !== user.agencyId) throw notFound('案件');
      const rule = await ruleContext(db, app.clock());
      return {
        caseId: loaded.row.id,
        kinds: await documentPlan(loaded, { db, cipher: app.cipher, rule }, user),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/:id/archive-check',
    access: 'case.read',
    summary: '归档前案卷完整性检查：按流程和处理结果应有的文书，已有哪些、缺少哪些（ARCHIVE）',
    params: idParams,
    handler: async ({ db, user, params }) => {
      const loaded = await loadOne(db, user, params.id);
      return { caseId: loaded.row.id, archived: loaded.row.archived_at !== null, ...archiveCheck(loaded) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/cases/:id/package',
    access: 'case.read',
    summary:
      '一键导出案卷校验包（zip：案件全过程记录、证据、文书、签名检查点与包含证明，可离线校验；导出记入全过程记录）',
    params: idParams,
    // As the ledger explorer's package: recorded in a short transaction, then streamed.
    transaction: false,
    handler: async ({ app, user, params, reply }) => {
      await loadOne(app.db, user, params.id);
      return replyWithStreamPackage(app, user, reply, caseStream(params.id));
    },
  }),
];
