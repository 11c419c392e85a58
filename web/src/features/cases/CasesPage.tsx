/**
 * 案件: the cases of the agencies in scope, filtered by stage, process, the
 * viewer's own cases and overdue clocks, paged by the server, each with its
 * nearest running clock. 登记案件来源 opens the registration form.
 */
import { FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../app/api';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { type CaseSummary, casesApi, type ListFilter } from './api';
import { DeadlineBadge } from './DeadlineBadge';
import { processOptions, stageOptions } from './labels';
import { RegisterModal } from './RegisterModal';

const columns: TableColumnsType<CaseSummary> = [
  {
    title: '案件',
    key: 'title',
    render: (_, c) => (
      <Space orientation="vertical" size={0}>
        <Link to={`/cases/${c.id}`}>{c.title}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {c.caseNumber ?? '尚未立案编号'}
        </Typography.Text>
      </Space>
    ),
  },
  { title: '当事人', key: 'party', render: (_, c) => c.party.name, responsive: ['md'] },
  {
    title: '流程',
    dataIndex: 'processTitle',
    responsive: ['lg'],
    render: (t: string) => t.replace(/流程$/, ''),
  },
  {
    title: '环节',
    key: 'stage',
    render: (_, c) => (
      <Space size={4} wrap>
        <Tag color={c.archivedAt ? 'default' : 'blue'}>{c.stageLabel}</Tag>
        {c.major ? <Tag color="volcano">重大</Tag> : null}
      </Space>
    ),
  },
  { title: '主办人', dataIndex: 'lead', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
  {
    title: '期限',
    key: 'due',
    render: (_, c) => (c.archivedAt ? <Tag>已归档</Tag> : <DeadlineBadge clock={c.nextDue} />),
  },
];

export default function CasesPage() {
  usePageTitle('案件办理');
  const navigate = useNavigate();
  const [filter, setFilter] = useState<ListFilter>({ page: 1, pageSize: 20 });
  const [mine, setMine] = useState(false);
  const [registering, setRegistering] = useState(false);
  const { data, error, loading } = useLoader(
    () => casesApi.list(mine ? { ...filter, mine: 'true' } : filter),
    [filter, mine],
  );
  const change = (patch: Partial<ListFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  return (
    <Card
      title={
        <Space>
          <FolderOpenOutlined />
          案件办理
        </Space>
      }
      extra={
        data?.actions.register ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记案件来源
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部环节"
          aria-label="按环节筛选"
          style={{ width: 180 }}
          options={stageOptions}
          value={filter.stage}
          onChange={(stage) => change({ stage })}
        />
        <Select
          allowClear
          placeholder="全部流程"
          aria-label="按流程筛选"
          style={{ width: 200 }}
          options={processOptions}
          value={filter.processKind}
          onChange={(processKind) => change({ processKind })}
        />
        <Checkbox
          checked={mine}
          onChange={(e) => {
            setMine(e.target.checked);
            change({});
          }}
        >
          我承办的
        </Checkbox>
        <Checkbox
          checked={filter.overdue === 'true'}
          onChange={(e) => change({ overdue: e.target.checked ? 'true' : undefined })}
        >
          已逾期
        </Checkbox>
        {data ? <Typography.Text type="secondary">期限按今天（{data.today}）计算。</Typography.Text> : null}
      </Space>
      {error ? <Alert type="error" showIcon title="无法载入案件" description={errorMessage(error)} /> : null}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        onRow={(c) => ({ onDoubleClick: () => navigate(`/cases/${c.id}`) })}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
        locale={{ emptyText: '没有符合条件的案件' }}
      />
      <RegisterModal
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={(id) => navigate(`/cases/${id}`)}
      />
    </Card>
  );
}
