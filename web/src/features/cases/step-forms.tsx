/**
 * The fact steps as forms: for each step the server lists in `actions.steps`,
 * its title, its fields and how the values become the request body
 * (server/src/modules/cases/schema.ts, stepBodies). Money is typed in yuan
 * and sent in fen; dates are calendar dates.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { penaltyOptions } from './labels';

type Values = Record<string, unknown>;

export interface StepForm {
  title: string;
  path: string;
  fields: ReactNode;
  initial?: Values;
  body(values: Values): Values;
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const date = (name: string, label: string, required = true) => (
  <Form.Item
    name={name}
    label={label}
    rules={required ? [{ required: true, message: `请填写${label}` }] : []}
  >
    <Input type="date" />
  </Form.Item>
);
const textArea = (name: string, label: string, required = true) => (
  <Form.Item
    name={name}
    label={label}
    rules={required ? [{ required: true, message: `请填写${label}` }] : []}
  >
    <Input.TextArea rows={3} maxLength={5000} />
  </Form.Item>
);
const check = (name: string, label: string) => (
  <Form.Item name={name} valuePropName="checked">
    <Checkbox>{label}</Checkbox>
  </Form.Item>
);
const fen = (yuan: unknown) => Math.round(Number(yuan) * 100);
const present = (v: Values) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));

const penaltyFields = (
  <>
    <Form.Item name="kinds" label="处罚种类" rules={[{ required: true, message: '至少选择一种处罚' }]}>
      <Select mode="multiple" optionFilterProp="label" options={penaltyOptions} placeholder="选择处罚种类" />
    </Form.Item>
    <Form.Item name="fineYuan" label="罚款金额（元）">
      <InputNumber min={0} precision={2} style={{ width: '100%' }} />
    </Form.Item>
  </>
);
const penalty = (v: Values) => ({
  kinds: v.kinds,
  ...(v.fineYuan !== undefined && v.fineYuan !== null && { fineFen: fen(v.fineYuan) }),
});

const outcome = (name: string, label: string, options: { value: string; label: string }[]) => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: `请选择${label}` }]}>
    <Radio.Group options={options} />
  </Form.Item>
);

/** N8 instalments: up to 12 parts, each a due date and an amount in yuan (sent in fen). */
const instalmentParts = (
  <Form.List
    name="parts"
    rules={[
      {
        validator: async (_, parts?: unknown[]) => {
          if (!parts || parts.length < 1) throw new Error('至少填写一期');
          if (parts.length > 12) throw new Error('最多分十二期');
        },
      },
    ]}
  >
    {(items, { add, remove }, { errors }) => (
      <>
        {items.map(({ key, name }, index) => (
          <Space key={key} align="baseline" wrap>
            <Form.Item
              name={[name, 'dueOn']}
              label={`第${index + 1}期缴纳期限`}
              rules={[{ required: true, message: '请填写缴纳期限' }]}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item
              name={[name, 'amountYuan']}
              label="金额（元）"
              rules={[{ required: true, message: '请填写金额' }]}
            >
              <InputNumber min={0.01} precision={2} />
            </Form.Item>
            <MinusCircleOutlined aria-label="删除此期" onClick={() => remove(name)} />
          </Space>
        ))}
        <Form.Item>
          <Button type="dashed" icon={<PlusOutlined />} disabled={items.length >= 12} onClick={() => add()}>
            增加一期
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      </>
    )}
  </Form.List>
);

