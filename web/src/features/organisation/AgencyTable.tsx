/** The visible agencies as a tree table; a click selects one to show its units. */
import { Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type Agency, buildTree, childLevel, levelLabels, type TreeNode } from './api';
import { useExpandedRows } from './use-expanded';

interface Props {
  agencies: Agency[];
  selectedId: string | undefined;
  ownAgencyId: string;
  loading: boolean;
  onSelect(agency: Agency): void;
  onEdit(agency: Agency): void;
  onAddChild(parent: Agency): void;
}

export function AgencyTable({
  agencies,
  selectedId,
  ownAgencyId,
  loading,
  onSelect,
  onEdit,
  onAddChild,
}: Props) {
  const editable = agencies.some((a) => a.actions?.edit);
  const expanded = useExpandedRows(agencies);
  const columns: TableColumnsType<TreeNode<Agency>> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (_, agency) => (
        <Space size={4} wrap>
          <Typography.Text strong={agency.id === selectedId}>{agency.name}</Typography.Text>
          {agency.shortName && agency.shortName !== agency.name ? (
            <Typography.Text type="secondary">（{agency.shortName}）</Typography.Text>
          ) : null}
          {agency.id === ownAgencyId ? <Tag color="blue">本机关</Tag> : null}
        </Space>
      ),
    },
    { title: '层级', dataIndex: 'level', width: 90, render: (level: Agency['level']) => levelLabels[level] },
    { title: '执法领域', dataIndex: 'domain', width: 120 },
    {
      title: '统一社会信用代码',
      dataIndex: 'creditCode',
      width: 200,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    { title: '行政区划代码', dataIndex: 'regionCode', width: 120 },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, agency) =>
        agency.actions?.edit ? (
          <Space size={0} onClick={(event) => event.stopPropagation()}>
            <Button type="link" onClick={() => onEdit(agency)}>
              修改
            </Button>
            {childLevel[agency.level] ? (
              <Button type="link" onClick={() => onAddChild(agency)}>
                新增下级
              </Button>
            ) : null}
          </Space>
        ) : null,
    });
  }
  return (
    <Table<TreeNode<Agency>>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={buildTree(agencies)}
      loading={loading}
      pagination={false}
      expandable={expanded}
      rowSelection={{
        type: 'radio',
        columnTitle: '查看',
        columnWidth: 56,
        selectedRowKeys: selectedId ? [selectedId] : [],
        onChange: (_, rows) => rows[0] && onSelect(rows[0]),
      }}
      onRow={(agency) => ({ onClick: () => onSelect(agency), style: { cursor: 'pointer' } })}
      locale={{ emptyText: '没有可查看的执法主体' }}
    />
  );
}
