/**
 * 案卷完整性检查 (ARCHIVE): the documents the file standard requires for this
 * case's process and outcome, each with the documents that satisfy it. Shown
 * from 结案 on, so what is missing is seen before 归档 is pressed.
 */
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../../app/api';
import { useLoader } from '../../app/use-loader';
import { casesApi } from './api';

export function ArchiveCheckCard({ id, version }: { id: string; version: number }) {
  const check = useLoader(() => casesApi.archiveCheck(id), [id, version]);
  const data = check.data;
  return (
    <Card
      size="small"
      title="案卷完整性检查（归档）"
      data-testid="archive-check"
      loading={!data && !check.error}
      extra={
        data ? (
          data.complete ? (
            <Tag color="green">案卷完整</Tag>
          ) : (
            <Tag color="red">缺少 {data.missing.length} 种文书</Tag>
          )
        ) : null
      }
    >
      {check.error ? <Alert type="error" showIcon title={errorMessage(check.error)} /> : null}
      {data ? (
        <List
          size="small"
          dataSource={data.required}
          renderItem={(item) => (
            <List.Item data-testid="archive-requirement">
              <Space wrap size={6}>
                {item.present ? (
                  <CheckCircleOutlined style={{ color: '#389e0d' }} />
                ) : (
                  <CloseCircleOutlined style={{ color: '#cf1322' }} />
                )}
                <Typography.Text>{item.label}</Typography.Text>
                {item.documents.map((d) => (
                  <Tag key={d.id}>{d.number ?? '不编号'}</Tag>
                ))}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
