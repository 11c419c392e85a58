/** 修改记录: every saved version of the settings, who saved it, why, and what changed. */
import { Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatValue, type HistoryItem } from './api';

interface Props {
  items: HistoryItem[];
  labels: Record<string, string>;
  loading: boolean;
}

export function HistoryTable({ items, labels, loading }: Props) {
  const columns: TableColumnsType<HistoryItem> = [
    { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `第 ${v} 版` },
    {
      title: '修改时间',
      dataIndex: 'changedAt',
      width: 170,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: '修改人',
      key: 'changedBy',
      width: 170,
      render: (_, item) =>
        item.changedBy ? (
          <>
            {item.changedBy.displayName}
            <Typography.Text type="secondary">（{item.changedBy.username}）</Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">系统</Typography.Text>
        ),
    },
    { title: '修改说明', dataIndex: 'note', width: 220 },
    {
      title: '修改内容',
      key: 'changes',
      render: (_, item) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {item.changes.map((change) => (
            <li key={change.path}>
              {labels[change.path] ?? change.path}：{formatValue(change.from)} → {formatValue(change.to)}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Table<HistoryItem>
      rowKey="version"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: '尚无修改记录：当前使用的是默认设置' }}
    />
  );
}
