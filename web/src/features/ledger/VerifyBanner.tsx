/**
 * What an auditor looks at first: every hash chain recomputed and every
 * checkpoint's signature and root checked, or the first broken link.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Typography } from 'antd';
import { errorMessage } from '../../app/api';
import type { Loaded } from '../../app/use-loader';
import type { VerifyReport } from './api';
import { problemLabels, streamLabel } from './labels';

function Again({ loaded }: { loaded: Loaded<VerifyReport> }) {
  return (
    <Button icon={<ReloadOutlined />} loading={loaded.loading} onClick={() => void loaded.reload()}>
      重新校验
    </Button>
  );
}

function checkpointText(count: number): string {
  return count === 0 ? '尚未签名检查点。' : `${count} 个检查点的 SM2 签名和 Merkle 根哈希均有效。`;
}

export function VerifyBanner({ loaded }: { loaded: Loaded<VerifyReport> }) {
  const report = loaded.data;
  if (!report) {
    if (loaded.error) {
      return (
        <Alert
          type="error"
          showIcon
          title="无法完成校验"
          description={errorMessage(loaded.error)}
          action={<Again loaded={loaded} />}
        />
      );
    }
    return <Alert type="info" showIcon title="正在重新计算全部哈希链并核对检查点…" />;
  }

  const { ledger, checkpoints } = report;
  const broken = ledger.firstBreak;
  if (ledger.ok && !checkpoints.problem) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="ledger-verification"
        title="校验通过"
        description={
          <>
            {ledger.streams} 个记录流、{ledger.events} 个事件的哈希链逐一重新计算，全部无误；
            {checkpointText(checkpoints.checkpoints)}
          </>
        }
        action={<Again loaded={loaded} />}
      />
    );
  }

  return (
    <Alert
      type="error"
      showIcon
      data-testid="ledger-verification"
      title={broken ? '校验未通过：发现断链' : '校验未通过：检查点不符'}
      description={
        <>
          {broken ? (
            <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
              <Descriptions.Item label="记录流">
                <Typography.Text code>{broken.streamId}</Typography.Text>
                {streamLabel(broken.streamId) ? `（${streamLabel(broken.streamId)}）` : null}
              </Descriptions.Item>
              <Descriptions.Item label="序号">{broken.seq}</Descriptions.Item>
              <Descriptions.Item label="问题">
                {problemLabels[broken.problem] ?? broken.problem}
              </Descriptions.Item>
              <Descriptions.Item label="详情">
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {broken.detail}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          ) : null}
          {checkpoints.problem ? (
            <Typography.Paragraph style={{ margin: 0 }}>检查点：{checkpoints.problem}</Typography.Paragraph>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {broken
              ? `在此之前已核对 ${ledger.streams} 个记录流、${ledger.events} 个事件。`
              : `${ledger.streams} 个记录流、${ledger.events} 个事件的哈希链无误。`}
            记录可能已被绕过系统直接改动，请保全数据库并报告。
          </Typography.Paragraph>
        </>
      }
      action={<Again loaded={loaded} />}
    />
  );
}
