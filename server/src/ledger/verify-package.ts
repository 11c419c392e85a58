/**
 * `zhifa verify-package`: checks a ledger package (package-format.ts) with no
 * database. Every event hash is recomputed and the chain followed from the
 * genesis link; the head must be the proof's leaf; the Merkle path must lead to
 * the checkpoint's root; the checkpoint's SM2 signature must hold under the
 * included key (and, if given, be that key); every evidence file is re-hashed
 * (SHA-256, SM3, size) against evidence.json and the events; every document
 * rendered on the stream is re-hashed against its `document.rendered` event and
 * its signer's SM2 signature checked; SHA256SUMS and
 * SM3SUMS must list every file and match. Files are hashed as they stream out
 * of the zip; only the small JSON members are held in memory.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { z } from 'zod';
import { documentSignatureValid } from '../modules/documents/signing-keys.js';
import { checkpointSignatureValid, type ExportedCheckpoint, leafData } from './checkpoint.js';
import { eventHash, genesisHash } from './hash.js';
import { referencedEvidenceIds } from './kinds.js';
import { inclusionRoot, leafHash } from './merkle.js';
import {
  documentPath,
  documentsDir,
  evidenceDir,
  evidencePath,
  type PackageEvent,
  type PackageEvidence,
  packageCheckpointSchema,
  packageEventsSchema,
  packageEvidenceListSchema,
  packageFiles,
  packageFormat,
  packageProofSchema,
  parseSumsFile,
  renderedDocumentSchema,
  requiredFiles,
  signedEvidenceFields,
  signedEvidenceSchema,
} from './package-format.js';

/**
 * The JSON and text members of the format are read into memory up to this many bytes,
 * counted as they inflate (SEC-12); every other member is only hashed as it streams.
 */
const maxSmallFileBytes = 64 * 1024 * 1024;
const smallFiles = new Set<string>(Object.values(packageFiles));

interface FileDigest {
  sha256: string;
  sm3: string;
  size: number;
}

export interface PackageSummary {
  streamId: string | null;
  events: number;
  evidenceFiles: number;
  evidenceBytes: number;
  /** 执法文书 carried and checked against their `document.rendered` events. */
  documentFiles: number;
  checkpoint: { treeSize: number; root: string; createdAt: string } | null;
  publicKey: string | null;
  /** Whether the signing key was compared with one given by the verifier (--public-key). */
  publicKeyConfirmed: boolean;
}

export type PackageVerdict =
  /** 0: every check passed. 1: the package is not what was signed (the first problem). 2: not a package at all. */
  | { status: 'ok'; problem: null; summary: PackageSummary }
  | { status: 'broken'; problem: string; summary: PackageSummary }
  | { status: 'unusable'; problem: string; summary: null };

export const verdictExitCode = { ok: 0, broken: 1, unusable: 2 } as const;

class Unusable extends Error {}

