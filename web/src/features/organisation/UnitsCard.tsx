/** The units of one agency as a tree, with add, rename and move for the system administrator. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, type TableColumnsType, Typography } from 'antd';
import { errorMessage } from '../../app/api';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { type Agency, buildTree, organisationApi, type TreeNode, type Unit } from './api';
import { UnitModal, type UnitTarget } from './UnitModal';
import { useExpandedRows } from './use-expanded';

interface Props {
  agency: Agency;
  canManage: boolean;
}

export function UnitsCard({ agency, canManage }: Props) {
  const units = useLoader(() => organisationApi.units(agency.id), [agency.id]);
  const modal = useModal<UnitTarget>();
  const items = units.data?.items ?? [];
  const expanded = useExpandedRows(items);

  const columns: TableColumnsType<TreeNode<Unit>> = [{ title: '名称', dataIndex: 'name' }];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, unit) =>
        unit.actions?.edit ? (
          <Space size={0}>
            <Button type="link" onClick={() => modal.open({ mode: 'edit', unit })}>
              修改
            </Button>
            <Button type="link" onClick={() => modal.open({ mode: 'create', parentId: unit.id })}>
              新增下级
            </Button>
          </Space>
        ) : null,
    });
  }

  return (
    <Card
      title={
        <Space size={8} wrap>
          承办机构
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {agency.name}
          </Typography.Text>
        </Space>
      }
      extra={
        canManage ? (
          <Button icon={<PlusOutlined />} onClick={() => modal.open({ mode: 'create', parentId: null })}>
            新增承办机构
          </Button>
        ) : null
      }
    >
      {units.error ? (
        <Alert type="error" showIcon title={`无法载入承办机构：${errorMessage(units.error)}`} />
      ) : (
        <Table<TreeNode<Unit>>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={buildTree(items)}
          loading={units.loading}
          pagination={false}
          expandable={expanded}
          locale={{ emptyText: '该执法主体尚未设置承办机构' }}
        />
      )}
      {canManage ? (
        <UnitModal
          agency={agency}
          units={items}
          key={modal.key}
          target={modal.target}
          onClose={() => modal.close()}
          onSaved={units.reload}
        />
      ) : null}
    </Card>
  );
}
