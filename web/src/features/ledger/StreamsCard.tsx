/** 记录流: one hash chain per record (a user, an agency, the calendar…), filtered by id prefix. */
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api';
import type { Loaded } from '../../app/use-loader';
import { type LedgerStream, streamPackageUrl } from './api';
import { HashText } from './HashText';
import { streamLabel } from './labels';

/** The server lists at most this many streams, most recently changed first. */
const serverLimit = 500;

interface Props {
  loaded: Loaded<{ items: LedgerStream[] }>;
  prefix: string;
  onPrefix(prefix: string): void;
  /** Where a stream's events open (the page's address with `stream` set). */
  streamHref(streamId: string): string;
}

export function StreamsCard({ loaded, prefix, onPrefix, streamHref }: Props) {
  const items = loaded.data?.items ?? [];
  const columns: TableColumnsType<LedgerStream> = [
    {
      title: '记录流',
      dataIndex: 'streamId',
      render: (streamId: string) => (
        <Space size={8} wrap>
          <Link to={streamHref(streamId)} style={{ fontFamily: 'monospace' }}>
            {streamId}
          </Link>
          {streamLabel(streamId) ? (
            <Typography.Text type="secondary">{streamLabel(streamId)}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: '最新序号', dataIndex: 'headSeq', width: 100, align: 'right' },
    {
      title: '最新哈希',
      dataIndex: 'headHash',
      width: 230,
      render: (hash: string) => <HashText value={hash} />,
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 180,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: '操作',
      key: 'open',
      width: 200,
      render: (_, stream) => (
        <Space size={12}>
          <Link to={streamHref(stream.streamId)} aria-label={`查看 ${stream.streamId} 的事件`}>
            查看事件
          </Link>
          <Button
            type="link"
            style={{ padding: 0 }}
            icon={<DownloadOutlined />}
            href={streamPackageUrl(stream.streamId)}
            download
            aria-label={`导出 ${stream.streamId} 的校验包`}
            title="下载 zip：本流全部事件、所涉证据文件、签名检查点与包含证明，可用 zhifa verify-package 或通用工具离线校验；导出记入全过程记录"
          >
            导出校验包
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="记录流"
      extra={
        <Space>
          <Input.Search
            key={prefix}
            allowClear
            defaultValue={prefix}
            placeholder="按前缀筛选，如 user:、calendar"
            aria-label="按记录流前缀筛选"
            onSearch={(value) => onPrefix(value.trim())}
            style={{ width: 280 }}
          />
          <Button
            icon={<ReloadOutlined />}
            aria-label="刷新记录流"
            loading={loaded.loading}
            onClick={() => void loaded.reload()}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每条记录（执法主体、人员、用户、工作日历等）有自己的哈希链：每个事件的哈希覆盖其内容和上一事件的哈希，改动任何一个事件都会使其后的链接断开。
        {items.length >= serverLimit ? `仅列出最近变动的 ${serverLimit} 个记录流，请按前缀筛选。` : ''}
      </Typography.Paragraph>
      {loaded.error ? (
        <Alert type="error" showIcon title={`无法载入记录流：${errorMessage(loaded.error)}`} />
      ) : (
        <Table<LedgerStream>
          rowKey="streamId"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={loaded.loading}
          pagination={{
            pageSize: 20,
            hideOnSinglePage: true,
            showTotal: (total) => `共 ${total} 个记录流`,
          }}
          locale={{ emptyText: prefix ? `没有以“${prefix}”开头的记录流` : '尚无全过程记录' }}
        />
      )}
    </Card>
  );
}
