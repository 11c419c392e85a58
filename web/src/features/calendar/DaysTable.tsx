/** The year's special days as a table, with edit and remove for administrators. */
import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { type CalendarDay, kindLabels, weekdayNames } from './api';

interface Props {
  days: CalendarDay[];
  canEdit: boolean;
  onEdit(day: CalendarDay): void;
  onRemove(day: CalendarDay): Promise<void>;
}

export function DaysTable({ days, canEdit, onEdit, onRemove }: Props) {
  const columns: TableColumnsType<CalendarDay> = [
    { title: '日期', dataIndex: 'date', width: 130 },
    {
      title: '星期',
      key: 'weekday',
      width: 90,
      render: (_, day) => weekdayNames[new Date(`${day.date}T00:00:00Z`).getUTCDay()],
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 150,
      filters: [
        { text: '法定节假日（休）', value: 'holiday' },
        { text: '调休上班日（班）', value: 'workday' },
      ],
      onFilter: (value, day) => day.kind === value,
      render: (_, day) => (
        <Tag color={kindLabels[day.kind].color}>
          {kindLabels[day.kind].short} · {kindLabels[day.kind].long}
        </Tag>
      ),
    },
    { title: '名称', dataIndex: 'name' },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 170,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
    },
  ];
  if (canEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, day) => (
        <Space size={0}>
          <Button type="link" onClick={() => onEdit(day)}>
            修改
          </Button>
          <Popconfirm
            title={`将 ${day.date} 恢复为普通日？`}
            description="恢复后按星期计算：周一至周五为工作日。"
            okText="恢复"
            cancelText="取消"
            onConfirm={() => onRemove(day)}
          >
            <Button type="link" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }
  return (
    <Table<CalendarDay>
      rowKey="date"
      size="middle"
      columns={columns}
      dataSource={days}
      pagination={false}
      locale={{ emptyText: '该年度没有法定节假日或调休上班日' }}
    />
  );
}
