/**
 * The fields of each 事前公开 list kind, below the common ones in EntryModal:
 * 服务指南 with its materials and steps, 抽查事项, 裁量基准 with its
 * circumstances, 免罚事项. Also what a kind's new entry starts from.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Form,
  type FormListFieldData,
  Input,
  InputNumber,
  type InputNumberProps,
  Select,
  Space,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import type { ListChoices, ListKind } from './api';

export const kindFields: Record<ListKind, string[]> = {
  serviceGuide: [
    'basis',
    'acceptingBody',
    'approvingBody',
    'conditions',
    'materials',
    'steps',
    'statutoryLimitDays',
    'promisedLimitDays',
    'limitNote',
    'fees',
    'supervision',
    'accountability',
    'remedies',
    'officeHours',
    'address',
    'phone',
  ],
  inspectionItem: [
    'inspectingBody',
    'basis',
    'targets',
    'inspectionContent',
    'samplingRatioPercent',
    'methods',
    'frequency',
    'note',
  ],
  discretionBenchmark: ['violatedProvision', 'penaltyProvision', 'statutoryPenalty', 'circumstances', 'note'],
  exemption: ['violatedProvision', 'exemptionKind', 'conditions', 'exemptionBasis', 'measures', 'note'],
};

/** Two fields side by side. */
const twoColumns = { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 } as const;

export const required = (message: string) => [{ required: true, whitespace: true, message }];

/**
 * A text field: one line, or a text area of `rows` rows (4000 characters
 * unless told); required with 请填写{label} unless `optional` or told otherwise.
 */
function TextField({
  label,
  name,
  rows,
  max = rows ? 4000 : 200,
  message = `请填写${label}`,
  optional,
}: {
  label: string;
  name: string;
  rows?: number;
  max?: number;
  message?: string;
  optional?: boolean;
}) {
  return (
    <Form.Item label={label} name={name} rules={optional ? undefined : required(message)}>
      {rows ? (
        <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} maxLength={max} />
      ) : (
        <Input maxLength={max} />
      )}
    </Form.Item>
  );
}

/** A text or number box in a row of a repeated group, named for screen readers. */
const cellText = (placeholder: string, label: string, max: number, width: number) => (
  <Input placeholder={placeholder} aria-label={label} maxLength={max} style={{ width }} />
);
const cellNumber = (label: string, width: number, props: InputNumberProps<number>) => (
  <InputNumber {...props} aria-label={label} style={{ width }} />
);

/** A titled group of fields repeated row by row (材料, 环节, 情节): remove a row, add one. */
function Rows({
  title,
  name,
  what,
  fresh,
  max,
  children,
}: {
  title: string;
  name: string;
  /** One row, in 添加{what} and 删除该{what}. */
  what: string;
  /** A new row's values. */
  fresh: Record<string, unknown>;
  max?: number;
  children(field: FormListFieldData, index: number): ReactNode;
}) {
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <Form.List name={name}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                {children(field, index)}
                <MinusCircleOutlined aria-label={`删除该${what}`} onClick={() => remove(field.name)} />
              </Space>
            ))}
            {max === undefined || fields.length < max ? (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(fresh)}>
                添加{what}
              </Button>
            ) : null}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <div style={{ height: 16 }} />
    </>
  );
}

