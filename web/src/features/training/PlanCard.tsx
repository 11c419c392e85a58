/**
 * The yearly training plan (Q3): due by the end of Q1 (a setting). Before the
 * deadline an unfiled plan shows a warning with the days left; after it, 逾期.
 */
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal';
import type { Plan, PlanStanding, PlanState } from './api';
import { trainingApi } from './api';

export const planStateColors: Record<PlanState, string> = {
  filedOnTime: 'success',
  filedLate: 'warning',
  pending: 'warning',
  overdue: 'error',
};

export function PlanStandingTag({ standing }: { standing: PlanStanding }) {
  return (
    <Tag color={planStateColors[standing.state]} data-testid="plan-standing">
      {standing.label}
    </Tag>
  );
}

interface Values {
  content: string;
  plannedCourses: number;
  plannedHours: number;
  filedOn?: Dayjs | null;
}

export function PlanModal({
  open,
  agencyId,
  year,
  plan,
  onClose,
  onSaved,
}: {
  open: boolean;
  agencyId: string;
  year: number;
  plan: Plan | null;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    const saved = await trainingApi.savePlan(agencyId, {
      year,
      content: values.content.trim(),
      plannedCourses: values.plannedCourses,
      plannedHours: values.plannedHours,
      filedOn: values.filedOn ? values.filedOn.format('YYYY-MM-DD') : null,
    });
    message.success(`已保存 ${year} 年度培训计划：${saved.planStanding.label}`);
    onClose();
    await onSaved();
  };
  return (
    <FormModal<Values>
      open={open}
      title={`${year} 年度培训计划`}
      name="plan"
      form={form}
      fields={['content', 'plannedCourses', 'plannedHours', 'filedOn']}
      width={640}
      initialValues={
        plan
          ? {
              content: plan.content,
              plannedCourses: plan.plannedCourses,
              plannedHours: plan.plannedHours,
              filedOn: plan.filedOn ? dayjs(plan.filedOn) : null,
            }
          : { plannedCourses: 8, plannedHours: 60 }
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        label="计划内容"
        name="content"
        rules={[{ required: true, whitespace: true, message: '请填写计划内容' }]}
      >
        <Input.TextArea rows={6} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item
        label="计划课程数"
        name="plannedCourses"
        rules={[{ required: true, message: '请填写计划课程数' }]}
      >
        <InputNumber min={0} max={1000} precision={0} />
      </Form.Item>
      <Form.Item
        label="计划学时"
        name="plannedHours"
        rules={[{ required: true, message: '请填写计划学时' }]}
        extra="整数或半小时，如 64 或 64.5。"
      >
        <InputNumber min={0} max={10000} step={0.5} />
      </Form.Item>
      <Form.Item
        label="报送日期"
        name="filedOn"
        extra="计划报送（备案）的日期；尚未报送则留空。第一季度末前报送为按时。"
      >
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

export function PlanCard({
  year,
  plan,
  standing,
  canManage,
  onEdit,
}: {
  year: number;
  plan: Plan | null;
  standing: PlanStanding;
  canManage: boolean;
  onEdit(): void;
}) {
  return (
    <Card
      size="small"
      title={
        <>
          {year} 年度培训计划 <PlanStandingTag standing={standing} />
        </>
      }
      extra={
        canManage ? (
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {plan ? '修改计划' : '制定计划'}
          </Button>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 4 }}
        items={[
          { key: 'deadline', label: '报送期限', children: standing.deadline },
          { key: 'filedOn', label: '报送日期', children: plan?.filedOn ?? '未报送' },
          { key: 'courses', label: '计划课程', children: plan ? `${plan.plannedCourses} 门` : '—' },
          { key: 'hours', label: '计划学时', children: plan ? `${plan.plannedHours} 学时` : '—' },
          {
            key: 'content',
            label: '计划内容',
            span: 'filled',
            children: plan ? <div style={{ whiteSpace: 'pre-wrap' }}>{plan.content}</div> : '尚未制定',
          },
        ]}
      />
    </Card>
  );
}
