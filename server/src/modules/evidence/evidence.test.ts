import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidence } from '../../ledger/verify.js';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';
import { mediaSamples } from '../../test/media-samples.js';
import { captureMetadata, multipartBody } from '../../test/multipart.js';
import { evidenceStream } from './service.js';

let t: TestApp;
let officer: Session;
let head: Session;
const integrityLog: { sha256: string; problem: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ integrityLog: (event) => integrityLog.push(event) });
  officer = await t.login('officer1');
  head = await t.login('head1');
});
afterAll(() => t.close());

const upload = (
  session: Session,
  bytes: Buffer,
  fields: Record<string, string> = captureMetadata,
  type = 'video/mp4',
) =>
  t.request(session, {
    method: 'POST',
    url: '/api/evidence',
    ...multipartBody(fields, [{ name: '执法记录仪-001.mp4', type, content: bytes }]),
  });

const content = (session: Session, id: string, headers: Record<string, string> = {}, query = '') =>
  t.request(session, { method: 'GET', url: `/api/evidence/${id}/content${query}`, headers });

const eventsOf = (id: string) =>
  t.database.db
    .selectFrom('ledger_event as l')
    .leftJoin('app_user as u', 'u.id', 'l.actor_id')
    .select(['l.kind', 'l.payload', 'u.username'])
    .where('l.stream_id', '=', evidenceStream(id))
    .orderBy('l.seq')
    .execute();

