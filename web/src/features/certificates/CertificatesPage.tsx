/**
 * 执法证件: the certificate register of the agencies in scope with each
 * certificate's status today, the clean-up list (expiring, annual check
 * overdue, holders who left or are auxiliaries) and the cancellation requests
 * sent to the justice bureau, which the supervisor completes.
 */
import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  InputNumber,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { may, useMe } from '../../app/auth';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { SearchFilters, tablePages } from '../../app/SearchFilters';
import { SheetButtons } from '../../app/SheetButtons';
import { SheetImportModal } from '../../app/SheetImportModal';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { ActionModal, type ActionTarget, type CertificateAction } from './ActionModal';
import {
  type Cancellation,
  type Certificate,
  certificatesApi,
  certificatesExportUrl,
  statusOptions,
} from './api';
import { CertificateDrawer, StatusTag } from './CertificateDrawer';
import { IssueModal } from './IssueModal';

function certificateColumns(open: (id: string) => void): TableColumnsType<Certificate> {
  return [
    {
      title: '证件编号',
      dataIndex: 'number',
      width: 150,
      render: (number: string, c) => (
        <Typography.Link style={{ fontFamily: 'monospace' }} onClick={() => open(c.id)}>
          {number}
        </Typography.Link>
      ),
    },
    {
      title: '持证人',
      key: 'holder',
      width: 150,
      render: (_, c) => (
        <Space size={4} wrap>
          {c.holder.name}
          {c.holder.kind === 'auxiliary' ? <Tag color="cyan">{c.holder.kindLabel}</Tag> : null}
          {c.holder.leftEnforcementOn || !c.holder.active ? <Tag>已调离</Tag> : null}
        </Space>
      ),
    },
    { title: '承办机构', key: 'unit', render: (_, c) => c.holder.unit?.name ?? '—' },
    { title: '执法类别', key: 'categories', render: (_, c) => c.categories.join('、') },
    { title: '执法区域', key: 'region', width: 100, render: (_, c) => c.region.name },
    { title: '有效期至', dataIndex: 'validTo', width: 110 },
    { title: '年审截止', dataIndex: 'annualCheckDue', width: 110 },
    { title: '状态', key: 'status', width: 150, render: (_, c) => <StatusTag certificate={c} /> },
  ];
}

function CleanupTab({ open }: { open: (id: string) => void }) {
  const [withinDays, setWithinDays] = useState(30);
  const { data, error, loading } = useLoader(() => certificatesApi.cleanup(withinDays), [withinDays]);
  if (!data) {
    if (error) return <Alert type="error" showIcon title={`无法载入清理提醒：${errorMessage(error)}`} />;
    return <PageLoading />;
  }
  const columns = certificateColumns(open);
  const sections: [string, string, Certificate[]][] = [
    ['expiring', `${withinDays} 日内到期`, data.expiringSoon],
    ['overdue', '逾期未年审', data.annualCheckOverdue],
    ['left', '持证人已调离或不在职（应注销）', data.holdersLeft],
    ['auxiliary', '持证人为辅助人员（不得持证）', data.holdersAuxiliary],
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space>
        <label htmlFor="cleanup-days">到期提醒天数</label>
        <InputNumber
          id="cleanup-days"
          min={1}
          max={365}
          value={withinDays}
          onChange={(value) => value && setWithinDays(value)}
        />
      </Space>
      {sections.map(([key, title, items]) => (
        <div key={key}>
          <Typography.Title level={5}>
            {title}
            <Tag style={{ marginLeft: 8 }} color={items.length ? 'warning' : 'default'}>
              {items.length}
            </Tag>
          </Typography.Title>
          <Table<Certificate>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={loading}
            pagination={false}
            locale={{ emptyText: '无' }}
          />
        </div>
      ))}
    </Space>
  );
}

