/**
 * Sign-in for staff. Accounts with TOTP enabled are asked for the 6-digit code
 * after the password. On success: back to the page they wanted, or home.
 */
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../app/api';
import { useAuth } from '../../app/auth';
import { applyFieldErrors } from '../../app/form-errors';
import { productName, usePageTitle } from '../../app/page-title';

interface LoginValues {
  username: string;
  password: string;
  totpCode?: string;
}

interface LoginState {
  from?: { pathname: string; search?: string; hash?: string };
  expired?: boolean;
}

const fields = new Set(['username', 'password', 'totpCode']);

function targetOf(state: LoginState | null): string {
  const from = state?.from;
  if (!from || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

export default function LoginPage() {
  usePageTitle('登录');
  const { state: auth, login } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [needTotp, setNeedTotp] = useState(false);
  const routeState = location.state as LoginState | null;
  const target = targetOf(routeState);

  if (auth.status === 'signedIn' && !submitting) return <Navigate to={target} replace />;

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await login({ username: values.username.trim(), password: values.password, totpCode: values.totpCode });
      navigate(target, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'TOTP_REQUIRED') {
        // The password was right; the account has a second factor.
        setNeedTotp(true);
        return;
      }
      const unplaced = applyFieldErrors(form, error, ['body'], (path) => fields.has(String(path[0])));
      const placed = error instanceof ApiError && error.code === 'VALIDATION_FAILED' && unplaced.length === 0;
      if (!placed) setFailure(errorMessage(error));
      if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') {
        if (error.field === 'body.totpCode') form.setFieldValue('totpCode', '');
        else form.setFieldValue('password', '');
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #0f2a4d 0%, #1d4f91 55%, #e9eef5 55%)',
      }}
    >
      <main style={{ width: '100%', maxWidth: 400 }}>
        <Card>
          <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 8 }}>
            {productName}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            工作人员登录
          </Typography.Paragraph>
          {routeState?.expired && !failure ? (
            <Alert type="info" showIcon title="登录已失效，请重新登录" style={{ marginBottom: 16 }} />
          ) : null}
          {failure ? (
            <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />
          ) : null}
          <Form<LoginValues>
            form={form}
            name="login"
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            onValuesChange={(changed: Partial<LoginValues>) => {
              setFailure(null);
              // Another account or password: the second step starts over.
              if ('username' in changed || 'password' in changed) setNeedTotp(false);
            }}
          >
            <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            {needTotp ? (
              <Form.Item
                label="动态码"
                name="totpCode"
                extra="请打开身份验证器应用，输入本账户当前显示的 6 位数字。"
                rules={[
                  { required: true, message: '请输入动态码' },
                  { pattern: /^\d{6}$/, message: '动态码应为 6 位数字' },
                ]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={6}
                  autoFocus
                  size="large"
                />
              </Form.Item>
            ) : null}
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              登录
            </Button>
          </Form>
          <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16, marginBottom: 0 }}>
            <a href="/">返回行政执法公示平台</a>
          </Typography.Paragraph>
        </Card>
      </main>
    </div>
  );
}
