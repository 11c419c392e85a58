/** 成绩登记 for one exam: a score per officer; 及格 is decided by the server against the pass mark. */
import { InputNumber, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLoader } from '../../app/use-loader';
import { type ScoreRow, trainingApi } from './api';
import { RosterDrawer } from './RosterDrawer';

export function ScoresDrawer({
  examId,
  onClose,
  onSaved,
}: {
  examId: string | null;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { data, error, loading } = useLoader(
    () => (examId ? trainingApi.exam(examId) : Promise.resolve(undefined)),
    [examId],
  );
  const [scores, setScores] = useState<Map<string, number | null>>(new Map());

  useEffect(() => {
    setScores(new Map((data?.scores ?? []).map((s) => [s.personId, s.score])));
  }, [data]);

  const manage = data?.actions.manage ?? false;
  const columns: TableColumnsType<ScoreRow> = [
    { title: '姓名', dataIndex: 'name' },
    { title: '承办机构', dataIndex: 'unit', render: (unit: string | null) => unit ?? '—' },
    {
      title: '成绩',
      key: 'score',
      width: 140,
      render: (_, row) => (
        <InputNumber
          size="small"
          min={0}
          max={data?.fullMark}
          disabled={!manage}
          value={scores.get(row.personId) ?? null}
          onChange={(value) => setScores((current) => new Map(current).set(row.personId, value))}
          aria-label={`${row.name}的成绩`}
        />
      ),
    },
    {
      title: '结果',
      key: 'passed',
      width: 90,
      render: (_, row) =>
        row.passed === null ? (
          '—'
        ) : row.passed ? (
          <Tag color="success">及格</Tag>
        ) : (
          <Tag color="error">不及格</Tag>
        ),
    },
  ];

  return (
    <RosterDrawer
      open={examId !== null}
      title={data ? `考试成绩：${data.title}` : '考试成绩'}
      size={720}
      manage={manage}
      error={error}
      loading={loading}
      summary={
        data ? (
          <Typography.Paragraph type="secondary">
            {data.heldOn} · 满分 {data.fullMark} · 及格分 {data.passMark}
          </Typography.Paragraph>
        ) : null
      }
      rows={data?.scores}
      columns={columns}
      what="成绩"
      entries={() =>
        [...scores.entries()]
          .filter((entry): entry is [string, number] => entry[1] !== null && entry[1] !== undefined)
          .map(([personId, score]) => ({ personId, score }))
      }
      send={(entered) => trainingApi.recordScores(examId ?? '', entered)}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
