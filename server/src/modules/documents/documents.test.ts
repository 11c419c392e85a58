/**
 * 执法文书: gapless numbering (20 concurrent requests; a rolled-back render),
 * every kind rendered with its fields, bad data named, SM2 signatures that
 * verify and fail on any change, templates replaced and reset, PDF detection.
 * The generic route makes documents of no case; a case's are made on the case.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without typings.
import { buildTemplate, readLayouts, templatesDir } from '../../../../scripts/document-templates.mjs';
import { createFieldCipher, randomFieldKeys } from '../../crypto/field-cipher.js';
import type { DB } from '../../db/schema.js';
import { verifyEvidence } from '../../ledger/verify.js';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';
import { createCaseFixture } from '../cases/test-fixtures.js';
import { sha256Hex, sm3Hex } from './hashes.js';
import {
  allowedTags,
  type DocumentKind,
  type DocumentKindSpec,
  documentKindNames,
  documentKinds,
} from './kinds.js';
import { convertToPdf, findSoffice, pdfAvailability } from './pdf.js';
import { docxText, inspectTemplate } from './render.js';
import { renderDocument } from './service.js';
import { type DocumentStatement, documentSignatureValid, statementText } from './signing-keys.js';

let t: TestApp;
/**
 * The app's field cipher is private to it: renders through the service here use a
 * cipher of their own and sign as a user that never signs through the app.
 */
const createCipher = () => createFieldCipher(randomFieldKeys());
let head: Session;
let officer: Session;
let reviewer: Session;
let countyId: string;
let headId: string;

