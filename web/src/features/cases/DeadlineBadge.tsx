/** One running clock as a tag: red when overdue, orange within its warning lead time. */
import { Tag, Tooltip } from 'antd';
import type { RunningClock } from './api';

export function clockText(clock: RunningClock): string {
  const unit = clock.counting === 'working' ? '个工作日' : '天';
  if (clock.overdue) return `已逾期 ${-clock.daysLeft} ${unit}`;
  if (clock.daysLeft === 0) return '今天到期';
  return `剩 ${clock.daysLeft} ${unit}`;
}

export function DeadlineBadge({
  clock,
  withLabel = true,
}: {
  clock: RunningClock | null;
  withLabel?: boolean;
}) {
  if (!clock) return <Tag>无进行中的期限</Tag>;
  const color = clock.overdue ? 'red' : clock.warning ? 'orange' : 'green';
  return (
    <Tooltip title={`${clock.label}（${clock.rule}）：${clock.startedOn} 起算，${clock.dueOn} 到期`}>
      <Tag
        color={color}
        data-testid="deadline-badge"
        data-state={clock.overdue ? 'overdue' : clock.warning ? 'warning' : 'ok'}
      >
        {withLabel ? `${clock.label} · ` : ''}
        {clockText(clock)}
      </Tag>
    </Tooltip>
  );
}
