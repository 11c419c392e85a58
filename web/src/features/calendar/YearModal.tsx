/** 新增年度: declares a year so days can be entered one by one after the State Council announces them. */
import { Alert, App, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { calendarApi } from './api';

interface Props {
  open: boolean;
  suggested: number;
  known: number[];
  onClose(): void;
  onAdded(year: number): void;
}

export function YearModal({ open, suggested, known, onClose, onAdded }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number }>();
  const [busy, setBusy] = useState(false);

  const add = async ({ year }: { year: number }) => {
    setBusy(true);
    try {
      await calendarApi.addYear(year);
      message.success(`已新增 ${year} 年度，请逐日设置节假日和调休上班日`);
      onAdded(year);
    } catch (error) {
      form.setFields([{ name: 'year', errors: [errorMessage(error)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新增年度"
      okText="新增"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="新增的年度暂无节假日"
        description="新增后该年度按星期计算工作日。请随即按国务院办公厅公布的节假日安排逐日设置，或直接导入该年度的日历文件。"
      />
      <Form
        form={form}
        name="calendar-year"
        layout="vertical"
        initialValues={{ year: suggested }}
        onFinish={add}
      >
        <Form.Item
          label="年度"
          name="year"
          rules={[
            { required: true, message: '请输入年度' },
            {
              validator: (_, year: number) =>
                known.includes(year) ? Promise.reject(new Error(`${year} 年已有数据`)) : Promise.resolve(),
            },
          ]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} suffix="年" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
