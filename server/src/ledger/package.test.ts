/**
 * The ledger package (R1, R7): one stream exported from a real app, checked by
 * `verifyPackage` with no database — clean, then each kind of tampering, each
 * caught with the problem named. The CLI runs as a real process for a few cases.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceStream } from '../modules/evidence/service.js';
import { createTestApp, type Session, type TestApp } from '../test/harness.js';
import { mediaSamples } from '../test/media-samples.js';
import { captureMetadata, multipartBody } from '../test/multipart.js';
import { unzip, withSums, zipTo } from '../test/zip.js';
import { appendEvent } from './append.js';
import { createCheckpoint } from './checkpoint.js';
import { eventHash } from './hash.js';
import { newSigner } from './signing.js';
import { verifyPackage } from './verify-package.js';

const bin = fileURLToPath(new URL('../../bin/zhifa.js', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'zhifa-package-'));
const clean = path.join(dir, 'clean.zip');
let t: TestApp;
let auditadmin: Session;
let publicKey: string;
let files: Map<string, Buffer>;
let evidenceId: string;
let sha256: string;
const bytes = Buffer.concat([mediaSamples.mp4!.bytes, randomBytes(200_000)]);

beforeAll(async () => {
  t = await createTestApp();
  const officer = await t.login('officer1');
  auditadmin = await t.login('auditadmin');
  const uploaded = await t.request(officer, {
    method: 'POST',
    url: '/api/evidence',
    ...multipartBody({ ...captureMetadata, location: '示例县G105国道K12+300', durationSeconds: '95.5' }, [
      { name: '执法记录仪-001.mp4', type: 'video/mp4', content: bytes },
    ]),
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  ({ id: evidenceId, sha256 } = uploaded.json());
  // Other streams and an earlier checkpoint: the package's proof has a real Merkle path.
  for (const s of ['a', 'b', 'c', 'd', 'e']) {
    await t.database.db
      .transaction()
      .execute((trx) =>
        appendEvent(
          trx,
          { streamId: `note:${s}`, agencyId: null, actorId: null, kind: 'test.note', payload: { text: s } },
          t.now(),
        ),
      );
  }
  await t.database.db.transaction().execute((trx) => createCheckpoint(trx, newSigner(), t.now()));
  expect(
    (await t.request(officer, { method: 'GET', url: `/api/evidence/${evidenceId}/content` })).statusCode,
  ).toBe(200);
  const response = await t.request(auditadmin, {
    method: 'GET',
    url: `/api/ledger/streams/${encodeURIComponent(evidenceStream(evidenceId))}/package`,
  });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  writeFileSync(clean, response.rawPayload);
  files = await unzip(clean);
  publicKey = (await t.app.inject({ method: 'GET', url: '/api/ledger/public-key' })).json().publicKey;
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
/** The clean package with `change` applied, SHA256SUMS and SM3SUMS recomputed unless `sums` is false. */
async function tampered(change: (files: Map<string, Buffer>) => void, sums = true): Promise<string> {
  const copy = new Map([...files].map(([name, data]) => [name, Buffer.from(data)]));
  change(copy);
  counter += 1;
  const file = path.join(dir, `tampered-${counter}.zip`);
  await zipTo(file, sums ? withSums(copy) : copy);
  return file;
}
const jsonOf = (files: Map<string, Buffer>, name: string) => JSON.parse(files.get(name)!.toString('utf8'));
const setJson = (files: Map<string, Buffer>, name: string, value: unknown) =>
  files.set(name, Buffer.from(`${JSON.stringify(value, null, 2)}\n`));
const flipHexBit = (hex: string, at: number) =>
  hex.slice(0, at) + (Number.parseInt(hex[at]!, 16) ^ 1).toString(16) + hex.slice(at + 1);

