/**
 * The ledger package (全过程记录校验包): one stream exported as a zip that anyone
 * can check without the platform — its events in full, the evidence files they
 * refer to, a signed checkpoint, the Merkle proof of the stream's head in it,
 * the public key, SHA256SUMS and SM3SUMS, and a README in Chinese. This module
 * is the format shared by the builder (package.ts) and `zhifa verify-package`
 * (verify-package.ts): names, schemas, the sums files and the README. No I/O.
 */
import { z } from 'zod';

/**
 * /2: the `ledger.exported` event (the package's last, signed event) records every
 * evidence file's hashes and capture metadata (`signedEvidenceSchema`). /1 did not:
 * outside the `evidence:` streams, nothing signed bound a file to its id, so the
 * verifier fails a /1 package that carries evidence it cannot bind (SEC-1).
 */
export const packageFormat = 'zhifa-ledger-package/2';

export const packageFiles = {
  readme: 'README.txt',
  events: 'events.json',
  evidence: 'evidence.json',
  checkpoint: 'checkpoint.json',
  proof: 'proof.json',
  publicKey: 'public-key.txt',
  sha256sums: 'SHA256SUMS',
  sm3sums: 'SM3SUMS',
} as const;

/** Members a package must have to be checked at all; README.txt is only listed in the sums. */
export const requiredFiles = [
  packageFiles.events,
  packageFiles.evidence,
  packageFiles.checkpoint,
  packageFiles.proof,
  packageFiles.publicKey,
  packageFiles.sha256sums,
  packageFiles.sm3sums,
] as const;

export const evidenceDir = 'evidence/';
export const evidencePath = (sha256: string) => `${evidenceDir}${sha256}`;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制');
/** 执法文书 rendered on the stream: `documents/<number or id>.docx`, checked against `document.rendered`. */
export const documentsDir = 'documents/';
export const documentPath = (number: string | null, id: string) => `${documentsDir}${number ?? id}.docx`;

/** What a `document.rendered` event records of its file and signature (the rest of its payload is ignored here). */
export const renderedDocumentSchema = z.object({
  documentId: z.string(),
  kind: z.string(),
  title: z.string().optional(),
  number: z.string().nullable(),
  sha256: hex64,
  sm3: hex64,
  size: z.number().int().min(0),
  signerId: z.string(),
  signerName: z.string().optional(),
  publicKey: z.string(),
  signature: z.string(),
  signedAt: z.string(),
});
export type RenderedDocument = z.infer<typeof renderedDocumentSchema>;

/** An event exactly as `presentEvent` gives it. */
export const packageEventSchema = z.strictObject({
  streamId: z.string(),
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  agencyId: z.string().nullable(),
  kind: z.string(),
  payload: z.json(),
  prevHash: z.string(),
  hash: z.string(),
});
export type PackageEvent = z.infer<typeof packageEventSchema>;
export const packageEventsSchema = z.array(packageEventSchema);

export const packageEvidenceSchema = z.strictObject({
  id: z.string(),
  file: z.string(),
  sha256: hex64,
  sm3: hex64,
  size: z.number().int().min(0),
  mediaType: z.string(),
  originalName: z.string().nullable(),
  capturedBy: z.string(),
  capturedAt: z.string(),
  location: z.string().nullable(),
  deviceId: z.string().nullable(),
  durationSeconds: z.number().nullable(),
});
export type PackageEvidence = z.infer<typeof packageEvidenceSchema>;
/** What the signed chain records of an evidence file: evidence.json's entry without `file` (derived from sha256). */
export const signedEvidenceSchema = packageEvidenceSchema.omit({ file: true });
export type SignedEvidence = z.infer<typeof signedEvidenceSchema>;
/** The fields evidence.json must give exactly as the signed record does. */
export const signedEvidenceFields = [
  'sha256',
  'sm3',
  'size',
  'mediaType',
  'originalName',
  'capturedBy',
  'capturedAt',
  'location',
  'deviceId',
  'durationSeconds',
] as const;
export const packageEvidenceListSchema = z.array(packageEvidenceSchema);

/** An exported checkpoint (`exportCheckpoint`). */
export const packageCheckpointSchema = z.strictObject({
  v: z.literal(1),
  treeSize: z.number().int().min(1),
  root: hex64,
  createdAt: z.string(),
  publicKey: z.string().regex(/^04[0-9a-f]{128}$/, '应为 04 开头的 130 位小写十六进制 SM2 公钥'),
  signature: z.string().regex(/^(?:[0-9a-f]{2})+$/, '应为小写十六进制'),
  algorithm: z.string(),
  hashing: z.string(),
  leafData: z.string(),
});