function GuideFields() {
  return (
    <>
      <TextField label="设定依据" name="basis" rows={2} />
      <div style={twoColumns}>
        <TextField label="受理机构" name="acceptingBody" />
        <TextField label="决定机构" name="approvingBody" />
      </div>
      <TextField label="申请条件" name="conditions" rows={3} />
      <Rows title="申请材料" name="materials" what="材料" fresh={{ originals: 1, copies: 0, note: '' }}>
        {(field) => (
          <>
            <Form.Item name={[field.name, 'name']} rules={required('请填写材料名称')}>
              {cellText('材料名称', '材料名称', 200, 240)}
            </Form.Item>
            <Form.Item name={[field.name, 'originals']}>
              {cellNumber('原件份数', 120, { min: 0, max: 99, addonBefore: '原件' })}
            </Form.Item>
            <Form.Item name={[field.name, 'copies']}>
              {cellNumber('复印件份数', 130, { min: 0, max: 99, addonBefore: '复印件' })}
            </Form.Item>
            <Form.Item name={[field.name, 'note']}>{cellText('备注', '材料备注', 500, 180)}</Form.Item>
          </>
        )}
      </Rows>
      <Rows title="办理流程" name="steps" what="环节" fresh={{ description: '' }}>
        {(field, index) => (
          <>
            <span>{index + 1}.</span>
            <Form.Item name={[field.name, 'name']} rules={required('请填写环节名称')}>
              {cellText('环节', '环节名称', 100, 160)}
            </Form.Item>
            <Form.Item name={[field.name, 'description']}>
              {cellText('说明', '环节说明', 1000, 380)}
            </Form.Item>
          </>
        )}
      </Rows>
      <Space wrap>
        <Form.Item
          label="法定办结时限（工作日）"
          name="statutoryLimitDays"
          rules={[{ required: true, message: '请填写' }]}
        >
          <InputNumber min={1} max={3650} />
        </Form.Item>
        <Form.Item
          label="承诺办结时限（工作日）"
          name="promisedLimitDays"
          rules={[{ required: true, message: '请填写' }]}
        >
          <InputNumber min={1} max={3650} />
        </Form.Item>
        <Form.Item label="时限说明" name="limitNote">
          <Input maxLength={500} placeholder="如：不含现场核查时间" style={{ width: 260 }} />
        </Form.Item>
      </Space>
      <TextField
        label="收费标准及依据"
        name="fees"
        max={1000}
        message="请填写收费标准（不收费请写“不收费”）"
      />
      <TextField label="监督投诉渠道" name="supervision" rows={2} max={1000} />
      <TextField label="责任追究" name="accountability" rows={2} max={1000} />
      <TextField label="救济途径" name="remedies" rows={2} max={1000} />
      <TextField label="办公时间" name="officeHours" />
      <div style={twoColumns}>
        <TextField label="办公地址" name="address" />
        <TextField label="咨询电话" name="phone" max={50} />
      </div>
    </>
  );
}

function InspectionFields({ choices }: { choices: ListChoices }) {
  return (
    <>
      <TextField label="检查主体" name="inspectingBody" />
      <TextField label="抽查依据" name="basis" rows={2} />
      <TextField label="检查对象" name="targets" rows={2} max={1000} />
      <TextField label="检查内容" name="inspectionContent" rows={3} />
      <Space wrap>
        <Form.Item
          label="抽查比例（%）"
          name="samplingRatioPercent"
          rules={[{ required: true, message: '请填写' }]}
        >
          <InputNumber min={0.01} max={100} step={0.5} precision={2} />
        </Form.Item>
        <Form.Item label="抽查频次" name="frequency" rules={required('请填写抽查频次')}>
          <Input maxLength={200} placeholder="如：每年不少于 1 次" style={{ width: 240 }} />
        </Form.Item>
      </Space>
      <Form.Item
        label="检查方式"
        name="methods"
        rules={[{ required: true, message: '至少选择一种检查方式' }]}
      >
        <Checkbox.Group options={choices.inspectionMethods} />
      </Form.Item>
      <TextField label="备注" name="note" rows={1} max={1000} optional />
    </>
  );
}

