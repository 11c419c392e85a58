/** The audit filters: date range (Asia/Shanghai days), user, event and outcome; and the CSV export. */
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type AuditFilters, exportUrl, type Outcome, outcomeOptions } from './api';

interface Values {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  event?: string;
  outcome?: Outcome;
}

interface Props {
  filters: AuditFilters;
  events: Record<string, string>;
  onSearch(filters: AuditFilters): void;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

export function FilterBar({ filters, events, onSearch }: Props) {
  const [form] = Form.useForm<Values>();
  const initial: Values = {
    range:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : null,
    ...(filters.username && { username: filters.username }),
    ...(filters.event && { event: filters.event }),
    ...(filters.outcome && { outcome: filters.outcome }),
  };

  const submit = (values: Values) => {
    const username = values.username?.trim();
    onSearch({
      from: day(values.range?.[0]),
      to: day(values.range?.[1]),
      username: username || undefined,
      event: values.event,
      outcome: values.outcome,
    });
  };

  return (
    <Form<Values>
      form={form}
      name="audit-filter"
      layout="inline"
      initialValues={initial}
      onFinish={submit}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item label="日期" name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} format="YYYY-MM-DD" style={{ width: 260 }} />
      </Form.Item>
      <Form.Item label="用户" name="username">
        <Input allowClear placeholder="登录名" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="事件" name="event">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部事件"
          options={Object.entries(events).map(([value, label]) => ({ value, label }))}
          style={{ width: 180 }}
        />
      </Form.Item>
      <Form.Item label="结果" name="outcome">
        <Select
          allowClear
          placeholder="全部"
          options={outcomeOptions.map(({ value, label }) => ({ value, label }))}
          style={{ width: 100 }}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
          <Button
            htmlType="button"
            onClick={() => {
              form.setFieldsValue({ range: null, username: undefined, event: undefined, outcome: undefined });
              onSearch({});
            }}
          >
            重置
          </Button>
          <Button icon={<DownloadOutlined />} href={exportUrl(filters)} download="security-audit.csv">
            导出 CSV
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
