/** 成绩登记 for one exam: a score per officer; 及格 is decided by the server against the pass mark. */
import { Alert, App, Button, Drawer, InputNumber, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../app/api';
import { useLoader } from '../../app/use-loader';
import { type ScoreRow, trainingApi } from './api';

export function ScoresDrawer({
  examId,
  onClose,
  onSaved,
}: {
  examId: string | null;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { message } = App.useApp();
  const { data, error, loading } = useLoader(
    () => (examId ? trainingApi.exam(examId) : Promise.resolve(undefined)),
    [examId],
  );
  const [scores, setScores] = useState<Map<string, number | null>>(new Map());
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    setFailure(null);
    setScores(new Map((data?.scores ?? []).map((s) => [s.personId, s.score])));
  }, [data]);

  const save = async () => {
    if (!data) return;
    const entered = [...scores.entries()]
      .filter((entry): entry is [string, number] => entry[1] !== null && entry[1] !== undefined)
      .map(([personId, score]) => ({ personId, score }));
    if (entered.length === 0) {
      message.info('没有登记任何成绩');
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const result = await trainingApi.recordScores(data.id, entered);
      message.success(`已登记 ${result.recorded} 人的成绩`);
      await onSaved();
      onClose();
    } catch (caught) {
      setFailure(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

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
    <Drawer
      open={examId !== null}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={data ? `考试成绩：${data.title}` : '考试成绩'}
      extra={
        manage ? (
          <Button type="primary" loading={saving} onClick={save}>
            保存成绩
          </Button>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      {data ? (
        <Typography.Paragraph type="secondary">
          {data.heldOn} · 满分 {data.fullMark} · 及格分 {data.passMark}
        </Typography.Paragraph>
      ) : null}
      <Table<ScoreRow>
        rowKey="personId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.scores ?? []}
        pagination={false}
      />
    </Drawer>
  );
}
