/**
 * Uploads that must leave nothing behind — no file, no staging file, no row:
 * bad metadata, too large (declared or streamed), and a client that vanishes
 * halfway over a real connection. Plus the agency scope of evidence.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.js';
import { captureMetadata, multipartBody } from '../../test/multipart.js';

let t: TestApp;
let officer: Session;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('officer1');
  admin = await t.login('admin');
});
afterAll(() => t.close());

const file = (content: Buffer, field = 'file') => ({ name: 'a.jpg', type: 'image/jpeg', content, field });
const post = (session: Session, fields: Record<string, string>, files = [file(randomBytes(1000))]) =>
  t.request(session, { method: 'POST', url: '/api/evidence', ...multipartBody(fields, files) });

/** Files in the store, staging included. */
const storedFiles = () =>
  existsSync(t.evidence.root)
    ? readdirSync(t.evidence.root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;
const rows = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('evidence')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const staging = () => (existsSync(t.evidence.stagingDir) ? readdirSync(t.evidence.stagingDir) : []);

/** What the demo seed stored; a refused upload must leave exactly that. */
let seeded: { files: number; rows: number };
beforeAll(async () => {
  seeded = { files: storedFiles(), rows: await rows() };
});

async function expectNothingLeft() {
  expect(storedFiles()).toBe(seeded.files);
  expect(await rows()).toBe(seeded.rows);
}

describe('refused uploads leave nothing behind', () => {
  it.each([
    ['no capture time', { capturedBy: '赵执法' }, 'body.capturedAt'],
    [
      'a capture time without time zone',
      { ...captureMetadata, capturedAt: '2026-11-24T09:30:00' },
      'body.capturedAt',
    ],
    [
      'a capture time after the upload',
      { ...captureMetadata, capturedAt: '2027-01-01T00:00:00+08:00' },
      'body.capturedAt',
    ],
    ['an unknown field', { ...captureMetadata, caseNumber: '1' }, 'body.caseNumber'],
    ['a bad duration', { ...captureMetadata, durationSeconds: '-3' }, 'body.durationSeconds'],
    ['a control character', { ...captureMetadata, location: 'a\u0007b' }, 'body.location'],
  ])('%s: 400 naming the field', async (_, fields, field) => {
    const response = await post(officer, fields);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().details.map((d: { field: string }) => d.field)).toContain(field);
    await expectNothingLeft();
  });

  it.each([
    ['no file', []],
    ['an empty file', [file(Buffer.alloc(0))]],
    ['a file under another name', [file(randomBytes(10), 'photo')]],
    ['two files', [file(randomBytes(10)), file(randomBytes(10))]],
  ])('%s: 400', async (_, files) => {
    const response = await post(officer, captureMetadata, files);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    await expectNothingLeft();
  });

  it.each([
    [
      'a body cut short',
      'multipart/form-data; boundary=xyz',
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
    ],
    ['no boundary', 'multipart/form-data', '--xyz--\r\n'],
    ['garbage', 'multipart/form-data; boundary=xyz', '\u0000\u0001 not multipart at all'],
  ])('malformed multipart (%s): 4xx, never 5xx', async (_, contentType, payload) => {
    const response = await t.request(officer, {
      method: 'POST',
      url: '/api/evidence',
      headers: { 'content-type': contentType },
      payload,
    });
    expect(response.statusCode, response.body).toBe(400);
    await expectNothingLeft();
  });

  it('JSON instead of multipart: 415', async () => {
    const response = await t.request(officer, { method: 'POST', url: '/api/evidence', payload: {} });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('over evidence.maxUploadBytes, streamed or declared: 413', async () => {
    const current = (await t.request(admin, { method: 'GET', url: '/api/settings' })).json();
    const settings = { ...current.settings, evidence: { maxUploadBytes: 1024 * 1024 } };
    const changed = await t.request(admin, {
      method: 'PUT',
      url: '/api/settings',
      payload: { expectedVersion: current.version, note: '测试上传上限', settings },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // Within the framing allowance of Content-Length: refused while streaming.
    const streamed = await post(officer, captureMetadata, [file(randomBytes(1024 * 1024 + 1))]);
    expect(streamed.statusCode, streamed.body).toBe(413);
    expect(streamed.json().code).toBe('PAYLOAD_TOO_LARGE');
    // Far over: refused on the declared length, before reading.
    const declared = await post(officer, captureMetadata, [file(randomBytes(3 * 1024 * 1024))]);
    expect(declared.statusCode).toBe(413);
    await expectNothingLeft();
    expect((await post(officer, captureMetadata, [file(randomBytes(1024 * 1024))])).statusCode).toBe(201);
  });
});

describe('over a real connection', () => {
  it('a client that vanishes halfway leaves no partial file and no row', async () => {
    const before = { files: storedFiles(), rows: await rows() };
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    // Under the 1 MiB limit the test above leaves in place, so only the vanishing client ends it.
    const { payload, headers } = multipartBody(captureMetadata, [file(randomBytes(900 * 1024))]);
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/evidence',
      headers: { ...headers, cookie: officer.cookie, 'x-csrf-token': officer.csrfToken },
    });
    request.on('error', () => {});
    request.write(payload.subarray(0, 450 * 1024));
    // Wait until the server is writing the staging file, then cut the connection.
    await until(() => staging().length > 0);
    request.destroy();
    await until(() => staging().length === 0);
    expect({ files: storedFiles(), rows: await rows() }).toEqual(before);
  });
});

describe('agency scope', () => {
  it('another agency’s evidence is 404, for metadata and content alike', async () => {
    const { db } = t.database;
    const city = await db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例市交通运输局')
      .executeTakeFirstOrThrow();
    const uploader = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('evidence')
      .values({
        agency_id: city.id,
        sha256: 'a'.repeat(64),
        sm3: 'b'.repeat(64),
        size: 1,
        media_type: 'image/jpeg',
        original_name: null,
        captured_by: '市局执法人员',
        captured_at: t.now(),
        location: null,
        device_id: null,
        duration_seconds: null,
        uploaded_by: uploader.id,
        uploaded_at: t.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const username of ['officer1', 'supervisor1']) {
      const session = await t.login(username);
      for (const url of [`/api/evidence/${row.id}`, `/api/evidence/${row.id}/content`]) {
        const response = await t.request(session, { method: 'GET', url });
        expect(response.statusCode, `${username} ${url}`).toBe(404);
        expect(response.json().code).toBe('NOT_FOUND');
      }
    }
  });
});

/** Waits for the condition however long a busy machine takes; the test's own timeout catches a hang. */
async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
