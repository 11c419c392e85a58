/**
 * 一致性证明 between two checkpoints: the later tree extends the earlier one
 * (RFC 6962), so no leaf signed before was changed or removed since.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { type Checkpoint, type ConsistencyProof, downloadJson, ledgerApi } from './api';

interface Outcome {
  from: number;
  to: number;
  proof?: ConsistencyProof;
  error?: string;
}

const optionLabel = (c: Checkpoint) =>
  `#${c.id}（${c.treeSize} 个叶子，${dayjs(c.createdAt).format('MM-DD HH:mm')}）`;

export function ConsistencyCheck({ checkpoints }: { checkpoints: Checkpoint[] }) {
  // Listed newest first: by default, the previous checkpoint against the latest.
  const [from, setFrom] = useState(checkpoints[1]?.id);
  const [to, setTo] = useState(checkpoints[0]?.id);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const size = (id: number | undefined) => checkpoints.find((c) => c.id === id)?.treeSize ?? 0;

  const run = async () => {
    if (from === undefined || to === undefined) return;
    setRunning(true);
    try {
      setOutcome({ from, to, proof: await ledgerApi.consistency(from, to) });
    } catch (caught) {
      setOutcome({ from, to, error: errorMessage(caught) });
    } finally {
      setRunning(false);
    }
  };

  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong>一致性证明</Typography.Text>
        <Typography.Text type="secondary">
          ：证明较晚的检查点只是在较早的检查点之后追加，此前已签名的记录未被改动或删除。
        </Typography.Text>
      </Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label="起点检查点"
          value={from}
          onChange={setFrom}
          options={checkpoints.map((c) => ({ value: c.id, label: optionLabel(c) }))}
          style={{ width: 250 }}
        />
        <span>→</span>
        <Select
          aria-label="终点检查点"
          value={to}
          onChange={setTo}
          options={checkpoints.map((c) => ({
            value: c.id,
            label: optionLabel(c),
            disabled: c.treeSize < size(from),
          }))}
          style={{ width: 250 }}
        />
        <Button onClick={run} loading={running} disabled={from === undefined || to === undefined}>
          生成一致性证明
        </Button>
      </Space>
      {outcome ? (
        <Alert
          style={{ marginTop: 12 }}
          type={outcome.proof ? 'success' : 'error'}
          showIcon
          title={
            outcome.proof
              ? `检查点 #${outcome.from}（${outcome.proof.from.treeSize} 个叶子）→ #${outcome.to}（${outcome.proof.to.treeSize} 个叶子）：一致性证明共 ${outcome.proof.proof.length} 个哈希`
              : `无法生成一致性证明：${outcome.error}`
          }
          action={
            outcome.proof ? (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() =>
                  downloadJson(outcome.proof, `zhifa-consistency-${outcome.from}-${outcome.to}.json`)
                }
              >
                下载
              </Button>
            ) : null
          }
        />
      ) : null}
    </div>
  );
}
