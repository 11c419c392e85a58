/**
 * Shown instead of the console while the session is restricted: the user must
 * change the password, or (administrators) enable the second factor, first.
 */
import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import { useAuth, useMe } from '../../app/auth';
import { productName, usePageTitle } from '../../app/page-title';
import { PasswordForm } from './PasswordForm';
import { TotpSetup } from './TotpSetup';

export default function RestrictedPage() {
  const user = useMe();
  const { refresh, logout } = useAuth();
  const { message } = App.useApp();
  const password = user.restriction === 'password';
  usePageTitle(password ? '修改密码' : '启用双因素认证');

  const done = async () => {
    message.success(password ? '密码已修改' : '双因素认证已启用，今后登录需输入动态码');
    await refresh();
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', padding: '48px 16px' }}>
      <main style={{ width: '100%', maxWidth: 640 }}>
        <Card
          title={productName}
          extra={
            <Button icon={<LogoutOutlined />} onClick={() => void logout().catch(() => undefined)}>
              退出登录
            </Button>
          }
        >
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {password ? '请先修改密码' : '请先启用双因素认证'}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {user.displayName}（{user.agency.name}），
            {password
              ? '您的密码是初始密码、已被重置或已超过有效期。修改后即可继续使用。'
              : '安全策略要求管理员登录时同时输入身份验证器上的动态码。启用后即可继续使用。'}
          </Typography.Paragraph>
          {password ? <PasswordForm onDone={done} /> : <TotpSetup onDone={done} />}
        </Card>
      </main>
    </div>
  );
}
