/**
 * 执法文书: render a document that belongs to no case (numbered, stored, hashed,
 * SM2-signed, ledgered on its own stream; a case's documents are made on the
 * case, cases/document-routes.ts), read the
 * metadata, download the .docx (each download a ledger event), verify, PDF
 * where LibreOffice is installed; and each agency's templates.
 */
import { AppError } from '@zhifa/core';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { validationError } from '../../http/errors.js';
import { text, uuid } from '../../http/fields.js';
import { defineRoute } from '../../http/route.js';
import { notFound } from '../../http/scope.js';
import { appendEvent } from '../../ledger/append.js';
import {
  type DocumentKind,
  type DocumentKindSpec,
  documentKindNames,
  documentKinds,
  serverFields,
} from './kinds.js';
import { pdfAvailability, pdfUnavailable, printCopyOf } from './pdf.js';
import { dataSchema } from './render.js';
import { loadDocument, presentDocument, renderDocument, requireDownload, verifyDocument } from './service.js';
import {
  effectiveTemplate,
  maxTemplateBytes,
  readStored,
  replaceTemplate,
  resetTemplate,
} from './templates.js';

const idParams = z.strictObject({ id: uuid });
// Any text, so a bad body is judged before the path; an unknown kind is a 404 like any missing record.
const kindParams = z.strictObject({ kind: z.string().max(50) });

function documentKind(kind: string): DocumentKind {
  if (!Object.hasOwn(documentKinds, kind)) throw notFound('文书种类');
  return kind as DocumentKind;
}

/**
 * The data is checked against the kind's fields once the kind is known (errors name body.data.<field>).
 * No stream: a case's documents are made on the case (`POST /api/cases/:id/documents`), from its
 * data and only of kinds its stages produce; here a document is recorded on `document:<id>`.
 */
const renderBody = z.strictObject({
  kind: z.enum(documentKindNames, { message: '文书种类无效' }),
  /** Defaults to the caller; the server signs only for the user whose session asks. */
  signerId: uuid.optional(),
  data: z.record(z.string(), z.unknown()),
});

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendFile(reply: FastifyReply, content: Buffer, type: string, name: string, etag?: string) {
  reply
    .header('content-type', type)
    .header('content-length', String(content.length))
    // Each access must reach the server to be recorded.
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  if (etag) reply.header('etag', `"${etag}"`);
  return content;
}

const fileName = (row: { title: string; number: string | null; id: string }, extension: string) =>
  `${row.number ?? `${row.title}-${row.id.slice(0, 8)}`}${row.number ? row.title : ''}.${extension}`;

