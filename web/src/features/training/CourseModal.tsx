/** Adds or edits a training course; a course stays in the year of its ledger. */
import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal';
import { type Course, type TrainingKind, trainingApi } from './api';

interface Values {
  title: string;
  heldOn: Dayjs;
  hours: number;
  kind: TrainingKind;
  organiser?: string;
  location?: string;
}

export function CourseModal({
  open,
  agencyId,
  year,
  course,
  kinds,
  onClose,
  onSaved,
}: {
  open: boolean;
  agencyId: string;
  year: number;
  /** The course to edit; null to add one. */
  course: Course | null;
  kinds: { value: TrainingKind; label: string }[];
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    const input = {
      title: values.title.trim(),
      heldOn: values.heldOn.format('YYYY-MM-DD'),
      hours: values.hours,
      kind: values.kind,
      organiser: (values.organiser ?? '').trim(),
      location: (values.location ?? '').trim(),
    };
    if (course) await trainingApi.updateCourse(course.id, input);
    else await trainingApi.addCourse(agencyId, input);
    message.success(course ? `已保存课程“${input.title}”` : `已新增课程“${input.title}”`);
    onClose();
    await onSaved();
  };
  return (
    <FormModal<Values>
      open={open}
      title={course ? `修改课程：${course.title}` : `新增 ${year} 年度培训课程`}
      name="course"
      form={form}
      fields={['title', 'heldOn', 'hours', 'kind', 'organiser', 'location']}
      width={560}
      initialValues={
        course
          ? { ...course, heldOn: dayjs(course.heldOn) }
          : { kind: 'legal', hours: 4, heldOn: dayjs().year() === year ? dayjs() : dayjs(`${year}-01-01`) }
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        label="课程名称"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写课程名称' }]}
        extra="本年度内不能重名：导入出勤表时按课程名称对应。"
      >
        <Input maxLength={200} placeholder="如：《行政处罚法》专题培训" />
      </Form.Item>
      <Form.Item label="培训日期" name="heldOn" rules={[{ required: true, message: '请选择培训日期' }]}>
        <DatePicker disabledDate={(d) => d.year() !== year} />
      </Form.Item>
      <Form.Item label="学时" name="hours" rules={[{ required: true, message: '请填写学时' }]}>
        <InputNumber min={0.5} max={200} step={0.5} />
      </Form.Item>
      <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
        <Select options={kinds} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="组织单位" name="organiser">
        <Input maxLength={100} placeholder="如：局法制审核股" />
      </Form.Item>
      <Form.Item label="地点" name="location">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
