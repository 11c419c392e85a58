/** Sets a day as 法定节假日 (休) or 调休上班日 (班) with its name, or restores it to an ordinary day. */
import { App, Button, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { applyFieldErrors } from '../../app/form-errors';
import { calendarApi, type DayKind } from './api';

export interface DayModalTarget {
  date: string | undefined;
  kind?: DayKind;
  name?: string;
  /** The day is already special: it can be removed, and its date is fixed. */
  existing: boolean;
}

interface Values {
  date: Dayjs;
  kind: DayKind;
  name: string;
}

interface Props {
  year: number;
  target: DayModalTarget | null;
  onClose(): void;
  onChanged(): Promise<void>;
}

const isWeekend = (date: Dayjs) => date.day() === 0 || date.day() === 6;

export function DayModal({ year, target, onClose, onChanged }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const open = target !== null;
  const initial = target?.date ? dayjs(target.date) : undefined;

  const save = async (values: Values) => {
    setBusy(true);
    const date = values.date.format('YYYY-MM-DD');
    try {
      await calendarApi.setDay(date, values.kind, values.name.trim());
      message.success(`已将 ${date} 设为${values.kind === 'holiday' ? '法定节假日' : '调休上班日'}`);
      onClose();
      await onChanged();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, ['body', 'params'], () => true);
      if (unplaced.length || !form.getFieldsError().some((f) => f.errors.length)) {
        message.error(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!target?.date) return;
    setBusy(true);
    try {
      await calendarApi.removeDay(target.date);
      message.success(`已将 ${target.date} 恢复为普通日`);
      onClose();
      await onChanged();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={target?.existing ? `修改 ${target.date}` : '设置节假日或调休上班日'}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        target?.existing ? (
          <Button key="remove" danger onClick={remove} loading={busy} style={{ float: 'left' }}>
            恢复为普通日
          </Button>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => form.submit()}>
          保存
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        name="calendar-day"
        layout="vertical"
        preserve={false}
        initialValues={{ date: initial, kind: target?.kind ?? 'holiday', name: target?.name ?? '' }}
        onFinish={save}
      >
        <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker
            format="YYYY-MM-DD"
            disabled={target?.existing}
            defaultPickerValue={dayjs(`${year}-01-01`)}
            disabledDate={(d) => d.year() !== year}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          label="类型"
          name="kind"
          dependencies={['date']}
          rules={[
            { required: true, message: '请选择类型' },
            ({ getFieldValue }) => ({
              validator: (_, kind: DayKind) => {
                const date = getFieldValue('date') as Dayjs | undefined;
                if (kind === 'workday' && date && !isWeekend(date)) {
                  return Promise.reject(new Error('调休上班日应为周六或周日'));
                }
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Radio.Group
            options={[
              { value: 'holiday', label: '休 · 法定节假日' },
              { value: 'workday', label: '班 · 调休上班日' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入名称，如“国庆节”或“国庆节调休”' }]}
        >
          <Input maxLength={50} showCount placeholder="如：国庆节、国庆节调休" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
