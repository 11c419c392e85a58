/**
 * The fact steps the current stage needs, as the server lists them for this
 * viewer, each opening its form; and what the case has recorded so far.
 */
import { EditOutlined } from '@ant-design/icons';
import { type Role, roleLabels } from '@zhifa/core';
import { App, Button, Card, Descriptions, Empty, Form, Space } from 'antd';
import { FormModal } from '../../app/FormModal';
import { useModal } from '../../app/use-modal';
import { type CaseDetail, casesApi } from './api';
import { penaltyOptions, yuan } from './labels';
import { SeizureSummary, seizureForms } from './seizure-forms';
import { stepForms as penaltyForms, type StepForm } from './step-forms';

const stepForms: Record<string, StepForm> = { ...penaltyForms, ...seizureForms };

type Facts = Record<string, Record<string, unknown> | undefined>;

const outcomeLabels: Record<string, string> = {
  penalty: '给予处罚',
  noPenalty: '不予处罚',
  cancel: '撤销立案',
  transfer: '移送',
  passed: '通过',
  returned: '退回补充',
  failed: '不通过',
  direct: '直接送达',
  onTheSpot: '当场交付',
  leftAtResidence: '留置送达',
  mail: '邮寄送达',
  electronic: '电子送达',
  publication: '公告送达',
};
const say = (v: unknown) => outcomeLabels[String(v)] ?? String(v ?? '');

function penaltyText(p: unknown): string {
  const value = p as { kinds?: string[]; fineFen?: number } | undefined;
  if (!value?.kinds) return '—';
  const kinds = value.kinds.map((k) => penaltyOptions.find((o) => o.value === k)?.label ?? k).join('、');
  return value.fineFen !== undefined ? `${kinds}（${yuan(value.fineFen)}）` : kinds;
}

interface PaymentPlan {
  deferral?: { until: string; approvedOn: string; reason: string };
  instalments?: { parts: { dueOn: string; amountFen: number }[]; approvedOn: string; reason: string };
}

function hearingText(h: Record<string, unknown>): string {
  if (h.waived) return '当事人放弃听证';
  const parts = [
    h.requestedOn && `${h.requestedOn} 申请`,
    h.noticeServedOn && `${h.noticeServedOn} 送达听证通知`,
    h.scheduledOn && `定于 ${h.scheduledOn} 举行`,
    h.heldOn && `${h.heldOn} 举行`,
  ];
  return parts.filter(Boolean).join('，') || '—';
}

function FactsSummary({ facts }: { facts: Facts }) {
  const rows: [string, string][] = [];
  if (facts.proposal) rows.push(['拟作出的处罚', penaltyText(facts.proposal)]);
  if (facts.priorNotice)
    rows.push([
      '事先告知',
      `${facts.priorNotice.servedOn} 送达${facts.priorNotice.hearingRightNotified ? '，已告知听证权利' : ''}`,
    ]);
  if (facts.defence)
    rows.push(['陈述申辩', facts.defence.waived ? '当事人放弃' : `${facts.defence.heardOn ?? ''} 听取`]);
  if (facts.hearing) rows.push(['听证', hearingText(facts.hearing)]);
  if (facts.legalReview)
    rows.push([
      '法制审核',
      `${facts.legalReview.reviewedOn} ${facts.legalReview.reviewerName ?? ''}：${say(facts.legalReview.outcome)}`,
    ]);
  if (facts.decision)
    rows.push([
      '决定',
      `${facts.decision.decidedOn} ${say(facts.decision.outcome)} ${facts.decision.penalty ? penaltyText(facts.decision.penalty) : ''}`,
    ]);
  if (facts.service) rows.push(['送达', `${facts.service.servedOn}（${say(facts.service.method)}）`]);
  const payments = (facts.payment?.payments ?? []) as {
    paidOn: string;
    amountFen: number;
    bankReference: string;
  }[];
  const plan = facts.payment as PaymentPlan | undefined;
  if (plan?.deferral)
    rows.push([
      '暂缓缴纳',
      `${plan.deferral.approvedOn} 批准，至 ${plan.deferral.until}（${plan.deferral.reason}）`,
    ]);
  if (plan?.instalments)
    rows.push([
      '分期缴纳',
      `${plan.instalments.approvedOn} 批准：${plan.instalments.parts.map((p) => `${p.dueOn} 前 ${yuan(p.amountFen)}`).join('；')}`,
    ]);
  for (const p of payments) rows.push(['缴款', `${p.paidOn} ${yuan(p.amountFen)}，凭证 ${p.bankReference}`]);
  if (facts.majorFiling)
    rows.push(['重大处罚备案', `${facts.majorFiling.filedOn} 报 ${facts.majorFiling.recipients}`]);
  const approvals = (facts.approvals ?? []) as unknown as {
    stage: string;
    role: string;
    name: string;
    opinion: string;
    approvedOn: string;
  }[];
  for (const a of approvals)
    rows.push([
      `${a.stage === 'register' ? '立案' : a.stage === 'close' ? '结案' : a.stage}审批（${roleLabels[a.role as Role] ?? a.role}）`,
      `${a.approvedOn} ${a.name}：${a.opinion}`,
    ]);
  if (facts.executionEnded)
    rows.push([
      '执行终结',
      `${facts.executionEnded.endedOn} ${facts.executionEnded.reason === 'courtConcluded' ? '人民法院强制执行完毕' : '依法终结执行'}：${facts.executionEnded.note}`,
    ]);
  for (const x of (facts.timeLimitExtensions ?? []) as unknown as { days: number; approvedOn: string }[])
    rows.push(['延长办案期限', `${x.approvedOn} 批准延长 ${x.days} 日`]);
  for (const p of (facts.pausedPeriods ?? []) as unknown as { from: string; to?: string; reason: string }[])
    rows.push(['期限中止', `${p.from} 至 ${p.to ?? '今（未恢复）'}：${p.reason}`]);
  if (!rows.length) return null;
  return (
    <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }}>
      {rows.map(([label, text], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: several payments share a label.
        <Descriptions.Item key={`${label}-${i}`} label={label}>
          {text}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function StepModal({
  c,
  step,
  onClose,
  onChanged,
}: {
  c: CaseDetail;
  step: StepForm;
  onClose(): void;
  onChanged(): Promise<void>;
}) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  return (
    <FormModal<Record<string, unknown>>
      open
      title={step.title}
      name={`step_${step.path.replace(/\W/g, '_')}`}
      form={form}
      initialValues={step.initial}
      fields={[]}
      onSubmit={async (values) => {
        await casesApi.step(c.id, step.path, { version: c.version, ...step.body(values) });
        message.success(`已记录：${step.title}`);
        onClose();
        await onChanged();
      }}
      onClose={onClose}
    >
      {step.fields}
    </FormModal>
  );
}

export function StepsCard({ c, onChanged }: { c: CaseDetail; onChanged(): Promise<void> }) {
  const modal = useModal<string>();
  const available = c.actions.steps.filter((name) => stepForms[name]);
  const open = modal.target ? stepForms[modal.target] : undefined;
  return (
    <Card size="small" title="本环节记录事项">
      {available.length ? (
        <Space wrap>
          {available.map((name) => (
            <Button key={name} icon={<EditOutlined />} onClick={() => modal.open(name)}>
              {stepForms[name]!.title}
            </Button>
          ))}
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本环节没有您可以记录的事项" />
      )}
      <FactsSummary facts={c.facts as Facts} />
      <SeizureSummary facts={c.facts} />
      {open ? (
        <StepModal key={modal.key} c={c} step={open} onClose={modal.close} onChanged={onChanged} />
      ) : null}
    </Card>
  );
}
