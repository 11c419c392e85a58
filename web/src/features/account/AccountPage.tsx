/** 账户安全: change one's password; enable or disable the second factor. */
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { useAuth, useMe } from '../../app/auth';
import { usePageTitle } from '../../app/page-title';
import { accountApi } from './api';
import { PasswordForm } from './PasswordForm';
import { TotpSetup } from './TotpSetup';

export default function AccountPage() {
  usePageTitle('账户安全');
  const user = useMe();
  const { refresh } = useAuth();
  const { message } = App.useApp();

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="修改密码">
        <PasswordForm onDone={() => void message.success('密码已修改')} />
      </Card>
      <Card
        title="双因素认证（动态码）"
        extra={user.totpEnabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}
      >
        {user.totpEnabled ? (
          <DisableTotp
            onDone={async () => {
              message.success('已停用双因素认证');
              await refresh();
            }}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              启用后，登录时除密码外还需输入手机身份验证器上的 6 位动态码。
            </Typography.Paragraph>
            <TotpSetup
              onDone={async () => {
                message.success('双因素认证已启用，今后登录需输入动态码');
                await refresh();
              }}
            />
          </>
        )}
      </Card>
    </Space>
  );
}

function DisableTotp({ onDone }: { onDone(): Promise<void> }) {
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await accountApi.totpDisable(password);
      await onDone();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} name="totp-disable" layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
      <Typography.Paragraph type="secondary">
        登录时需要输入动态码。如更换手机，可输入密码停用后重新启用；安全策略要求管理员启用时不能停用。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      <Form.Item label="当前密码" name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button danger htmlType="submit" loading={busy}>
        停用双因素认证
      </Button>
    </Form>
  );
}
