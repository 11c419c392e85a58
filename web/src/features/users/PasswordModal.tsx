/** Shows a temporary password once: after a new account or a reset. The server never shows it again. */
import { Alert, Descriptions, Modal, Typography } from 'antd';

export interface IssuedPassword {
  username: string;
  displayName: string;
  password: string;
  reason: 'created' | 'reset';
}

export function PasswordModal({ issued, onClose }: { issued: IssuedPassword | null; onClose(): void }) {
  return (
    <Modal
      open={issued !== null}
      title={issued?.reason === 'reset' ? '密码已重置' : '用户已创建'}
      okText="我已记下"
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
    >
      {issued ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="临时密码只显示这一次"
            description="请当面或通过安全渠道交给本人。用户首次登录时须修改密码；关闭此窗口后无法再次查看，只能重新重置。"
          />
          <Descriptions column={1} bordered size="middle">
            <Descriptions.Item label="用户">
              {issued.displayName}（{issued.username}）
            </Descriptions.Item>
            <Descriptions.Item label="临时密码">
              <Typography.Text
                code
                copyable={{ text: issued.password, tooltips: ['复制', '已复制'] }}
                data-testid="temporary-password"
                style={{ fontSize: 16 }}
              >
                {issued.password}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {issued.reason === 'reset' ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              该用户的所有会话已被强制下线。
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
