/**
 * Drafts or edits one entry of a 事前公开 list. The common fields (title, the
 * 权责清单 item, cited articles, change note) and each kind's own. Editing a
 * published entry opens a new version: the published one stays public until
 * the disclosure officer publishes the new one as its correction.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../app/FormModal';
import { useLoader } from '../../app/use-loader';
import {
  type ArticleOption,
  type BenchmarkContent,
  type ExemptionContent,
  type GuideContent,
  type InspectionContent,
  kindPages,
  type ListBody,
  type ListChoices,
  type ListEntry,
  type ListKind,
  listsApi,
  lookupApi,
} from './api';

type Values = Record<string, unknown> & {
  title: string;
  enforcementItemId?: string | null;
  basisArticleIds?: string[];
  changeNote?: string;
};

/** Which 权责清单 item types fit each kind. */
const itemTypes: Record<ListKind, string[]> = {
  serviceGuide: ['licensing', 'other'],
  inspectionItem: ['inspection'],
  discretionBenchmark: ['penalty'],
  exemption: ['penalty'],
};

const titleLabels: Record<ListKind, string> = {
  serviceGuide: '事项名称',
  inspectionItem: '抽查事项名称',
  discretionBenchmark: '违法行为',
  exemption: '违法行为',
};

const kindFields: Record<ListKind, string[]> = {
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

const required = (message: string) => [{ required: true, whitespace: true, message }];
const area = (rows = 3, max = 4000) => (
  <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} maxLength={max} />
);

function ArticlePicker({
  value,
  onChange,
  initial,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  initial: { value: string; label: string }[];
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>(initial);
  const search = async (q: string) => {
    if (!q.trim()) return;
    try {
      const { items } = await lookupApi.articles(q.trim());
      const found = items.map((a: ArticleOption) => ({
        value: a.id,
        label: `《${a.law.shortTitle}》${a.number}${a.law.statusLabel === '现行有效' ? '' : `（${a.law.statusLabel}）`}`,
      }));
      setOptions((old) => [
        ...old.filter((o) => value?.includes(o.value)),
        ...found.filter((f) => !value?.includes(f.value)),
      ]);
    } catch {
      // The picker is optional: without the law library the text basis still stands.
    }
  };
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      filterOption={false}
      showSearch={{ onSearch: (q) => void search(q) }}
      placeholder="输入法规名称或条号查找，如 道路运输条例 第六十三条"
      notFoundContent="输入关键词查找法律法规库中的条文"
    />
  );
}

function GuideFields() {
  return (
    <>
      <Form.Item label="设定依据" name="basis" rules={required('请填写设定依据')}>
        {area(2)}
      </Form.Item>
      <div style={twoColumns}>
        <Form.Item label="受理机构" name="acceptingBody" rules={required('请填写受理机构')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="决定机构" name="approvingBody" rules={required('请填写决定机构')}>
          <Input maxLength={200} />
        </Form.Item>
      </div>
      <Form.Item label="申请条件" name="conditions" rules={required('请填写申请条件')}>
        {area(3)}
      </Form.Item>
      <Typography.Text strong>申请材料</Typography.Text>
      <Form.List name="materials">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'name']} rules={required('请填写材料名称')}>
                  <Input
                    placeholder="材料名称"
                    aria-label="材料名称"
                    maxLength={200}
                    style={{ width: 240 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'originals']}>
                  <InputNumber
                    min={0}
                    max={99}
                    addonBefore="原件"
                    aria-label="原件份数"
                    style={{ width: 120 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'copies']}>
                  <InputNumber
                    min={0}
                    max={99}
                    addonBefore="复印件"
                    aria-label="复印件份数"
                    style={{ width: 130 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'note']}>
                  <Input placeholder="备注" aria-label="材料备注" maxLength={500} style={{ width: 180 }} />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除该材料" onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ originals: 1, copies: 0, note: '' })}
            >
              添加材料
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <div style={{ height: 16 }} />
      <Typography.Text strong>办理流程</Typography.Text>
      <Form.List name="steps">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                <span>{index + 1}.</span>
                <Form.Item name={[field.name, 'name']} rules={required('请填写环节名称')}>
                  <Input placeholder="环节" aria-label="环节名称" maxLength={100} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'description']}>
                  <Input placeholder="说明" aria-label="环节说明" maxLength={1000} style={{ width: 380 }} />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除该环节" onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ description: '' })}>
              添加环节
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <div style={{ height: 16 }} />
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
      <Form.Item label="收费标准及依据" name="fees" rules={required('请填写收费标准（不收费请写“不收费”）')}>
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item label="监督投诉渠道" name="supervision" rules={required('请填写监督投诉渠道')}>
        {area(2, 1000)}
      </Form.Item>
      <Form.Item label="责任追究" name="accountability" rules={required('请填写责任追究')}>
        {area(2, 1000)}
      </Form.Item>
      <Form.Item label="救济途径" name="remedies" rules={required('请填写救济途径')}>
        {area(2, 1000)}
      </Form.Item>
      <Form.Item label="办公时间" name="officeHours" rules={required('请填写办公时间')}>
        <Input maxLength={200} />
      </Form.Item>
      <div style={twoColumns}>
        <Form.Item label="办公地址" name="address" rules={required('请填写办公地址')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="咨询电话" name="phone" rules={required('请填写咨询电话')}>
          <Input maxLength={50} />
        </Form.Item>
      </div>
    </>
  );
}

