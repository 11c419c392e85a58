/** Adds or edits one article: its number as shown (第四十四条), its sort ordinal when the number is unusual, and its text. */
import { Form, Input, InputNumber } from 'antd';
import { FormModal } from '../../app/FormModal';
import { type Article, lawsApi } from './api';

interface Values {
  number: string;
  ordinal?: number | null;
  text: string;
}

export function ArticleModal({
  open,
  lawId,
  article,
  onClose,
  onSaved,
}: {
  open: boolean;
  lawId: string;
  article: Article | null;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    const input = {
      number: values.number.trim(),
      text: values.text.trim(),
      ...(values.ordinal ? { ordinal: values.ordinal } : {}),
    };
    if (article) await lawsApi.updateArticle(article.id, input);
    else await lawsApi.addArticle(lawId, input);
    onClose();
    await onSaved();
  };
  return (
    <FormModal<Values>
      open={open}
      title={article ? `修改${article.number}` : '新增条文'}
      name="article"
      form={form}
      width={640}
      fields={['number', 'ordinal', 'text']}
      initialValues={article ? { number: article.number, text: article.text } : {}}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        label="条号"
        name="number"
        rules={[{ required: true, whitespace: true, message: '请输入条号' }]}
        extra="按原文写，如：第四十四条、第一百二十条之一"
      >
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label="排序号" name="ordinal" extra="条号不是“第…条”写法时填写；一般不填。">
        <InputNumber min={1} max={99_999_999} precision={0} />
      </Form.Item>
      <Form.Item
        label="条文"
        name="text"
        rules={[{ required: true, whitespace: true, message: '请输入条文' }]}
      >
        <Input.TextArea maxLength={20_000} autoSize={{ minRows: 4, maxRows: 14 }} />
      </Form.Item>
    </FormModal>
  );
}