beforeAll(async () => {
  t = await createTestApp();
  head = await t.login('head1');
  officer = await t.login('officer1');
  reviewer = await t.login('reviewer1');
  const { db } = t.database;
  countyId = (
    await db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例县交通运输局')
      .executeTakeFirstOrThrow()
  ).id;
  headId = (
    await db.selectFrom('app_user').select('id').where('username', '=', 'head1').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

/** Distinct, recognisable values for every field of a kind; two rows for each list. */
function sampleData(kind: DocumentKind) {
  const spec: DocumentKindSpec = documentKinds[kind];
  const data: Record<string, unknown> = {};
  for (const field of spec.fields) data[field.name] = `〈${field.name}值〉`;
  for (const list of spec.lists) {
    data[list.name] = [1, 2].map((n) =>
      Object.fromEntries(list.items.map((item) => [item.name, `〈${list.name}${n}.${item.name}〉`])),
    );
  }
  return data;
}

const render = (session: Session, body: unknown) =>
  t.request(session, { method: 'POST', url: '/api/documents', payload: body as object });
const renderOnCase = (session: Session, caseId: string, body: unknown) =>
  t.request(session, { method: 'POST', url: `/api/cases/${caseId}/documents`, payload: body as object });

/** A case of the agency at 立案 (it produces a 立案审批表), its stream begun. */
async function registeredCase(agencyId: string) {
  const id = await createCaseFixture(t.database.db, agencyId, t.now());
  await t.database.db
    .updateTable('enforcement_case')
    .set({ stage: 'register' })
    .where('id', '=', id)
    .execute();
  return id;
}
/** What a 立案审批表 needs beyond what the fixture case holds (it has no officers). */
const filingData = {
  facts: '〈facts值〉',
  handlers: '〈handlers值〉',
  approvalOpinion: '〈approvalOpinion值〉',
};
const documentCount = async () => (await t.database.db.selectFrom('document').select('id').execute()).length;

async function download(session: Session, id: string) {
  const response = await t.request(session, { method: 'GET', url: `/api/documents/${id}/content` });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response.rawPayload;
}

describe('default templates', () => {
  it('are reproducible from layouts.json', () => {
    for (const [kind, lines] of Object.entries(readLayouts() as Record<string, string[]>)) {
      const shipped = readFileSync(path.join(templatesDir, `${kind}.docx`));
      expect(buildTemplate(lines).equals(shipped), `${kind}.docx differs from layouts.json`).toBe(true);
    }
  });

  it.each(documentKindNames)('%s: uses its fields and no others, and every caller field', (kind) => {
    const layouts = readLayouts() as Record<string, string[]>;
    expect(layouts[kind], `${kind} has no layout`).toBeDefined();
    const tags = inspectTemplate(kind, readFileSync(path.join(templatesDir, `${kind}.docx`)));
    const allowed = allowedTags(kind);
    for (const tag of tags) expect(allowed.has(tag), tag).toBe(true);
    const spec: DocumentKindSpec = documentKinds[kind];
    for (const field of spec.fields) expect(tags, `${kind} drops ${field.name}`).toContain(field.name);
    for (const list of spec.lists) {
      expect(tags).toContain(list.name);
      for (const item of list.items) expect(tags).toContain(item.name);
    }
  });
});

describe('rendering', () => {
  it.each(documentKindNames)('%s renders with every field filled', async (kind) => {
    const response = await render(head, { kind, data: sampleData(kind) });
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json();
    const spec: DocumentKindSpec = documentKinds[kind];
    expect(document.title).toBe(spec.title);
    if (spec.code) expect(document.number).toMatch(new RegExp(`^示县交${spec.code}〔2026〕\\d+号$`));
    else expect(document.number).toBeNull();
    const content = await download(head, document.id);
    expect(sha256Hex(content)).toBe(document.sha256);
    expect(sm3Hex(content)).toBe(document.sm3);
    const text = docxText(content);
    for (const field of spec.fields) expect(text, field.name).toContain(`〈${field.name}值〉`);
    for (const list of spec.lists)
      for (const n of [1, 2])
        for (const item of list.items) expect(text).toContain(`〈${list.name}${n}.${item.name}〉`);
    expect(text).toContain('郑局长'); // the signer, from the user record
    // Filled from the agency's public profile, never typed.
    if (text.includes('行政复议')) expect(text).toContain('向示例县人民政府申请行政复议');
    if (document.number) expect(text).toContain(document.number);
    expect(text).not.toMatch(/[{}]/);
    expect(text).toContain('2026年11月24日');
  });

  it('a missing required field answers 400 naming it, and nothing is numbered', async () => {
    const { partyName: _, ...data } = sampleData('penaltyDecision');
    const response = await render(head, { kind: 'penaltyDecision', data });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('body.data.partyName');
    const empty = await render(head, {
      kind: 'seizureDecision',
      data: { ...sampleData('seizureDecision'), items: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().field).toBe('body.data.items');
    const extra = await render(head, {
      kind: 'sceneRecord',
      data: { ...sampleData('sceneRecord'), agencyName: '冒名' },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().field).toBe('body.data.agencyName');
    // The service checks too, for callers that are not the route (the case module).
    await expect(
      t.database.db
        .transaction()
        .execute((trx) =>
          renderDocument(
            trx,
            { cipher: createCipher(), evidence: t.evidence },
            { agencyId: countyId, kind: 'penaltyDecision', data, signerId: headId, actorId: headId },
            t.now(),
          ),
        ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'data.partyName' });
  });

  it('a decision is signed by the agency head, never by an officer or for someone else', async () => {
    const byOfficer = await render(officer, { kind: 'penaltyDecision', data: sampleData('penaltyDecision') });
    expect(byOfficer.statusCode).toBe(422);
    expect(byOfficer.json().message).toContain('机关负责人');
    const forHead = await render(officer, {
      kind: 'inquiryRecord',
      signerId: headId,
      data: sampleData('inquiryRecord'),
    });
    expect(forHead.statusCode).toBe(422);
    expect(forHead.json().field).toBe('body.signerId');
    const record = await render(officer, { kind: 'inquiryRecord', data: sampleData('inquiryRecord') });
    expect(record.statusCode, record.body).toBe(201);
    expect(record.json().signature.signerName).toBe('赵执法');
  });

  it('CASE: another agency’s case, or none, is not found on the case route, and nothing is numbered', async () => {
    const city = await t.database.db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例市交通运输局')
      .executeTakeFirstOrThrow();
    const before = await documentCount();
    for (const caseId of [await registeredCase(city.id), randomUUID()]) {
      const response = await renderOnCase(head, caseId, { kind: 'filingApproval', data: filingData });
      expect(response.statusCode, response.body).toBe(404);
    }
    expect(await documentCount()).toBe(before);
  });

  it('CASE: the generic route makes no case document: a streamId answers 400 and nothing is written', async () => {
    const caseId = await registeredCase(countyId);
    const before = await documentCount();
    for (const streamId of [`case:${caseId}`, `document:${randomUUID()}`]) {
      const response = await render(head, {
        kind: 'filingApproval',
        streamId,
        data: { ...sampleData('filingApproval'), caseTitle: '另行填写的案由' },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().field).toBe('body.streamId');
    }
    expect(await documentCount()).toBe(before);
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select('kind')
      .where('stream_id', '=', `case:${caseId}`)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['test.note']);
    // Without one, the document is on a stream of its own.
    const alone = await render(head, { kind: 'filingApproval', data: sampleData('filingApproval') });
    expect(alone.statusCode, alone.body).toBe(201);
    expect(alone.json().streamId).toBe(`document:${alone.json().id}`);
  });
});

describe('numbering', () => {
  async function serials(kind: DocumentKind, year = 2026) {
    const rows = await t.database.db
      .selectFrom('document')
      .select('serial')
      .where('agency_id', '=', countyId)
      .where('kind', '=', kind)
      .where('year', '=', year)
      .orderBy('serial')
      .execute();
    return rows.map((r) => r.serial);
  }

  it('is gapless under 20 concurrent requests', async () => {
    const before = (await serials('penaltyDecision')).length;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        render(head, { kind: 'penaltyDecision', data: sampleData('penaltyDecision') }),
      ),
    );
    for (const response of responses) expect(response.statusCode, response.body).toBe(201);
    const numbers = responses.map((r) => r.json().serial as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => before + i + 1));
    expect(new Set(responses.map((r) => r.json().number)).size).toBe(20);
    expect(await serials('penaltyDecision')).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
  });

  it.runIf(process.env.DATABASE_URL)(
    'is gapless with 20 transactions on 20 PostgreSQL connections at once',
    async () => {
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.database.db);
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${rows[0]!.name}`;
      const pool = new pg.Pool({ connectionString: url.toString(), max: 20 });
      const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
      try {
        const signer = await db
          .insertInto('app_user')
          .values({
            agency_id: countyId,
            username: 'docs-head-pg',
            display_name: '并发负责人',
            roles: ['agency_head'],
            password_hash: 'scrypt$1$1$1$x$x',
            password_changed_at: t.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const deps = { cipher: createCipher(), evidence: t.evidence };
        const before = (await serials('seizureRelease')).length;
        let open = 0;
        let mostOpen = 0;
        const ids = await Promise.all(
          Array.from({ length: 20 }, () =>
            db.transaction().execute(async (trx) => {
              open += 1;
              mostOpen = Math.max(mostOpen, open);
              // Every transaction holds its own connection before any of them numbers.
              await sql`SELECT pg_sleep(0.2)`.execute(trx);
              try {
                return await renderDocument(
                  trx,
                  deps,
                  {
                    agencyId: countyId,
                    kind: 'seizureRelease',
                    data: sampleData('seizureRelease'),
                    signerId: signer.id,
                    actorId: signer.id,
                  },
                  t.now(),
                );
              } finally {
                open -= 1;
              }
            }),
          ),
        );
        expect(mostOpen).toBe(20);
        const numbered = await db.selectFrom('document').select('serial').where('id', 'in', ids).execute();
        expect(numbered.map((n) => n.serial).sort((a, b) => a! - b!)).toEqual(
          Array.from({ length: 20 }, (_, i) => before + i + 1),
        );
        expect(await serials('seizureRelease')).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
        // The signer's first signing happened 20 times at once: one key pair came out of it.
        const keys = await db
          .selectFrom('document')
          .select('signer_public_key')
          .where('id', 'in', ids)
          .execute();
        expect(new Set(keys.map((k) => k.signer_public_key)).size).toBe(1);
      } finally {
        await db.destroy();
      }
    },
  );

  it('a rolled-back render leaves no gap', async () => {
    const deps = { cipher: createCipher(), evidence: t.evidence };
    // A signer of its own: its key is encrypted with this test's cipher.
    const signer = await t.database.db
      .insertInto('app_user')
      .values({
        agency_id: countyId,
        username: 'docs-head',
        display_name: '测试负责人',
        roles: ['agency_head'],
        password_hash: 'scrypt$1$1$1$x$x',
        password_changed_at: t.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const input = {
      agencyId: countyId,
      kind: 'closingReport' as const,
      streamId: `case:${randomUUID()}`,
      data: sampleData('closingReport'),
      signerId: signer.id,
      actorId: signer.id,
    };
    const first = await t.database.db
      .transaction()
      .execute((trx) => renderDocument(trx, deps, input, t.now()));
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await renderDocument(trx, deps, input, t.now());
        throw new Error('the case step failed after rendering');
      }),
    ).rejects.toThrow('the case step failed');
    const second = await t.database.db
      .transaction()
      .execute((trx) => renderDocument(trx, deps, input, t.now()));
    const numbers = await t.database.db
      .selectFrom('document')
      .select(['id', 'serial', 'number'])
      .where('id', 'in', [first, second])
      .execute();
    const serialOf = (id: string) => numbers.find((n) => n.id === id)!.serial!;
    expect(serialOf(second)).toBe(serialOf(first) + 1);
    expect(await serials('closingReport')).toEqual(Array.from({ length: serialOf(second) }, (_, i) => i + 1));
    // The ledger has exactly the two committed renders on the stream.
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select('kind')
      .where('stream_id', '=', input.streamId)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['document.rendered', 'document.rendered']);
  });

  it('starts again at 1 in a new year, per kind', async () => {
    const previous = t.now();
    t.setNow(new Date('2027-01-01T00:30:00+08:00'));
    try {
      // Sessions idle that long have expired: a fresh one in the new year.
      const response = await render(await t.login('head1'), {
        kind: 'hearingNotice',
        data: sampleData('hearingNotice'),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().number).toBe('示县交听〔2027〕1号');
    } finally {
      t.setNow(previous);
      head = await t.login('head1');
      officer = await t.login('officer1');
      reviewer = await t.login('reviewer1');
    }
  });

  it('the database refuses to move a counter other than forward by one', async () => {
    await expect(
      t.database.db
        .updateTable('document_counter')
        .set({ last_serial: 1 })
        .where('kind', '=', 'penaltyDecision')
        .execute(),
    ).rejects.toThrow();
    await expect(t.database.db.deleteFrom('document').execute()).rejects.toThrow();
  });
});

describe('signatures and the ledger', () => {
  it('verifies against the SM3 hash, and any change fails', async () => {
    const created = (
      await render(head, { kind: 'noPenaltyDecision', data: sampleData('noPenaltyDecision') })
    ).json();
    const content = await download(head, created.id);
    const statement = JSON.parse(created.signature.statement) as DocumentStatement;
    expect(statement.sm3).toBe(sm3Hex(content));
    expect(statementText(statement)).toBe(created.signature.statement);
    const { publicKey, value } = created.signature;
    expect(documentSignatureValid(statement, value, publicKey)).toBe(true);

    const changed = Buffer.from(content);
    changed[Math.floor(changed.length / 2)]! ^= 0x01;
    expect(documentSignatureValid({ ...statement, sm3: sm3Hex(changed) }, value, publicKey)).toBe(false);
    expect(
      documentSignatureValid({ ...statement, number: '示县交不罚〔2026〕999号' }, value, publicKey),
    ).toBe(false);
    const otherKey = (await render(officer, { kind: 'sceneRecord', data: sampleData('sceneRecord') })).json()
      .signature.publicKey;
    expect(documentSignatureValid(statement, value, otherKey)).toBe(false);

    // The same key signs the head's next document: one key pair per user.
    const again = (await render(head, { kind: 'sceneRecord', data: sampleData('sceneRecord') })).json();
    expect(again.signature.publicKey).toBe(publicKey);

    const verified = await t.request(head, { method: 'GET', url: `/api/documents/${created.id}/verify` });
    expect(verified.json()).toMatchObject({ contentIntact: true, signatureValid: true, problem: null });

    // One byte of the stored file changed: verification and download both fail.
    const file = t.evidence.pathOf(created.sha256);
    chmodSync(file, 0o600);
    const stored = readFileSync(file);
    stored[100]! ^= 0x01;
    writeFileSync(file, stored);
    const tampered = await t.request(head, { method: 'GET', url: `/api/documents/${created.id}/verify` });
    expect(tampered.json()).toMatchObject({ contentIntact: false, signatureValid: true });
    expect(tampered.json().problem).toContain('篡改');
    const refused = await t.request(head, { method: 'GET', url: `/api/documents/${created.id}/content` });
    expect(refused.json().code).toBe('EVIDENCE_INTEGRITY_FAILED');
    // `zhifa verify` re-hashes documents with the evidence and names the one altered.
    expect(await verifyEvidence(t.database.db, t.evidence)).toMatchObject({
      ok: false,
      firstProblem: { evidenceId: `document:${created.id}`, problem: 'sha256' },
    });
  });

  it('CASE: records a case document’s render and each download on the case’s stream', async () => {
    const caseId = await registeredCase(countyId);
    const streamId = `case:${caseId}`;
    const made = await renderOnCase(head, caseId, { kind: 'filingApproval', data: filingData });
    expect(made.statusCode, made.body).toBe(201);
    const created = (
      await t.request(head, { method: 'GET', url: `/api/documents/${made.json().id}` })
    ).json();
    expect(created.streamId).toBe(streamId);
    // The head who made it downloads it (an officer not on this case may not: SEC-14).
    await download(head, created.id);
    const events = await t.database.db
      .selectFrom('ledger_event')
      .select(['kind', 'payload', 'actor_id'])
      .where('stream_id', '=', streamId)
      .where('kind', '!=', 'test.note') // the fixture case's own first event
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['document.rendered', 'document.accessed']);
    expect(events[0]!.payload).toMatchObject({
      documentId: created.id,
      number: created.number,
      sm3: created.sm3,
      sha256: created.sha256,
      signature: created.signature.value,
      publicKey: created.signature.publicKey,
    });
    expect(events[1]!.payload).toEqual({ documentId: created.id, access: 'docx' });
  });

  it('the private key is stored encrypted', async () => {
    const key = await t.database.db
      .selectFrom('user_signing_key')
      .selectAll()
      .where('user_id', '=', headId)
      .executeTakeFirstOrThrow();
    expect(key.private_key_cipher).toMatch(/^sm4v1:/);
  });
});

describe('templates', () => {
  const custom = (extra: string) =>
    buildTemplate([
      '# {agencyName}',
      '# 本机关的询问笔录',
      `- ${extra}`,
      '{#qa}',
      '- 问：{question}',
      '{/qa}',
    ]);

  it('an agency replaces a template, renders with it, and resets it', async () => {
    const original = await t.request(reviewer, {
      method: 'GET',
      url: '/api/document-templates/inquiryRecord',
    });
    expect(original.statusCode).toBe(200);
    expect(original.headers['x-template-source']).toBe('default');

    const content = custom('被询问人：{intervieweeName}（本机关格式）');
    const put = await t.request(reviewer, {
      method: 'PUT',
      url: '/api/document-templates/inquiryRecord',
      payload: { contentBase64: content.toString('base64'), fileName: '询问笔录.docx' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ source: 'agency', sha256: sha256Hex(content) });
    const kinds = (await t.request(officer, { method: 'GET', url: '/api/document-kinds' })).json();
    expect(kinds.kinds.find((k: { kind: string }) => k.kind === 'inquiryRecord').template.source).toBe(
      'agency',
    );

    const rendered = (
      await render(officer, { kind: 'inquiryRecord', data: sampleData('inquiryRecord') })
    ).json();
    expect(rendered.template).toEqual({ source: 'agency', sha256: sha256Hex(content) });
    expect(docxText(await download(officer, rendered.id))).toContain('〈intervieweeName值〉（本机关格式）');

    const reset = await t.request(reviewer, {
      method: 'DELETE',
      url: '/api/document-templates/inquiryRecord',
    });
    expect(reset.statusCode).toBe(200);
    const after = (
      await render(officer, { kind: 'inquiryRecord', data: sampleData('inquiryRecord') })
    ).json();
    expect(after.template.source).toBe('default');
    expect(docxText(await download(officer, after.id))).not.toContain('本机关格式');
    const again = await t.request(reviewer, {
      method: 'DELETE',
      url: '/api/document-templates/inquiryRecord',
    });
    expect(again.statusCode).toBe(404);

    const events = await t.database.db
      .selectFrom('ledger_event')
      .select('kind')
      .where('stream_id', '=', `documentTemplates:${countyId}`)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['documentTemplate.replaced', 'documentTemplate.reset']);
  });

  it('SEC-11: refuses a template with a raw-XML tag ({@…}), which would put case text into the signed document as Word XML', async () => {
    const before = await t.request(reviewer, { method: 'GET', url: '/api/document-templates/inquiryRecord' });
    const put = await t.request(reviewer, {
      method: 'PUT',
      url: '/api/document-templates/inquiryRecord',
      payload: {
        // Alone in its paragraph, as docxtemplater requires of a raw tag: accepted until now.
        contentBase64: buildTemplate([
          '# {agencyName}',
          '{@intervieweeName}',
          '{#qa}',
          '- 问：{question}',
          '{/qa}',
        ]).toString('base64'),
        fileName: 'raw.docx',
      },
    });
    expect(put.statusCode, put.body).toBe(400);
    expect(put.json()).toMatchObject({ field: 'body.contentBase64' });
    expect(put.json().message).toContain('{@intervieweeName}');
    const after = await t.request(reviewer, { method: 'GET', url: '/api/document-templates/inquiryRecord' });
    expect(after.headers['x-template-source']).toBe(before.headers['x-template-source']);
  });

  it('refuses a template with unknown fields, or one that is not a .docx', async () => {
    const unknown = await t.request(reviewer, {
      method: 'PUT',
      url: '/api/document-templates/inquiryRecord',
      payload: { contentBase64: custom('{partyAddress}{bogus}').toString('base64') },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('bogus');
    const broken = await t.request(reviewer, {
      method: 'PUT',
      url: '/api/document-templates/inquiryRecord',
      payload: { contentBase64: custom('{intervieweeName').toString('base64') },
    });
    expect(broken.statusCode).toBe(400);
    const notDocx = await t.request(reviewer, {
      method: 'PUT',
      url: '/api/document-templates/inquiryRecord',
      payload: { contentBase64: Buffer.from('not a zip').toString('base64') },
    });
    expect(notDocx.statusCode).toBe(400);
    expect(notDocx.json().field).toBe('body.contentBase64');
    const officerTries = await t.request(officer, {
      method: 'PUT',
      url: '/api/document-templates/inquiryRecord',
      payload: { contentBase64: custom('{intervieweeName}').toString('base64') },
    });
    expect(officerTries.statusCode).toBe(403);
  });
});

/** Whether an executable of this name is on PATH (for tests that need a system tool). */
const findOnPath = (name: string) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, name)));

describe('PDF', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhifa-soffice-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is detected from PATH, and reported unavailable without LibreOffice', async () => {
    expect(findSoffice(dir)).toBeNull();
    expect(pdfAvailability(dir)).toBe('unavailable');
    writeFileSync(path.join(dir, 'soffice'), '#!/bin/sh\n', { mode: 0o644 });
    expect(findSoffice(dir)).toBeNull(); // not executable
    chmodSync(path.join(dir, 'soffice'), 0o755);
    expect(findSoffice(`/nonexistent${path.delimiter}${dir}`)).toBe(path.join(dir, 'soffice'));
    expect(pdfAvailability(dir)).toBe('available');
    await expect(convertToPdf(Buffer.from('x'), path.join(dir, 'none'))).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
    });
  });

  // CI installs LibreOffice and poppler (.ci/run); a machine without them skips this one.
  it.runIf(findSoffice() && findOnPath('pdftotext'))(
    'renders the signed .docx to a PDF with LibreOffice, carrying its text, and records the download',
    async () => {
      const data = sampleData('sceneRecord');
      const created = (await render(officer, { kind: 'sceneRecord', data })).json();
      expect(created.pdf).toBe('available');
      const pdf = await t.request(officer, { method: 'GET', url: `/api/documents/${created.id}/pdf` });
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(dir, 'rendered.pdf');
      writeFileSync(file, pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      // Lines may wrap anywhere in a PDF: compare without white space.
      const flat = text.replace(/\s+/g, '');
      for (const value of ['现场笔录', String(data.place), String(data.observations)])
        expect(flat).toContain(value);
      const accessesOf = (streamId: string) =>
        t.database.db
          .selectFrom('ledger_event')
          .select('payload')
          .where('kind', '=', 'document.accessed')
          .where('stream_id', '=', streamId)
          .execute();
      const accessed = await accessesOf(created.streamId);
      expect(accessed.map((e) => e.payload)).toContainEqual({ documentId: created.id, access: 'pdf' });

      // The print copy is converted once: with a LibreOffice on PATH that can only fail, the
      // same document's PDF comes again, byte for byte, and the second download is recorded too.
      const path_ = process.env.PATH;
      writeFileSync(path.join(dir, 'soffice'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
      process.env.PATH = dir;
      try {
        const again = await t.request(officer, { method: 'GET', url: `/api/documents/${created.id}/pdf` });
        expect(again.statusCode, again.body).toBe(200);
        expect(again.rawPayload.equals(pdf.rawPayload)).toBe(true);
        // Unlike any document another test file renders in this process: the cache spans files.
        const unique = { ...sampleData('sceneRecord'), observations: `现场情况 ${randomUUID()}` };
        const other = (await render(officer, { kind: 'sceneRecord', data: unique })).json();
        const failing = await t.request(officer, { method: 'GET', url: `/api/documents/${other.id}/pdf` });
        expect(failing.statusCode).toBe(500);
        expect(failing.json().message).toContain('PDF 转换失败');
      } finally {
        process.env.PATH = path_;
      }
      const downloads = await accessesOf(created.streamId);
      expect(downloads.filter((e) => (e.payload as { access: string }).access === 'pdf')).toHaveLength(2);
    },
    120_000,
  );

  it('the API says so when the server has no LibreOffice', async () => {
    // The server looks for soffice on PATH at each use: a PATH without it is a machine without it.
    const path_ = process.env.PATH;
    process.env.PATH = dir;
    try {
      rmSync(path.join(dir, 'soffice'), { force: true });
      const kinds = (await t.request(officer, { method: 'GET', url: '/api/document-kinds' })).json();
      expect(kinds.pdf).toBe('unavailable');
      const created = (
        await render(officer, { kind: 'sceneRecord', data: sampleData('sceneRecord') })
      ).json();
      expect(created.pdf).toBe('unavailable');
      expect(created.pdfUrl).toBeNull();
      const pdf = await t.request(officer, { method: 'GET', url: `/api/documents/${created.id}/pdf` });
      expect(pdf.statusCode).toBe(422);
      expect(pdf.json().message).toContain('LibreOffice');
    } finally {
      process.env.PATH = path_;
    }
  });
});
