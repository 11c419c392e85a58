/** Header: who is signed in, for which agency and in which roles, and sign-out. */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../api';
import { useAuth } from '../auth';
import type { Me } from '../types';

/** `compact` (a phone): the name and sign-out only; agency and roles are on the account page. */
export function UserBar({ user, compact = false }: { user: Me; compact?: boolean }) {
  const { logout } = useAuth();
  const { message } = App.useApp();
  const [leaving, setLeaving] = useState(false);
  const navigate = useNavigate();

  const signOut = async () => {
    setLeaving(true);
    try {
      await logout();
      message.success('已退出登录');
    } catch (error) {
      // Signed out locally anyway; say why the server did not confirm.
      message.warning(`退出时未能通知服务器：${errorMessage(error)}`);
    } finally {
      setLeaving(false);
    }
  };

  return (
    <Space size={compact ? 'small' : 'middle'} wrap={false}>
      {!compact && <Typography.Text type="secondary">{user.agency.name}</Typography.Text>}
      {!compact && (
        <Space size={4}>
          {user.roles.map((role) => (
            <Tag key={role.role} color="blue" style={{ marginInlineEnd: 0 }}>
              {role.label}
            </Tag>
          ))}
        </Space>
      )}
      <Button type="text" icon={<UserOutlined />} title="账户安全" onClick={() => navigate('/account')}>
        <Typography.Text strong>{user.displayName}</Typography.Text>
      </Button>
      <Button icon={<LogoutOutlined />} onClick={signOut} loading={leaving} aria-label="退出登录">
        {!compact && '退出登录'}
      </Button>
    </Space>
  );
}
