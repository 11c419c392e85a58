/**
 * 人员名册: the people of the agencies in scope — category, unit, position, the
 * masked 身份证号 and the linked login. The system administrator registers and
 * edits people and may view a whole number, which the audit trail records.
 */
import { IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../app/api';
import { may, useMe } from '../../app/auth';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { organisationApi } from '../organisation/api';
import { type Person, personKindColors, personKindOptions, personsApi } from './api';
import { PersonModal, type PersonTarget } from './PersonModal';

export default function PersonsPage() {
  usePageTitle('人员名册');
  const me = useMe();
  const { message, modal } = App.useApp();
  const { data, error, loading, reload } = useLoader(
    () => Promise.all([personsApi.list(), organisationApi.agencies()]),
    [],
  );
  const editor = useModal<PersonTarget>();
  const [search, setSearch] = useState('');
  const [revealing, setRevealing] = useState<string | null>(null);
  const agencyNames = useMemo(() => new Map(data?.[1].items.map((a) => [a.id, a.name])), [data]);

  if (!data) {
    if (error)
      return <Alert type="error" showIcon title="无法载入人员名册" description={errorMessage(error)} />;
    return <PageLoading />;
  }

  const persons = data[0].items;
  const severalAgencies = new Set(persons.map((p) => p.agencyId)).size > 1;
  const term = search.trim();
  const shown = term
    ? persons.filter((p) =>
        [p.name, p.position, p.unit?.name ?? '', p.username ?? ''].some((v) => v.includes(term)),
      )
    : persons;

  const reveal = async (person: Person) => {
    setRevealing(person.id);
    try {
      const { idNumber } = await personsApi.revealIdNumber(person.id);
      modal.info({
        title: `${person.name}的身份证号`,
        okText: '关闭',
        content: (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="revealed-id-number">
              {idNumber}
            </Typography.Text>
            <Alert type="warning" showIcon title="本次查看已记入安全审计记录（查看人、时间、对象）。" />
          </Space>
        ),
      });
    } catch (caught) {
      message.error(errorMessage(caught));
    } finally {
      setRevealing(null);
    }
  };

  const columns: TableColumnsType<Person> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 120,
      render: (name: string, person) => (
        <Space size={4}>
          {name}
          {person.active ? null : <Tag>不在职</Tag>}
        </Space>
      ),
    },
    {
      title: '类别',
      dataIndex: 'kind',
      width: 130,
      filters: personKindOptions.map((o) => ({ text: o.label, value: o.value })),
      onFilter: (value, person) => person.kind === value,
      render: (_, person) => <Tag color={personKindColors[person.kind]}>{person.kindLabel}</Tag>,
    },
    ...(severalAgencies
      ? [
          {
            title: '所属机关',
            key: 'agency',
            render: (_: unknown, p: Person) => agencyNames.get(p.agencyId) ?? '—',
          },
        ]
      : []),
    {
      title: '承办机构',
      key: 'unit',
      render: (_, person) => person.unit?.name ?? <Typography.Text type="secondary">未分配</Typography.Text>,
    },
    { title: '职务', dataIndex: 'position', render: (v: string) => v || '—' },
    {
      title: '身份证号',
      dataIndex: 'idNumberMasked',
      width: 200,
      render: (value: string) => (
        <Typography.Text style={{ fontFamily: 'monospace' }}>{value}</Typography.Text>
      ),
    },
    {
      title: '登录账号',
      dataIndex: 'username',
      width: 130,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">未开通</Typography.Text>,
    },
  ];
  if (persons.some((p) => p.actions.edit || p.actions.revealIdNumber)) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, person) => (
        <Space size={0}>
          {person.actions.edit ? (
            <Button type="link" onClick={() => editor.open({ mode: 'edit', person })}>
              修改
            </Button>
          ) : null}
          {person.actions.revealIdNumber ? (
            <Button type="link" loading={revealing === person.id} onClick={() => void reveal(person)}>
              查看完整号码
            </Button>
          ) : null}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={
        <Space>
          <IdcardOutlined />
          人员名册
        </Space>
      }
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="姓名、职务、机构或账号"
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 240 }}
          />
          {may(me, 'person.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open({ mode: 'create' })}>
              登记人员
            </Button>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        身份证号加密存储，列表中只显示前 3 位和后 4 位。
        {may(me, 'person.revealIdNumber') ? '查看完整号码的每一次操作都记入安全审计。' : null}
      </Typography.Paragraph>
      <Table<Person>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 人` }}
        locale={{ emptyText: term ? '没有符合条件的人员' : '尚未登记人员' }}
      />
      {may(me, 'person.manage') ? (
        <PersonModal
          key={editor.key}
          target={editor.target}
          onClose={() => editor.close()}
          onSaved={async () => {
            await reload();
          }}
        />
      ) : null}
    </Card>
  );
}
