/**
 * 出勤登记 for one course: every officer in post with 出勤 / 缺勤 / 未登记 and the
 * hours credited (blank: the course's hours). Saving sends the rows that are set.
 */
import { Button, InputNumber, Radio, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLoader } from '../../app/use-loader';
import { type AttendanceRow, trainingApi } from './api';
import { RosterDrawer } from './RosterDrawer';

type Mark = 'present' | 'absent' | 'none';
interface Draft {
  mark: Mark;
  hours: number | null;
}

export function AttendanceDrawer({
  courseId,
  onClose,
  onSaved,
}: {
  courseId: string | null;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { data, error, loading } = useLoader(
    () => (courseId ? trainingApi.course(courseId) : Promise.resolve(undefined)),
    [courseId],
  );
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());

  useEffect(() => {
    setDrafts(
      new Map(
        (data?.attendance ?? []).map((a) => [
          a.personId,
          { mark: a.present === null ? 'none' : a.present ? 'present' : 'absent', hours: a.hoursCredited },
        ]),
      ),
    );
  }, [data]);

  const set = (personId: string, change: Partial<Draft>) =>
    setDrafts((current) => {
      const next = new Map(current);
      const draft = next.get(personId) ?? { mark: 'none', hours: null };
      next.set(personId, { ...draft, ...change });
      return next;
    });

  const markAll = () => {
    for (const row of data?.attendance ?? [])
      if (row.inRoster && drafts.get(row.personId)?.mark === 'none')
        set(row.personId, { mark: 'present', hours: null });
  };

  const manage = data?.actions.manage ?? false;
  const columns: TableColumnsType<AttendanceRow> = [
    {
      title: '姓名',
      dataIndex: 'name',
      render: (name: string, row) => (
        <Space size={4}>
          {name}
          {row.inRoster ? null : <Tag>已不在岗</Tag>}
        </Space>
      ),
    },
    { title: '承办机构', dataIndex: 'unit', render: (unit: string | null) => unit ?? '—' },
    {
      title: '出勤',
      key: 'mark',
      width: 230,
      render: (_, row) => (
        <Radio.Group
          size="small"
          disabled={!manage || !row.inRoster}
          value={drafts.get(row.personId)?.mark ?? 'none'}
          onChange={(event) => set(row.personId, { mark: event.target.value as Mark, hours: null })}
          aria-label={`${row.name}的出勤`}
          options={[
            { value: 'present', label: '出勤' },
            { value: 'absent', label: '缺勤' },
            { value: 'none', label: '未登记' },
          ]}
          optionType="button"
        />
      ),
    },
    {
      title: '计入学时',
      key: 'hours',
      width: 130,
      render: (_, row) => {
        const draft = drafts.get(row.personId);
        if (draft?.mark !== 'present') return draft?.mark === 'absent' ? 0 : '—';
        return (
          <InputNumber
            size="small"
            min={0}
            max={data?.hours}
            step={0.5}
            disabled={!manage || !row.inRoster}
            placeholder={String(data?.hours ?? '')}
            value={draft.hours}
            onChange={(value) => set(row.personId, { hours: value })}
            aria-label={`${row.name}计入学时`}
          />
        );
      },
    },
  ];

  return (
    <RosterDrawer
      open={courseId !== null}
      title={data ? `出勤登记：${data.title}` : '出勤登记'}
      size={820}
      manage={manage}
      error={error}
      loading={loading}
      summary={
        data ? (
          <Typography.Paragraph type="secondary">
            {data.heldOn} · {data.kindLabel} · {data.hours} 学时
            {data.organiser ? ` · ${data.organiser}` : ''}
            {data.location ? ` · ${data.location}` : ''}。计入学时留空即按课程学时。
          </Typography.Paragraph>
        ) : null
      }
      rows={data?.attendance}
      columns={columns}
      emptyText="本机关没有在岗执法人员"
      tools={<Button onClick={markAll}>未登记的全部设为出勤</Button>}
      what="出勤"
      entries={() =>
        [...drafts.entries()]
          .filter(([, d]) => d.mark !== 'none')
          .map(([personId, d]) => ({
            personId,
            present: d.mark === 'present',
            ...(d.mark === 'present' && d.hours !== null && { hoursCredited: d.hours }),
            ...(d.mark === 'absent' && { hoursCredited: 0 }),
          }))
      }
      send={(entries) => trainingApi.recordAttendance(courseId ?? '', entries)}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
