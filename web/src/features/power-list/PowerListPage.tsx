/**
 * 权责清单 (P3): the enforcement items of the agencies in scope with their
 * status (草稿/待审核/已发布/已撤下, and 待修订 when a cited text was amended or
 * repealed), the item form with its article picker, the legality review, the
 * publication workflow, and the .xlsx import and export.
 */
import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { SearchFilters, tablePages } from '../../app/SearchFilters';
import { SheetButtons } from '../../app/SheetButtons';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { ActionModal, type ActionTarget, type ItemAction } from './ActionModal';
import { exportUrl, type Item, powerListApi, reviewTags, statusColors, statusFilterOptions } from './api';
import { ImportModal } from './ImportModal';
import { ItemDrawer } from './ItemDrawer';
import { ItemModal } from './ItemModal';

export function ItemStatusTags({ item }: { item: Item }) {
  return (
    <Space size={4} wrap>
      <Tag color={statusColors[item.status]}>{item.statusLabel}</Tag>
      {item.needsRevision ? <Tag color="warning">待修订</Tag> : null}
      {item.pendingVersion ? (
        <Tag color="processing">
          第 {item.pendingVersion} 版{item.current.stateLabel}
        </Tag>
      ) : null}
    </Space>
  );
}

export default function PowerListPage() {
  usePageTitle('权责清单');
  const { message, modal } = App.useApp();
  const { data, error, loading, reload } = useLoader(() => powerListApi.list(), []);
  const [search, setSearch] = useState('');
  const [type, setType] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const form = useModal<{ item: Item | null }>();
  const actions = useModal<ActionTarget>();

  if (!data) return <PageLoading error={error} what="权责清单" />;
  const refresh = async () => {
    setVersion((v) => v + 1);
    await reload();
  };
  const term = search.trim().toUpperCase();
  const shown = data.items.filter(
    (i) =>
      (!type || i.current.type === type) &&
      (!status || (status === 'needsRevision' ? i.needsRevision : i.status === status)) &&
      (!term || [i.code, i.current.name, i.current.basisText].some((v) => v.toUpperCase().includes(term))),
  );
  const submit = (item: Item) =>
    modal.confirm({
      title: `提交 ${item.code} 第 ${item.current.version} 版公示审核`,
      content: item.legalityReview?.passed
        ? '合法性审核已通过，提交后由公示管理员审核发布。'
        : `注意：${item.legalityReview?.message ?? ''}。可以先提交，公示管理员须待合法性审核通过后才能发布。`,
      okText: '提交',
      onOk: async () => {
        try {
          await powerListApi.submit(item.id);
          message.success(`${item.code} 已提交审核`);
          await refresh();
        } catch (caught) {
          message.error(errorMessage(caught));
        }
      },
    });
  const act = (action: ItemAction, item: Item) => actions.open({ action, item });

  const columns: TableColumnsType<Item> = [
    {
      title: '事项编码',
      dataIndex: 'code',
      width: 120,
      render: (code: string) => <span style={{ fontFamily: 'monospace' }}>{code}</span>,
    },
    {
      title: '事项名称',
      key: 'name',
      render: (_, item) => (
        <Typography.Link onClick={() => setOpenId(item.id)}>{item.current.name}</Typography.Link>
      ),
    },
    { title: '类型', key: 'type', width: 100, render: (_, item) => item.current.typeLabel },
    { title: '承办机构', key: 'unit', width: 140, render: (_, item) => item.current.unit?.name ?? '—' },
    { title: '设定和实施依据', key: 'basis', render: (_, item) => item.current.basisText },
    { title: '状态', key: 'status', width: 190, render: (_, item) => <ItemStatusTags item={item} /> },
    {
      title: '合法性审核',
      key: 'review',
      width: 110,
      render: (_, item) => {
        const settled = item.current.state === 'published' || item.current.state === 'withdrawn';
        const tag = reviewTags[settled ? 'passed' : (item.legalityReview?.state ?? 'none')];
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
  ];

  return (
    <Card
      title={
        <Space>
          <UnorderedListOutlined />
          权责清单（行政执法事项清单）
        </Space>
      }
      extra={
        <Space wrap>
          <SheetButtons
            exportUrl={exportUrl}
            format=""
            importModal={
              data.actions.import ? (props) => <ImportModal {...props} onDone={refresh} /> : undefined
            }
          />
          {data.actions.create ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => form.open({ item: null })}>
              新增事项
            </Button>
          ) : null}
        </Space>
      }
    >
      <SearchFilters
        search={{ label: '搜索执法事项', placeholder: '名称、编码或依据', onChange: setSearch }}
        filters={[
          {
            label: '按类型筛选',
            placeholder: '全部类型',
            width: 150,
            options: data.types,
            value: type,
            onChange: setType,
          },
          {
            label: '按状态筛选',
            placeholder: '全部状态',
            width: 140,
            options: statusFilterOptions,
            value: status,
            onChange: setStatus,
          },
        ]}
      />
      <Table<Item>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={loading}
        pagination={tablePages('项')}
        locale={{ emptyText: term || type || status ? '没有符合条件的执法事项' : '尚未编制权责清单' }}
      />
      <ItemDrawer
        id={openId}
        version={version}
        onClose={() => setOpenId(null)}
        onEdit={(item) => form.open({ item })}
        onAction={act}
        onSubmit={submit}
      />
      <ItemModal
        key={`item-${form.key}`}
        open={form.target !== null}
        item={form.target?.item ?? null}
        choices={data}
        onClose={() => form.close()}
        onSaved={async (id) => {
          message.success('已保存');
          setOpenId(id);
          await refresh();
        }}
      />
      <ActionModal
        key={`action-${actions.key}`}
        target={actions.target}
        onClose={() => actions.close()}
        onDone={refresh}
      />
    </Card>
  );
}
