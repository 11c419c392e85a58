/**
 * Drafts a new item or edits one: while its latest version is a draft the
 * edit changes it (and voids any legality review of the earlier text); once
 * published or withdrawn the edit becomes a new draft version and the old one
 * stays as it was. Penalty fields show only for 行政处罚 items.
 */
import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { FormModal } from '../../app/FormModal';
import { useLoader } from '../../app/use-loader';
import { organisationApi } from '../organisation/api';
import { ArticlePicker } from './ArticlePicker';
import { type Choice, type Item, type ItemInput, powerListApi } from './api';

interface Values {
  code: string;
  name: string;
  type: string;
  category: string;
  unitId?: string | null;
  duties: string;
  basisArticleIds: string[];
  penaltyKinds?: string[];
  fineMinYuan?: number | null;
  fineMaxYuan?: number | null;
  penaltyNote?: string;
  changeNote?: string;
}

const fields = [
  'code',
  'name',
  'type',
  'category',
  'unitId',
  'duties',
  'basisArticleIds',
  'penaltyKinds',
  'fineMinYuan',
  'fineMaxYuan',
  'penaltyNote',
  'changeNote',
] as const;

export function ItemModal({
  open,
  item,
  choices,
  onClose,
  onSaved,
}: {
  open: boolean;
  item: Item | null;
  choices: { types: Choice[]; categories: string[]; penaltyKinds: Choice[] };
  onClose(): void;
  onSaved(id: string): Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const units = useLoader(
    () => (open ? organisationApi.units(item?.agency.id) : Promise.resolve(undefined)),
    [open, item?.agency.id],
  );
  const current = item?.current;
  const newVersion = item !== null && current !== undefined && current.state !== 'draft';

  const save = async (values: Values) => {
    const penalty = values.type === 'penalty';
    const input: ItemInput = {
      name: values.name.trim(),
      type: values.type,
      category: values.category,
      unitId: values.unitId ?? null,
      duties: values.duties.trim(),
      basisArticleIds: values.basisArticleIds ?? [],
      penaltyKinds: penalty ? (values.penaltyKinds ?? []) : [],
      fineMinYuan: penalty ? (values.fineMinYuan ?? null) : null,
      fineMaxYuan: penalty ? (values.fineMaxYuan ?? null) : null,
      penaltyNote: penalty ? (values.penaltyNote?.trim() ?? '') : '',
      changeNote: values.changeNote?.trim() ?? '',
    };
    const code = values.code.trim();
    const saved = item
      ? await powerListApi.update(item.id, { ...input, ...(code !== item.code && { code }) })
      : await powerListApi.create({ ...input, code });
    onClose();
    await onSaved(saved.id);
  };

  return (
    <FormModal<Values>
      open={open}
      title={item ? `修改执法事项 ${item.code}` : '新增执法事项'}
      name="item"
      form={form}
      width={760}
      fields={fields}
      intro={
        newVersion ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`第 ${current.version} 版${current.stateLabel}：保存后生成第 ${current.version + 1} 版草稿，须重新经合法性审核和公示审核后发布，原版本保留。`}
          />
        ) : null
      }
      initialValues={
        current
          ? {
              code: item.code,
              name: current.name,
              type: current.type,
              category: current.category,
              unitId: current.unit?.id ?? null,
              duties: current.duties,
              basisArticleIds: current.basis.map((b) => b.articleId),
              penaltyKinds: current.penaltyKinds,
              fineMinYuan: current.fineMinYuan,
              fineMaxYuan: current.fineMaxYuan,
              penaltyNote: current.penaltyNote,
              changeNote: newVersion ? '' : current.changeNote,
            }
          : { type: 'penalty', category: choices.categories.includes('交通运输') ? '交通运输' : undefined }
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        label="事项编码"
        name="code"
        rules={[
          { required: true, whitespace: true, message: '请输入事项编码' },
          {
            pattern: /^\s*[0-9A-Za-z][0-9A-Za-z._-]{0,39}\s*$/,
            message: '1–40 位字母、数字、点、下划线或连字符',
          },
        ]}
        extra={item?.publishedVersion ? '已发布过的事项不能修改编码。' : undefined}
      >
        <Input
          maxLength={40}
          disabled={item?.publishedVersion !== null && item !== null}
          style={{ fontFamily: 'monospace' }}
        />
      </Form.Item>
      <Form.Item
        label="事项名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入事项名称' }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="事项类型" name="type" rules={[{ required: true, message: '请选择事项类型' }]}>
        <Select options={choices.types} />
      </Form.Item>
      <Form.Item label="执法类别" name="category" rules={[{ required: true, message: '请选择执法类别' }]}>
        <Select options={choices.categories.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item label="承办机构" name="unitId">
        <Select
          allowClear
          loading={units.loading}
          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item
        label="设定和实施依据"
        name="basisArticleIds"
        rules={[{ required: true, type: 'array', min: 1, message: '至少引用一条法律依据' }]}
        extra="依据引用法律法规库中的条文；公示页面中每条依据链接到条文原文。"
      >
        <ArticlePicker initial={current?.basis ?? []} />
      </Form.Item>
      <Form.Item
        label="职责"
        name="duties"
        rules={[{ required: true, whitespace: true, message: '请输入职责' }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      {type === 'penalty' ? (
        <>
          <Form.Item
            label="处罚种类"
            name="penaltyKinds"
            rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种处罚种类' }]}
          >
            <Select mode="multiple" options={choices.penaltyKinds} />
          </Form.Item>
          <Form.Item
            label="罚款幅度（元）"
            style={{ marginBottom: 0 }}
            extra="按法定幅度填写整数元；只有上限或下限的可只填一项。"
          >
            <Form.Item name="fineMinYuan" style={{ display: 'inline-block', marginRight: 8 }}>
              <InputNumber
                min={0}
                precision={0}
                placeholder="下限"
                aria-label="罚款下限（元）"
                style={{ width: 180 }}
              />
            </Form.Item>
            <Form.Item name="fineMaxYuan" style={{ display: 'inline-block' }}>
              <InputNumber
                min={0}
                precision={0}
                placeholder="上限"
                aria-label="罚款上限（元）"
                style={{ width: 180 }}
              />
            </Form.Item>
          </Form.Item>
          <Form.Item label="处罚说明" name="penaltyNote" extra="如按违法所得倍数计罚等不能以金额表示的幅度。">
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item label="修订说明" name="changeNote">
        <Input.TextArea
          maxLength={500}
          autoSize={{ minRows: 1, maxRows: 3 }}
          placeholder="本版本改了什么，如：依据更新为2023年修订的《道路运输条例》"
        />
      </Form.Item>
    </FormModal>
  );
}
