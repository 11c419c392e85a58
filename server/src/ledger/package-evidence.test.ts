/**
 * SEC-1 (issue 15): in a case's package the events named evidence by id only, and the
 * hashes lived in evidence.json and the sums, which nothing signs. A file swapped with
 * evidence.json and the sums rewritten, or capture metadata edited, passed. The
 * package's last event (`ledger.exported`, under the checkpoint's signature) now
 * records every file's hashes and capture metadata, and the verifier checks files
 * against that, never against evidence.json alone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceStream } from '../modules/evidence/service.js';
import { createTestApp, type Session, type TestApp } from '../test/harness.js';
import { mediaSamples } from '../test/media-samples.js';
import { captureMetadata, multipartBody } from '../test/multipart.js';
import { unzip, withSums, zipTo } from '../test/zip.js';
import { verifyPackage } from './verify-package.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zhifa-sec1-'));
let t: TestApp;
let auditadmin: Session;
let publicKey: string;
let evidenceId: string;
let sha256: string;
const bytes = Buffer.concat([mediaSamples.mp4!.bytes, randomBytes(50_000)]);
const packages: Record<'case' | 'evidence', { file: string; files: Map<string, Buffer> }> = {} as never;

async function exportPackage(streamId: string, name: string) {
  const response = await t.request(auditadmin, {
    method: 'GET',
    url: `/api/ledger/streams/${encodeURIComponent(streamId)}/package`,
  });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const file = path.join(dir, `${name}.zip`);
  writeFileSync(file, response.rawPayload);
  return { file, files: await unzip(file) };
}

beforeAll(async () => {
  t = await createTestApp();
  const officer = await t.login('officer1');
  auditadmin = await t.login('auditadmin');
  const uploaded = await t.request(officer, {
    method: 'POST',
    url: '/api/evidence',
    ...multipartBody({ ...captureMetadata, location: '示例县G105国道K12+300' }, [
      { name: '执法记录仪-001.mp4', type: 'video/mp4', content: bytes },
    ]),
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  ({ id: evidenceId, sha256 } = uploaded.json());
  const { createCaseFixture } = await import('../modules/cases/test-fixtures.js');
  const county = await t.database.db
    .selectFrom('evidence')
    .select('agency_id')
    .where('id', '=', evidenceId)
    .executeTakeFirstOrThrow();
  const caseId = await createCaseFixture(t.database.db, county.agency_id, t.now());
  const linked = await t.request(officer, {
    method: 'POST',
    url: `/api/cases/${caseId}/evidence`,
    payload: { evidenceId, recordingKind: 'video', description: '现场执法记录' },
  });
  expect(linked.statusCode, linked.body).toBe(200);
  packages.case = await exportPackage(`case:${caseId}`, 'case');
  packages.evidence = await exportPackage(evidenceStream(evidenceId), 'evidence');
  publicKey = (await t.app.inject({ method: 'GET', url: '/api/ledger/public-key' })).json().publicKey;
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
async function tampered(which: 'case' | 'evidence', change: (files: Map<string, Buffer>) => void) {
  const copy = new Map([...packages[which].files].map(([name, data]) => [name, Buffer.from(data)]));
  change(copy);
  counter += 1;
  const file = path.join(dir, `tampered-${counter}.zip`);
  await zipTo(file, withSums(copy));
  return file;
}
const editEvidenceJson = (files: Map<string, Buffer>, edit: (entry: Record<string, unknown>) => void) => {
  const list = JSON.parse(files.get('evidence.json')!.toString('utf8'));
  edit(list[0]);
  files.set('evidence.json', Buffer.from(`${JSON.stringify(list, null, 2)}\n`));
};

/** The attack: another file under its own name, evidence.json pointing at it, the sums rebuilt. */
const swapFile = (files: Map<string, Buffer>) => {
  const forged = Buffer.concat([mediaSamples.mp4!.bytes, randomBytes(50_000)]);
  const forgedSha = createHash('sha256').update(forged).digest('hex');
  files.delete(`evidence/${sha256}`);
  files.set(`evidence/${forgedSha}`, forged);
  editEvidenceJson(files, (entry) => {
    entry.file = `evidence/${forgedSha}`;
    entry.sha256 = forgedSha;
    entry.sm3 = createHash('sm3').update(forged).digest('hex');
    entry.size = forged.length;
  });
};

