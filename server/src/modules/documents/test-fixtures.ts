/**
 * A rendered document for tests outside this module (the authorization matrix):
 * an 询问笔录 of the given agency, signed by the given officer with a field
 * cipher of its own (that user must not sign through the app under test).
 */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { createFieldCipher, randomFieldKeys } from '../../crypto/field-cipher.js';
import type { DB } from '../../db/schema.js';
import type { EvidenceStore } from '../../storage/evidence-store.js';
import { renderDocument } from './service.js';

export const inquiryRecordExample = {
  startedAt: '2026年11月24日 9时至10时',
  place: '示例县交通运输局询问室',
  inquirers: '赵执法（证号 MATRIX-1）',
  recorder: '钱执法',
  intervieweeName: '测试当事人',
  qa: [{ question: '你是否清楚今天为何来接受询问？', answer: '清楚。' }],
};

export function createDocumentFixture(
  db: Kysely<DB>,
  evidence: EvidenceStore,
  agencyId: string,
  signerId: string,
  now: Date,
): Promise<string> {
  const deps = { cipher: createFieldCipher(randomFieldKeys()), evidence };
  return db
    .transaction()
    .execute((trx) =>
      renderDocument(
        trx,
        deps,
        { agencyId, kind: 'inquiryRecord', data: inquiryRecordExample, signerId, actorId: null },
        now,
      ),
    );
}

/** The default 询问笔录 template in base64: a valid replacement for the template routes. */
export const templateExampleBase64 = () =>
  readFileSync(new URL('../../../templates/inquiryRecord.docx', import.meta.url)).toString('base64');
