/**
 * The steps after drafting, each with what it must put on the record: the
 * legality review (result and opinion), a return (reason), publishing (a
 * correction note when a version is already published) and a withdrawal
 * (reason). The server names a refused field and it shows there.
 */
import { Alert, App, Form, Input, Radio } from 'antd';
import { FormModal } from '../../app/FormModal';
import { type Item, powerListApi } from './api';

export type ItemAction = 'review' | 'return' | 'publish' | 'withdraw';

export interface ActionTarget {
  action: ItemAction;
  item: Item;
}

interface Values {
  result?: 'passed' | 'failed';
  opinion?: string;
  reason?: string;
  correctionNote?: string;
}

const titles: Record<ItemAction, string> = {
  review: '合法性审核',
  return: '退回修改',
  publish: '审核发布',
  withdraw: '撤下公示',
};

export function ActionModal({
  target,
  onClose,
  onDone,
}: {
  target: ActionTarget | null;
  onClose(): void;
  onDone(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const action = target?.action;
  const item = target?.item;
  const correcting = action === 'publish' && item?.publishedVersion !== null;

  const submit = async (values: Values) => {
    if (!item || !action) return;
    if (action === 'review') await powerListApi.review(item.id, values.result!, values.opinion?.trim() ?? '');
    if (action === 'return') await powerListApi.return(item.id, values.reason?.trim() ?? '');
    if (action === 'publish') await powerListApi.publish(item.id, values.correctionNote?.trim() ?? '');
    if (action === 'withdraw') await powerListApi.withdraw(item.id, values.reason?.trim() ?? '');
    message.success(`${titles[action]}：${item.code} 已完成`);
    onClose();
    await onDone();
  };

  return (
    <FormModal<Values>
      open={target !== null}
      title={item && action ? `${titles[action]}：${item.code} ${item.current.name}` : ''}
      name="item-action"
      form={form}
      width={620}
      okText={
        action === 'withdraw' ? '撤下' : action === 'publish' ? (correcting ? '更正发布' : '发布') : '确定'
      }
      okButtonProps={{ danger: action === 'withdraw' }}
      fields={['result', 'opinion', 'reason', 'correctionNote']}
      initialValues={{ result: 'passed' }}
      intro={
        item && action === 'review' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`审核第 ${item.current.version} 版（第 ${item.current.revision} 次修改后的文本）：主体是否适格、依据是否准确有效、职责与法定职权是否一致、处罚种类和幅度是否与依据相符。`}
          />
        ) : item && action === 'publish' ? (
          <Alert
            type={item.legalityReview?.passed ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={item.legalityReview?.message ?? ''}
            description={
              correcting
                ? `第 ${item.publishedVersion} 版已发布：发布第 ${item.current.version} 版即更正，原版本保留为“已被更正”。`
                : undefined
            }
          />
        ) : null
      }
      onSubmit={submit}
      onClose={onClose}
    >
      {action === 'review' ? (
        <>
          <Form.Item label="审核结论" name="result" rules={[{ required: true, message: '请选择审核结论' }]}>
            <Radio.Group
              options={[
                { value: 'passed', label: '审核通过' },
                { value: 'failed', label: '审核不通过' },
              ]}
            />
          </Form.Item>
          <Form.Item
            label="审核意见"
            name="opinion"
            rules={[{ required: true, whitespace: true, message: '请填写审核意见' }]}
          >
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </>
      ) : null}
      {action === 'return' || action === 'withdraw' ? (
        <Form.Item
          label={action === 'return' ? '退回理由' : '撤下理由'}
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请写明理由' }]}
        >
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      ) : null}
      {correcting ? (
        <Form.Item
          label="更正说明"
          name="correctionNote"
          rules={[{ required: true, whitespace: true, message: '更正已发布的内容须写明更正说明' }]}
          extra="公示页面显示更正说明，原版本的发布和更正日期保留。"
        >
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
