/** A stream's events, newest first, with the stream's own chain recomputed by the server. */
import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Drawer, Pagination, Space, Tag, Timeline, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { useLoader } from '../../app/use-loader';
import { type ChainVerification, ledgerApi } from './api';
import { EventItem } from './EventItem';
import { problemLabels, streamLabel } from './labels';

const pageSize = 20;
/** The server returns at most this many events of a stream, from the first. */
const serverLimit = 5_000;

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
  const { data, error } = useLoader(() => ledgerApi.events(streamId), [streamId]);
  const [page, setPage] = useState(1);
  if (!data) {
    if (error) return <Alert type="error" showIcon title={`无法载入事件：${errorMessage(error)}`} />;
    return <PageLoading />;
  }
  const newestFirst = [...data.items].reverse();
  const shown = newestFirst.slice((page - 1) * pageSize, page * pageSize);
  const brokenSeq = data.verification.firstBreak?.seq;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Verification result={data.verification} />
      {data.items.length >= serverLimit ? (
        <Alert type="warning" showIcon title={`仅显示本流最早的 ${serverLimit} 个事件。`} />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        按序号倒序排列。“包含证明”下载该事件至最近检查点的完整链条和 Merkle
        路径，连同已签名的检查点，可离线校验。
      </Typography.Paragraph>
      {data.items.length ? (
        <Timeline
          items={shown.map((event) => ({
            key: event.id,
            color: event.seq === brokenSeq ? 'red' : 'blue',
            content: <EventItem event={event} broken={event.seq === brokenSeq} />,
          }))}
        />
      ) : (
        <Typography.Text type="secondary">本流尚无事件。</Typography.Text>
      )}
      {data.items.length > pageSize ? (
        <Pagination
          align="center"
          current={page}
          pageSize={pageSize}
          total={data.items.length}
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
