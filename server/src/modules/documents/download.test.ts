/**
 * SEC-14: a rendered document names the party fully (ID number included). Any member of the
 * agency who reads documents saw it before; now the file goes to the case team, the heads, the
 * legal reviewers and the archivists, every download is recorded, and the others see the
 * document's details but not its file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoPassword, type TestApp } from '../../test/harness.js';
import { createUser } from '../users/service.js';

let t: TestApp;
let documentId = '';
let caseId = '';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  // A document of a demo case: its team is officer1 (lead), officer2 and auxiliary1.
  const document = await db
    .selectFrom('document')
    .select(['id', 'stream_id'])
    .where('stream_id', 'like', 'case:%')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirstOrThrow();
  documentId = document.id;
  caseId = document.stream_id.slice('case:'.length);
  const { id: agencyId, unit_id: unitId } = await db
    .selectFrom('app_user')
    .select(['agency_id as id', 'unit_id'])
    .where('username', '=', 'officer1')
    .executeTakeFirstOrThrow();
  // An officer and an auxiliary of the same agency and unit who are not on that case.
  for (const [username, role] of [
    ['officer9', 'officer'],
    ['auxiliary9', 'auxiliary'],
  ] as const) {
    await createUser(
      db,
      {
        agencyId,
        unitId,
        personId: null,
        username,
        displayName: `测试${username}`,
        roles: [role],
        password: demoPassword,
        mustChangePassword: false,
      },
      t.now(),
    );
  }
});
afterAll(() => t.close());

async function download(username: string, format: 'content' | 'pdf' = 'content') {
  return t.request(await t.login(username), { method: 'GET', url: `/api/documents/${documentId}/${format}` });
}

async function downloadsBy(username: string) {
  const rows = await t.database.db
    .selectFrom('ledger_event')
    .innerJoin('app_user', 'app_user.id', 'ledger_event.actor_id')
    .select('ledger_event.payload')
    .where('ledger_event.kind', '=', 'document.accessed')
    .where('app_user.username', '=', username)
    .execute();
  return rows.filter((r) => (r.payload as { documentId: string }).documentId === documentId).length;
}

describe('SEC-14 who may download a document that names the party fully', () => {
  it.each([
    ['officer1', 'on the case (lead)'],
    ['auxiliary1', 'on the case (assistant)'],
    ['unithead1', 'a head'],
    ['head1', 'a head'],
    ['reviewer1', 'a legal reviewer'],
    ['archivist1', 'an archivist'],
  ])('%s, %s, downloads it, and the download is recorded', async (username) => {
    const before = await downloadsBy(username);
    const response = await download(username);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('officedocument');
    expect(await downloadsBy(username)).toBe(before + 1);
  });

  it.each([
    ['officer9', 'an officer of the agency not on the case'],
    ['auxiliary9', 'an auxiliary of the agency not on the case'],
    ['supervisor1', 'the supervising bureau'],
    ['auditadmin', 'the audit administrator'],
  ])('%s, %s, is refused the file (.docx and PDF) but reads its details', async (username) => {
    for (const format of ['content', 'pdf'] as const) {
      const response = await download(username, format);
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().message).toContain('本案办案人员');
    }
    expect(await downloadsBy(username)).toBe(0);
    const details = await t.request(await t.login(username), {
      method: 'GET',
      url: `/api/documents/${documentId}`,
    });
    expect(details.statusCode, details.body).toBe(200);
    expect(details.json().sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the case package and the ledger explorer’s package carry the documents: the same people only', async () => {
    for (const url of [`/api/cases/${caseId}/package`, `/api/ledger/streams/case:${caseId}/package`]) {
      const refused = await t.request(await t.login('supervisor1'), { method: 'GET', url });
      expect(refused.statusCode, `${url} ${refused.body}`).toBe(403);
      expect(refused.json().message).toContain('本案办案人员');
    }
    for (const username of ['officer9', 'auxiliary9']) {
      const refused = await t.request(await t.login(username), {
        method: 'GET',
        url: `/api/cases/${caseId}/package`,
      });
      expect(refused.statusCode, refused.body).toBe(403);
    }
    const allowed = await t.request(await t.login('officer1'), {
      method: 'GET',
      url: `/api/cases/${caseId}/package`,
    });
    expect(allowed.statusCode, allowed.body.slice(0, 200)).toBe(200);
    expect(allowed.headers['content-type']).toBe('application/zip');
  });

  it('the case page offers the download only to those who may', async () => {
    const documentsSeenBy = async (username: string) => {
      const response = await t.request(await t.login(username), {
        method: 'GET',
        url: `/api/cases/${caseId}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().documents as { id: string; contentUrl: string | null }[];
    };
    const own = (await documentsSeenBy('officer1')).find((d) => d.id === documentId);
    expect(own?.contentUrl).toBe(`/api/documents/${documentId}/content`);
    const other = (await documentsSeenBy('officer9')).find((d) => d.id === documentId);
    expect(other).toBeDefined();
    expect(other?.contentUrl).toBeNull();
  });
});