function BenchmarkFields({ choices }: { choices: ListChoices }) {
  return (
    <>
      <TextField label="违反条款" name="violatedProvision" rows={1} max={2000} />
      <TextField label="处罚依据" name="penaltyProvision" rows={1} max={2000} />
      <TextField
        label="法定处罚种类和幅度"
        name="statutoryPenalty"
        rows={2}
        max={2000}
        message="请填写法定处罚"
      />
      <Rows
        title="裁量幅度（按情节，罚款单位：元）"
        name="circumstances"
        what="情节"
        fresh={{ otherMeasures: '' }}
        max={choices.circumstanceLevels.length}
      >
        {(field) => (
          <>
            <Form.Item name={[field.name, 'level']} rules={[{ required: true, message: '请选择情节' }]}>
              <Select
                options={choices.circumstanceLevels}
                placeholder="情节"
                aria-label="情节"
                style={{ width: 90 }}
              />
            </Form.Item>
            <Form.Item name={[field.name, 'description']} rules={required('请填写适用情形')}>
              {cellText('适用情形', '适用情形', 1000, 260)}
            </Form.Item>
            <Form.Item name={[field.name, 'fineMinYuan']} rules={[{ required: true, message: '下限' }]}>
              {cellNumber('罚款下限（元）', 110, { min: 0, precision: 0, placeholder: '下限' })}
            </Form.Item>
            <Form.Item name={[field.name, 'fineMaxYuan']} rules={[{ required: true, message: '上限' }]}>
              {cellNumber('罚款上限（元）', 110, { min: 0, precision: 0, placeholder: '上限' })}
            </Form.Item>
            <Form.Item name={[field.name, 'otherMeasures']}>
              {cellText('其他处罚或措施', '其他处罚或措施', 500, 180)}
            </Form.Item>
          </>
        )}
      </Rows>
      <TextField label="说明" name="note" rows={1} max={1000} optional />
    </>
  );
}

function ExemptionFields({ choices }: { choices: ListChoices }) {
  const kind = Form.useWatch('exemptionKind') as string | undefined;
  const chosen = choices.exemptionKinds.find((k) => k.value === kind);
  return (
    <>
      <TextField label="违反条款" name="violatedProvision" rows={1} max={2000} />
      <Form.Item
        label="不予处罚类型"
        name="exemptionKind"
        rules={[{ required: true, message: '请选择不予处罚类型' }]}
        extra={chosen ? `法定条件：${chosen.conditions}` : undefined}
      >
        <Select options={choices.exemptionKinds.map(({ value, label }) => ({ value, label }))} />
      </Form.Item>
      <TextField
        label="适用条件（具体情形）"
        name="conditions"
        rows={2}
        max={2000}
        message="请填写适用条件"
      />
      <Form.Item
        label="不予处罚依据"
        name="exemptionBasis"
        extra={chosen ? `不填写时为：${chosen.basis}` : undefined}
      >
        <Input maxLength={1000} />
      </Form.Item>
      <TextField
        label="配套措施"
        name="measures"
        max={1000}
        message="请填写配套措施（如责令改正、批评教育）"
      />
      <TextField label="备注" name="note" rows={1} max={1000} optional />
    </>
  );
}

/** The form fields of one kind. */
export function KindFields({ kind, choices }: { kind: ListKind; choices: ListChoices }) {
  if (kind === 'serviceGuide') return <GuideFields />;
  if (kind === 'inspectionItem') return <InspectionFields choices={choices} />;
  if (kind === 'discretionBenchmark') return <BenchmarkFields choices={choices} />;
  return <ExemptionFields choices={choices} />;
}

export const emptyContent: Record<ListKind, Record<string, unknown>> = {
  serviceGuide: {
    materials: [{ name: '', originals: 1, copies: 0, note: '' }],
    steps: [
      { name: '申请', description: '' },
      { name: '受理', description: '' },
      { name: '审查', description: '' },
      { name: '决定', description: '' },
      { name: '送达', description: '' },
    ],
    statutoryLimitDays: 20,
    fees: '不收费',
    remedies:
      '申请人对决定不服的，可以自收到决定之日起六十日内依法申请行政复议，或者自收到决定之日起六个月内依法提起行政诉讼。',
  },
  inspectionItem: { methods: ['onSite'], samplingRatioPercent: 5 },
  discretionBenchmark: { circumstances: [{ level: 'minor', otherMeasures: '' }] },
  exemption: { exemptionKind: 'firstViolation' },
};