/** Reads every member: small ones into memory, evidence files only through the hashes. */
async function readPackage(
  file: string,
): Promise<{ small: Map<string, Buffer>; digests: Map<string, FileDigest>; duplicate: string | null }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (error, opened) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        reject(
          new Unusable(
            code === 'ENOENT'
              ? `文件 ${file} 不存在`
              : code
                ? `无法读取 ${file}（${code}）`
                : `${file} 不是有效的 zip 文件（${error.message}）`,
          ),
        );
      } else resolve(opened);
    }),
  );
  const small = new Map<string, Buffer>();
  const digests = new Map<string, FileDigest>();
  let duplicate: string | null = null;
  await new Promise<void>((resolve, reject) => {
    zip.on('error', (error: Error) =>
      reject(new Unusable(`${file} 不是有效的 zip 文件（${error.message}）`)),
    );
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (name.endsWith('/')) {
        zip.readEntry();
        return;
      }
      if (digests.has(name)) duplicate ??= name;
      const keep = smallFiles.has(name);
      if (keep && entry.uncompressedSize > maxSmallFileBytes) {
        reject(new Error(`${name} 过大（${entry.uncompressedSize} 字节）`));
        return;
      }
      zip.openReadStream(entry, (error, content) => {
        if (error) {
          reject(new Error(`无法读取包内文件 ${name}：${error.message}`));
          return;
        }
        const sha256 = createHash('sha256');
        const sm3 = createHash('sm3');
        const chunks: Buffer[] = [];
        let size = 0;
        const sink = new Writable({
          write(chunk: Buffer, _encoding, callback) {
            sha256.update(chunk);
            sm3.update(chunk);
            size += chunk.length;
            if (!keep) return callback();
            if (size > maxSmallFileBytes) return callback(new Error(`解压后超过 ${maxSmallFileBytes} 字节`));
            chunks.push(chunk);
            callback();
          },
        });
        pipeline(content, sink).then(
          () => {
            if (!digests.has(name)) {
              digests.set(name, { sha256: sha256.digest('hex'), sm3: sm3.digest('hex'), size });
              if (keep) small.set(name, Buffer.concat(chunks));
            }
            zip.readEntry();
          },
          (failure: Error) => reject(new Error(`无法读取包内文件 ${name}：${failure.message}`)),
        );
      });
    });
    zip.readEntry();
  }).finally(() => zip.close());
  return { small, digests, duplicate };
}

const emptySummary = (): PackageSummary => ({
  streamId: null,
  events: 0,
  evidenceFiles: 0,
  evidenceBytes: 0,
  documentFiles: 0,
  checkpoint: null,
  publicKey: null,
  publicKeyConfirmed: false,
});

function parseMember<T extends z.ZodType>(
  small: Map<string, Buffer>,
  name: string,
  schema: T,
): { value: z.output<T> } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(small.get(name)!.toString('utf8'));
  } catch (error) {
    return { problem: `${name} 不是有效的 JSON（${(error as Error).message}）` };
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { problem: `${name} 格式不符：${issue.path.join('.') || '（顶层）'} ${issue.message}` };
  }
  return { value: result.data };
}

/** The first broken link of the chain in events.json, or null. */
function checkChain(events: readonly PackageEvent[]): string | null {
  const where = `${packageFiles.events}`;
  if (events.length === 0) return `${where} 中没有事件`;
  const streamId = events[0]!.streamId;
  let previous = genesisHash;
  for (const [i, event] of events.entries()) {
    const at = `${where} 第 ${i + 1} 个事件（序号 ${event.seq}，${event.kind}）`;
    if (event.streamId !== streamId) return `${at}属于另一记录流 ${event.streamId}，应为 ${streamId}`;
    if (event.seq !== i + 1) return `${at}：序号应为 ${i + 1}（事件缺失、多出或顺序被调换）`;
    if (event.prevHash !== previous)
      return `${at}：上一哈希 prevHash 为 ${event.prevHash}，而${i === 0 ? '首个事件应链接到 64 个 0' : `序号 ${i} 的哈希是 ${previous}`}`;
    const occurredAt = new Date(event.occurredAt);
    if (Number.isNaN(occurredAt.getTime()) || occurredAt.toISOString() !== event.occurredAt)
      return `${at}：时间 occurredAt “${event.occurredAt}” 不是毫秒精度的 ISO 8601 UTC 时间`;
    const recomputed = eventHash({ ...event, occurredAt });
    if (recomputed !== event.hash)
      return `${at}：内容与哈希不符，记载的哈希 ${event.hash}，按内容重算为 ${recomputed}`;
    previous = event.hash;
  }
  return null;
}

/**
 * An SM2 signature as DER: SEQUENCE { INTEGER r, INTEGER s } and nothing after it.
 * The signature library ignores trailing bytes; a package must not carry any.
 */
