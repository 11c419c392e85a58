/** 办案人员 with whether each may count as one of the two officers today (N1). */
import { CheckCircleOutlined, CloseCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from './api';
import { roleLabels } from './labels';
import { TeamModal } from './TeamModal';

export function OfficersCard({ c, onChanged }: { c: CaseDetail; onChanged(): Promise<void> }) {
  const [editing, setEditing] = useState(0);
  const counting = c.officers.filter((o) => o.qualification.allowed).length;
  // Whoever handles the case names its team (an officer in the field adds the second officer).
  const mayAssign = c.actions.handle;
  return (
    <Card
      size="small"
      title="办案人员"
      data-testid="case-officers"
      extra={
        mayAssign ? (
          <Button size="small" icon={<TeamOutlined />} onClick={() => setEditing((n) => n + 1)}>
            指定承办人员
          </Button>
        ) : null
      }
    >
      {editing ? <TeamModal key={editing} c={c} onClose={() => setEditing(0)} onChanged={onChanged} /> : null}
      {counting < 2 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`可计入的执法人员 ${counting} 名，少于两名（N1）`}
        />
      ) : null}
      <List
        dataSource={c.officers}
        locale={{ emptyText: '尚未指定承办人员' }}
        renderItem={(o) => (
          <List.Item>
            <List.Item.Meta
              avatar={
                o.qualification.allowed ? (
                  <CheckCircleOutlined style={{ color: '#389e0d', fontSize: 18 }} />
                ) : (
                  <CloseCircleOutlined style={{ color: '#cf1322', fontSize: 18 }} />
                )
              }
              title={
                <Space size={4} wrap>
                  {o.name}
                  <Tag>{roleLabels[o.role] ?? o.role}</Tag>
                  {o.qualification.allowed ? (
                    <Tag color="green">N1 可计入</Tag>
                  ) : (
                    <Tag color="red">N1 不计入</Tag>
                  )}
                </Space>
              }
              description={<Typography.Text type="secondary">{o.qualification.message}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
