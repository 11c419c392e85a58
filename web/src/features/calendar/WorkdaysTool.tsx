/** 计算工作日: the N-th working day after a date, as the server's deadline rules count it. */
import { Alert, Button, Card, DatePicker, Form, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../app/api';
import { calendarApi, weekdayNames } from './api';

interface Values {
  date: Dayjs;
  count: number;
}

type Outcome =
  | {
      ok: true;
      date: string;
      count: number;
      result: string;
      provisional?: { earliest: string; latest: string; reason: string };
    }
  | { ok: false; message: string; missingYear: boolean };

export function WorkdaysTool() {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const compute = async (values: Values) => {
    setBusy(true);
    try {
      const answer = await calendarApi.workdaysAfter(values.date.format('YYYY-MM-DD'), values.count);
      setOutcome({ ok: true, ...answer });
    } catch (error) {
      setOutcome({
        ok: false,
        message: errorMessage(error),
        missingYear: error instanceof ApiError && error.code === 'CALENDAR_YEAR_MISSING',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="计算工作日" size="small">
      <Form<Values>
        form={form}
        name="workdays"
        layout="inline"
        initialValues={{ date: dayjs(), count: 7 }}
        onFinish={compute}
        onValuesChange={() => setOutcome(null)}
        style={{ rowGap: 8 }}
      >
        <Form.Item label="起算日（不计入）" name="date" rules={[{ required: true, message: '请选择起算日' }]}>
          <DatePicker allowClear={false} format="YYYY-MM-DD" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item
          label="之后第几个工作日"
          name="count"
          rules={[{ required: true, message: '请输入工作日数' }]}
        >
          <InputNumber min={0} max={366} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            计算
          </Button>
        </Form.Item>
      </Form>
      {outcome?.ok && !outcome.provisional ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={
            <span data-testid="workdays-result">
              {outcome.date} 之后第 {outcome.count} 个工作日是 <strong>{outcome.result}</strong>（
              {weekdayNames[new Date(`${outcome.result}T00:00:00Z`).getUTCDay()]}）
            </span>
          }
        />
      ) : null}
      {outcome?.ok && outcome.provisional ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={
            <span data-testid="workdays-result">
              {outcome.date} 之后第 {outcome.count} 个工作日暂定为{' '}
              <strong>{outcome.provisional.earliest}</strong> 至 <strong>{outcome.provisional.latest}</strong>{' '}
              之间
            </span>
          }
          description={`${outcome.provisional.reason}。本机关的期限按最早日期提醒，当事人的期限按最迟日期计算；导入该年度安排后自动重算。`}
        />
      ) : null}
      {outcome && !outcome.ok ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={outcome.message}
          description={
            outcome.missingYear
              ? '期限跨入了无法按法定节假日推算的年度，导入该年度日历后才能计算。'
              : undefined
          }
        />
      ) : null}
    </Card>
  );
}
