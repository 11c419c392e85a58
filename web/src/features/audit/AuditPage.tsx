/**
 * 安全审计: the append-only security audit trail — sign-ins, denials, changes
 * to users, people and settings — filtered and paged on the server, each row's
 * detail expandable, and exported as CSV with the same filters. The filters
 * live in the address, so a result can be bookmarked and the back button works.
 */
import { AuditOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import {
  type AuditEntry,
  type AuditFilters,
  auditApi,
  filterKeys,
  type Outcome,
  outcomeOptions,
} from './api';
import { FilterBar } from './FilterBar';

const pageSizes = [20, 50, 100];

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export default function AuditPage() {
  usePageTitle('安全审计');
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) (filters as Record<string, string>)[key] = value;
  }
  const page = positive(params.get('page'), 1);
  const pageSize = pageSizes.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const query = params.toString();
  const { data, error, loading } = useLoader(() => auditApi.list(filters, page, pageSize), [query]);

  const navigate = (next: AuditFilters, nextPage = 1, nextSize = pageSize) => {
    const search = new URLSearchParams();
    for (const key of filterKeys) if (next[key]) search.set(key, next[key]!);
    if (nextPage !== 1) search.set('page', String(nextPage));
    if (nextSize !== 20) search.set('pageSize', String(nextSize));
    setParams(search);
  };

  if (!data && !error) return <PageLoading />;

  const columns: TableColumnsType<AuditEntry> = [
    { title: '序号', dataIndex: 'id', width: 80 },
    {
      title: '时间',
      dataIndex: 'occurredAt',
      width: 180,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: '用户',
      dataIndex: 'username',
      width: 130,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">（未知）</Typography.Text>,
    },
    { title: '事件', dataIndex: 'eventLabel', width: 170 },
    {
      title: '结果',
      dataIndex: 'outcome',
      width: 80,
      render: (outcome: Outcome, entry) => (
        <Tag color={outcomeOptions.find((o) => o.value === outcome)?.color}>{entry.outcomeLabel}</Tag>
      ),
    },
    { title: '对象', dataIndex: 'target', render: (v: string) => v || '—' },
    { title: 'IP 地址', dataIndex: 'ip', width: 150 },
  ];

  return (
    <Card
      title={
        <Space>
          <AuditOutlined />
          安全审计
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        安全审计记录只能追加，任何人（包括管理员）都不能修改或删除。日期按北京时间计算；导出按当前查询条件生成
        CSV 文件。
      </Typography.Paragraph>
      <FilterBar
        key={query}
        filters={filters}
        events={data?.events ?? {}}
        onSearch={(next) => navigate(next)}
      />
      {error ? (
        <Alert type="error" showIcon title={`无法载入安全审计记录：${errorMessage(error)}`} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          expandable={{
            rowExpandable: (entry) => Object.keys(entry.detail ?? {}).length > 0,
            expandedRowRender: (entry) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                {JSON.stringify(entry.detail, null, 2)}
              </pre>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: Number(data?.total ?? 0),
            pageSizeOptions: pageSizes,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 条`,
            onChange: (nextPage, nextSize) =>
              navigate(filters, nextSize === pageSize ? nextPage : 1, nextSize),
          }}
          locale={{ emptyText: '没有符合条件的记录' }}
        />
      )}
    </Card>
  );
}
