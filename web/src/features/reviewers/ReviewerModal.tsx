/**
 * Registers a legal reviewer, or changes an entry (category, qualification, end
 * of term). Auxiliaries and people no longer in post are not offered; the server
 * checks again.
 */
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal';
import { useLoader } from '../../app/use-loader';
import { personsApi } from '../persons/api';
import { type Membership, membershipOptions, type Reviewer, reviewersApi } from './api';

interface Values {
  personId: string;
  membership: Membership;
  qualification?: string;
  appointedOn?: Dayjs | null;
  endedOn?: Dayjs | null;
}

export type ReviewerTarget =
  | { mode: 'create'; agencyId: string; registered: string[] }
  | { mode: 'edit'; reviewer: Reviewer };

export function ReviewerModal({
  target,
  onClose,
  onSaved,
}: {
  target: ReviewerTarget | null;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const creating = target?.mode === 'create' ? target : null;
  const editing = target?.mode === 'edit' ? target.reviewer : null;
  const persons = useLoader(
    () => (creating ? personsApi.list() : Promise.resolve(undefined)),
    [creating?.agencyId],
  );
  const candidates = (persons.data?.items ?? []).filter(
    (p) =>
      p.agencyId === creating?.agencyId &&
      p.active &&
      p.kind !== 'auxiliary' &&
      !creating.registered.includes(p.id),
  );

  const save = async (values: Values) => {
    const qualification = (values.qualification ?? '').trim();
    if (editing) {
      const saved = await reviewersApi.update(editing.id, {
        membership: values.membership,
        qualification,
        endedOn: values.endedOn ? values.endedOn.format('YYYY-MM-DD') : null,
      });
      message.success(`已保存 ${saved.person.name} 的登记`);
    } else {
      const saved = await reviewersApi.register({
        personId: values.personId,
        membership: values.membership,
        qualification,
        ...(values.appointedOn && { appointedOn: values.appointedOn.format('YYYY-MM-DD') }),
      });
      message.success(`已登记法制审核人员 ${saved.person.name}`);
    }
    onClose();
    await onSaved();
  };

  return (
    <FormModal<Values>
      open={target !== null}
      title={editing ? `修改法制审核人员：${editing.person.name}` : '登记法制审核人员'}
      name="reviewer"
      form={form}
      fields={['personId', 'membership', 'qualification', 'appointedOn', 'endedOn']}
      width={540}
      initialValues={
        editing
          ? {
              membership: editing.membership,
              qualification: editing.qualification,
              endedOn: editing.endedOn ? dayjs(editing.endedOn) : null,
            }
          : { membership: 'staff', appointedOn: dayjs() }
      }
      onSubmit={save}
      onClose={onClose}
    >
      {editing ? null : (
        <Form.Item
          label="人员"
          name="personId"
          rules={[{ required: true, message: '请选择人员' }]}
          extra="从人员名册中选择；执法辅助人员不能担任法制审核人员。法律顾问、公职律师须先登记到人员名册。"
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={persons.loading}
            options={candidates.map((p) => ({
              value: p.id,
              label: `${p.name}（${p.kindLabel}${p.unit?.name ? ` · ${p.unit.name}` : ''}）`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item label="类别" name="membership" rules={[{ required: true, message: '请选择类别' }]}>
        <Select options={membershipOptions} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item label="资格" name="qualification" extra="如：法律职业资格（A证）、公职律师证。">
        <Input maxLength={100} />
      </Form.Item>
      {editing ? (
        <Form.Item
          label="任职结束日期"
          name="endedOn"
          extra="填写后自该日起不再计入法制审核人员人数；清空即恢复。"
        >
          <DatePicker allowClear />
        </Form.Item>
      ) : (
        <Form.Item label="任职日期" name="appointedOn">
          <DatePicker />
        </Form.Item>
      )}
    </FormModal>
  );
}
