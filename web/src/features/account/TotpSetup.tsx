/**
 * 启用双因素认证: the server makes a secret; the user adds it to an
 * authenticator app (QR code or typed key) and proves it with one code.
 */
import { Alert, Button, Form, Input, QRCode, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { applyFieldErrors } from '../../app/form-errors';
import { accountApi, groupSecret } from './api';

export function TotpSetup({ onDone }: { onDone(): Promise<void> | void }) {
  const [form] = Form.useForm<{ code: string }>();
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const generate = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setSecret(await accountApi.totpSetup());
      form.resetFields();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const enable = async ({ code }: { code: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await accountApi.totpEnable(code.trim());
      await onDone();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, ['body'], (path) => path[0] === 'code');
      if (unplaced.length || !form.getFieldsError().some((f) => f.errors.length))
        setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
      {secret ? (
        <>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            1. 在手机的身份验证器应用中添加账户：扫描二维码，或选择“手动输入密钥”并输入下面的密钥（基于时间，6
            位，30 秒）。
          </Typography.Paragraph>
          <Space align="start" size="large" wrap>
            <QRCode value={secret.uri} size={160} bordered />
            <div>
              <Typography.Text type="secondary">密钥</Typography.Text>
              <div>
                <Typography.Text
                  code
                  copyable={{ text: secret.secret }}
                  data-testid="totp-secret"
                  style={{ fontSize: 16 }}
                >
                  {groupSecret(secret.secret)}
                </Typography.Text>
              </div>
            </div>
          </Space>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            2. 输入应用上显示的 6 位动态码，确认启用。
          </Typography.Paragraph>
          <Form form={form} name="totp" layout="inline" onFinish={enable}>
            <Form.Item
              name="code"
              rules={[
                { required: true, message: '请输入动态码' },
                { pattern: /^\s*\d{6}\s*$/, message: '动态码应为 6 位数字' },
              ]}
            >
              <Input
                placeholder="6 位动态码"
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                style={{ width: 160 }}
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                验证并启用
              </Button>
            </Form.Item>
            <Form.Item>
              <Button htmlType="button" onClick={generate} disabled={busy}>
                重新生成密钥
              </Button>
            </Form.Item>
          </Form>
        </>
      ) : (
        <Button type="primary" onClick={generate} loading={busy}>
          生成密钥
        </Button>
      )}
    </Space>
  );
}