async function zhifa(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('R7: a stream exported as a self-verifying package', () => {
  it('R7: holds the events in full, the evidence file, checkpoint, proof, key, sums and a README', async () => {
    expect([...files.keys()].sort()).toEqual(
      [
        'README.txt',
        'events.json',
        'evidence.json',
        'checkpoint.json',
        'proof.json',
        'public-key.txt',
        `evidence/${sha256}`,
        'SHA256SUMS',
        'SM3SUMS',
      ].sort(),
    );
    expect(files.get(`evidence/${sha256}`)!.equals(bytes)).toBe(true);
    const events = jsonOf(files, 'events.json');
    expect(events.map((e: { kind: string }) => e.kind)).toEqual([
      'evidence.stored',
      'evidence.accessed',
      'evidence.accessed',
      'ledger.exported',
    ]);
    expect(events.map((e: { payload: { access?: string } }) => e.payload.access)).toEqual([
      undefined,
      'view',
      'download',
      undefined,
    ]);
    expect(jsonOf(files, 'evidence.json')).toEqual([
      expect.objectContaining({
        id: evidenceId,
        file: `evidence/${sha256}`,
        sha256,
        size: bytes.length,
        originalName: '执法记录仪-001.mp4',
        location: '示例县G105国道K12+300',
        durationSeconds: 95.5,
      }),
    ]);
    expect(jsonOf(files, 'proof.json')).toMatchObject({ seq: 4, hash: events[3].hash });
    expect(files.get('public-key.txt')!.toString()).toBe(`${publicKey}\n`);
    expect(files.get('SHA256SUMS')!.toString()).toContain(`${sha256}  evidence/${sha256}\n`);
    const readme = files.get('README.txt')!.toString();
    expect(readme).toContain(evidenceStream(evidenceId));
    expect(readme).toContain('sha256sum -c SHA256SUMS');
    expect(readme).toContain('zhifa verify-package');
  });

  it('R1: records its own export and the evidence download on the ledger', async () => {
    const rows = await t.database.db
      .selectFrom('ledger_event as e')
      .leftJoin('app_user as u', 'u.id', 'e.actor_id')
      .select(['e.kind', 'e.payload', 'u.username'])
      .where('e.stream_id', '=', evidenceStream(evidenceId))
      .orderBy('e.seq')
      .execute();
    expect(rows.slice(2)).toEqual([
      { kind: 'evidence.accessed', payload: { access: 'download', range: null }, username: 'auditadmin' },
      {
        kind: 'ledger.exported',
        payload: {
          format: 'zhifa-ledger-package/2',
          evidenceFiles: 1,
          evidence: [expect.objectContaining({ id: evidenceId, sha256, size: bytes.length })],
        },
        username: 'auditadmin',
      },
    ]);
  });

  it('R7: verifies clean with the agency’s public key, and only warns without it', async () => {
    expect(await verifyPackage(clean, { publicKey })).toMatchObject({
      status: 'ok',
      summary: { events: 4, evidenceFiles: 1, evidenceBytes: bytes.length, publicKeyConfirmed: true },
    });
    expect(await verifyPackage(clean)).toMatchObject({
      status: 'ok',
      summary: { publicKeyConfirmed: false },
    });
    // Re-zipped unchanged (another zip tool, say), it is the same package.
    expect((await verifyPackage(await tampered(() => {}), { publicKey })).status).toBe('ok');
  });
});

describe('R7: an evidence file altered in the store', () => {
  it('R7: cuts the download off: never a complete package of altered bytes', async () => {
    const file = t.evidence.pathOf(sha256);
    chmodSync(file, 0o600);
    const altered = Buffer.from(bytes);
    altered[150_000] = altered[150_000]! ^ 0x01;
    writeFileSync(file, altered);
    try {
      await expect(
        t.request(auditadmin, {
          method: 'GET',
          url: `/api/ledger/streams/${encodeURIComponent(evidenceStream(evidenceId))}/package`,
        }),
      ).rejects.toThrow();
    } finally {
      writeFileSync(file, bytes);
    }
  });
});

describe('R7: every kind of tampering is caught and named (exit 1)', () => {
  const expectBroken = async (file: string, ...named: string[]) => {
    const verdict = await verifyPackage(file, { publicKey });
    expect(verdict.status, verdict.problem ?? '').toBe('broken');
    for (const text of named) expect(verdict.problem).toContain(text);
  };

  it('R7: one byte of an event payload in events.json', async () => {
    const file = await tampered((f) => {
      const text = f.get('events.json')!.toString('utf8');
      f.set('events.json', Buffer.from(text.replace('示例县G105国道K12+300', '示例县G105国道K12+301')));
    });
    await expectBroken(file, 'events.json', '序号 1', '哈希');
  });

  it('R7: one byte of an event payload even with every later hash recomputed', async () => {
    // A forger who re-hashes the chain still cannot match the signed head.
    const file = await tampered((f) => {
      const events = jsonOf(f, 'events.json');
      events[1].payload.access = 'metadata';
      let prev = '0'.repeat(64);
      for (const e of events) {
        e.prevHash = prev;
        e.hash = eventHash({ ...e, occurredAt: new Date(e.occurredAt) });
        prev = e.hash;
      }
      setJson(f, 'events.json', events);
    });
    await expectBroken(file, 'proof.json', '序号 4');
  });

  it('R7: an event removed', async () => {
    const file = await tampered((f) => {
      const events = jsonOf(f, 'events.json');
      events.splice(1, 1);
      setJson(f, 'events.json', events);
    });
    await expectBroken(file, '第 2 个事件', '序号应为 2');
  });

  it('R7: two events swapped', async () => {
    const file = await tampered((f) => {
      const events = jsonOf(f, 'events.json');
      [events[1], events[2]] = [events[2], events[1]];
      setJson(f, 'events.json', events);
    });
    await expectBroken(file, '第 2 个事件（序号 3，', '顺序');
  });

  it('R7: one byte of the evidence file', async () => {
    const file = await tampered((f) => {
      const data = f.get(`evidence/${sha256}`)!;
      data[100_000] = data[100_000]! ^ 0x01;
    });
    await expectBroken(file, `evidence/${sha256}`, 'SHA-256');
  });

  it('R7: the evidence file missing', async () => {
    const file = await tampered((f) => f.delete(`evidence/${sha256}`));
    await expectBroken(file, `evidence/${sha256}`, '缺失');
  });

  it('R7: a flipped bit in each element of the Merkle path', async () => {
    const path0 = jsonOf(files, 'proof.json').merklePath as string[];
    expect(path0.length).toBeGreaterThan(1);
    for (const [i] of path0.entries()) {
      const file = await tampered((f) => {
        const proof = jsonOf(f, 'proof.json');
        proof.merklePath[i] = flipHexBit(proof.merklePath[i], 17);
        setJson(f, 'proof.json', proof);
      });
      await expectBroken(file, 'Merkle', '根哈希');
    }
  });

  it('R7: a different leaf index or tree size in the proof', async () => {
    const changes = [
      (p: { leafIndex: number }) => ({ leafIndex: p.leafIndex ^ 1 }),
      (p: { treeSize: number }) => ({ treeSize: p.treeSize - 1 }),
    ];
    for (const change of changes) {
      const file = await tampered((f) => {
        const proof = jsonOf(f, 'proof.json');
        setJson(f, 'proof.json', { ...proof, ...change(proof) });
      });
      await expectBroken(file, 'proof.json');
    }
  });

  it('R7: a flipped bit in the signature', async () => {
    const { signature } = jsonOf(files, 'checkpoint.json');
    for (const at of [1, 10, 80, signature.length - 1]) {
      const file = await tampered((f) => {
        const checkpoint = jsonOf(f, 'checkpoint.json');
        checkpoint.signature = flipHexBit(checkpoint.signature, at);
        setJson(f, 'checkpoint.json', checkpoint);
      });
      await expectBroken(file, 'checkpoint.json 的', '签名');
    }
    // Bytes after the DER signature, which the signature library would ignore.
    const padded = await tampered((f) =>
      setJson(f, 'checkpoint.json', { ...jsonOf(f, 'checkpoint.json'), signature: `${signature}00` }),
    );
    await expectBroken(padded, '规范的 DER');
  });

  it('R7: a different checkpoint root', async () => {
    const file = await tampered((f) => {
      const checkpoint = jsonOf(f, 'checkpoint.json');
      checkpoint.root = flipHexBit(checkpoint.root, 0);
      setJson(f, 'checkpoint.json', checkpoint);
    });
    await expectBroken(file, 'checkpoint.json 记载的根哈希');
  });

  it('R7: a foreign public key given with --public-key', async () => {
    const verdict = await verifyPackage(clean, { publicKey: newSigner().publicKey });
    expect(verdict.status).toBe('broken');
    expect(verdict.problem).toContain('不是由指定的公钥签名的');
  });

  it('R7: a checkpoint re-signed by a forger’s key passes only until the published key is asked for', async () => {
    const forger = newSigner();
    const file = await tampered((f) => {
      const checkpoint = jsonOf(f, 'checkpoint.json');
      const statement = { ...pick(checkpoint), publicKey: forger.publicKey };
      setJson(f, 'checkpoint.json', {
        ...checkpoint,
        ...statement,
        signature: forger.sign(canonicalize(statement)!),
      });
      f.set('public-key.txt', Buffer.from(`${forger.publicKey}\n`));
    });
    expect(await verifyPackage(file)).toMatchObject({ status: 'ok', summary: { publicKeyConfirmed: false } });
    await expectBroken(file, '指定的公钥');
  });

  it('R7: a file changed without its sums recomputed is caught by SHA256SUMS', async () => {
    const file = await tampered((f) => f.set('README.txt', Buffer.from('改过的说明\n')), false);
    await expectBroken(file, 'SHA256SUMS', 'README.txt');
  });

  it('R7: a file not in the sums, and a public-key.txt not the signer’s', async () => {
    await expectBroken(
      await tampered((f) => f.set('extra.txt', Buffer.from('x')), false),
      'SHA256SUMS 未列出包内文件 extra.txt',
    );
    await expectBroken(
      await tampered((f) => f.set('public-key.txt', Buffer.from(`${newSigner().publicKey}\n`))),
      'public-key.txt',
    );
  });

  it('R7: not a zip, no such file, or no events.json: unusable (exit 2)', async () => {
    const notZip = path.join(dir, 'not.zip');
    writeFileSync(notZip, 'PK? not really');
    expect(await verifyPackage(notZip)).toMatchObject({ status: 'unusable' });
    expect(await verifyPackage(path.join(dir, 'absent.zip'))).toMatchObject({
      status: 'unusable',
      problem: expect.stringContaining('不存在'),
    });
    const incomplete = await tampered((f) => f.delete('events.json'));
    expect(await verifyPackage(incomplete)).toMatchObject({
      status: 'unusable',
      problem: expect.stringContaining('events.json'),
    });
  });
});

// The CLI is the compiled one (npm test builds it first).
describe('R7: zhifa verify-package as a real process', { timeout: 60_000 }, () => {
  it('R7: a clean package: exit 0 and a summary in Chinese', async () => {
    const result = await zhifa('verify-package', clean, '--public-key', publicKey);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('校验通过');
    expect(result.stdout).toContain('签名公钥与 --public-key 指定的公钥一致');
    const unkeyed = await zhifa('verify-package', clean);
    expect(unkeyed.code).toBe(0);
    expect(unkeyed.stdout).toContain('门户网站公布的公钥比对');
  });

  it('R7: a tampered package: exit 1 naming the first problem', async () => {
    const file = await tampered((f) => f.delete(`evidence/${sha256}`));
    const result = await zhifa('verify-package', file, '--public-key', publicKey);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('校验失败');
    expect(result.stderr).toContain(`证据文件 evidence/${sha256}`);
  });

  it('R7: not a zip: exit 2; a malformed --public-key: exit 2', async () => {
    const notZip = path.join(dir, 'plain.txt');
    writeFileSync(notZip, 'hello');
    const result = await zhifa('verify-package', notZip);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('不是有效的 zip 文件');
    expect((await zhifa('verify-package', clean, '--public-key', 'abc')).code).toBe(2);
  });
});

const pick = (c: { v: number; treeSize: number; root: string; createdAt: string; publicKey: string }) => ({
  v: c.v,
  treeSize: c.treeSize,
  root: c.root,
  createdAt: c.createdAt,
  publicKey: c.publicKey,
});

describe('R7: a case stream’s package carries its documents', { timeout: 60_000 }, () => {
  let casePackage: string;
  let docFiles: Map<string, Buffer>;
  let numbered: string;
  let unnumbered: string;

  beforeAll(async () => {
    const { createCaseFixture } = await import('../modules/cases/test-fixtures.js');
    const county = await t.database.db
      .selectFrom('agency')
      .select('id')
      .where('name', '=', '示例县交通运输局')
      .executeTakeFirstOrThrow();
    const caseId = await createCaseFixture(t.database.db, county.id, t.now());
    // 立案审批表 and 现场笔录 are made from the case once it is at 调查取证 (the case route).
    await t.database.db
      .updateTable('enforcement_case')
      .set({ stage: 'investigate', completed_stages: ['intake', 'register'] })
      .where('id', '=', caseId)
      .execute();
    const render = async (username: string, body: object) =>
      t.request(await t.login(username), {
        method: 'POST',
        url: `/api/cases/${caseId}/documents`,
        payload: body,
      });
    const approval = await render('head1', {
      kind: 'filingApproval',
      data: { facts: '未按规定携带道路运输证。', handlers: '赵执法、钱执法', approvalOpinion: '同意立案。' },
    });
    expect(approval.statusCode, approval.body).toBe(201);
    numbered = `documents/${approval.json().number}.docx`;
    const scene = await render('officer1', {
      kind: 'sceneRecord',
      data: {
        startedAt: '2026年6月1日 9时00分',
        place: '示例县客运站',
        officers: '赵执法、钱执法',
        observations: '未携带道路运输证。',
      },
    });
    expect(scene.statusCode, scene.body).toBe(201);
    unnumbered = `documents/${scene.json().id}.docx`;
    // The case page's export, by the head: a package carries the documents, which only the case
    // team, heads, legal reviewers and archivists may take (SEC-14; the audit administrator may not).
    const response = await t.request(await t.login('head1'), {
      method: 'GET',
      url: `/api/cases/${caseId}/package`,
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    casePackage = path.join(dir, 'case.zip');
    writeFileSync(casePackage, response.rawPayload);
    docFiles = await unzip(casePackage);
  });

  const changed = async (change: (files: Map<string, Buffer>) => void) => {
    const copy = new Map([...docFiles].map(([name, data]) => [name, Buffer.from(data)]));
    change(copy);
    counter += 1;
    const file = path.join(dir, `case-tampered-${counter}.zip`);
    await zipTo(file, withSums(copy));
    return file;
  };

  it('R7: each document under documents/<number or id>.docx, in the sums; the package verifies', async () => {
    expect(docFiles.has(numbered)).toBe(true);
    expect(docFiles.has(unnumbered)).toBe(true);
    expect(numbered).toMatch(/^documents\/示县交立〔2026〕\d+号\.docx$/);
    for (const sums of ['SHA256SUMS', 'SM3SUMS'])
      expect(docFiles.get(sums)!.toString('utf8')).toContain(`  ${numbered}\n`);
    expect(docFiles.get('README.txt')!.toString('utf8')).toContain('2 份执法文书');
    const verdict = await verifyPackage(casePackage, { publicKey });
    expect(verdict.problem).toBeNull();
    expect(verdict.summary?.documentFiles).toBe(2);
    const result = await zhifa('verify-package', casePackage, '--public-key', publicKey);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('执法文书 2 份');
  });

  it('R7: one changed byte of a document: exit 1 naming it', async () => {
    const file = await changed((f) => {
      const docx = f.get(numbered)!;
      docx[docx.length - 30]! ^= 0x01;
    });
    const verdict = await verifyPackage(file, { publicKey });
    expect(verdict.status).toBe('broken');
    expect(verdict.problem).toContain(`文书 ${numbered}`);
    expect(verdict.problem).toContain('SHA-256');
    const result = await zhifa('verify-package', file, '--public-key', publicKey);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(numbered);
  });

  it('R7: a document missing, or one the stream did not render, is named', async () => {
    const missing = await verifyPackage(await changed((f) => f.delete(unnumbered)), { publicKey });
    expect(missing.problem).toContain(`文书 ${unnumbered}`);
    expect(missing.problem).toContain('缺失');
    const extra = await verifyPackage(
      await changed((f) => f.set('documents/示县交罚〔2026〕999号.docx', Buffer.from('x'))),
      { publicKey },
    );
    expect(extra.problem).toContain('documents/示县交罚〔2026〕999号.docx');
  });
});
