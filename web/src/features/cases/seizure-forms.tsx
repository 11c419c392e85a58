/**
 * The steps of a seizure (查封、扣押, 行政强制法 art. 18–28, N11) as forms, the
 * way step-forms.tsx does the penalty's: the head's approval (before it is
 * carried out, or within 24 hours when urgent), the decision with its term
 * (at most 30 days), the one extension (at most 30 days, approved), and the
 * disposal. Bodies follow server/src/modules/cases/schema.ts (stepBodies);
 * the server checks every rule again. Also what the case has recorded of it.
 */
import { processDefinitions } from '@zhifa/core';
import { Checkbox, Descriptions, Form, Input, InputNumber, Radio } from 'antd';
import type { StepForm } from './step-forms';

/** 行政强制法 art. 25: the term, and the one extension, are each at most thirty days. */
const maxDays = 30;

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const required = (label: string) => [{ required: true, message: `请填写${label}` }];
const date = (name: string, label: string) => (
  <Form.Item name={name} label={label} rules={required(label)}>
    <Input type="date" />
  </Form.Item>
);
const days = (name: string, label: string, why: string) => (
  <Form.Item
    name={name}
    label={label}
    extra={why}
    rules={[
      ...required(label),
      { type: 'integer', min: 1, max: maxDays, message: `${label}应为1至${maxDays}日的整数` },
    ]}
  >
    <InputNumber min={1} max={maxDays} precision={0} suffix="日" style={{ width: '100%' }} />
  </Form.Item>
);
const emergency = (
  <Form.Item name="emergency" valuePropName="checked">
    <Checkbox>情况紧急，当场实施（二十四小时内补办批准手续）</Checkbox>
  </Form.Item>
);

/** 解除、没收、销毁、移送 — as the process definition names the outcomes of 处理决定. */
const disposalOptions = (
  processDefinitions.seizure.stages.find((s) => s.id === 'dispose')?.outcomes ?? []
).map((o) => ({ value: o.id, label: o.label }));

export const seizureForms: Record<string, StepForm> = {
  seizureApproval: {
    title: '查封扣押审批',
    path: 'seizure/approval',
    initial: { approvedOn: today(), emergency: false },
    fields: (
      <>
        {date('approvedOn', '负责人批准日期')}
        {emergency}
      </>
    ),
    body: (v) => ({ approvedOn: v.approvedOn, emergency: !!v.emergency }),
  },
  seizure: {
    title: '查封扣押决定（期限不超过三十日）',
    path: 'seizure',
    initial: { decidedOn: today(), termDays: maxDays, emergency: false },
    fields: (
      <>
        {date('decidedOn', '决定（实施）日期')}
        {days('termDays', '查封扣押期限', '自决定之次日起算，不得超过三十日（行政强制法第二十五条）')}
        <Form.Item name="items" label="查封扣押财物清单" rules={required('查封扣押财物清单')}>
          <Input.TextArea rows={3} maxLength={5000} placeholder="名称、数量、规格、存放地点" />
        </Form.Item>
        {emergency}
      </>
    ),
    body: (v) => ({
      decidedOn: v.decidedOn,
      termDays: v.termDays,
      emergency: !!v.emergency,
      items: String(v.items ?? '').trim(),
    }),
  },
  seizureExtension: {
    title: '延长查封扣押期限（只能延长一次）',
    path: 'seizure/extension',
    initial: { approvedOn: today(), days: maxDays },
    fields: (
      <>
        {days('days', '延长天数', '情况复杂的，经行政机关负责人批准可延长一次，不超过三十日')}
        {date('approvedOn', '负责人批准日期')}
        <Form.Item name="reason" label="延长理由（书面告知当事人）" rules={required('延长理由')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ days: v.days, approvedOn: v.approvedOn, reason: String(v.reason ?? '').trim() }),
  },
  seizureDisposal: {
    title: '查封扣押处理决定',
    path: 'seizure/disposal',
    initial: { disposedOn: today(), outcome: 'release' },
    fields: (
      <>
        <Form.Item name="outcome" label="处理决定" rules={[{ required: true, message: '请选择处理决定' }]}>
          <Radio.Group options={disposalOptions} />
        </Form.Item>
        {date('disposedOn', '处理决定日期')}
      </>
    ),
    body: (v) => ({ disposedOn: v.disposedOn, outcome: v.outcome }),
  },
};

interface SeizureFacts {
  decidedOn: string;
  termDays: number;
  emergency: boolean;
  items: string;
  extensions: { days: number; approvedOn?: string }[];
  disposedOn?: string;
  disposalOutcome?: string;
}

/** What the case has recorded of its seizure; nothing when it has none. */
export function SeizureSummary({ facts }: { facts: Record<string, unknown> }) {
  const approval = facts.seizureApproval as { approvedOn: string; emergency: boolean } | undefined;
  const seizure = facts.seizure as SeizureFacts | undefined;
  if (!approval && !seizure) return null;
  const outcome = disposalOptions.find((o) => o.value === seizure?.disposalOutcome)?.label;
  return (
    <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }} data-testid="seizure-facts">
      {approval ? (
        <Descriptions.Item label="查封扣押审批">
          {approval.approvedOn} 经负责人批准{approval.emergency ? '（情况紧急，事后补办）' : ''}
        </Descriptions.Item>
      ) : null}
      {seizure ? (
        <Descriptions.Item label="查封扣押决定">
          {seizure.decidedOn} 决定，期限{seizure.termDays}日
        </Descriptions.Item>
      ) : null}
      {seizure ? <Descriptions.Item label="财物清单">{seizure.items}</Descriptions.Item> : null}
      {seizure?.extensions.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: extensions are only appended.
        <Descriptions.Item key={i} label="延长期限">
          {e.approvedOn} 批准延长{e.days}日
        </Descriptions.Item>
      ))}
      {seizure?.disposedOn ? (
        <Descriptions.Item label="处理决定">
          {seizure.disposedOn} {outcome ?? seizure.disposalOutcome}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