function InspectionFields({ choices }: { choices: ListChoices }) {
  return (
    <>
      <Form.Item label="检查主体" name="inspectingBody" rules={required('请填写检查主体')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="抽查依据" name="basis" rules={required('请填写抽查依据')}>
        {area(2)}
      </Form.Item>
      <Form.Item label="检查对象" name="targets" rules={required('请填写检查对象')}>
        {area(2, 1000)}
      </Form.Item>
      <Form.Item label="检查内容" name="inspectionContent" rules={required('请填写检查内容')}>
        {area(3)}
      </Form.Item>
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
      <Form.Item label="备注" name="note">
        {area(1, 1000)}
      </Form.Item>
    </>
  );
}

function BenchmarkFields({ choices }: { choices: ListChoices }) {
  return (
    <>
      <Form.Item label="违反条款" name="violatedProvision" rules={required('请填写违反条款')}>
        {area(1, 2000)}
      </Form.Item>
      <Form.Item label="处罚依据" name="penaltyProvision" rules={required('请填写处罚依据')}>
        {area(1, 2000)}
      </Form.Item>
      <Form.Item label="法定处罚种类和幅度" name="statutoryPenalty" rules={required('请填写法定处罚')}>
        {area(2, 2000)}
      </Form.Item>
      <Typography.Text strong>裁量幅度（按情节，罚款单位：元）</Typography.Text>
      <Form.List name="circumstances">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'level']} rules={[{ required: true, message: '请选择情节' }]}>
                  <Select
                    options={choices.circumstanceLevels}
                    placeholder="情节"
                    aria-label="情节"
                    style={{ width: 90 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'description']} rules={required('请填写适用情形')}>
                  <Input
                    placeholder="适用情形"
                    aria-label="适用情形"
                    maxLength={1000}
                    style={{ width: 260 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'fineMinYuan']} rules={[{ required: true, message: '下限' }]}>
                  <InputNumber
                    min={0}
                    precision={0}
                    placeholder="下限"
                    aria-label="罚款下限（元）"
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'fineMaxYuan']} rules={[{ required: true, message: '上限' }]}>
                  <InputNumber
                    min={0}
                    precision={0}
                    placeholder="上限"
                    aria-label="罚款上限（元）"
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'otherMeasures']}>
                  <Input
                    placeholder="其他处罚或措施"
                    aria-label="其他处罚或措施"
                    maxLength={500}
                    style={{ width: 180 }}
                  />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除该情节" onClick={() => remove(field.name)} />
              </Space>
            ))}
            {fields.length < choices.circumstanceLevels.length ? (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ otherMeasures: '' })}>
                添加情节
              </Button>
            ) : null}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <div style={{ height: 16 }} />
      <Form.Item label="说明" name="note">
        {area(1, 1000)}
      </Form.Item>
    </>
  );
}