export const documentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/document-kinds',
    access: ['document.read', 'documentTemplate.manage'],
    summary: '文书种类、各自的字段（模板可用的标记）、签署人角色、本机关使用的模板与 PDF 是否可用',
    handler: async ({ db, user }) => {
      const own = await db
        .selectFrom('document_template')
        .select(['kind', 'sha256', 'original_name', 'uploaded_at'])
        .where('agency_id', '=', user.agencyId)
        .execute();
      const byKind = new Map(own.map((t) => [t.kind, t]));
      return {
        pdf: pdfAvailability(),
        serverFields,
        kinds: documentKindNames.map((kind) => {
          const spec: DocumentKindSpec = documentKinds[kind];
          const template = byKind.get(kind);
          return {
            kind,
            title: spec.title,
            code: spec.code,
            signerRoles: spec.signerRoles,
            fields: spec.fields,
            lists: spec.lists,
            template: template
              ? {
                  source: 'agency',
                  sha256: template.sha256,
                  originalName: template.original_name,
                  uploadedAt: template.uploaded_at.toISOString(),
                }
              : { source: 'default' },
          };
        }),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/documents',
    access: 'document.render',
    summary:
      '生成不属于案件的文书：编号（按机关、种类、年度连续）、渲染、存储、SM3/SHA-256、签署人 SM2 签名、记入全过程记录（案件文书在案件中制作）',
    body: renderBody,
    handler: async ({ db, app, user, body, reply }) => {
      const data = dataSchema(body.kind).safeParse(body.data);
      if (!data.success) throw validationError(data.error, 'body.data');
      if (body.signerId && body.signerId !== user.id) {
        throw new AppError('RULE_VIOLATION', '只能以本人身份签署文书：签名密钥只在其本人登录时使用', {
          field: 'body.signerId',
        });
      }
      const id = await renderDocument(
        db,
        app,
        {
          agencyId: user.agencyId,
          kind: body.kind,
          data: data.data,
          signerId: user.id,
          actorId: user.id,
        },
        app.clock(),
      );
      reply.status(201);
      return presentDocument(await loadDocument(db, user, id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/documents/:id',
    access: 'document.read',
    summary: '文书信息（文号、哈希、签名）',
    params: idParams,
    handler: async ({ db, user, params }) => presentDocument(await loadDocument(db, user, params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/documents/:id/verify',
    access: 'document.read',
    summary: '校验文书：重新计算存储文件的哈希，并以签署人公钥验证 SM2 签名',
    params: idParams,
    handler: async ({ app, db, user, params }) => {
      const row = await loadDocument(db, user, params.id);
      return { id: row.id, ...(await verifyDocument(app.evidence, row)) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/documents/:id/content',
    access: 'document.read',
    summary:
      '下载文书（.docx；边读边校验哈希；下载记入全过程记录）。文书载有当事人完整身份信息：本案办案人员、负责人、法制审核人员、档案管理员可下载（SEC-14）',
    params: idParams,
    // The file is read (and verified) first, then the access recorded in a short transaction.
    transaction: false,
    handler: async ({ app, user, params, reply }) => {
      const row = await loadDocument(app.db, user, params.id);
      await requireDownload(app.db, user, row);
      const content = await readStored(app.evidence, row);
      await app.db.transaction().execute((trx) => recordAccess(trx, row, user.id, 'docx', app.clock()));
      return sendFile(reply, content, docxType, fileName(row, 'docx'), row.sha256);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/documents/:id/pdf',
    access: 'document.read',
    summary: '文书 PDF（服务器安装 LibreOffice 时可用；下载记入全过程记录；谁可下载同 .docx）',
    params: idParams,
    transaction: false,
    handler: async ({ app, user, params, reply }) => {
      const row = await loadDocument(app.db, user, params.id);
      await requireDownload(app.db, user, row);
      if (pdfAvailability() === 'unavailable') throw pdfUnavailable();
      // The stored .docx is read and verified every time; only the conversion is kept.
      const pdf = await printCopyOf(await readStored(app.evidence, row), row.sha256);
      await app.db.transaction().execute((trx) => recordAccess(trx, row, user.id, 'pdf', app.clock()));
      return sendFile(reply, pdf, 'application/pdf', fileName(row, 'pdf'));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/document-templates/:kind',
    access: ['document.read', 'documentTemplate.manage'],
    summary: '下载本机关当前使用的文书模板（.docx；本机关替换的或默认的）',
    params: kindParams,
    handler: async ({ app, db, user, params, reply }) => {
      const kind = documentKind(params.kind);
      const template = await effectiveTemplate(db, app.evidence, user.agencyId, kind);
      reply.header('x-template-source', template.source);
      return sendFile(
        reply,
        template.content,
        docxType,
        `${documentKinds[kind].title}模板.docx`,
        template.sha256,
      );
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/document-templates/:kind',
    access: 'documentTemplate.manage',
    summary: '替换本机关的文书模板（.docx，Base64；只能使用该文书的字段）',
    params: kindParams,
    body: z.strictObject({
      contentBase64: z.base64({ message: '应为 Base64 编码的 .docx 文件' }).max(1_000_000),
      fileName: text(255).optional(),
    }),
    handler: async ({ app, db, user, params, body }) => {
      const kind = documentKind(params.kind);
      const content = Buffer.from(body.contentBase64, 'base64');
      if (content.length === 0 || content.length > maxTemplateBytes) {
        throw new AppError('VALIDATION_FAILED', `模板文件应在 1 字节到 ${maxTemplateBytes / 1024} KiB 之间`, {
          field: 'body.contentBase64',
        });
      }
      await replaceTemplate(
        db,
        app.evidence,
        { agencyId: user.agencyId, kind, content, originalName: body.fileName ?? null },
        user.id,
        app.clock(),
      );
      const template = await effectiveTemplate(db, app.evidence, user.agencyId, kind);
      return { kind, source: template.source, sha256: template.sha256, sm3: template.sm3 };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/document-templates/:kind',
    access: 'documentTemplate.manage',
    summary: '恢复默认文书模板（撤销本机关的替换）',
    params: kindParams,
    handler: async ({ db, user, params, app }) => {
      const kind = documentKind(params.kind);
      const reset = await resetTemplate(db, { agencyId: user.agencyId, kind }, user.id, app.clock());
      if (!reset) throw notFound('本机关替换的模板');
      return { kind, source: 'default' };
    },
  }),
];

/** One download on the document's stream (a case's record shows who took which document). */
function recordAccess(
  trx: Kysely<DB>,
  row: { id: string; agency_id: string; stream_id: string },
  actorId: string,
  access: 'docx' | 'pdf',
  now: Date,
) {
  return appendEvent(
    trx,
    {
      streamId: row.stream_id,
      agencyId: row.agency_id,
      actorId,
      kind: 'document.accessed',
      payload: { documentId: row.id, access },
    },
    now,
  );
}