/** The Merkle inclusion proof of the stream's head event (the last of events.json) in the checkpoint. */
export const packageProofSchema = z.strictObject({
  streamId: z.string(),
  seq: z.number().int(),
  hash: z.string(),
  leafIndex: z.number().int().min(0),
  treeSize: z.number().int().min(1),
  merklePath: z.array(hex64),
});
export type PackageProof = z.infer<typeof packageProofSchema>;

/** `sha256sum` / `sm3` "hash  name" lines, sorted by name. */
export function sumsFile(entries: Iterable<{ name: string; hash: string }>): string {
  return [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => `${e.hash}  ${e.name}\n`)
    .join('');
}

/** Parses a sums file; null if a line is not "<64 hex>  <name>". */
export function parseSumsFile(text: string): Map<string, string> | null {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match || sums.has(match[2]!)) return null;
    sums.set(match[2]!, match[1]!);
  }
  return sums;
}

export interface ReadmeFacts {
  streamId: string;
  exportedAt: string;
  events: number;
  headHash: string;
  evidenceFiles: number;
  documentFiles: number;
  treeSize: number;
  root: string;
  checkpointAt: string;
  publicKey: string;
}

/** The package's README.txt: what it is and how to check it by hand. Every command below was run on a package. */
export function readmeText(f: ReadmeFacts): string {
  return `全过程记录校验包
================

本文件包由 zhifa 行政执法平台导出，包含记录流 ${f.streamId} 的全部 ${f.events} 个事件、
这些事件所涉及的 ${f.evidenceFiles} 个证据文件、在本记录流上制作的 ${f.documentFiles} 份执法文书、一个经 SM2
签名的检查点，以及最新事件包含于该检查点的 Merkle 证明。收到本包的人可以不依赖本平台、不连接数据库，核对其中的记录和证据文件
与平台签名时一致、导出后未被改动。

  记录流      ${f.streamId}
  导出时间    ${f.exportedAt}
  事件        ${f.events} 个（序号 1–${f.events}），最新事件哈希 ${f.headHash}
  检查点      树大小 ${f.treeSize}，根哈希 ${f.root}，签名时间 ${f.checkpointAt}
  签名公钥    ${f.publicKey}

本次导出本身记为本记录流的最后一个事件（ledger.exported）；包中每个证据文件也在该证据的
记录流（evidence:<编号>）中记为一次下载（evidence.accessed）。

重要：public-key.txt 只是随包附带的公钥。请把它与执法机关在门户网站“防篡改校验”页面公布的
公钥逐字比对，一致时签名才能证明记录出自该机关的平台。


一、文件
--------
  events.json        记录流的全部事件，按序号排列，每个事件含全部字段
  evidence.json      证据文件信息：编号、包内文件名、SHA-256、SM3、大小（字节）、媒体类型、
                     原文件名、采集人、采集时间、地点、设备编号、时长（秒）
  evidence/<SHA-256> 证据文件本身，文件名是其 SHA-256
  documents/<文号>.docx
                     本记录流上制作的执法文书（.docx），文件名是其文号；不编号的文书（笔录、送达回证）
                     以文书编号命名。其哈希和签署人的 SM2 签名记在事件 document.rendered 中
  checkpoint.json    已签名的检查点
  proof.json         最新事件（events.json 最后一个）包含于检查点的 Merkle 证明
  public-key.txt     签名公钥（SM2，十六进制，04 开头的未压缩格式）
  SHA256SUMS         以上每个文件（不含 SHA256SUMS、SM3SUMS 本身）的 SHA-256
  SM3SUMS            同上，SM3
  README.txt         本说明


二、用 zhifa 命令校验
--------------------
在装有 zhifa 的计算机上（不需要数据库）：

  zhifa verify-package 本文件包.zip --public-key <门户网站公布的公钥>

它完成下面第三节的全部检查：通过时退出码为 0；发现问题时指出第一个问题（哪个文件、哪个序号的
事件、哪里不符），退出码为 1；文件不是 zip 或缺少必需文件时退出码为 2。不给 --public-key 时，
它用包内的公钥核对签名，并提示须与门户网站公布的公钥比对。


三、用通用工具手工校验
----------------------
以下命令已在 Debian 上用 unzip、coreutils、OpenSSL 3.0、jq 1.6 和 xxd 运行验证（OpenSSL 自
1.1.1 起支持 SM3 和 SM2）。先解压到一个空目录并进入：

  unzip 本文件包.zip -d pkg && cd pkg

1. 文件完整性

  sha256sum -c SHA256SUMS

  while read -r h f; do
    [ "$(openssl dgst -sm3 -r "$f" | cut -d' ' -f1)" = "$h" ] && echo "$f: 成功" || echo "$f: 失败"
  done < SM3SUMS

  SHA256SUMS 和 SM3SUMS 本身没有签名：它们能发现损坏，但改动文件的人也能重算它们。
  防篡改靠下面第 2–5 步。

2. 每个事件的哈希与链条

  事件哈希 = SM3(对象的 RFC 8785 规范化 JSON)，对象为
    {"actor": actorId, "agency": agencyId, "at": occurredAt, "kind": kind,
     "payload": payload, "prev": prevHash, "seq": seq, "stream": streamId, "v": 1}
  RFC 8785（JSON 规范化方案）：对象的键按 UTF-16 码元排序，不留空白，字符串和数字按
  ECMAScript 的规则输出，UTF-8 编码。第 1 个事件的 prevHash 是 64 个 0；此后每个事件的
  prevHash 等于上一事件的 hash；序号从 1 起连续，不缺不重。最后一个事件的哈希覆盖了整条链。

  逐个重算（输出应与 jq -r '.[].hash' events.json 逐行相同）：

  jq -c '.[] | {actor: .actorId, agency: .agencyId, at: .occurredAt, kind, payload,
                prev: .prevHash, seq, stream: .streamId, v: 1}' events.json |
  while IFS= read -r e; do
    printf '%s' "$e" | jq -S -c . | tr -d '\\n' | openssl dgst -sm3 -r | cut -d' ' -f1
  done

  核对链接与序号（应无输出）：

  jq -r '. as $e | to_entries[] | select(.value.seq != .key + 1 or .value.prevHash !=
         (if .key == 0 then "${'0'.repeat(64)}" else $e[.key - 1].hash end))
         | "序号 \\(.value.seq) 有误"' events.json

  jq -S -c 对文字、整数和键的输出与 RFC 8785 相同；载荷中若有小数（如证据时长）或超过 2^53
  的整数，jq 1.6 的数字写法可能不同，请用 RFC 8785 的实现复核该事件，或使用 zhifa verify-package。

3. 最新事件包含于检查点（Merkle 证明）

  先核对 proof.json 说的叶子就是 events.json 的最后一个事件（两行应相同）：

  jq -c '.[-1] | {streamId, seq, hash}' events.json
  jq -c '{streamId, seq, hash}' proof.json

  叶子数据 = RFC 8785 规范化 JSON {"hash": 事件哈希, "seq": 序号, "stream": 记录流}；
  叶子哈希 = SM3(0x00 || 叶子数据)，内部节点 = SM3(0x01 || 左 || 右)（RFC 6962 / RFC 9162 的
  Merkle 树，哈希算法为 SM3）。按 RFC 9162 第 2.1.3.2 节，从叶子沿 merklePath 算到根：

  h() { xxd -r -p | openssl dgst -sm3 -r | cut -d' ' -f1; }
  leaf=$(jq -S -c '{hash, seq, stream: .streamId}' proof.json | tr -d '\\n')
  r=$({ printf '00'; printf '%s' "$leaf" | xxd -p | tr -d '\\n'; } | h)
  fn=$(jq .leafIndex proof.json); sn=$(( $(jq .treeSize proof.json) - 1 ))
  for p in $(jq -r '.merklePath[]' proof.json); do
    [ "$sn" -eq 0 ] && { echo "路径过长"; break; }
    if [ $((fn % 2)) -eq 1 ] || [ "$fn" -eq "$sn" ]; then
      r=$(printf '01%s%s' "$p" "$r" | h)
      while [ $((fn % 2)) -eq 0 ] && [ "$fn" -ne 0 ]; do fn=$((fn / 2)); sn=$((sn / 2)); done
    else
      r=$(printf '01%s%s' "$r" "$p" | h)
    fi
    fn=$((fn / 2)); sn=$((sn / 2))
  done
  echo "sn=$sn 算得的根 $r"; jq -r '"检查点的根 " + .root' checkpoint.json

  应输出 sn=0，且两个根相同；proof.json 的 treeSize 应等于 checkpoint.json 的 treeSize。

4. 检查点的 SM2 签名

  签名的内容是 checkpoint.json 中 {v, treeSize, root, createdAt, publicKey} 的 RFC 8785
  规范化 JSON；算法为 SM2 签名、SM3 杂凑，用户标识 1234567812345678，签名为 DER 编码（十六进制）。

  jq -S -c '{v, treeSize, root, createdAt, publicKey}' checkpoint.json | tr -d '\\n' > statement.txt
  { printf '3059301306072a8648ce3d020106082a811ccf5501822d034200'; jq -r .publicKey checkpoint.json; } \\
    | xxd -r -p > public-key.der
  openssl pkey -pubin -inform DER -in public-key.der -out public-key.pem
  jq -r .signature checkpoint.json | xxd -r -p > signature.der
  openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in statement.txt \\
    -sigfile signature.der -digest sm3 -pkeyopt distid:1234567812345678

  应输出 Signature Verified Successfully。（第二条命令在公钥前加上 SM2 公钥的 DER 头，得到标准格式的公钥。）

5. 公钥

  jq -r .publicKey checkpoint.json 应与 public-key.txt 相同，并与执法机关在门户网站公布的公钥相同。

6. 证据文件

  evidence.json 和校验和文件没有签名，任何人都能改写；应以签名保护的记录为准。本包最后一个事件
  （ledger.exported，受第 2–4 步的哈希链与签名保护）的载荷 evidence 记有每个证据文件的 SHA-256、
  SM3、大小和采集信息。每个文件 evidence/<SHA-256> 应与之相符：

  jq -r '.[-1].payload.evidence[] | "\\(.sha256) \\(.sm3) \\(.size) \\(.id)"' events.json |
  while read -r s256 s3 size id; do f="evidence/$s256"
    [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$s256" ] && [ "$(openssl dgst -sm3 -r "$f" | cut -d' ' -f1)" = "$s3" ] \\
      && [ "$(stat -c %s "$f")" = "$size" ] && echo "$id $f: 成功" || echo "$id $f: 失败"
  done

  evidence.json 中的采集信息（采集人、时间、地点、设备、时长）应与该载荷逐项相同：

  diff <(jq -S '[.[-1].payload.evidence[]]' events.json) <(jq -S '[.[] | del(.file)]' evidence.json) && echo 成功

  证据的记录流（evidence:<编号>）中，第 1 个事件（evidence.stored）的载荷也记有这些信息，同样应一致：

  jq '.[] | select(.kind == "evidence.stored") | .payload' events.json

7. 执法文书

  每份文书在制作时记为一个 document.rendered 事件，载荷记有文书编号（documentId）、种类、文号、
  SHA-256、SM3、大小、签署人、签署时间、签署人的 SM2 公钥和签名；该事件受第 2–4 步保护。
  文件 documents/<文号>.docx（无文号时为 documents/<documentId>.docx）的哈希和大小应与之相同：

  jq -r '.[] | select(.kind == "document.rendered") | .payload
         | "\\(.sha256) \\(.sm3) \\(.size) documents/\\(.number // .documentId).docx"' events.json |
  while read -r s256 s3 size f; do
    [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$s256" ] && [ "$(openssl dgst -sm3 -r "$f" | cut -d' ' -f1)" = "$s3" ] \\
      && [ "$(stat -c %s "$f")" = "$size" ] && echo "$f: 成功" || echo "$f: 失败"
  done

  签署人签名的内容是下列对象的 RFC 8785 规范化 JSON（agencyId 取自事件本身），算法与第 4 步相同
  （SM2 签名、SM3 杂凑，用户标识 1234567812345678，DER 编码）。以第 1 份文书为例（第 n 份把 [0] 换成 [n-1]）：

  d='[.[] | select(.kind == "document.rendered")][0]'
  jq -S -c "$d | {v: 1, documentId: .payload.documentId, agencyId, kind: .payload.kind,
            number: .payload.number, sm3: .payload.sm3, sha256: .payload.sha256, size: .payload.size,
            signerId: .payload.signerId, signedAt: .payload.signedAt}" events.json | tr -d '\\n' > document.txt
  { printf '3059301306072a8648ce3d020106082a811ccf5501822d034200'; jq -r "$d | .payload.publicKey" events.json; } \\
    | xxd -r -p > signer.der
  openssl pkey -pubin -inform DER -in signer.der -out signer.pem
  jq -r "$d | .payload.signature" events.json | xxd -r -p > document-signature.der
  openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in document.txt \\
    -sigfile document-signature.der -digest sm3 -pkeyopt distid:1234567812345678

  应输出 Signature Verified Successfully。签署人的公钥由平台为其保管的密钥对生成，证明的是该文书由
  该用户在其登录的会话中签署、此后未被改动。
`;
}