function ExemptionFields({ choices }: { choices: ListChoices }) {
  const kind = Form.useWatch('exemptionKind') as string | undefined;
  const chosen = choices.exemptionKinds.find((k) => k.value === kind);
  return (
    <>
      <Form.Item label="违反条款" name="violatedProvision" rules={required('请填写违反条款')}>
        {area(1, 2000)}
      </Form.Item>
      <Form.Item
        label="不予处罚类型"
        name="exemptionKind"
        rules={[{ required: true, message: '请选择不予处罚类型' }]}
        extra={chosen ? `法定条件：${chosen.conditions}` : undefined}
      >
        <Select options={choices.exemptionKinds.map(({ value, label }) => ({ value, label }))} />
      </Form.Item>
      <Form.Item label="适用条件（具体情形）" name="conditions" rules={required('请填写适用条件')}>
        {area(2, 2000)}
      </Form.Item>
      <Form.Item
        label="不予处罚依据"
        name="exemptionBasis"
        extra={chosen ? `不填写时为：${chosen.basis}` : undefined}
      >
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item label="配套措施" name="measures" rules={required('请填写配套措施（如责令改正、批评教育）')}>
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item label="备注" name="note">
        {area(1, 1000)}
      </Form.Item>
    </>
  );
}

const emptyContent: Record<ListKind, Record<string, unknown>> = {
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

export function EntryModal({
  kind,
  entry,
  choices,
  open,
  onClose,
  onSaved,
}: {
  kind: ListKind;
  /** The entry to edit; null to draft a new one. */
  entry: ListEntry | null;
  choices: ListChoices;
  open: boolean;
  onClose(): void;
  onSaved(id: string): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const items = useLoader(() => (open ? lookupApi.items() : Promise.resolve(undefined)), [open]);
  const itemOptions = (items.data?.items ?? [])
    .filter((i) => itemTypes[kind].includes(i.current.type))
    .map((i) => ({ value: i.id, label: `${i.code} ${i.current.name}` }));
  const noun = kindPages[kind].noun;
  const current = entry?.current;
  const published = entry?.status === 'published';
  const initialArticles = (current?.basisArticles ?? []).map((b) => ({
    value: b.articleId,
    label: `《${b.law.shortTitle}》${b.number}`,
  }));

  const save = async (values: Values) => {
    const { title, enforcementItemId, basisArticleIds, changeNote, ...rest } = values;
    const body: ListBody = {
      ...rest,
      title,
      enforcementItemId: enforcementItemId ?? null,
      basisArticleIds: basisArticleIds ?? [],
      changeNote: changeNote ?? '',
    };
    const saved = entry ? await listsApi.update(kind, entry.id, body) : await listsApi.create(kind, body);
    message.success(
      entry
        ? saved.latestVersion > entry.latestVersion
          ? `已保存为第 ${saved.latestVersion} 版（草稿），发布后更正原版本`
          : `已保存${noun}“${saved.current.title}”`
        : `已新增${noun}“${saved.current.title}”（草稿）`,
    );
    onClose();
    await onSaved(saved.id);
  };

  const content = current?.content as
    | GuideContent
    | InspectionContent
    | BenchmarkContent
    | ExemptionContent
    | undefined;
  return (
    <FormModal<Values>
      open={open}
      title={entry ? `修改${noun}` : `新增${noun}`}
      name="listEntry"
      form={form}
      width={860}
      fields={['title', 'enforcementItemId', 'basisArticleIds', 'changeNote', ...kindFields[kind]]}
      initialValues={
        current
          ? {
              ...(content as unknown as Record<string, unknown>),
              title: current.title,
              enforcementItemId: current.enforcementItem?.id ?? null,
              basisArticleIds: current.basisArticleIds,
              changeNote: '',
            }
          : { ...emptyContent[kind], enforcementItemId: null, basisArticleIds: [] }
      }
      intro={
        published ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="该事项已发布：保存后生成新版本（草稿），原版本继续公开，直至新版本经审核发布为更正。"
          />
        ) : null
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item label={titleLabels[kind]} name="title" rules={required(`请填写${titleLabels[kind]}`)}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label="对应权责清单事项"
        name="enforcementItemId"
        extra="可选：关联本机关权责清单中的执法事项。"
      >
        <Select
          allowClear
          loading={items.loading}
          options={itemOptions}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item
        label="引用条文（法律法规库）"
        name="basisArticleIds"
        extra="可选：公示时与文字依据一并列出。"
      >
        <ArticlePicker initial={initialArticles} />
      </Form.Item>
      {kind === 'serviceGuide' ? <GuideFields /> : null}
      {kind === 'inspectionItem' ? <InspectionFields choices={choices} /> : null}
      {kind === 'discretionBenchmark' ? <BenchmarkFields choices={choices} /> : null}
      {kind === 'exemption' ? <ExemptionFields choices={choices} /> : null}
      {entry ? (
        <Form.Item label="修改说明" name="changeNote">
          <Input maxLength={500} placeholder="如：依据条例修订调整罚款幅度" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
