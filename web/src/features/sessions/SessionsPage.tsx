/**
 * 在线会话: who is signed in now (sessions within the idle and absolute
 * timeouts), and 强制下线 for the security administrator. One's own session is
 * marked 当前 and cannot be ended here (that is 退出登录).
 */
import { DesktopOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api';
import { may, useMe } from '../../app/auth';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { type OnlineSession, sessionsApi } from './api';

const time = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss');

export default function SessionsPage() {
  usePageTitle('在线会话');
  const me = useMe();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoader(() => sessionsApi.list(), []);

  if (!data) {
    if (error)
      return <Alert type="error" showIcon title="无法载入在线会话" description={errorMessage(error)} />;
    return <PageLoading />;
  }

  const revoke = async (session: OnlineSession) => {
    try {
      await sessionsApi.revoke(session.id);
      message.success(`已强制 ${session.displayName} 下线`);
    } catch (caught) {
      message.error(`操作失败：${errorMessage(caught)}`);
    }
    await reload();
  };

  const columns: TableColumnsType<OnlineSession> = [
    {
      title: '用户',
      key: 'user',
      render: (_, s) => (
        <Space size={6}>
          {s.displayName}
          <Typography.Text type="secondary">（{s.username}）</Typography.Text>
          {s.current ? <Tag color="blue">当前</Tag> : null}
        </Space>
      ),
    },
    { title: '登录时间', dataIndex: 'createdAt', width: 190, render: time },
    { title: '最近活动', dataIndex: 'lastSeenAt', width: 190, render: time },
    { title: 'IP 地址', dataIndex: 'ip', width: 160 },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, s) =>
        s.actions.revoke ? (
          <Popconfirm
            title={`强制 ${s.displayName} 下线？`}
            description="该会话立即失效，用户须重新登录。"
            okText="强制下线"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => revoke(s)}
          >
            <Button type="link" danger>
              强制下线
            </Button>
          </Popconfirm>
        ) : (
          <Typography.Text type="secondary">本会话</Typography.Text>
        ),
    },
  ];

  return (
    <Card
      title={
        <Space>
          <DesktopOutlined />
          在线会话
        </Space>
      }
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={loading}>
          刷新
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        列出未超时、未退出的会话。强制下线记入安全审计。会话超时、登录失败锁定和密码策略在
        {may(me, 'settings.read') ? <Link to="/settings">辖区设置 › 安全策略</Link> : '辖区设置 › 安全策略'}
        中设置。
      </Typography.Paragraph>
      <Table<OnlineSession>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个会话` }}
        locale={{ emptyText: '当前没有在线会话' }}
      />
    </Card>
  );
}
