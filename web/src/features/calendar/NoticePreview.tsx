/**
 * A notice's year as it would be after the import, grouped by holiday: its
 * holiday ranges and make-up workdays with weekdays; days that differ from the
 * stored data are highlighted, days to be removed listed.
 */
import { Alert, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type CalendarEntry, kindLabels, type NoticePreview, weekdayNames } from './api';
import { groupRanges } from './ranges';

const dayLabel = (date: string) =>
  `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日（${weekdayNames[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`;
const describe = (entry: CalendarEntry) => `${kindLabels[entry.kind].short}·${entry.name}`;

interface HolidayRow {
  name: string;
  holidays: CalendarEntry[];
  workdays: CalendarEntry[];
}

function byHoliday(entries: readonly CalendarEntry[]): HolidayRow[] {
  const rows = new Map<string, HolidayRow>();
  for (const entry of entries) {
    const name = entry.name.replace(/调休$/, '');
    const row = rows.get(name) ?? { name, holidays: [], workdays: [] };
    row[entry.kind === 'holiday' ? 'holidays' : 'workdays'].push(entry);
    rows.set(name, row);
  }
  return [...rows.values()];
}

export function NoticePreviewView({ preview }: { preview: NoticePreview }) {
  const own = preview.changes.find((c) => c.year === preview.year);
  const differences = new Map<string, string>([
    ...(own?.added ?? []).map((e) => [e.date, '新增'] as const),
    ...(own?.changed ?? []).map((c) => [c.date, `原为 ${describe(c.before)}`] as const),
  ]);
  const marked = (date: string, text: ReactNode) =>
    differences.has(date) ? (
      <Typography.Text mark title={differences.get(date)}>
        {text}
      </Typography.Text>
    ) : (
      text
    );
  const list = (items: ReactNode[]) =>
    items.length ? (
      <Space wrap size={[8, 0]}>
        {items}
      </Space>
    ) : (
      '—'
    );

  const columns: TableColumnsType<HolidayRow> = [
    { title: '节日', dataIndex: 'name', width: 130 },
    {
      title: '放假',
      key: 'holidays',
      render: (_, row) =>
        list(
          groupRanges(row.holidays).map((range) => (
            <span key={range.from}>
              {marked(range.from, dayLabel(range.from))}
              {range.length > 1 ? (
                <>
                  {' 至 '}
                  {marked(range.to, dayLabel(range.to))}，{range.length} 天
                </>
              ) : null}
            </span>
          )),
        ),
    },
    {
      title: '调休上班',
      key: 'workdays',
      render: (_, row) =>
        list(row.workdays.map((day) => <span key={day.date}>{marked(day.date, dayLabel(day.date))}</span>)),
    },
    {
      title: '与现有数据比较',
      key: 'differences',
      width: 220,
      render: (_, row) => {
        const changed = [...row.holidays, ...row.workdays].filter((day) => differences.has(day.date));
        if (changed.length === 0) return <Tag color="default">一致</Tag>;
        return list(
          changed.map((day) => (
            <Tag key={day.date} color="gold" title={differences.get(day.date)}>
              {dayLabel(day.date).split('（')[0]} {differences.get(day.date)}
            </Tag>
          )),
        );
      },
    },
  ];

  const removed = preview.changes.flatMap((c) => c.removed);
  const total = preview.changes.reduce((n, c) => n + c.added.length + c.removed.length + c.changed.length, 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{preview.year} 年</Typography.Text>
        {own?.isNew ? <Tag color="blue">新年度</Tag> : null}
        {total === 0 ? (
          <Tag color="green">与现有数据一致</Tag>
        ) : (
          preview.changes.map((c) => (
            <Tag key={c.year} color="gold">
              {c.year} 年：新增 {c.added.length} 天，删除 {c.removed.length} 天，变更 {c.changed.length} 天
            </Tag>
          ))
        )}
      </Space>
      {preview.notes.length ? (
        <Alert
          type="info"
          showIcon
          title={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {preview.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Table<HolidayRow>
        rowKey="name"
        size="small"
        columns={columns}
        dataSource={byHoliday(preview.entries)}
        pagination={false}
      />
      {removed.length ? (
        <Alert
          type="warning"
          showIcon
          title={`将删除 ${removed.length} 天`}
          description={removed.map((day) => `${day.date}（${describe(day)}）`).join('、')}
        />
      ) : null}
    </Space>
  );
}
