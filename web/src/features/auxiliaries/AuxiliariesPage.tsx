/**
 * 辅助人员名册 (Q2): auxiliaries with their unit, duties and the officer they
 * assist. They never act alone and never hold a certificate.
 */
import { PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { may, useMe } from '../../app/auth';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { tablePages } from '../../app/SearchFilters';
import { SheetButtons } from '../../app/SheetButtons';
import { personCounts, SheetImportModal } from '../../app/SheetImportModal';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { personsApi } from '../persons/api';
import { AuxiliaryModal, type AuxiliaryTarget } from './AuxiliaryModal';
import { type Auxiliary, auxiliariesApi, auxiliariesExportUrl } from './api';

export default function AuxiliariesPage() {
  usePageTitle('辅助人员名册');
  const me = useMe();
  const { data, error, loading, reload } = useLoader(
    () => Promise.all([auxiliariesApi.list(), personsApi.list()]),
    [],
  );
  const editor = useModal<AuxiliaryTarget>();
  if (!data) return <PageLoading error={error} what="辅助人员名册" />;
  const [register, persons] = data;
  const manage = may(me, 'person.manage');
  const columns: TableColumnsType<Auxiliary> = [
    {
      title: '姓名',
      key: 'name',
      width: 140,
      render: (_, entry) => (
        <Space size={4}>
          {entry.person.name}
          {entry.endedOn ? <Tag>已离岗</Tag> : null}
        </Space>
      ),
    },
    { title: '承办机构', key: 'unit', width: 140, render: (_, e) => e.unit?.name ?? '—' },
    { title: '岗位职责', dataIndex: 'duties' },
    {
      title: '带领的执法人员',
      key: 'supervising',
      width: 140,
      render: (_, e) =>
        e.supervisingPerson?.name ?? <Typography.Text type="secondary">未指定</Typography.Text>,
    },
    { title: '登记日期', dataIndex: 'registeredOn', width: 110 },
    { title: '离岗日期', dataIndex: 'endedOn', width: 110, render: (v: string | null) => v ?? '—' },
  ];
  if (manage)
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, entry) =>
        entry.actions.edit ? (
          <Button type="link" onClick={() => editor.open({ mode: 'edit', entry })}>
            修改
          </Button>
        ) : null,
    });
  return (
    <Card
      title={
        <Space>
          <UserSwitchOutlined />
          辅助人员名册
        </Space>
      }
      extra={
        manage ? (
          <Space>
            <SheetButtons
              exportUrl={auxiliariesExportUrl}
              importModal={(props) => (
                <SheetImportModal
                  {...props}
                  title="导入执法辅助人员名册"
                  intro={
                    <>
                      ，导入本机关。按姓名和身份证号（可填导出的脱敏号码或完整号码）对应人员名册中的人员：已在名册中的按表更新岗位职责、带领的执法人员和离岗日期，其余登记入名册（须先在人员管理中登记为执法辅助人员）；表中没有的登记不受影响。带领的执法人员填姓名，同名时在姓名后加括号注明身份证号。任何一行有误则不导入任何数据。
                    </>
                  }
                  send={(file, dryRun) => auxiliariesApi.importSheet(file.content, dryRun)}
                  {...personCounts}
                  onDone={reload}
                />
              )}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open({ mode: 'create' })}>
              登记辅助人员
            </Button>
          </Space>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        执法辅助人员在执法人员带领下协助执法，不得独立执法，不得申领行政执法证件。
      </Typography.Paragraph>
      <Table<Auxiliary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={register.items}
        loading={loading}
        pagination={tablePages('人')}
        locale={{ emptyText: '尚未登记辅助人员' }}
      />
      {manage ? (
        <AuxiliaryModal
          key={editor.key}
          target={editor.target}
          persons={persons.items}
          registered={new Set(register.items.map((e) => e.person.id))}
          onClose={() => editor.close()}
          onSaved={reload}
        />
      ) : null}
    </Card>
  );
}