describe('evidence upload and download', () => {
  const bytes = Buffer.concat([mediaSamples.mp4!.bytes, randomBytes(300_000)]);
  let id: string;

  it('stores the file with hashes equal to node:crypto’s and answers 201', async () => {
    const response = await upload(officer, bytes, {
      ...captureMetadata,
      location: '示例县G105国道K12+300',
      deviceId: 'DSJ-0001',
      durationSeconds: '95.5',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    id = body.id;
    expect(body).toMatchObject({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sm3: createHash('sm3').update(bytes).digest('hex'),
      size: bytes.length,
      mediaType: 'video/mp4',
      originalName: '执法记录仪-001.mp4',
      capturedBy: captureMetadata.capturedBy,
      capturedAt: '2026-11-24T01:30:00.000Z',
      location: '示例县G105国道K12+300',
      deviceId: 'DSJ-0001',
      durationSeconds: 95.5,
      uploadedBy: { displayName: '赵执法' },
    });
    // The client's name never becomes a path.
    expect(readdirSync(t.evidence.root, { recursive: true }).join('\n')).not.toContain('执法记录仪');
  });

  it('serves the same bytes back, and its metadata', async () => {
    const response = await content(head, id);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(bytes)).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'video/mp4',
      'content-length': String(bytes.length),
      'accept-ranges': 'bytes',
      'cache-control': 'private, no-store',
    });
    expect(response.headers['content-disposition']).toMatch(/^inline; /);
    const meta = await t.request(head, { method: 'GET', url: `/api/evidence/${id}` });
    expect(meta.json()).toMatchObject({ id, size: bytes.length, contentUrl: `/api/evidence/${id}/content` });
    const download = await content(head, id, {}, '?disposition=attachment');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="evidence-${id}"; filename*=UTF-8''${encodeURIComponent('执法记录仪-001.mp4')}`,
    );
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=1000-199999', 1000, 199_999],
    ['bytes=-100', bytes.length - 100, bytes.length - 1],
    ['bytes=250000-', 250_000, bytes.length - 1],
  ])('answers %s with 206 and exactly those bytes', async (range, start, end) => {
    const response = await content(officer, id, { range });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${bytes.length}`);
    expect(response.headers['content-length']).toBe(String(end - start + 1));
    expect(response.rawPayload.equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it.each([`bytes=${bytes.length}-`, 'bytes=500-400', 'bytes=abc', 'bytes=0-1,4-5'])(
    'answers %s with 416 and the size',
    async (range) => {
      const response = await content(officer, id, { range });
      expect(response.statusCode).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${bytes.length}`);
      expect(response.json().code).toBe('RANGE_NOT_SATISFIABLE');
    },
  );

  it('keeps the chain of custody on the ledger: who stored it, who viewed and downloaded what', async () => {
    const events = await eventsOf(id);
    expect(events[0]).toMatchObject({
      kind: 'evidence.stored',
      username: 'officer1',
      payload: { sha256: createHash('sha256').update(bytes).digest('hex'), deviceId: 'DSJ-0001' },
    });
    const accesses = events.slice(1).map((e) => [e.username, (e.payload as { access: string }).access]);
    expect(accesses.slice(0, 3)).toEqual([
      ['head1', 'view'],
      ['head1', 'metadata'],
      ['head1', 'download'],
    ]);
    expect(events.slice(4).map((e) => (e.payload as { range: string }).range)).toEqual([
      'bytes=0-99',
      'bytes=1000-199999',
      `bytes=${bytes.length - 100}-${bytes.length - 1}`,
      `bytes=250000-${bytes.length - 1}`,
    ]);
    // Refused ranges served nothing and are not accesses.
    expect(events).toHaveLength(8);
  });
});

describe('type detection', () => {
  it.each(Object.entries(mediaSamples))(
    '%s is typed from its content, not the declared type',
    async (_, sample) => {
      const response = await upload(
        officer,
        sample.bytes,
        captureMetadata,
        'application/x-declared-by-client',
      );
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().mediaType).toBe(sample.mediaType);
    },
  );

  it('offers a type a browser must not render only as a download', async () => {
    const zipped = await upload(officer, mediaSamples.zip!.bytes);
    const response = await content(officer, zipped.json().id);
    expect(response.headers['content-disposition']).toMatch(/^attachment; /);
  });
});

describe('tampering', () => {
  const alter = (sha256: string, bytes: Buffer, at: number) => {
    const file = t.evidence.pathOf(sha256);
    chmodSync(file, 0o600);
    const altered = Buffer.from(bytes);
    altered[at] = altered[at]! ^ 0x80;
    writeFileSync(file, altered);
  };

  it('a small altered file is refused before a byte is sent, and logged', async () => {
    const bytes = randomBytes(200_000);
    const { id, sha256 } = (await upload(officer, bytes)).json();
    alter(sha256, bytes, 123_456);
    const response = await content(officer, id);
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe('EVIDENCE_INTEGRITY_FAILED');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(integrityLog.at(-1)).toMatchObject({ sha256 });
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(['evidence.stored']);
    writeFileSync(t.evidence.pathOf(sha256), bytes);
  });

  it('a large file altered near its end is refused before any byte is sent (SEC-15)', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const { id, sha256 } = (await upload(officer, bytes)).json();
    alter(sha256, bytes, bytes.length - 10);
    const logged = integrityLog.length;
    const response = await content(officer, id);
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe('EVIDENCE_INTEGRITY_FAILED');
    expect(integrityLog.length).toBe(logged + 1);
    writeFileSync(t.evidence.pathOf(sha256), bytes);
  });

  it('is found by verifyEvidence, and so is a missing file', async () => {
    const bytes = randomBytes(100_000);
    const { id, sha256 } = (await upload(officer, bytes)).json();
    expect(await verifyEvidence(t.database.db, t.evidence)).toMatchObject({ ok: true, firstProblem: null });
    alter(sha256, bytes, 99_999);
    expect(await verifyEvidence(t.database.db, t.evidence)).toMatchObject({
      ok: false,
      firstProblem: { evidenceId: id, sha256, problem: 'sha256' },
    });
    rmSync(t.evidence.pathOf(sha256));
    const missing = await content(officer, id);
    expect(missing.statusCode).toBe(500);
    expect(missing.json().code).toBe('EVIDENCE_INTEGRITY_FAILED');
    expect(await verifyEvidence(t.database.db, t.evidence)).toMatchObject({
      firstProblem: { evidenceId: id, problem: 'missing' },
    });
    writeFileSync(t.evidence.pathOf(sha256), bytes);
    expect((await verifyEvidence(t.database.db, t.evidence)).ok).toBe(true);
  });
});
