/** A stream's events, newest first, with the stream's own chain recomputed by the server. */
import { CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Pagination, Space, Tag, Timeline, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { useLoader } from '../../app/use-loader';
import { type ChainVerification, ledgerApi, streamPackageUrl } from './api';
import { EventItem } from './EventItem';
import { problemLabels, streamLabel } from './labels';

const pageSize = 20;

function Verification({ result }: { result: ChainVerification }) {
  if (result.ok) {
    return (
      <Space wrap>
        <Tag color="success" icon={<CheckCircleOutlined />}>
          本流校验通过
        </Tag>
        <Typography.Text type="secondary">
          共 {result.events} 个事件，每个哈希均已重新计算并与上一事件相接。
        </Typography.Text>
      </Space>
    );
  }
  const broken = result.firstBreak;
  return (
    <Alert
      type="error"
      showIcon
      title={
        broken
          ? `本流校验未通过：序号 ${broken.seq}，${problemLabels[broken.problem] ?? broken.problem}`
          : '本流校验未通过'
      }
      description={
        broken ? (
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {broken.detail}
          </Typography.Text>
        ) : null
      }
    />
  );
}

function StreamEvents({ streamId }: { streamId: string }) {
  const [page, setPage] = useState(1);
  const { data, error } = useLoader(() => ledgerApi.events(streamId, page, pageSize), [streamId, page]);
  if (!data) {
    if (error) return <Alert type="error" showIcon title={`无法载入事件：${errorMessage(error)}`} />;
    return <PageLoading />;
  }
  const brokenSeq = data.verification.firstBreak?.seq;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Verification result={data.verification} />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        按序号倒序排列。“包含证明”下载该事件至最近检查点的完整链条和 Merkle
        路径，连同已签名的检查点，可离线校验。“导出校验包”下载本流全部事件、所涉证据文件、新签名的检查点和说明（zip），导出本身记入本流。
      </Typography.Paragraph>
      {data.items.length ? (
        <Timeline
          items={data.items.map((event) => ({
            key: event.id,
            color: event.seq === brokenSeq ? 'red' : 'blue',
            content: <EventItem event={event} broken={event.seq === brokenSeq} />,
          }))}
        />
      ) : (
        <Typography.Text type="secondary">本流尚无事件。</Typography.Text>
      )}
      {data.total > pageSize ? (
        <Pagination
          align="center"
          current={page}
          pageSize={pageSize}
          total={data.total}
          showSizeChanger={false}
          onChange={setPage}
        />
      ) : null}
    </Space>
  );
}

export function StreamDrawer({ streamId, onClose }: { streamId: string | null; onClose(): void }) {
  // Keep the title and events while the drawer slides out.
  const last = useRef(streamId);
  if (streamId) last.current = streamId;
  const shown = streamId ?? last.current;
  const label = shown ? streamLabel(shown) : undefined;
  return (
    <Drawer
      open={Boolean(streamId)}
      onClose={onClose}
      size={880}
      destroyOnHidden
      extra={
        shown ? (
          <Button icon={<DownloadOutlined />} href={streamPackageUrl(shown)} download>
            导出校验包
          </Button>
        ) : null
      }
      title={
        <Space size={8}>
          记录流
          <Typography.Text code>{shown}</Typography.Text>
          {label ? <Typography.Text type="secondary">{label}</Typography.Text> : null}
        </Space>
      }
    >
      {shown ? <StreamEvents key={shown} streamId={shown} /> : null}
    </Drawer>
  );
}
