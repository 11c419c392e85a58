/** 修改密码: current password, new password twice; the server applies the policy and history. */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { applyFieldErrors } from '../../app/form-errors';
import { accountApi } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const fields = new Set(['currentPassword', 'newPassword']);

export function PasswordForm({ onDone }: { onDone(): Promise<void> | void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      await accountApi.changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      await onDone();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, ['body'], (path) => fields.has(String(path[0])));
      if (unplaced.length || !form.getFieldsError().some((f) => f.errors.length))
        setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} name="password" layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        label="当前密码"
        name="currentPassword"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra="须符合本机关的密码策略（长度和复杂度），且不能与最近使用过的密码相同。"
        rules={[{ required: true, message: '请输入新密码' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        修改密码
      </Button>
    </Form>
  );
}
