/** Adds an exam of the year's training (Q3 "exams and results"): full mark and pass mark. */
import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal';
import { type Course, trainingApi } from './api';

interface Values {
  title: string;
  heldOn: Dayjs;
  courseId?: string | null;
  fullMark: number;
  passMark: number;
}

export function ExamModal({
  open,
  agencyId,
  year,
  courses,
  onClose,
  onSaved,
}: {
  open: boolean;
  agencyId: string;
  year: number;
  courses: Course[];
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    await trainingApi.addExam(agencyId, {
      title: values.title.trim(),
      heldOn: values.heldOn.format('YYYY-MM-DD'),
      courseId: values.courseId ?? null,
      fullMark: values.fullMark,
      passMark: values.passMark,
    });
    message.success(`已新增考试“${values.title.trim()}”`);
    onClose();
    await onSaved();
  };
  return (
    <FormModal<Values>
      open={open}
      title={`新增 ${year} 年度培训考试`}
      name="exam"
      form={form}
      fields={['title', 'heldOn', 'courseId', 'fullMark', 'passMark']}
      width={520}
      initialValues={{
        fullMark: 100,
        passMark: 60,
        heldOn: dayjs().year() === year ? dayjs() : dayjs(`${year}-12-01`),
      }}
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        label="考试名称"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写考试名称' }]}
      >
        <Input maxLength={200} placeholder={`如：${year} 年度行政执法人员法律知识考试`} />
      </Form.Item>
      <Form.Item label="考试日期" name="heldOn" rules={[{ required: true, message: '请选择考试日期' }]}>
        <DatePicker disabledDate={(d) => d.year() !== year} />
      </Form.Item>
      <Form.Item label="对应课程" name="courseId">
        <Select
          allowClear
          options={courses.map((c) => ({ value: c.id, label: c.title }))}
          placeholder="可不选"
        />
      </Form.Item>
      <Form.Item label="满分" name="fullMark" rules={[{ required: true, message: '请填写满分' }]}>
        <InputNumber min={1} max={1000} />
      </Form.Item>
      <Form.Item label="及格分" name="passMark" rules={[{ required: true, message: '请填写及格分' }]}>
        <InputNumber min={0} max={1000} />
      </Form.Item>
    </FormModal>
  );
}