describe('SEC-1: evidence files and capture metadata are bound to the signed chain', () => {
  it('SEC-1: the untampered case and evidence packages verify', async () => {
    for (const which of ['case', 'evidence'] as const) {
      const verdict = await verifyPackage(packages[which].file, { publicKey });
      expect(verdict.problem, which).toBeNull();
      expect(verdict.summary?.evidenceFiles).toBe(1);
    }
  });

  it('SEC-1: a case package with the evidence file swapped (evidence.json and sums rebuilt) fails naming it', async () => {
    const verdict = await verifyPackage(await tampered('case', swapFile), { publicKey });
    expect(verdict.status, verdict.problem ?? '').toBe('broken');
    expect(verdict.problem).toContain(evidenceId);
  });

  it('SEC-1: a case package with capture metadata edited (capturedBy, location) fails naming it', async () => {
    for (const [field, value] of [
      ['capturedBy', '伪造的采集人'],
      ['location', '另一个地点'],
      ['capturedAt', '2020-01-01T00:00:00.000Z'],
    ] as const) {
      const file = await tampered('case', (f) =>
        editEvidenceJson(f, (entry) => {
          entry[field] = value;
        }),
      );
      const verdict = await verifyPackage(file, { publicKey });
      expect(verdict.status, `${field}: ${verdict.problem}`).toBe('broken');
      expect(verdict.problem).toContain(evidenceId);
      expect(verdict.problem).toContain(field);
    }
  });

  it('SEC-1: an evidence stream package with the file swapped or metadata edited fails too', async () => {
    for (const change of [
      swapFile,
      (f: Map<string, Buffer>) =>
        editEvidenceJson(f, (entry) => {
          entry.capturedBy = '伪造的采集人';
        }),
    ]) {
      const verdict = await verifyPackage(await tampered('evidence', change), { publicKey });
      expect(verdict.status, verdict.problem ?? '').toBe('broken');
      expect(verdict.problem).toContain(evidenceId);
    }
  });

  it('SEC-1: the package’s last, signed event records each file’s hashes and capture metadata', async () => {
    const events = JSON.parse(packages.case.files.get('events.json')!.toString('utf8'));
    const head = events.at(-1);
    expect(head.kind).toBe('ledger.exported');
    expect(head.payload.format).toBe('zhifa-ledger-package/2');
    expect(head.payload.evidence).toEqual([
      expect.objectContaining({
        id: evidenceId,
        sha256,
        size: bytes.length,
        location: '示例县G105国道K12+300',
      }),
    ]);
  });
});

describe('SEC-12: verify-package holds no member in memory beyond a small cap', () => {
  /** The peak growth of Buffer memory while `run` runs, sampled every 5 ms. */
  async function peakGrowth(run: () => Promise<unknown>): Promise<number> {
    const base = process.memoryUsage().arrayBuffers;
    let peak = base;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 5);
    try {
      await run();
    } finally {
      clearInterval(timer);
    }
    return Math.max(peak, process.memoryUsage().arrayBuffers) - base;
  }

  it('SEC-12: three 32 MB members outside the format are hashed, not held, and named', async () => {
    const file = path.join(dir, 'junk.zip');
    {
      const zeros = Buffer.alloc(32 * 1024 * 1024);
      const copy = new Map(packages.evidence.files);
      for (const n of [1, 2, 3]) copy.set(`junk-${n}.bin`, zeros);
      await zipTo(file, withSums(copy));
    }
    let problem: string | null = null;
    const growth = await peakGrowth(async () => {
      problem = (await verifyPackage(file, { publicKey })).problem;
    });
    expect(problem).toContain('junk-1.bin');
    expect(growth).toBeLessThan(48 * 1024 * 1024);
  });

  it('SEC-12: events.json declaring 1 KB but inflating to 64 MB is refused naming it, without holding it', async () => {
    const { lyingZip } = await import('../test/zip.js');
    const file = path.join(dir, 'lying.zip');
    writeFileSync(file, lyingZip('events.json', Buffer.alloc(64 * 1024 * 1024, 0x20), 1024));
    let verdict: Awaited<ReturnType<typeof verifyPackage>> | null = null;
    const growth = await peakGrowth(async () => {
      verdict = await verifyPackage(file, { publicKey });
    });
    expect(verdict!.status).not.toBe('ok');
    expect(verdict!.problem).toContain('events.json');
    expect(growth).toBeLessThan(48 * 1024 * 1024);
  });
});