export const stepForms: Record<string, StepForm> = {
  flags: {
    title: '标记重大案件或情节复杂',
    path: 'flags',
    fields: (
      <>
        {check('major', '重大案件（须经法制审核方可决定，标记后不能取消）')}
        {check('complexOrMajor', '情节复杂或重大违法行为（须集体讨论）')}
        {textArea('reason', '理由')}
      </>
    ),
    body: (v) => ({
      ...(v.major ? { major: true } : {}),
      ...(v.complexOrMajor ? { complexOrMajor: true } : {}),
      reason: v.reason,
    }),
  },
  proposal: {
    title: '处理意见（拟作出的处罚）',
    path: 'proposal',
    fields: penaltyFields,
    body: (v) => ({ proposal: penalty(v) }),
  },
  priorNotice: {
    title: '事先告知',
    path: 'prior-notice',
    initial: { servedOn: today(), hearingRightNotified: false },
    fields: (
      <>
        {date('servedOn', '告知书送达日期')}
        {check('hearingRightNotified', '已告知听证权利')}
      </>
    ),
    body: (v) => ({ servedOn: v.servedOn, hearingRightNotified: !!v.hearingRightNotified }),
  },
  defence: {
    title: '陈述申辩',
    path: 'defence',
    fields: (
      <>
        {date('heardOn', '听取陈述申辩日期', false)}
        {check('waived', '当事人放弃陈述申辩')}
      </>
    ),
    body: (v) => present({ heardOn: v.heardOn, ...(v.waived ? { waived: true } : {}) }),
  },
  hearing: {
    title: '听证',
    path: 'hearing',
    fields: (
      <>
        {date('requestedOn', '当事人申请听证日期', false)}
        {date('noticeServedOn', '听证通知送达日期', false)}
        {date('scheduledOn', '听证举行日期（计划）', false)}
        {date('heldOn', '听证实际举行日期', false)}
        {check('waived', '当事人放弃听证')}
      </>
    ),
    body: (v) => present({ ...v, waived: v.waived ? true : undefined }),
  },
  legalReview: {
    title: '法制审核',
    path: 'legal-review',
    initial: { reviewedOn: today() },
    fields: (
      <>
        {outcome('outcome', '审核结论', [
          { value: 'passed', label: '通过' },
          { value: 'returned', label: '退回补充' },
          { value: 'failed', label: '不通过' },
        ])}
        {date('reviewedOn', '审核日期')}
        {textArea('opinion', '审核意见')}
      </>
    ),
    body: (v) => ({ outcome: v.outcome, reviewedOn: v.reviewedOn, opinion: v.opinion }),
  },
  deliberation: {
    title: '集体讨论',
    path: 'deliberation',
    initial: { heldOn: today(), chairedByAgencyHead: true },
    fields: (
      <>
        {date('heldOn', '讨论日期')}
        {check('chairedByAgencyHead', '由机关负责人主持')}
        {textArea('conclusion', '讨论结论')}
      </>
    ),
    body: (v) => ({
      heldOn: v.heldOn,
      chairedByAgencyHead: !!v.chairedByAgencyHead,
      conclusion: v.conclusion,
    }),
  },
  decision: {
    title: '决定（须写明三项理由，R2）',
    path: 'decision',
    initial: { outcome: 'penalty', decidedOn: today() },
    fields: (
      <>
        {outcome('outcome', '决定', [
          { value: 'penalty', label: '给予处罚' },
          { value: 'noPenalty', label: '不予处罚' },
          { value: 'cancel', label: '撤销立案' },
          { value: 'transfer', label: '移送' },
        ])}
        {date('decidedOn', '决定日期')}
        {penaltyFields}
        {textArea('evidence', '证据采信理由', false)}
        {textArea('basis', '依据选择理由', false)}
        {textArea('discretion', '裁量理由', false)}
      </>
    ),
    body: (v) => ({
      outcome: v.outcome,
      decidedOn: v.decidedOn,
      ...(v.outcome === 'penalty' && { penalty: penalty(v) }),
      reasons: present({ evidence: v.evidence, basis: v.basis, discretion: v.discretion }),
    }),
  },
  service: {
    title: '送达',
    path: 'service',
    initial: { servedOn: today(), method: 'direct' },
    fields: (
      <>
        {date('servedOn', '送达日期')}
        <Form.Item name="method" label="送达方式" rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'direct', label: '直接送达' },
              { value: 'onTheSpot', label: '当场交付' },
              { value: 'leftAtResidence', label: '留置送达' },
              { value: 'mail', label: '邮寄送达' },
              { value: 'electronic', label: '电子送达' },
              { value: 'publication', label: '公告送达' },
            ]}
          />
        </Form.Item>
      </>
    ),
    body: (v) => ({ servedOn: v.servedOn, method: v.method }),
  },
  payment: {
    title: '罚款缴纳（缴至指定银行，不收现金）',
    path: 'payments',
    initial: { paidOn: today(), channel: 'bank' },
    fields: (
      <>
        {date('paidOn', '缴款日期')}
        <Form.Item
          name="amountYuan"
          label="缴款金额（元）"
          rules={[{ required: true, message: '请填写缴款金额' }]}
        >
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        {outcome('channel', '缴款渠道', [
          { value: 'bank', label: '指定银行' },
          { value: 'ePayment', label: '电子缴款' },
        ])}
        <Form.Item
          name="bankReference"
          label="银行缴款凭证号"
          rules={[{ required: true, message: '请填写缴款凭证号' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </>
    ),
    body: (v) => ({
      paidOn: v.paidOn,
      amountFen: fen(v.amountYuan),
      channel: v.channel,
      bankReference: v.bankReference,
    }),
  },
  timeLimitExtension: {
    title: '延长办案期限',
    path: 'time-limit-extensions',
    initial: { approvedOn: today(), days: 30 },
    fields: (
      <>
        <Form.Item name="days" label="延长天数" rules={[{ required: true }]}>
          <InputNumber min={1} max={365} style={{ width: '100%' }} />
        </Form.Item>
        {date('approvedOn', '批准日期')}
        {textArea('reason', '理由')}
      </>
    ),
    body: (v) => ({ days: v.days, approvedOn: v.approvedOn, reason: v.reason }),
  },
  paymentPlan: {
    title: '批准暂缓或分期缴纳罚款',
    path: 'payment-plan',
    initial: { kind: 'deferral', approvedOn: today(), parts: [{}, {}] },
    fields: (
      <>
        {outcome('kind', '方式', [
          { value: 'deferral', label: '暂缓（延期）缴纳' },
          { value: 'instalments', label: '分期缴纳' },
        ])}
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'instalments' ? instalmentParts : date('until', '暂缓缴纳至')
          }
        </Form.Item>
        {date('approvedOn', '批准日期')}
        {textArea('reason', '当事人申请理由及批准意见')}
      </>
    ),
    body: (v) => ({
      kind: v.kind,
      ...(v.kind === 'instalments'
        ? {
            parts: ((v.parts ?? []) as { dueOn: string; amountYuan: number }[]).map((p) => ({
              dueOn: p.dueOn,
              amountFen: fen(p.amountYuan),
            })),
          }
        : { until: v.until }),
      approvedOn: v.approvedOn,
      reason: v.reason,
    }),
  },
  majorFiling: {
    title: '重大行政处罚决定备案',
    path: 'major-filing',
    initial: { filedOn: today() },
    fields: (
      <>
        {date('filedOn', '备案日期')}
        <Form.Item
          name="recipients"
          label="备案机关"
          rules={[{ required: true, message: '请填写备案机关' }]}
          extra="上级主管部门和同级司法行政机关"
        >
          <Input maxLength={500} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ filedOn: v.filedOn, recipients: v.recipients }),
  },
  executionEnded: {
    title: '执行终结（法院强制执行完毕或依法终结执行）',
    path: 'execution-ended',
    initial: { endedOn: today(), reason: 'courtConcluded' },
    fields: (
      <>
        {outcome('reason', '终结方式', [
          { value: 'courtConcluded', label: '人民法院强制执行完毕' },
          { value: 'terminated', label: '依法终结执行' },
        ])}
        {date('endedOn', '终结日期')}
        {textArea('note', '依据（法院文书编号或终结执行的事由）')}
      </>
    ),
    body: (v) => ({ endedOn: v.endedOn, reason: v.reason, note: v.note }),
  },
  approval: {
    title: '审批意见',
    path: 'approvals',
    initial: { opinion: '同意' },
    fields: textArea('opinion', '审批意见'),
    body: (v) => ({ opinion: v.opinion }),
  },
  pause: {
    title: '办案期限中止（不计入期限的期间开始）',
    path: 'pauses',
    initial: { from: today() },
    fields: (
      <>
        {date('from', '起始日期')}
        {textArea('reason', '事由（如听证、公告、检测、检验、检疫、鉴定）')}
      </>
    ),
    body: (v) => ({ from: v.from, reason: v.reason }),
  },
  resume: {
    title: '办案期限恢复计算',
    path: 'pauses/resume',
    initial: { to: today() },
    fields: date('to', '中止期间截止日期（含当日）'),
    body: (v) => ({ to: v.to }),
  },
};
