import type { ExportedCheckpoint } from '../ledger/checkpoint.js';

/** Public page: the key that signs the whole-process record, and the latest signed checkpoint. */
export function TransparencyPage({
  publicKey,
  latest,
}: {
  publicKey: string;
  latest: ExportedCheckpoint | null;
}) {
  return (
    <>
      <h1>执法全过程记录防篡改校验</h1>
      <p className="lead">
        本平台对执法全过程记录逐条计算 SM3 哈希并串联成链，定期对全部记录的默克尔树根（RFC 6962）加盖 SM2
        数字签名，形成“检查点”。任何人都可以用下方公钥核验检查点文件，确认记录自签名以来未被删改。
      </p>
      <h2>签名公钥（SM2）</h2>
      <p className="code-block">{publicKey}</p>
      <h2>最新检查点</h2>
      {latest ? (
        <dl className="facts">
          <dt>签名时间</dt>
          <dd>{latest.createdAt}</dd>
          <dt>记录叶子数</dt>
          <dd>{latest.treeSize}</dd>
          <dt>根哈希（SM3）</dt>
          <dd className="code-block">{latest.root}</dd>
          <dt>签名</dt>
          <dd className="code-block">{latest.signature}</dd>
        </dl>
      ) : (
        <p>尚未签名检查点。</p>
      )}
      <h2>如何核验</h2>
      <ol>
        <li>向执法机关或其上级司法行政机关索取检查点文件（JSON）及需要核验记录的包含证明。</li>
        <li>用上方公钥按 GM/T 0003（用户标识 1234567812345678）核验检查点签名。</li>
        <li>按 RFC 6962 的算法（以 SM3 为哈希函数）核验包含证明，确认该记录在已签名的根哈希之下。</li>
      </ol>
    </>
  );
}
