/**
 * Enters or edits one text of a legal norm: its kind, title, issuing body and
 * number, and the dates from which its status is derived (施行, 修改, 废止).
 */
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal';
import { type Law, type LawInput, lawsApi } from './api';

interface Values {
  kind: string;
  title: string;
  shortTitle?: string;
  issuingBody: string;
  documentNumber?: string;
  promulgatedOn: Dayjs;
  effectiveOn: Dayjs;
  amendedOn?: Dayjs | null;
  repealedOn?: Dayjs | null;
  supersededBy?: string | null;
  note?: string;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const parse = (value: string | null) => (value ? dayjs(value) : null);

export function LawModal({
  open,
  law,
  laws,
  kinds,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The text to edit, or null to enter a new one. */
  law: Law | null;
  laws: Law[];
  kinds: { value: string; label: string }[];
  onClose(): void;
  onSaved(id: string): Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    const input: LawInput = {
      kind: values.kind,
      title: values.title.trim(),
      ...(values.shortTitle?.trim() && { shortTitle: values.shortTitle.trim() }),
      issuingBody: values.issuingBody.trim(),
      documentNumber: values.documentNumber?.trim() ?? '',
      promulgatedOn: day(values.promulgatedOn)!,
      effectiveOn: day(values.effectiveOn)!,
      amendedOn: day(values.amendedOn),
      repealedOn: day(values.repealedOn),
      supersededBy: values.supersededBy ?? null,
      note: values.note?.trim() ?? '',
    };
    const saved = law ? await lawsApi.update(law.id, input) : await lawsApi.create(input);
    onClose();
    await onSaved(saved.id);
  };
  return (
    <FormModal<Values>
      open={open}
      title={law ? `修改《${law.title}》` : '新增法律法规'}
      name="law"
      form={form}
      width={640}
      fields={[
        'kind',
        'title',
        'shortTitle',
        'issuingBody',
        'documentNumber',
        'promulgatedOn',
        'effectiveOn',
        'amendedOn',
        'repealedOn',
        'supersededBy',
        'note',
      ]}
      initialValues={
        law
          ? {
              kind: law.kind,
              title: law.title,
              shortTitle: law.shortTitle,
              issuingBody: law.issuingBody,
              documentNumber: law.documentNumber,
              promulgatedOn: dayjs(law.promulgatedOn),
              effectiveOn: dayjs(law.effectiveOn),
              amendedOn: parse(law.amendedOn),
              repealedOn: parse(law.repealedOn),
              supersededBy: law.supersededBy,
              note: law.note,
            }
          : { kind: 'law' }
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item label="效力层级" name="kind" rules={[{ required: true, message: '请选择效力层级' }]}>
        <Select options={kinds} />
      </Form.Item>
      <Form.Item
        label="名称"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
        extra="写全称，如：中华人民共和国道路运输条例"
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label="简称"
        name="shortTitle"
        extra="引用时使用，不填则去掉“中华人民共和国”，如：道路运输条例"
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label="制定机关"
        name="issuingBody"
        rules={[{ required: true, whitespace: true, message: '请输入制定机关' }]}
      >
        <Input maxLength={200} placeholder="如：国务院" />
      </Form.Item>
      <Form.Item label="文号" name="documentNumber">
        <Input maxLength={100} placeholder="如：中华人民共和国主席令第七十号" />
      </Form.Item>
      <Form.Item label="公布与施行" required style={{ marginBottom: 0 }}>
        <Form.Item
          name="promulgatedOn"
          rules={[{ required: true, message: '请选择公布日期' }]}
          style={{ display: 'inline-block', marginRight: 8 }}
        >
          <DatePicker placeholder="公布日期" aria-label="公布日期" />
        </Form.Item>
        <Form.Item
          name="effectiveOn"
          rules={[{ required: true, message: '请选择施行日期' }]}
          style={{ display: 'inline-block' }}
        >
          <DatePicker placeholder="施行日期" aria-label="施行日期" />
        </Form.Item>
      </Form.Item>
      <Form.Item
        label="修改与废止"
        style={{ marginBottom: 0 }}
        extra="本文本被新修订文本取代的，填写修改日期；废止的填写废止日期。引用它的执法事项将标记为待修订。"
      >
        <Form.Item name="amendedOn" style={{ display: 'inline-block', marginRight: 8 }}>
          <DatePicker placeholder="修改日期" aria-label="修改日期" />
        </Form.Item>
        <Form.Item name="repealedOn" style={{ display: 'inline-block' }}>
          <DatePicker placeholder="废止日期" aria-label="废止日期" />
        </Form.Item>
      </Form.Item>
      <Form.Item label="被以下文本取代" name="supersededBy">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={laws
            .filter((l) => l.id !== law?.id)
            .map((l) => ({ value: l.id, label: `${l.title}（${l.effectiveOn} 施行）` }))}
        />
      </Form.Item>
      <Form.Item label="说明" name="note">
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}
