/**
 * 用户与角色: the accounts of the agencies the viewer administers. The system
 * administrator creates, edits and resets; the security administrator sees
 * the list and unlocks locked accounts.
 */
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { may, useMe } from '../../app/auth';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { organisationApi } from '../organisation/api';
import { personsApi } from '../persons/api';
import { type User, usersApi } from './api';
import { type IssuedPassword, PasswordModal } from './PasswordModal';
import { UserModal, type UserTarget } from './UserModal';
import { UsersTable } from './UsersTable';

export default function UsersPage() {
  usePageTitle('用户与角色');
  const me = useMe();
  const { message } = App.useApp();
  // 三员分立: the security administrator keeps the security and audit administrators' accounts.
  const manage = may(me, 'user.manage') || may(me, 'administratorAccount.manage');
  const users = useLoader(() => usersApi.list(), []);
  // What the create form offers: agencies to create in and people to link.
  const choices = useLoader(
    () =>
      manage
        ? Promise.all([
            organisationApi.agencies(),
            may(me, 'person.read') ? personsApi.list() : Promise.resolve({ items: [] }),
          ])
        : Promise.resolve(null),
    [manage],
  );
  const modal = useModal<UserTarget>();
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const [search, setSearch] = useState('');

  if (!users.data) {
    if (users.error)
      return <Alert type="error" showIcon title="无法载入用户" description={errorMessage(users.error)} />;
    return <PageLoading />;
  }

  const all = users.data.items;
  const term = search.trim().toLowerCase();
  const shown = term
    ? all.filter((u) => u.username.includes(term) || u.displayName.toLowerCase().includes(term))
    : all;

  const resetPassword = async (user: User) => {
    try {
      const { temporaryPassword } = await usersApi.resetPassword(user.id);
      setIssued({
        username: user.username,
        displayName: user.displayName,
        password: temporaryPassword,
        reason: 'reset',
      });
      await users.reload();
    } catch (error) {
      message.error(`重置失败：${errorMessage(error)}`);
    }
  };
  const unlock = async (user: User) => {
    try {
      await usersApi.unlock(user.id);
      message.success(`已解除 ${user.displayName} 的登录锁定`);
      await users.reload();
    } catch (error) {
      message.error(`解锁失败：${errorMessage(error)}`);
    }
  };

  return (
    <Card
      title={
        <Space>
          <TeamOutlined />
          用户与角色
        </Space>
      }
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="登录名或姓名"
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 200 }}
          />
          {manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => modal.open({ mode: 'create' })}>
              新建用户
            </Button>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {manage
          ? '新建用户或重置密码时由系统生成临时密码，只显示一次；用户首次登录须修改密码。'
          : '账户由系统管理员维护；安全管理员、审计管理员的账户由安全管理员维护。'}
        {may(me, 'session.manage') ? '您可以解除被锁定账户的登录锁定。' : null}
      </Typography.Paragraph>
      <UsersTable
        users={shown}
        loading={users.loading}
        showAgency={new Set(all.map((u) => u.agency.id)).size > 1}
        emptyText={term ? '没有符合条件的用户' : '尚无用户'}
        onEdit={(user) => modal.open({ mode: 'edit', user })}
        onResetPassword={resetPassword}
        onUnlock={unlock}
      />
      {manage ? (
        <UserModal
          key={modal.key}
          target={modal.target}
          ownAgencyId={me.agency.id}
          agencies={choices.data?.[0].items ?? []}
          persons={choices.data?.[1].items ?? []}
          onClose={() => modal.close()}
          onCreated={(created) => setIssued({ ...created, reason: 'created' })}
          onSaved={async () => {
            await Promise.all([users.reload(), choices.reload()]);
          }}
        />
      ) : null}
      <PasswordModal issued={issued} onClose={() => setIssued(null)} />
    </Card>
  );
}
