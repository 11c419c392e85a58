/** Users with their roles, unit, status and the actions the viewer may take on each. */
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { roleColors, roleOptions, type User } from './api';

interface Props {
  users: User[];
  loading: boolean;
  showAgency: boolean;
  emptyText: string;
  onEdit(user: User): void;
  onResetPassword(user: User): Promise<void>;
  onUnlock(user: User): Promise<void>;
}

function StatusTags({ user }: { user: User }) {
  const tags = [
    !user.active && <Tag key="inactive">停用</Tag>,
    user.locked && (
      <Tag key="locked" color="red">
        已锁定
      </Tag>
    ),
    user.mustChangePassword && (
      <Tag key="password" color="orange">
        须改密
      </Tag>
    ),
    user.totpEnabled && (
      <Tag key="totp" color="green">
        已启用双因素
      </Tag>
    ),
  ].filter(Boolean);
  return tags.length ? (
    <Space size={[0, 4]} wrap>
      {tags}
    </Space>
  ) : (
    <Typography.Text type="secondary">正常</Typography.Text>
  );
}

export function UsersTable({
  users,
  loading,
  showAgency,
  emptyText,
  onEdit,
  onResetPassword,
  onUnlock,
}: Props) {
  const columns: TableColumnsType<User> = [
    { title: '登录名', dataIndex: 'username', width: 130 },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    ...(showAgency
      ? [{ title: '所属机关', key: 'agency', render: (_: unknown, u: User) => u.agency.name }]
      : []),
    {
      title: '承办机构',
      key: 'unit',
      render: (_, user) => user.unit?.name ?? <Typography.Text type="secondary">未分配</Typography.Text>,
    },
    {
      title: '角色',
      key: 'roles',
      filters: roleOptions.map((o) => ({ text: o.label, value: o.value })),
      onFilter: (value, user) => user.roles.some((r) => r.role === value),
      render: (_, user) => (
        <Space size={[0, 4]} wrap>
          {user.roles.map((r) => (
            <Tag key={r.role} color={roleColors[r.role] ?? 'blue'}>
              {r.label}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '关联人员',
      key: 'person',
      width: 220,
      render: (_, user) =>
        user.person ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {user.person.name}
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', marginInlineStart: 6 }}>
              {user.person.idNumberMasked}
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: '状态', key: 'status', width: 170, render: (_, user) => <StatusTags user={user} /> },
  ];
  if (users.some((u) => u.actions.edit || u.actions.resetPassword || (u.actions.unlock && u.locked))) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 210,
      render: (_, user) => (
        <Space size={0} wrap>
          {user.actions.edit ? (
            <Button type="link" onClick={() => onEdit(user)}>
              修改
            </Button>
          ) : null}
          {user.actions.resetPassword ? (
            <Popconfirm
              title={`重置 ${user.displayName} 的密码？`}
              description="将生成临时密码并强制该用户下线，下次登录须修改密码。"
              okText="重置"
              cancelText="取消"
              onConfirm={() => onResetPassword(user)}
            >
              <Button type="link">重置密码</Button>
            </Popconfirm>
          ) : null}
          {user.actions.unlock && user.locked ? (
            <Button type="link" onClick={() => void onUnlock(user)}>
              解锁
            </Button>
          ) : null}
        </Space>
      ),
    });
  }
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个用户` }}
      locale={{ emptyText }}
    />
  );
}
