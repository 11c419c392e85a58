/** 工作台: what waits for you today, who you are and where you can go. Only real data — no invented statistics. */
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { visibleNavigation } from '../../app/layout/navigation';
import { usePageTitle } from '../../app/page-title';
import { NoticesCard } from '../notices/NoticesCard';
import { WorklistCards } from './Worklist';

export default function HomePage() {
  usePageTitle('工作台');
  const user = useMe();
  const navigate = useNavigate();
  const shortcuts = visibleNavigation(user).filter((entry) => entry.path !== '/');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <WorklistCards />
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          您好，{user.displayName}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          今天是 {dayjs().format('YYYY年M月D日 dddd')}。
        </Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
          <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
          <Descriptions.Item label="所属机关">
            {user.agency.name}
            {user.agency.shortName && user.agency.shortName !== user.agency.name ? (
              <Typography.Text type="secondary">（简称：{user.agency.shortName}）</Typography.Text>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label="承办机构">
            {user.unit ? user.unit.name : <Typography.Text type="secondary">未分配</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="角色">
            {user.roles.length ? (
              user.roles.map((role) => (
                <Tag key={role.role} color="blue">
                  {role.label}
                </Tag>
              ))
            ) : (
              <Typography.Text type="secondary">无</Typography.Text>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <NoticesCard />
      {shortcuts.length ? (
        <Card title="常用功能">
          <Space wrap>
            {shortcuts.map((entry) => (
              <Button key={entry.path} icon={entry.icon} onClick={() => navigate(entry.path)}>
                {entry.label}
              </Button>
            ))}
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}
