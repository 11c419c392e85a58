/** 笔录 of the case (each recorded at the stage it was made in) and the form to add one. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Collapse, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail, CaseRecord } from './api';
import { dateTime, recordKindLabels, stagesOf } from './labels';
import { RecordModal } from './RecordModal';

const fieldLabels: Record<string, string> = {
  place: '地点',
  interviewee: '被询问人',
  inquirers: '询问人',
  recorder: '记录人',
  questions: '问答',
  endedAt: '结束时间',
  inspectors: '检查人员',
  present: '在场人',
  findings: '现场情况',
  measures: '采取的措施',
  host: '主持人',
  participants: '参加人',
  statements: '发言',
  statement: '陈述申辩内容',
  evidenceOffered: '提交的证据',
};

function valueText(value: unknown): string {
  if (Array.isArray(value))
    return value
      .map((v) =>
        typeof v === 'object' && v ? Object.values(v as Record<string, unknown>).join('：') : String(v),
      )
      .join('；');
  if (typeof value === 'object' && value) return Object.values(value as Record<string, unknown>).join('，');
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return dateTime(value);
  return String(value ?? '');
}

function RecordBody({ record }: { record: CaseRecord }) {
  return (
    <Descriptions size="small" column={1}>
      {Object.entries(record.content).map(([key, value]) => (
        <Descriptions.Item key={key} label={fieldLabels[key] ?? key}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{valueText(value)}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function RecordsTab({ c, onChanged }: { c: CaseDetail; onChanged(): Promise<void> }) {
  const [adding, setAdding] = useState(0);
  const stageLabel = (id: string) => stagesOf(c.processKind).find((s) => s.id === id)?.label ?? id;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {c.actions.assist ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding((n) => n + 1)}>
          制作笔录
        </Button>
      ) : null}
      {c.records.length ? (
        <Collapse
          items={c.records.map((r) => ({
            key: r.id,
            label: (
              <Space wrap size={4}>
                <Tag color="blue">{recordKindLabels[r.kind] ?? r.kind}</Tag>
                <span>{dateTime(r.madeAt)}</span>
                <Typography.Text type="secondary">
                  {stageLabel(r.stage)} · {r.recordedBy}
                </Typography.Text>
              </Space>
            ),
            children: <RecordBody record={r} />,
          }))}
        />
      ) : (
        <Empty description="尚无笔录" />
      )}
      {adding ? (
        <RecordModal
          key={adding}
          caseId={c.id}
          partyName={c.party.name}
          onClose={() => setAdding(0)}
          onChanged={onChanged}
        />
      ) : null}
    </Space>
  );
}
