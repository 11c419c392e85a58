/**
 * Registers an auxiliary (a person of the register whose category is 执法辅助人员)
 * with their duties and the officer they assist, or edits an entry.
 */
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal';
import type { Person } from '../persons/api';
import { type Auxiliary, auxiliariesApi } from './api';

export type AuxiliaryTarget = { mode: 'create' } | { mode: 'edit'; entry: Auxiliary };

interface Values {
  personId: string;
  duties: string;
  supervisingPersonId?: string | null;
  endedOn?: Dayjs | null;
}

export function AuxiliaryModal({
  target,
  persons,
  registered,
  onClose,
  onSaved,
}: {
  target: AuxiliaryTarget | null;
  persons: Person[];
  /** Person ids already in the register. */
  registered: Set<string>;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = target?.mode === 'edit' ? target.entry : undefined;
  const candidates = persons.filter((p) => p.kind === 'auxiliary' && p.active && !registered.has(p.id));
  const officers = persons.filter(
    (p) => p.kind !== 'auxiliary' && p.active && (!editing || p.agencyId === editing.agencyId),
  );

  const save = async (values: Values) => {
    if (editing) {
      await auxiliariesApi.update(editing.id, {
        duties: values.duties.trim(),
        supervisingPersonId: values.supervisingPersonId ?? null,
        endedOn: values.endedOn ? values.endedOn.format('YYYY-MM-DD') : null,
      });
      message.success(`已保存 ${editing.person.name}`);
    } else {
      const created = await auxiliariesApi.register({
        personId: values.personId,
        duties: values.duties.trim(),
        supervisingPersonId: values.supervisingPersonId ?? null,
      });
      message.success(`已登记 ${created.person.name}`);
    }
    onClose();
    await onSaved();
  };

  return (
    <FormModal
      open={target !== null}
      title={editing ? `修改辅助人员登记：${editing.person.name}` : '登记执法辅助人员'}
      name="auxiliary"
      form={form}
      fields={['personId', 'duties', 'supervisingPersonId', 'endedOn']}
      width={560}
      initialValues={
        editing
          ? {
              duties: editing.duties,
              supervisingPersonId: editing.supervisingPerson?.id ?? null,
              endedOn: editing.endedOn ? dayjs(editing.endedOn) : null,
            }
          : {}
      }
      onSubmit={save}
      onClose={onClose}
    >
      {editing ? null : (
        <Form.Item
          label="辅助人员"
          name="personId"
          rules={[{ required: true, message: '请选择人员' }]}
          extra="先在人员名册中以“执法辅助人员”类别登记此人。"
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={candidates.map((p) => ({
              value: p.id,
              label: `${p.name}${p.unit?.name ? `（${p.unit.name}）` : ''}`,
            }))}
            notFoundContent="没有待登记的辅助人员"
          />
        </Form.Item>
      )}
      <Form.Item
        label="岗位职责"
        name="duties"
        rules={[{ required: true, whitespace: true, message: '请写明岗位职责' }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder="如：协助现场检查、信息采集、文书送达"
        />
      </Form.Item>
      <Form.Item
        label="带领的执法人员"
        name="supervisingPersonId"
        extra="辅助人员只能在执法人员带领下协助执法，不得独立执法。"
      >
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={officers.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      {editing ? (
        <Form.Item label="离岗日期" name="endedOn">
          <DatePicker />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