function CancellationsTab({ open }: { open: (id: string) => void }) {
  const { message, modal } = App.useApp();
  const { data, error, loading, reload } = useLoader(() => certificatesApi.cancellations(), []);
  if (!data) {
    if (error) return <Alert type="error" showIcon title={`无法载入注销申请：${errorMessage(error)}`} />;
    return <PageLoading />;
  }
  const complete = (item: Cancellation) =>
    modal.confirm({
      title: `办结证件 ${item.number}（${item.holderName}）的注销`,
      content: '确认已收回并注销该行政执法证件。',
      okText: '办结',
      onOk: async () => {
        try {
          await certificatesApi.completeCancellation(item.id, '');
          message.success(`已办结 ${item.number} 的注销`);
          await reload();
        } catch (caught) {
          message.error(errorMessage(caught));
        }
      },
    });
  const columns: TableColumnsType<Cancellation> = [
    {
      title: '证件编号',
      dataIndex: 'number',
      render: (number: string, item) => (
        <Typography.Link style={{ fontFamily: 'monospace' }} onClick={() => open(item.certificateId)}>
          {number}
        </Typography.Link>
      ),
    },
    { title: '持证人', dataIndex: 'holderName' },
    { title: '执法机关', dataIndex: 'agencyName' },
    { title: '报送', dataIndex: 'addressedTo', render: (v: string | null) => v ?? '—' },
    { title: '申请日期', dataIndex: 'requestedOn', width: 110 },
    { title: '原因', dataIndex: 'reason' },
    {
      title: '状态',
      key: 'state',
      width: 200,
      render: (_, item) =>
        item.completedAt ? (
          <Tag color="success">已办结{item.completedBy ? `（${item.completedBy}）` : ''}</Tag>
        ) : item.actions.complete ? (
          <Button size="small" onClick={() => complete(item)}>
            办结注销
          </Button>
        ) : (
          <Tag color="processing">待司法行政部门办结</Tag>
        ),
    },
  ];
  return (
    <Table<Cancellation>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data.items}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description="暂无注销申请" /> }}
    />
  );
}

export default function CertificatesPage() {
  usePageTitle('执法证件');
  const me = useMe();
  const { data, error, loading, reload } = useLoader(() => certificatesApi.list(), []);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [issuing, setIssuing] = useState(false);
  const actions = useModal<ActionTarget>();

  if (!data) return <PageLoading error={error} what="执法证件" />;
  const term = search.trim().toUpperCase();
  const shown = data.items.filter(
    (c) =>
      (!status || c.status === status) &&
      (!term ||
        [c.number, c.holder.name, c.holder.unit?.name ?? ''].some((v) => v.toUpperCase().includes(term))),
  );
  const open = (id: string) => setOpenId(id);
  const act = (action: CertificateAction, certificate: Certificate) => actions.open({ action, certificate });

  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          执法证件
        </Space>
      }
      extra={
        <Space>
          <SheetButtons
            exportUrl={certificatesExportUrl}
            format=".xlsx"
            importModal={
              data.actions.issue
                ? (props) => (
                    <SheetImportModal
                      {...props}
                      title="导入行政执法证件"
                      intro={
                        <>
                          ，导入本机关。新的证件编号按表中姓名（同名时按所在机构）发证；与已登记证件完全相同的行跳过；已登记但内容不同的行不导入——年审、暂扣、吊销等请在证件页面办理。任何一行有误则不导入任何证件。
                        </>
                      }
                      send={(file, dryRun) => certificatesApi.importSheet(file.content, dryRun)}
                      checked={(outcome) => ({
                        title: `检查通过：共 ${outcome.rows} 行，将发证 ${outcome.issued} 本，${outcome.unchanged} 本与已登记相同。`,
                      })}
                      imported={(outcome) =>
                        `已导入：发证 ${outcome.issued} 本，${outcome.unchanged} 本无变化`
                      }
                      onDone={reload}
                    />
                  )
                : undefined
            }
          />
          {data.actions.issue ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
              登记发证
            </Button>
          ) : null}
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: 'list',
            label: '证件列表',
            children: (
              <>
                <SearchFilters
                  search={{ label: '搜索证件', placeholder: '姓名、证件编号或机构', onChange: setSearch }}
                  filters={[
                    {
                      label: '按状态筛选',
                      placeholder: '全部状态',
                      width: 160,
                      options: statusOptions,
                      value: status,
                      onChange: setStatus,
                    },
                  ]}
                >
                  <Typography.Text type="secondary">状态按今天（{data.today}）计算。</Typography.Text>
                </SearchFilters>
                <Table<Certificate>
                  rowKey="id"
                  size="middle"
                  columns={certificateColumns(open)}
                  dataSource={shown}
                  loading={loading}
                  pagination={tablePages('个证件')}
                  locale={{ emptyText: term || status ? '没有符合条件的证件' : '尚未登记证件' }}
                />
              </>
            ),
          },
          { key: 'cleanup', label: '清理提醒', children: <CleanupTab open={open} /> },
          { key: 'cancellations', label: '注销申请', children: <CancellationsTab open={open} /> },
        ]}
      />
      <CertificateDrawer
        id={openId}
        version={version}
        canLeave={may(me, 'certificate.manage')}
        onClose={() => setOpenId(null)}
        onAction={act}
      />
      <ActionModal
        key={actions.key}
        target={actions.target}
        onClose={() => actions.close()}
        onDone={async () => {
          setVersion((v) => v + 1);
          await reload();
        }}
      />
      {data.actions.issue ? (
        <IssueModal
          open={issuing}
          categories={data.categories}
          onClose={() => setIssuing(false)}
          onSaved={reload}
        />
      ) : null}
    </Card>
  );
}
