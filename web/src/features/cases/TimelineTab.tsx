/** 时间线: every ledger event of the case's stream with actor, time and hash, and whether the chain verifies. */
import { Alert, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { useLoader } from '../../app/use-loader';
import { casesApi, type TimelineEvent } from './api';
import { dateTime, eventLabel, stagesOf } from './labels';
import { seizureForms } from './seizure-forms';
import { stepForms } from './step-forms';

const stepTitles = (step: string) => ({ ...stepForms, ...seizureForms })[step]?.title ?? step;

const accessLabels: Record<string, string> = {
  metadata: '查看信息：',
  view: '播放或查看：',
  download: '下载：',
};

function detail(e: TimelineEvent, stage: (id: unknown) => string): string {
  const p = e.payload;
  if (e.kind === 'case.transitioned')
    return `${stage(p.from)} → ${stage(p.to)}${p.caseNumber ? `（${p.caseNumber}）` : ''}`;
  if (e.kind === 'case.factsRecorded') return `记录事项：${stepTitles(String(p.step))}`;
  if (e.kind === 'document.rendered') return `${p.title}${p.number ? ` ${p.number}` : ''}`;
  if (e.kind === 'case.registered') return `${p.title}，当事人 ${p.partyName}`;
  if (e.kind === 'case.evidenceLinked') return String(p.description || p.evidenceId || '');
  if (e.kind === 'case.evidenceAccessed')
    return `证据 ${String(p.evidenceId).slice(0, 8)}：${accessLabels[String(p.access)] ?? p.access}${p.range ? `（${p.range}）` : ''}`;
  return '';
}

export function TimelineTab({
  id,
  processKind,
  version,
}: {
  id: string;
  processKind: string;
  version: number;
}) {
  const stage = (value: unknown) => stagesOf(processKind).find((s) => s.id === value)?.label ?? String(value);
  const { data, error } = useLoader(() => casesApi.timeline(id), [id, version]);
  if (!data) {
    if (error)
      return <Alert type="error" showIcon title="无法载入时间线" description={errorMessage(error)} />;
    return <PageLoading />;
  }
  const { verification } = data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      {verification.ok ? (
        <Alert
          type="success"
          showIcon
          data-testid="chain-verification"
          title="全过程记录校验通过"
          description={`本案 ${verification.events} 个事件的哈希链逐一重新计算，全部无误。`}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          data-testid="chain-verification"
          title="全过程记录校验未通过"
          description={
            verification.firstBreak
              ? `第 ${verification.firstBreak.seq} 个事件断链：${verification.firstBreak.detail}`
              : '哈希链与记录流头不符'
          }
        />
      )}
      {data.items.length ? (
        <Timeline
          items={data.items.map((e) => ({
            key: e.seq,
            content: (
              <div data-testid="timeline-event">
                <Space wrap size={4}>
                  <Typography.Text strong>{eventLabel(e.kind)}</Typography.Text>
                  <Tag>#{e.seq}</Tag>
                  <Typography.Text type="secondary">{dateTime(e.occurredAt)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {e.actor ? e.actor.displayName : '系统（演示数据）'}
                  </Typography.Text>
                </Space>
                {detail(e, stage) ? <div>{detail(e, stage)}</div> : null}
                <div>
                  <Typography.Text type="secondary" className="case-hash" title={e.hash}>
                    哈希 {e.hash.slice(0, 16)}… ← {e.prevHash.slice(0, 8)}…
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      ) : (
        <Empty description="尚无事件" />
      )}
    </Space>
  );
}
