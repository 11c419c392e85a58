/** 期限: every clock running on the case, with its rule, start, due date and badge. */
import { Alert, Empty, Table, Tag } from 'antd';
import type { CaseDetail, RunningClock } from './api';
import { DeadlineBadge, ProvisionalTag } from './DeadlineBadge';

export function ClockTable({
  clocks,
  extra,
}: {
  clocks: RunningClock[];
  extra?: (c: RunningClock) => React.ReactNode;
}) {
  return (
    <Table<RunningClock>
      rowKey={(c) => `${(c as { caseId?: string }).caseId ?? ''}-${c.id}-${c.dueOn}`}
      size="small"
      pagination={false}
      dataSource={clocks}
      scroll={{ x: true }}
      columns={[
        ...(extra ? [{ title: '案件', key: 'case', render: (_: unknown, c: RunningClock) => extra(c) }] : []),
        { title: '期限', dataIndex: 'label', render: (label: string, c) => `${label}（${c.rule}）` },
        { title: '起算', dataIndex: 'startedOn', responsive: ['md'] },
        {
          title: '到期',
          dataIndex: 'dueOn',
          render: (dueOn: string, c) => (
            <>
              {dueOn} <ProvisionalTag clock={c} />
            </>
          ),
        },
        {
          title: '计算方式',
          dataIndex: 'counting',
          responsive: ['lg'],
          render: (v: string) => (v === 'working' ? '工作日' : '自然日'),
        },
        {
          title: '责任',
          dataIndex: 'owner',
          responsive: ['lg'],
          render: (v: string) => (v === 'agency' ? <Tag>本机关</Tag> : <Tag>当事人</Tag>),
        },
        { title: '状态', key: 'state', render: (_, c) => <DeadlineBadge clock={c} withLabel={false} /> },
      ]}
      expandable={
        clocks.some((c) => c.note)
          ? { rowExpandable: (c) => !!c.note, expandedRowRender: (c) => c.note }
          : undefined
      }
      locale={{ emptyText: <Empty description="没有正在计算的期限" /> }}
    />
  );
}

export function DeadlinesTab({ c }: { c: CaseDetail }) {
  return (
    <>
      {c.deadlines.problems.map((p) => (
        <Alert
          key={p.id}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${p.message}（${p.rule}）`}
        />
      ))}
      <ClockTable clocks={c.deadlines.clocks} />
    </>
  );
}
