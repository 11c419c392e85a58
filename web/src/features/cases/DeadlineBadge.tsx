/** One running clock as a tag: red when overdue, orange within its warning lead time. */
import { Tag, Tooltip } from 'antd';
import type { RunningClock } from './api';

export function clockText(clock: RunningClock): string {
  const unit = clock.counting === 'working' ? '个工作日' : '天';
  if (clock.overdue) return `已逾期 ${-clock.daysLeft} ${unit}`;
  if (clock.daysLeft === 0) return '今天到期';
  return `剩 ${clock.daysLeft} ${unit}`;
}

/** 暂定 and why: the due date of an agency's duty is its earliest plausible end, a party's period its latest. */
export function provisionalText(clock: RunningClock): string | undefined {
  const p = clock.provisional;
  if (!p) return undefined;
  const reading = clock.owner === 'agency' ? '按最早可能日期提醒' : '按最迟可能日期计算';
  return `暂定：${p.reason}；可能在 ${p.earliestOn} 至 ${p.latestOn} 之间届满，${reading}`;
}

export function ProvisionalTag({ clock }: { clock: RunningClock }) {
  const text = provisionalText(clock);
  if (!text) return null;
  return (
    <Tooltip title={text}>
      <Tag color="gold" data-testid="provisional-tag">
        暂定
      </Tag>
    </Tooltip>
  );
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
    <Tooltip
      title={`${clock.label}（${clock.rule}）：${clock.startedOn} 起算，${clock.dueOn} 到期${provisionalText(clock) ? `（${provisionalText(clock)}）` : ''}`}
    >
      <Tag
        color={color}
        data-testid="deadline-badge"
        data-state={clock.overdue ? 'overdue' : clock.warning ? 'warning' : 'ok'}
      >
        {withLabel ? `${clock.label} · ` : ''}
        {clockText(clock)}
        {clock.provisional ? '（暂定）' : ''}
      </Tag>
    </Tooltip>
  );
}
