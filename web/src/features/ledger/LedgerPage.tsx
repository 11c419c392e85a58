/**
 * 全过程记录 (audit administrator, supervisors): the tamper-evident ledger.
 * Verification first, then the streams and their events, then the signed
 * checkpoints. The prefix filter and the open stream live in the address, so
 * a stream can be linked to and the back button closes it.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { ledgerApi } from './api';
import { CheckpointsCard } from './CheckpointsCard';
import { StreamDrawer } from './StreamDrawer';
import { StreamsCard } from './StreamsCard';
import { VerifyBanner } from './VerifyBanner';

export default function LedgerPage() {
  usePageTitle('全过程记录');
  const [params, setParams] = useSearchParams();
  const prefix = params.get('prefix') ?? '';
  const stream = params.get('stream');
  const verification = useLoader(() => ledgerApi.verify(), []);
  const streams = useLoader(() => ledgerApi.streams(prefix || undefined), [prefix]);
  const checkpoints = useLoader(() => ledgerApi.checkpoints(), []);

  const withParam = (key: 'prefix' | 'stream', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  };
  const setParam = (key: 'prefix' | 'stream', value: string | null) => setParams(withParam(key, value));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          <Space>
            <SafetyCertificateOutlined />
            全过程记录
          </Space>
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          平台上的每一项变更都写入只能追加的哈希链，并定期由本平台签名为检查点。打开本页时服务器重新计算全部哈希并核对检查点签名。
        </Typography.Paragraph>
        <VerifyBanner loaded={verification} />
      </Card>
      <StreamsCard
        loaded={streams}
        prefix={prefix}
        onPrefix={(value) => setParam('prefix', value || null)}
        streamHref={(streamId) => `?${withParam('stream', streamId)}`}
      />
      <CheckpointsCard loaded={checkpoints} onSigned={() => void verification.reload()} />
      <StreamDrawer streamId={stream} onClose={() => setParam('stream', null)} />
    </Space>
  );
}