function strictDer(hex: string): boolean {
  const der = Buffer.from(hex, 'hex');
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return false;
  let at = 2;
  for (let i = 0; i < 2; i += 1) {
    const length = der[at + 1];
    if (der[at] !== 0x02 || length === undefined || length < 1 || length > 33) return false;
    at += 2 + length;
  }
  return at === der.length;
}

/** The first field in which evidence.json's entry differs from what the chain signed, or null. */
const sameEvidence = (
  entry: PackageEvidence,
  signed: Record<string, unknown>,
  source: string,
): string | null => {
  for (const field of signedEvidenceFields) {
    if (entry[field] !== signed[field])
      return `${field}：evidence.json 为 ${JSON.stringify(entry[field])}，${source}记载为 ${JSON.stringify(signed[field])}`;
  }
  return null;
};

/**
 * What the signed chain records of each evidence file (SEC-1), with where it says so:
 * the `evidence.stored` event of an evidence stream, and the package's own last event
 * (`ledger.exported`, since format /2). evidence.json is only ever checked against these.
 */
function signedEvidence(
  events: readonly PackageEvent[],
): { records: Map<string, { record: Record<string, unknown>; source: string }[]> } | { problem: string } {
  const records = new Map<string, { record: Record<string, unknown>; source: string }[]>();
  const add = (id: string, record: Record<string, unknown>, source: string) =>
    records.set(id, [...(records.get(id) ?? []), { record, source }]);
  for (const event of events) {
    const id = /^evidence:(.+)$/.exec(event.streamId)?.[1];
    if (event.kind === 'evidence.stored' && id)
      add(id, event.payload as Record<string, unknown>, `events.json 序号 ${event.seq} 的存证事件`);
  }
  const head = events.at(-1)!;
  const listed = (head.payload as { evidence?: unknown } | null)?.evidence;
  if (head.kind === 'ledger.exported' && listed !== undefined) {
    const parsed = z.array(signedEvidenceSchema).safeParse(listed);
    if (!parsed.success)
      return {
        problem: `events.json 序号 ${head.seq} 的导出事件所记证据格式不符：${parsed.error.issues[0]!.message}`,
      };
    for (const entry of parsed.data)
      add(entry.id, entry as Record<string, unknown>, `events.json 序号 ${head.seq} 的导出事件`);
  }
  return { records };
}

/**
 * Checks the package file. `publicKey` is the key the verifier trusts (the one the
 * agency publishes); without it the included key is used and the summary says so.
 */
