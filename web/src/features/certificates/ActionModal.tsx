/**
 * One modal for what happens to a certificate after it is issued: the annual
 * check, suspension (暂扣), reinstatement, revocation (吊销) or cancellation
 * (注销), and the holder leaving enforcement work. Every one needs its reason
 * or date on the record; the server names a refused field and it shows there.
 */
import { App, DatePicker, Form, Input, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal';
import { type Certificate, certificatesApi, type RevocationKind } from './api';

export type CertificateAction = 'annualCheck' | 'suspend' | 'reinstate' | 'revoke' | 'leave';

export interface ActionTarget {
  action: CertificateAction;
  certificate: Certificate;
}

const titles: Record<CertificateAction, string> = {
  annualCheck: '登记年审结果',
  suspend: '暂扣证件',
  reinstate: '恢复使用',
  revoke: '吊销或注销证件',
  leave: '调离执法岗位',
};

interface Values {
  result?: 'passed' | 'failed';
  date?: Dayjs;
  kind?: RevocationKind;
  reason?: string;
}

/** Form fields named as the server names them; errors on the date or note show above the form. */
const fields = ['result', 'kind', 'reason'] as const;

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
  const certificate = target?.certificate;

  const submit = async (values: Values) => {
    if (!certificate || !action) return;
    const reason = (values.reason ?? '').trim();
    const date = values.date?.format('YYYY-MM-DD') ?? '';
    if (action === 'annualCheck')
      await certificatesApi.annualCheck(certificate.id, {
        result: values.result ?? 'passed',
        checkedOn: date,
        note: reason,
      });
    if (action === 'suspend') await certificatesApi.suspend(certificate.id, reason);
    if (action === 'reinstate') await certificatesApi.reinstate(certificate.id, reason);
    if (action === 'revoke') await certificatesApi.revoke(certificate.id, values.kind ?? 'revoked', reason);
    if (action === 'leave') {
      const result = await certificatesApi.leaveEnforcement(certificate.holder.id, date, reason);
      message.success(
        `${certificate.holder.name}已调离执法岗位，注销证件 ${result.cancelled.map((c) => c.number).join('、') || '（无）'}，已向司法行政部门提出注销申请`,
      );
    } else {
      message.success(`${titles[action]}：${certificate.number} 已完成`);
    }
    onClose();
    await onDone();
  };

  const reasonLabel =
    action === 'annualCheck'
      ? '备注'
      : action === 'leave'
        ? '调离原因'
        : action === 'reinstate'
          ? '恢复理由'
          : '理由';
  return (
    <FormModal
      open={target !== null}
      title={
        certificate && action ? `${titles[action]}：${certificate.number}（${certificate.holder.name}）` : ''
      }
      okText="确定"
      okButtonProps={{ danger: action === 'revoke' || action === 'leave' || action === 'suspend' }}
      name="certificate-action"
      form={form}
      fields={fields}
      width={560}
      initialValues={{ result: 'passed', date: dayjs(), kind: 'revoked' }}
      intro={
        action === 'leave' ? (
          <Typography.Paragraph type="secondary">
            调离后，该人员的全部证件立即注销（公众核验即显示“已注销”），并向上级司法行政部门提出注销申请。
          </Typography.Paragraph>
        ) : action === 'revoke' ? (
          <Typography.Paragraph type="secondary">
            吊销或注销后不可恢复；公众核验立即显示。
          </Typography.Paragraph>
        ) : null
      }
      onSubmit={submit}
      onClose={onClose}
    >
      {action === 'annualCheck' ? (
        <Form.Item label="年审结果" name="result" extra="不合格的证件即被暂扣，经整改后可恢复使用。">
          <Radio.Group
            options={[
              { value: 'passed', label: '合格' },
              { value: 'failed', label: '不合格' },
            ]}
          />
        </Form.Item>
      ) : null}
      {action === 'revoke' ? (
        <Form.Item label="类型" name="kind">
          <Radio.Group
            options={[
              { value: 'revoked', label: '吊销（违法违纪）' },
              { value: 'cancelled', label: '注销（其他原因）' },
            ]}
          />
        </Form.Item>
      ) : null}
      {action === 'annualCheck' || action === 'leave' ? (
        <Form.Item
          label={action === 'leave' ? '调离日期' : '年审日期'}
          name="date"
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      ) : null}
      <Form.Item
        label={reasonLabel}
        name="reason"
        rules={action === 'annualCheck' ? [] : [{ required: true, whitespace: true, message: '请写明理由' }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
