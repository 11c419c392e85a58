/**
 * 法制审核人员 (L2): the agency's reviewers and whether there are enough — at
 * least 5% of its officers and at least 2 (settings). The justice bureau (and
 * anyone who sees several agencies) gets the capacity of every agency in view,
 * the short ones flagged; a row opens that agency's list.
 */
import { PlusOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/auth';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { SheetButtons } from '../../app/SheetButtons';
import { personCounts, SheetImportModal } from '../../app/SheetImportModal';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { type Capacity, type Reviewer, reviewersApi, reviewersExportUrl } from './api';
import { ReviewerModal, type ReviewerTarget } from './ReviewerModal';

export function CapacityAlert({ capacity }: { capacity: Capacity }) {
  return capacity.sufficient ? (
    <Alert type="success" showIcon title={capacity.message} data-testid="reviewer-capacity" />
  ) : (
    <Alert
      type="error"
      showIcon
      title={`法制审核人员配备不足：还差 ${capacity.shortBy} 名`}
      description={capacity.message}
      data-testid="reviewer-capacity"
    />
  );
}

function CapacityTable({
  items,
  selectedId,
  onSelect,
}: {
  items: Capacity[];
  selectedId: string;
  onSelect(id: string): void;
}) {
  const columns: TableColumnsType<Capacity> = [
    {
      title: '执法主体',
      key: 'agency',
      render: (_, c) => (
        <Typography.Link strong={c.agency.id === selectedId} onClick={() => onSelect(c.agency.id)}>
          {c.agency.name}
        </Typography.Link>
      ),
    },
    { title: '在岗执法人员', dataIndex: 'officers', width: 120, align: 'right' },
    { title: '应配审核人员', dataIndex: 'required', width: 120, align: 'right' },
    { title: '现有审核人员', dataIndex: 'reviewers', width: 120, align: 'right' },
    {
      title: '配备情况',
      key: 'state',
      width: 140,
      render: (_, c) =>
        c.sufficient ? <Tag color="success">达标</Tag> : <Tag color="error">不足，差 {c.shortBy} 名</Tag>,
    },
  ];
  return (
    <Table<Capacity>
      rowKey={(c) => c.agency.id}
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      onRow={(c) => (c.sufficient ? {} : { style: { background: '#fff1f0' } })}
    />
  );
}

export default function ReviewersPage() {
  usePageTitle('法制审核人员');
  const me = useMe();
  const overview = useLoader(() => reviewersApi.capacity(), []);
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const shownAgency =
    agencyId ??
    (me.roles.some((r) => r.role === 'supervisor') ? overview.data?.items[0]?.agency.id : undefined);
  const { data, error, loading, reload } = useLoader(
    () => (overview.data ? reviewersApi.list(shownAgency) : Promise.resolve(undefined)),
    [shownAgency, overview.data],
  );
  const modal = useModal<ReviewerTarget>();

  if (!data) return <PageLoading error={error ?? overview.error} what="法制审核人员" />;

  const columns: TableColumnsType<Reviewer> = [
    { title: '姓名', key: 'name', width: 110, render: (_, r) => r.person.name },
    { title: '承办机构', dataIndex: 'unit', render: (u: string | null) => u ?? '—' },
    { title: '职务', key: 'position', render: (_, r) => r.person.position || '—' },
    { title: '类别', dataIndex: 'membershipLabel', width: 130 },
    { title: '资格', dataIndex: 'qualification', render: (q: string) => q || '—' },
    { title: '任职日期', dataIndex: 'appointedOn', width: 110 },
    {
      title: '状态',
      key: 'serving',
      width: 130,
      render: (_, r) =>
        r.serving ? (
          <Tag color="success">在任</Tag>
        ) : (
          <Tag>{r.endedOn ? `已离任（${r.endedOn}）` : '不在职'}</Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, r) =>
        r.actions.edit ? (
          <Button type="link" onClick={() => modal.open({ mode: 'edit', reviewer: r })}>
            修改
          </Button>
        ) : null,
    },
  ];

  const several = (overview.data?.items.length ?? 0) > 1;
  // A sheet goes in and out of the user's own agency only.
  const sheets = data.actions.register && data.agency.id === me.agency.id;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {several ? (
        <Card
          title={`法制审核人员配备情况（${overview.data?.short ? `${overview.data.short} 个执法主体不足` : '全部达标'}）`}
        >
          <Typography.Paragraph type="secondary">
            法制审核人员原则上不少于本单位执法人员总数的 5%，且不少于 2
            名（比例和人数见辖区设置）。点击名称查看名单。
          </Typography.Paragraph>
          <CapacityTable
            items={overview.data?.items ?? []}
            selectedId={data.agency.id}
            onSelect={setAgencyId}
          />
        </Card>
      ) : null}
      <Card
        title={
          <Space>
            <SafetyOutlined />
            法制审核人员 · {data.agency.name}
          </Space>
        }
        extra={
          <Space>
            {sheets ? (
              <SheetButtons
                exportUrl={reviewersExportUrl}
                importModal={(props) => (
                  <SheetImportModal
                    {...props}
                    title="导入法制审核人员名单"
                    intro={
                      <>
                        ，导入本机关。按姓名和身份证号（可填导出的脱敏号码或完整号码）对应人员名册中的人员：已在名单中的按表更新类别、资格和结束日期，其余登记为法制审核人员（执法辅助人员和不在职人员不能登记）；任职日期不能通过导入修改，表中没有的人员不受影响。任何一行有误则不导入任何数据。
                      </>
                    }
                    send={(file, dryRun) => reviewersApi.importSheet(file.content, dryRun)}
                    {...personCounts}
                    onDone={async () => {
                      await reload();
                      await overview.reload();
                    }}
                  />
                )}
              />
            ) : null}
            {data.actions.register ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() =>
                  modal.open({
                    mode: 'create',
                    agencyId: data.agency.id,
                    registered: data.items.map((r) => r.person.id),
                  })
                }
              >
                登记审核人员
              </Button>
            ) : null}
          </Space>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <CapacityAlert capacity={data.capacity} />
          <Table<Reviewer>
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={data.items}
            pagination={false}
            locale={{ emptyText: '尚未登记法制审核人员' }}
          />
          <Typography.Text type="secondary">
            在任人员公示于门户网站“执法主体 › 法制审核人员”（姓名、单位、职务、资格，不含身份证号）。
          </Typography.Text>
        </Space>
      </Card>
      <ReviewerModal
        key={modal.key}
        target={modal.target}
        onClose={() => modal.close()}
        onSaved={async () => {
          await reload();
          await overview.reload();
        }}
      />
    </Space>
  );
}
