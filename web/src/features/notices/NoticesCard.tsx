/** 站内消息 on the 工作台: what the platform has told this user, unread first to hand. */
import { Badge, Button, Card, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { useLoader } from '../../app/use-loader';

interface Notice {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export function NoticesCard() {
  const { data, reload } = useLoader(
    () => api.get<{ unread: number; items: Notice[] }>('/api/me/notices'),
    [],
  );
  // Nothing to say, no card: the 工作台 stays for what needs doing.
  if (!data || data.items.length === 0) return null;
  const markRead = async (id: string) => {
    await api.post('/api/me/notices/read', { ids: [id] });
    await reload();
  };
  return (
    <Card
      title={
        <Badge count={data.unread} offset={[12, 0]}>
          站内消息
        </Badge>
      }
      data-testid="notices"
    >
      <List
        dataSource={data.items}
        renderItem={(n) => (
          <List.Item
            actions={
              n.readAt
                ? []
                : [
                    <Button key="read" size="small" onClick={() => markRead(n.id)}>
                      标为已读
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Typography.Text strong={!n.readAt}>
                  {n.caseId ? <Link to={`/cases/${n.caseId}`}>{n.subject}</Link> : n.subject}
                </Typography.Text>
              }
              description={
                <>
                  <div>{n.body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