export async function verifyPackage(
  file: string,
  options: { publicKey?: string } = {},
): Promise<PackageVerdict> {
  let contents: Awaited<ReturnType<typeof readPackage>>;
  try {
    contents = await readPackage(file);
  } catch (error) {
    if (error instanceof Unusable) return { status: 'unusable', problem: error.message, summary: null };
    return { status: 'broken', problem: (error as Error).message, summary: emptySummary() };
  }
  const { small, digests, duplicate } = contents;
  const absent = requiredFiles.filter((name) => !small.has(name));
  if (absent.length)
    return {
      status: 'unusable',
      problem: `${file} 不是完整的全过程记录校验包：缺少 ${absent.join('、')}`,
      summary: null,
    };
  const summary = emptySummary();
  const broken = (problem: string): PackageVerdict => ({ status: 'broken', problem, summary });
  if (duplicate) return broken(`包内文件 ${duplicate} 出现了不止一次`);

  // 1. The events: every hash recomputed, every link followed from the genesis.
  const events = parseMember(small, packageFiles.events, packageEventsSchema);
  if ('problem' in events) return broken(events.problem);
  summary.events = events.value.length;
  summary.streamId = events.value[0]?.streamId ?? null;
  const chain = checkChain(events.value);
  if (chain) return broken(chain);
  const head = events.value.at(-1)!;

  // 2. The head is the proof's leaf, and the path leads to the checkpoint's root.
  const checkpointMember = parseMember(small, packageFiles.checkpoint, packageCheckpointSchema);
  if ('problem' in checkpointMember) return broken(checkpointMember.problem);
  const checkpoint = checkpointMember.value;
  summary.checkpoint = {
    treeSize: checkpoint.treeSize,
    root: checkpoint.root,
    createdAt: checkpoint.createdAt,
  };
  summary.publicKey = checkpoint.publicKey;
  const proofMember = parseMember(small, packageFiles.proof, packageProofSchema);
  if ('problem' in proofMember) return broken(proofMember.problem);
  const proof = proofMember.value;
  if (proof.streamId !== head.streamId || proof.seq !== head.seq || proof.hash !== head.hash)
    return broken(
      `proof.json 证明的是记录流 ${proof.streamId} 序号 ${proof.seq}（哈希 ${proof.hash}），而 events.json 的最新事件是序号 ${head.seq}（哈希 ${head.hash}）`,
    );
  if (proof.treeSize !== checkpoint.treeSize)
    return broken(`proof.json 的树大小 ${proof.treeSize} 与 checkpoint.json 的 ${checkpoint.treeSize} 不符`);
  const leaf = leafHash(leafData({ stream_id: head.streamId, seq: head.seq, event_hash: head.hash }));
  const path = proof.merklePath.map((h) => Buffer.from(h, 'hex'));
  const root = inclusionRoot(leaf, proof.leafIndex, proof.treeSize, path);
  if (!root)
    return broken(
      `proof.json 的 Merkle 路径（${path.length} 个哈希）与叶子序号 ${proof.leafIndex}、树大小 ${proof.treeSize} 不相称`,
    );
  if (root.toString('hex') !== checkpoint.root)
    return broken(
      `Merkle 包含证明不成立：由最新事件和 proof.json 的路径算得根哈希 ${root.toString('hex')}，checkpoint.json 记载的根哈希为 ${checkpoint.root}`,
    );

  // 3. The checkpoint is signed by the included key — and by the expected one, if given.
  if (!strictDer(checkpoint.signature))
    return broken('checkpoint.json 的签名不是规范的 DER 编码（SEQUENCE 内恰为两个 INTEGER，其后无多余字节）');
  if (!checkpointSignatureValid(checkpoint as ExportedCheckpoint))
    return broken('checkpoint.json 的 SM2 签名无效：签名与检查点内容（树大小、根哈希、时间、公钥）不符');
  const included = small.get(packageFiles.publicKey)!.toString('utf8').trim();
  if (included !== checkpoint.publicKey)
    return broken(
      `public-key.txt 的公钥 ${included} 与 checkpoint.json 中签名所用的公钥 ${checkpoint.publicKey} 不同`,
    );
  if (options.publicKey !== undefined) {
    const expected = options.publicKey.trim().toLowerCase();
    if (expected !== checkpoint.publicKey.toLowerCase())
      return broken(`检查点不是由指定的公钥签名的：指定公钥 ${expected}，签名公钥 ${checkpoint.publicKey}`);
    summary.publicKeyConfirmed = true;
  }

  // 4. Evidence: what the stream refers to, listed, present, and hashing as recorded.
  const evidenceMember = parseMember(small, packageFiles.evidence, packageEvidenceListSchema);
  if ('problem' in evidenceMember) return broken(evidenceMember.problem);
  const evidence = evidenceMember.value;
  const listed = new Map(evidence.map((e) => [e.id, e]));
  if (listed.size !== evidence.length) return broken('evidence.json 中有重复的证据编号');
  const referenced = referencedEvidenceIds(head.streamId, events.value);
  for (const id of referenced)
    if (!listed.has(id)) return broken(`记录流引用的证据 ${id} 未列入 evidence.json`);
  const signed = signedEvidence(events.value);
  if ('problem' in signed) return broken(signed.problem);
  for (const entry of evidence) {
    if (!referenced.includes(entry.id))
      return broken(`evidence.json 列出的证据 ${entry.id} 不是本记录流所引用的`);
    // Only what the chain signed counts: evidence.json and the sums can be rewritten by anyone.
    const records = signed.records.get(entry.id);
    if (!records)
      return broken(
        `证据 ${entry.id}（${entry.file}）的哈希和采集信息没有记在签名的记录中，无法证明文件未被替换（${packageFormat} 之前格式的包只对 evidence: 记录流如此记载）`,
      );
    for (const { record, source } of records) {
      const differs = sameEvidence(entry, record, source);
      if (differs) return broken(`证据 ${entry.id}（${entry.file}）与签名的记录不符：${differs}`);
    }
    if (entry.file !== evidencePath(entry.sha256))
      return broken(
        `evidence.json 中证据 ${entry.id} 的文件名 ${entry.file} 应为 ${evidencePath(entry.sha256)}`,
      );
    const actual = digests.get(entry.file);
    if (!actual) return broken(`证据文件 ${entry.file}（证据 ${entry.id}）缺失`);
    if (actual.size !== entry.size)
      return broken(
        `证据文件 ${entry.file}（证据 ${entry.id}）：大小为 ${actual.size} 字节，签名的记录为 ${entry.size} 字节`,
      );
    if (actual.sha256 !== entry.sha256)
      return broken(
        `证据文件 ${entry.file}（证据 ${entry.id}）：SHA-256 为 ${actual.sha256}，与签名的记录不符`,
      );
    if (actual.sm3 !== entry.sm3)
      return broken(
        `证据文件 ${entry.file}（证据 ${entry.id}）：SM3 为 ${actual.sm3}，签名的记录为 ${entry.sm3}`,
      );
  }
  const carried = [...digests.keys()].filter((name) => name.startsWith(evidenceDir));
  for (const name of carried)
    if (!evidence.some((e) => e.file === name)) return broken(`包内文件 ${name} 未列入 evidence.json`);
  summary.evidenceFiles = carried.length;
  summary.evidenceBytes = carried.reduce((sum, name) => sum + digests.get(name)!.size, 0);

  // 4b. Documents: each one rendered on the stream present, hashing as its event records, signed by its signer.
  const documentFiles = new Set<string>();
  for (const event of events.value) {
    if (event.kind !== 'document.rendered') continue;
    const where = `events.json 序号 ${event.seq} 的文书事件`;
    const parsed = renderedDocumentSchema.safeParse(event.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return broken(`${where}载荷格式不符：${issue.path.join('.')} ${issue.message}`);
    }
    const d = parsed.data;
    const name = documentPath(d.number, d.documentId);
    const label = `文书 ${name}（${d.title ?? d.kind}，文书编号 ${d.documentId}）`;
    if (documentFiles.has(name)) return broken(`${where}：文件名 ${name} 与另一份文书重复`);
    documentFiles.add(name);
    const actual = digests.get(name);
    if (!actual) return broken(`${label}缺失`);
    if (actual.size !== d.size)
      return broken(`${label}：大小为 ${actual.size} 字节，${where}记载 ${d.size} 字节`);
    if (actual.sha256 !== d.sha256)
      return broken(`${label}：SHA-256 为 ${actual.sha256}，${where}记载 ${d.sha256}，文件已被改动`);
    if (actual.sm3 !== d.sm3)
      return broken(`${label}：SM3 为 ${actual.sm3}，${where}记载 ${d.sm3}，文件已被改动`);
    const statement = {
      v: 1 as const,
      documentId: d.documentId,
      agencyId: event.agencyId ?? '',
      kind: d.kind,
      number: d.number,
      sm3: d.sm3,
      sha256: d.sha256,
      size: d.size,
      signerId: d.signerId,
      signedAt: d.signedAt,
    };
    if (
      !/^04[0-9a-f]{128}$/.test(d.publicKey) ||
      !/^(?:[0-9a-f]{2})+$/.test(d.signature) ||
      !strictDer(d.signature)
    )
      return broken(`${label}：签署人公钥或签名的格式不符`);
    if (!documentSignatureValid(statement, d.signature, d.publicKey))
      return broken(`${label}：签署人 ${d.signerName ?? d.signerId} 的 SM2 签名无效`);
  }
  for (const name of digests.keys())
    if (name.startsWith(documentsDir) && !documentFiles.has(name))
      return broken(`包内文件 ${name} 不是本记录流制作的文书（没有对应的 document.rendered 事件）`);
  summary.documentFiles = documentFiles.size;

  // 5. SHA256SUMS and SM3SUMS: every other file listed, and matching.
  for (const [sumsName, algorithm] of [
    [packageFiles.sha256sums, 'sha256'],
    [packageFiles.sm3sums, 'sm3'],
  ] as const) {
    const sums = parseSumsFile(small.get(sumsName)!.toString('utf8'));
    if (!sums) return broken(`${sumsName} 格式不符（每行应为“哈希  文件名”）`);
    for (const [name, d] of digests) {
      if (name === packageFiles.sha256sums || name === packageFiles.sm3sums) continue;
      const expected = sums.get(name);
      if (!expected) return broken(`${sumsName} 未列出包内文件 ${name}`);
      if (expected !== d[algorithm])
        return broken(`${sumsName}：${name} 的哈希为 ${d[algorithm]}，${sumsName} 记载 ${expected}`);
    }
    for (const name of sums.keys())
      if (!digests.has(name)) return broken(`${sumsName} 列出的文件 ${name} 不在包内`);
  }
  // 6. Nothing else: a member the format does not define is refused, even with its sums.
  for (const name of digests.keys())
    if (!smallFiles.has(name) && !name.startsWith(evidenceDir) && !name.startsWith(documentsDir))
      return broken(`包内文件 ${name} 不属于全过程记录校验包的格式`);

  return { status: 'ok', problem: null, summary };
}

