/** 我的期限: the clocks of the cases the viewer handles, by due date, with the same badges. */
import { FieldTimeOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { casesApi, type MyDeadline, type RunningClock } from './api';
import { ClockTable } from './DeadlinesTab';

export default function MyDeadlinesPage() {
  usePageTitle('我的期限');
  const { data, error } = useLoader(() => casesApi.myDeadlines(), []);
  if (!data) {
    if (error) return <Alert type="error" showIcon title="无法载入期限" description={errorMessage(error)} />;
    return <PageLoading />;
  }
  const items = [...data.items].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <Card
      title={
        <Space>
          <FieldTimeOutlined />
          我的期限
        </Space>
      }
      extra={<Typography.Text type="secondary">按今天（{data.today}）计算</Typography.Text>}
    >
      {data.total > data.shown && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={`共 ${data.total} 个案件有正在计算的期限，这里列出最早到期的 ${data.shown} 个；其余可在案件列表中按承办人筛选查看。`}
        />
      )}
      {data.problems.map((p) => (
        <Alert
          key={`${p.caseId}-${p.id}`}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${p.title}：${p.message}（${p.rule}）`}
        />
      ))}
      <ClockTable
        clocks={items}
        extra={(c: RunningClock) => {
          const mine = c as MyDeadline;
          return (
            <Space orientation="vertical" size={0}>
              <Link to={`/cases/${mine.caseId}`}>{mine.title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {mine.caseNumber ?? '尚未立案编号'}
              </Typography.Text>
            </Space>
          );
        }}
      />
    </Card>
  );
}
