/**
 * Registers a person or edits one. The 身份证号 is entered once, at registration;
 * the server checks it (GB 11643: birth date and check character) and says so
 * on the field. Afterwards it is shown only masked.
 */
import { App, Form, Input, Select, Switch, TreeSelect } from 'antd';
import { FormModal } from '../../app/FormModal';
import { useLoader } from '../../app/use-loader';
import { organisationApi, unitTreeOptions } from '../organisation/api';
import { type NewPerson, type Person, type PersonChange, personKindOptions, personsApi } from './api';

export type PersonTarget = { mode: 'create' } | { mode: 'edit'; person: Person };

type Values = NewPerson & { active: boolean };

interface Props {
  target: PersonTarget | null;
  onClose(): void;
  onSaved(): Promise<void>;
}

export function PersonModal({ target, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = target?.mode === 'edit' ? target.person : undefined;
  // New persons join the user's own agency; an edited one keeps its agency.
  const agencyId = editing?.agencyId;
  const units = useLoader(
    () => (target ? organisationApi.units(agencyId) : Promise.resolve({ items: [] })),
    [target, agencyId],
  );

  const save = async (values: Values) => {
    const common = {
      name: values.name.trim(),
      kind: values.kind,
      unitId: values.unitId ?? null,
      position: (values.position ?? '').trim(),
    };
    if (editing) {
      const change: PersonChange = { ...common, active: values.active };
      await personsApi.update(editing.id, change);
      message.success(`已保存 ${common.name}`);
    } else {
      await personsApi.create({ ...common, idNumber: values.idNumber.trim().toUpperCase() });
      message.success(`已登记 ${common.name}`);
    }
    onClose();
    await onSaved();
  };

  return (
    <FormModal
      open={target !== null}
      title={editing ? `修改人员信息：${editing.name}` : '登记人员'}
      name="person"
      form={form}
      fields={['name', 'kind', 'unitId', 'position', 'idNumber', 'active']}
      width={560}
      initialValues={
        editing
          ? {
              name: editing.name,
              kind: editing.kind,
              unitId: editing.unit?.id,
              position: editing.position,
              active: editing.active,
            }
          : { kind: 'officer', position: '', active: true }
      }
      onSubmit={save}
      onClose={onClose}
    >
      <Form.Item
        label="姓名"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label="人员类别" name="kind" rules={[{ required: true, message: '请选择人员类别' }]}>
        <Select options={personKindOptions} />
      </Form.Item>
      <Form.Item label="承办机构" name="unitId">
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder="（未分配）"
          loading={units.loading}
          treeData={unitTreeOptions(units.data?.items ?? [])}
        />
      </Form.Item>
      <Form.Item label="职务" name="position">
        <Input maxLength={50} placeholder="如：中队长、科员" />
      </Form.Item>
      {editing ? (
        <>
          <Form.Item label="身份证号">
            <Input value={editing.idNumberMasked} disabled style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item label="在职" name="active" valuePropName="checked" extra="离职或调离后关闭，记录保留。">
            <Switch checkedChildren="在职" unCheckedChildren="不在职" />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          label="身份证号"
          name="idNumber"
          extra="18 位公民身份号码（GB 11643），保存时校验出生日期和校验位；加密存储，列表中只显示前 3 位和后 4 位。"
          rules={[
            { required: true, whitespace: true, message: '请输入身份证号' },
            { pattern: /^\s*\d{17}[\dXx]\s*$/, message: '身份证号应为 18 位，末位为数字或 X' },
          ]}
        >
          <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