/** The verdict as lines for a person, in Chinese. */
export function describeVerdict(verdict: PackageVerdict): string[] {
  if (verdict.status === 'unusable') return [];
  const s = verdict.summary;
  const mb = (s.evidenceBytes / 1024 ** 2).toFixed(1);
  const lines: string[] = [];
  if (verdict.status === 'ok') {
    lines.push(`校验通过：记录流 ${s.streamId} 的 ${s.events} 个事件（序号 1–${s.events}）`);
    lines.push('  每个事件的哈希均已重算，链条自首个事件起完整相接');
    lines.push(
      `  最新事件包含于检查点（树大小 ${s.checkpoint!.treeSize}，根哈希 ${s.checkpoint!.root}，签名时间 ${s.checkpoint!.createdAt}），SM2 签名有效`,
    );
    lines.push(`  证据文件 ${s.evidenceFiles} 个（${mb} MB），SHA-256、SM3 与大小均相符`);
    if (s.documentFiles)
      lines.push(`  执法文书 ${s.documentFiles} 份，与文书事件记载的哈希相符，签署人的 SM2 签名有效`);
    lines.push('  SHA256SUMS、SM3SUMS 与全部文件相符');
    lines.push(`  签名公钥 ${s.publicKey}`);
    if (!s.publicKeyConfirmed)
      lines.push(
        '注意：未用 --public-key 指定公钥，以上签名是用包内附带的公钥核对的。请将上面的签名公钥与执法机关在门户网站公布的公钥比对，一致才能证明记录出自该机关。',
      );
    else lines.push('  签名公钥与 --public-key 指定的公钥一致');
  } else {
    lines.push(
      `校验失败：${s.streamId ? `记录流 ${s.streamId}，共 ${s.events} 个事件` : `${s.events} 个事件`}`,
    );
  }
  return lines;
}
